import { defineMetricAlarmRule } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.7 (v5.0.0 4.7).
export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-cmk-disable-or-deletion',
  severity: 'medium',
  subject: {
    en: 'disabling or scheduled deletion of customer managed KMS keys',
    ja: 'カスタマー管理 KMS キーの無効化・削除予定',
  },
  title: {
    en: 'Disabling or scheduled deletion of customer managed KMS keys is monitored',
    ja: 'カスタマー管理 KMS キーの無効化・削除予定が監視されている',
  },
  rationale: {
    en: 'A disabled or deleted key makes everything encrypted with it unreadable, whether by mistake, sabotage or ransom. The waiting period before deletion only helps if somebody is told.',
    ja: 'キーの無効化や削除により、そのキーで暗号化したデータはすべて読めなくなる（誤操作、妨害、身代金目的のいずれもありうる）。削除までの待機期間は、誰かに通知されて初めて役に立つ。',
  },
  pattern:
    '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  // A trail that excludes KMS management events never delivers these events.
  eventSources: ['kms.amazonaws.com'],
  metricName: 'DisableOrDeleteCMK',
  examples: {
    covering: [
      '{($.eventSource=kms.amazonaws.com)&&(($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}',
      '{ ($.eventName = "ScheduleKeyDeletion") || ($.eventName = "DisableKey") }',
    ],
    narrower: [
      '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }',
      '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) && ($.userIdentity.type = "Root") }',
    ],
  },
});
