import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.11 (v5.0.0 4.11).
const events = [
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'DeleteNetworkAcl',
  'DeleteNetworkAclEntry',
  'ReplaceNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-nacl-changes',
  severity: 'low',
  subject: { en: 'network ACL changes', ja: 'ネットワーク ACL の変更' },
  title: {
    en: 'Network Access Control List (NACL) changes are monitored',
    ja: 'ネットワーク ACL の変更が監視されている',
  },
  rationale: {
    en: 'Network ACLs guard whole subnets; one changed entry can open or cut off a subnet at once.',
    ja: 'ネットワーク ACL はサブネット全体を守る境界であり、エントリ 1 つの変更でサブネット全体が開放されたり遮断されたりする。',
  },
  pattern: eventNamePattern(events),
  assume: ['$.eventSource = ec2.amazonaws.com'],
  metricName: 'NACLChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'ec2.amazonaws.com', true)],
    narrower: [eventNamePattern(events.filter((e) => e !== 'ReplaceNetworkAclEntry'))],
  },
});
