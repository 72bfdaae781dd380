import { defineMetricAlarmRule } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.2 (v5.0.0 4.2).
export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-console-signin-without-mfa',
  severity: 'medium',
  subject: { en: 'console sign-ins without MFA', ja: 'MFA なしのマネジメントコンソールへのサインイン' },
  title: {
    en: 'Management console sign-in without MFA is monitored',
    ja: 'MFA なしのマネジメントコンソールへのサインインが監視されている',
  },
  rationale: {
    en: 'A console sign-in without MFA means a password alone was enough. When that is not expected, either the password has leaked or a user who should have MFA does not.',
    ja: 'MFA なしのコンソールサインインは、パスワードだけでログインできたことを意味する。想定外であれば、パスワードが漏えいしているか、MFA を設定すべきユーザーに設定漏れがある。',
  },
  pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  // CIS's variant that keeps to successful IAM user sign-ins (SSO and failed sign-ins are other signals).
  assume: [
    '$.eventSource = "signin.amazonaws.com"',
    '$.userIdentity.type = "IAMUser"',
    '$.responseElements.ConsoleLogin = "Success"',
  ],
  metricName: 'ConsoleSigninWithoutMFA',
  examples: {
    covering: [
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
      '{$.additionalEventData.MFAUsed!=Yes&&$.eventName=ConsoleLogin}',
    ],
    narrower: [
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "Yes") }',
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.userName = "admin") }',
    ],
  },
});
