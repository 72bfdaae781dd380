import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.4 (v5.0.0 4.4).
const events = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-iam-policy-changes',
  severity: 'medium',
  subject: { en: 'IAM policy changes', ja: 'IAM ポリシーの変更' },
  title: { en: 'IAM policy changes are monitored', ja: 'IAM ポリシーの変更が監視されている' },
  rationale: {
    en: 'IAM policy changes decide who can do what. An intruder usually grants themselves more permissions first, and a careless change can open far more than intended.',
    ja: 'IAM ポリシーの変更は、誰が何をできるかを決める。侵入者はまず自分に権限を追加することが多く、不注意な変更は意図した以上の権限を与えてしまう。',
  },
  pattern: eventNamePattern(events),
  // SetDefaultPolicyVersion switches a managed policy to another version; CIS's list predates its use for escalation.
  proposed: eventNamePattern([...events, 'SetDefaultPolicyVersion']),
  assume: ['$.eventSource = iam.amazonaws.com'],
  metricName: 'IAMPolicyChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'iam.amazonaws.com', true)],
    narrower: [
      eventNamePattern(events.filter((e) => e !== 'AttachRolePolicy')),
      eventNamePattern(events, 'organizations.amazonaws.com'),
    ],
  },
});
