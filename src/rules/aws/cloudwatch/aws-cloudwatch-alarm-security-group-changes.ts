import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.10 (v5.0.0 4.10).
const events = [
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-security-group-changes',
  severity: 'low',
  subject: { en: 'security group changes', ja: 'セキュリティグループの変更' },
  title: { en: 'Security group changes are monitored', ja: 'セキュリティグループの変更が監視されている' },
  rationale: {
    en: 'Security groups are the first network boundary of most workloads; an unexpected rule, such as a port opened to the internet, should be seen within minutes rather than at the next audit.',
    ja: 'セキュリティグループは多くのワークロードで最初のネットワーク境界になる。インターネットへのポート開放のような想定外のルールは、次の監査ではなく数分以内に把握すべきである。',
  },
  pattern: eventNamePattern(events),
  // ModifySecurityGroupRules edits existing rules in place; CIS's list predates it.
  proposed: eventNamePattern([...events, 'ModifySecurityGroupRules']),
  assume: ['$.eventSource = ec2.amazonaws.com'],
  metricName: 'SecurityGroupChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'ec2.amazonaws.com', true)],
    narrower: [eventNamePattern(events.filter((e) => e !== 'AuthorizeSecurityGroupIngress'))],
  },
});
