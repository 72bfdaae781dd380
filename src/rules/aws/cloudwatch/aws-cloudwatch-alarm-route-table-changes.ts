import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.13 (v5.0.0 4.13).
const events = [
  'CreateRoute',
  'CreateRouteTable',
  'ReplaceRoute',
  'ReplaceRouteTableAssociation',
  'DeleteRouteTable',
  'DeleteRoute',
  'DisassociateRouteTable',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-route-table-changes',
  severity: 'low',
  subject: { en: 'route table changes', ja: 'ルートテーブルの変更' },
  title: { en: 'Route table changes are monitored', ja: 'ルートテーブルの変更が監視されている' },
  rationale: {
    en: 'A changed route can send traffic through an unexpected gateway or peer, bypassing inspection or exposing private subnets.',
    ja: 'ルートの変更により、通信が想定外のゲートウェイやピアを経由し、検査の迂回やプライベートサブネットの露出が起こりうる。',
  },
  pattern: eventNamePattern(events, 'ec2.amazonaws.com'),
  metricName: 'RouteTableChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'ec2.amazonaws.com', true), eventNamePattern(events)],
    narrower: [
      eventNamePattern(
        events.filter((e) => e !== 'CreateRoute'),
        'ec2.amazonaws.com',
      ),
    ],
  },
});
