import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.14 (v5.0.0 4.14).
const events = [
  'CreateVpc',
  'DeleteVpc',
  'ModifyVpcAttribute',
  'AcceptVpcPeeringConnection',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
];
// CIS's list also names the ClassicLink calls; EC2-Classic is retired, so a filter need not name them (but may).
const classicLink = ['AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-vpc-changes',
  severity: 'low',
  subject: { en: 'VPC changes', ja: 'VPC の変更' },
  title: { en: 'VPC changes are monitored', ja: 'VPC の変更が監視されている' },
  rationale: {
    en: 'Creating, deleting or peering VPCs changes the network layout itself; an unplanned change can connect environments that were meant to stay apart.',
    ja: 'VPC の作成・削除・ピアリングはネットワーク構成そのものを変える。計画外の変更は、分離すべき環境同士をつないでしまう。',
  },
  pattern: eventNamePattern(events),
  assume: ['$.eventSource = ec2.amazonaws.com'],
  metricName: 'VPCChanges',
  examples: {
    covering: [
      eventNamePattern([...events, ...classicLink]),
      eventNamePattern([...events].reverse(), 'ec2.amazonaws.com', true),
    ],
    narrower: [eventNamePattern(events.filter((e) => e !== 'CreateVpcPeeringConnection'))],
  },
});
