import { defineMetricAlarmRule } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.6 (v5.0.0 4.6).
export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-console-auth-failures',
  severity: 'low',
  subject: { en: 'failed console sign-ins', ja: 'マネジメントコンソールの認証失敗' },
  title: {
    en: 'AWS Management Console authentication failures are monitored',
    ja: 'マネジメントコンソールの認証失敗が監視されている',
  },
  rationale: {
    en: 'Repeated failed console sign-ins point at password guessing against the users of the account; an alert shortens the time until a targeted user is protected or the source is blocked.',
    ja: 'コンソールサインインの失敗が続く場合、ユーザーのパスワードを推測する攻撃が疑われる。アラートにより、狙われたユーザーの保護や送信元の遮断までの時間を短くできる。',
  },
  pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  assume: ['$.eventSource = signin.amazonaws.com'],
  metricName: 'ConsoleAuthFailures',
  examples: {
    covering: [
      '{ ($.errorMessage = "Failed authentication") && ($.eventName = "ConsoleLogin") && ($.eventSource = "signin.amazonaws.com") }',
      '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed*") }',
    ],
    narrower: [
      '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.userIdentity.type = "Root") }',
      '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed") }',
    ],
  },
});
