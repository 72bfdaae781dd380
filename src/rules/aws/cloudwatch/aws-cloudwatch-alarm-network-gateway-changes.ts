import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.12 (v5.0.0 4.12).
const events = [
  'CreateCustomerGateway',
  'DeleteCustomerGateway',
  'AttachInternetGateway',
  'CreateInternetGateway',
  'DeleteInternetGateway',
  'DetachInternetGateway',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-network-gateway-changes',
  severity: 'low',
  subject: { en: 'network gateway changes', ja: 'ネットワークゲートウェイの変更' },
  title: { en: 'Changes to network gateways are monitored', ja: 'ネットワークゲートウェイの変更が監視されている' },
  rationale: {
    en: 'Internet and customer gateways decide which networks a VPC can reach; a new or re-attached gateway can open a path around the intended perimeter.',
    ja: 'インターネットゲートウェイとカスタマーゲートウェイは、VPC がどのネットワークと通信できるかを決める。ゲートウェイの作成やアタッチは、想定した境界を迂回する経路を作りうる。',
  },
  pattern: eventNamePattern(events),
  assume: ['$.eventSource = ec2.amazonaws.com'],
  metricName: 'NetworkGatewayChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 'ec2.amazonaws.com', true)],
    narrower: [eventNamePattern(events.filter((e) => e !== 'AttachInternetGateway'))],
  },
});
