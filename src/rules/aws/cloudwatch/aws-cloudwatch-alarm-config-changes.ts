import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.9 (v5.0.0 4.9).
const events = ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-config-changes',
  severity: 'low',
  subject: { en: 'AWS Config configuration changes', ja: 'AWS Config の設定変更' },
  title: { en: 'AWS Config configuration changes are monitored', ja: 'AWS Config の設定変更が監視されている' },
  rationale: {
    en: 'Stopping the configuration recorder or changing its delivery channel removes the configuration history that audits and investigations depend on.',
    ja: '設定レコーダーの停止や配信チャネルの変更は、監査や調査が頼りにする設定履歴を失わせる。',
  },
  pattern: eventNamePattern(events, 'config.amazonaws.com'),
  metricName: 'AWSConfigChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'config.amazonaws.com', true)],
    narrower: [
      eventNamePattern(
        events.filter((e) => e !== 'StopConfigurationRecorder'),
        'config.amazonaws.com',
      ),
    ],
  },
});
