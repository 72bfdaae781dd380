import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.5 (v5.0.0 4.5).
const events = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-cloudtrail-changes',
  severity: 'medium',
  subject: { en: 'CloudTrail configuration changes', ja: 'CloudTrail の設定変更' },
  title: { en: 'CloudTrail configuration changes are monitored', ja: 'CloudTrail の設定変更が監視されている' },
  rationale: {
    en: 'Stopping, deleting or redirecting a trail blinds every later investigation. It is a classic step for hiding an intrusion and has to be noticed at once.',
    ja: '証跡の停止・削除・変更は、その後の調査をすべて不可能にする。侵入を隠す典型的な手口であり、すぐに気付く必要がある。',
  },
  pattern: eventNamePattern(events),
  // PutEventSelectors can silently drop management events from a trail.
  proposed: eventNamePattern([...events, 'PutEventSelectors']),
  assume: ['$.eventSource = cloudtrail.amazonaws.com'],
  metricName: 'CloudTrailConfigChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'cloudtrail.amazonaws.com', true)],
    narrower: [eventNamePattern(events.filter((e) => e !== 'StopLogging'))],
  },
});
