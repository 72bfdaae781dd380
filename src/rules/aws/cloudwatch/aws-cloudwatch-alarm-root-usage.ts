import { defineMetricAlarmRule } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.3 (v5.0.0 4.3).
export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-root-usage',
  severity: 'medium',
  subject: { en: 'uses of the root user', ja: 'root ユーザーの使用' },
  title: { en: "Usage of the 'root' user is monitored", ja: 'root ユーザーの使用が監視されている' },
  rationale: {
    en: 'The root user should almost never be used. Any use outside a planned task is either a process failure or someone holding the most powerful credentials of the account.',
    ja: 'root ユーザーはほとんど使わないものである。計画外の使用は運用上の問題か、アカウントで最も強い認証情報を第三者が使っていることを示す。',
  },
  // Root calls made by the user, not by an AWS service on its behalf, and not service events.
  pattern:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  metricName: 'RootAccountUsage',
  examples: {
    covering: [
      '{ ($.eventType != "AwsServiceEvent") && ($.userIdentity.type = Root) && ($.userIdentity.invokedBy NOT EXISTS) }',
      '{ $.userIdentity.type = "Root" }',
    ],
    narrower: [
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" && $.eventName = "ConsoleLogin" }',
      '{ $.userIdentity.type = "root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy IS NULL && $.eventType != "AwsServiceEvent" }',
    ],
  },
});
