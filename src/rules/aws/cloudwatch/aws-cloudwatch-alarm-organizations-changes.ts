import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.15 (v5.0.0 4.15).
const events = [
  'AcceptHandshake',
  'AttachPolicy',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'CreatePolicy',
  'DeclineHandshake',
  'DeleteOrganization',
  'DeleteOrganizationalUnit',
  'DeletePolicy',
  'DetachPolicy',
  'DisablePolicyType',
  'EnablePolicyType',
  'InviteAccountToOrganization',
  'LeaveOrganization',
  'MoveAccount',
  'RemoveAccountFromOrganization',
  'UpdatePolicy',
  'UpdateOrganizationalUnit',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-organizations-changes',
  severity: 'medium',
  subject: { en: 'AWS Organizations changes', ja: 'AWS Organizations の変更' },
  title: { en: 'AWS Organizations changes are monitored', ja: 'AWS Organizations の変更が監視されている' },
  rationale: {
    en: 'Organizations changes move accounts, attach or detach service control policies and invite or remove accounts; one of them can lift the guardrails of every account at once.',
    ja: 'AWS Organizations の変更では、アカウントの移動、サービスコントロールポリシーのアタッチ・デタッチ、アカウントの招待・削除ができ、1 回の変更で全アカウントのガードレールを外しうる。',
  },
  pattern: eventNamePattern(events, 'organizations.amazonaws.com'),
  metricName: 'OrganizationsChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'organizations.amazonaws.com', true)],
    narrower: [
      eventNamePattern(
        events.filter((e) => e !== 'DetachPolicy'),
        'organizations.amazonaws.com',
      ),
      eventNamePattern(events, 'iam.amazonaws.com'),
    ],
  },
});
