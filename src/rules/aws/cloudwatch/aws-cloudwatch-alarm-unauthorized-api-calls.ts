import { defineMetricAlarmRule } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.1 (v5.0.0 4.1).
export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-unauthorized-api-calls',
  severity: 'low',
  subject: { en: 'unauthorized API calls', ja: '不正な API 呼び出し' },
  title: { en: 'Unauthorized API calls are monitored', ja: '不正な API 呼び出しが監視されている' },
  rationale: {
    en: 'A run of AccessDenied or UnauthorizedOperation errors is often the first trace of stolen credentials being tried out (or of an application that lost a permission); an alert lets someone look while it is happening.',
    ja: 'AccessDenied や UnauthorizedOperation のエラーが続くのは、盗まれた認証情報が試されている最初の兆候であることが多い（権限を失ったアプリケーションの場合もある）。アラートがあれば、起きている最中に調査できる。',
  },
  pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  // Noise filters that CIS itself proposes: S3 log delivery and HeadBucket probes.
  assume: ['$.sourceIPAddress != "delivery.logs.amazonaws.com"', '$.eventName != "HeadBucket"'],
  metricName: 'UnauthorizedAPICalls',
  examples: {
    covering: [
      '{($.errorCode="*UnauthorizedOperation")||($.errorCode="AccessDenied*")&&($.sourceIPAddress!="delivery.logs.amazonaws.com")&&($.eventName!="HeadBucket")}',
      '{ $.errorCode = AccessDenied* || $.errorCode = *UnauthorizedOperation }',
    ],
    narrower: [
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied") }',
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.awsRegion = "us-east-1") }',
      'AccessDenied',
    ],
  },
});
