import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

// Not a CIS recommendation: seed 004 (threat detection), judged per region.
const region = {
  RegionName: 'us-east-1',
  OptInStatus: 'opt-in-not-required',
  EbsEncryptionByDefault: true,
  ConfigurationRecorders: [],
  ConfigurationRecordersStatus: [],
  DeliveryChannels: [],
  Analyzers: [],
  SecurityHub: null,
  MacieSession: null,
};
const detector = (status: string) => ({
  DetectorId: '12abc34d567e8fa901bc2d34e56789f0',
  CreatedAt: '2025-01-10T03:12:45.123Z',
  FindingPublishingFrequency: 'SIX_HOURS',
  ServiceRole:
    'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
  Status: status,
  UpdatedAt: '2026-09-02T11:20:00.000Z',
  Features: [
    { Name: 'CLOUD_TRAIL', Status: 'ENABLED', UpdatedAt: '2025-01-10T03:12:45.000Z' },
    { Name: 'DNS_LOGS', Status: 'ENABLED', UpdatedAt: '2025-01-10T03:12:45.000Z' },
    { Name: 'FLOW_LOGS', Status: 'ENABLED', UpdatedAt: '2025-01-10T03:12:45.000Z' },
    { Name: 'S3_DATA_EVENTS', Status: 'ENABLED', UpdatedAt: '2025-01-10T03:12:45.000Z' },
  ],
  Tags: {},
});

export default defineAwsRule({
  id: 'aws-guardduty-enabled',
  resourceType: 'aws.region',
  category: 'logging-monitoring',
  severity: 'high',
  // Region-wide (is there an enabled detector at all); templates are judged per detector by aws-guardduty-detector-enabled.
  iac: false,
  fsbp: ['GuardDuty.1'],
  appliesTo: (p) => p.OptInStatus !== 'not-opted-in',
  needs: ['GuardDutyDetectors'],
  text: {
    title: { en: 'Amazon GuardDuty is enabled', ja: 'Amazon GuardDuty が有効になっている' },
    description: {
      en: 'Checks, in each region, that the account has a GuardDuty detector whose status is ENABLED.',
      ja: 'リージョンごとに、アカウントに状態が ENABLED の GuardDuty 検出器があることを確認する。',
    },
    rationale: {
      en: 'GuardDuty watches CloudTrail, VPC flow and DNS logs for signs of compromise (credential misuse, crypto mining, calls from known bad addresses) without any agent. A region without a detector is a region where an attacker goes unnoticed.',
      ja: 'GuardDuty はエージェントなしで CloudTrail・VPC フローログ・DNS ログを分析し、認証情報の不正利用、暗号資産のマイニング、悪性アドレスからの呼び出しといった侵害の兆候を検出する。検出器のないリージョンでは、攻撃者の活動に気付けない。',
    },
    remediation: {
      text: {
        en: 'Enable GuardDuty in the region (in an organization, from the delegated administrator with auto-enable for all member accounts).',
        ja: '対象リージョンで GuardDuty を有効にする（組織では、委任管理者からすべてのメンバーアカウントに自動有効化するのが望ましい）。',
      },
      console: {
        en: 'GuardDuty console (in the region) → Get started → Enable GuardDuty; for a suspended detector: Settings → Resume GuardDuty.',
        ja: 'GuardDuty コンソール（対象リージョン）→ 今すぐ始める → GuardDuty を有効にする。停止中の検出器は、設定 → GuardDuty の再開。',
      },
      cli: 'aws guardduty create-detector --region <REGION> --enable\n# a suspended detector: aws guardduty update-detector --region <REGION> --detector-id <DETECTOR_ID> --enable',
      cloudformation: 'AWS::GuardDuty::Detector Enable: true',
      terraform: 'aws_guardduty_detector: enable = true',
      url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
    },
  },
  evaluate: ({ props }) => {
    const detectors = props.GuardDutyDetectors;
    const on = detectors.find((d) => d.Status === 'ENABLED');
    if (on) return pass({ en: `Detector ${on.DetectorId} is enabled`, ja: `検出器 ${on.DetectorId} が有効` });
    const unknownStatus = detectors.find((d) => d.Status === undefined);
    if (unknownStatus) return error(`not collected: Status of GuardDuty detector ${unknownStatus.DetectorId}`);
    if (detectors.length === 0) {
      return fail('GuardDutyDetectors', {
        en: `GuardDuty is not enabled in ${props.RegionName} (no detector)`,
        ja: `${props.RegionName} で GuardDuty が有効になっていない（検出器がない）`,
      });
    }
    return fail('GuardDutyDetectors.0.Status', {
      en: `GuardDuty detector ${detectors[0]!.DetectorId} in ${props.RegionName} is suspended (${detectors[0]!.Status})`,
      ja: `${props.RegionName} の GuardDuty 検出器 ${detectors[0]!.DetectorId} が停止している（${detectors[0]!.Status}）`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { ...region, GuardDutyDetectors: [detector('ENABLED')] } }],
      fail: [
        { props: { ...region, GuardDutyDetectors: [] } },
        { props: { ...region, GuardDutyDetectors: [detector('DISABLED')] } },
      ],
      error: [
        { props: { ...region } },
        {
          props: { ...region, GuardDutyDetectors: [] },
          gaps: { GuardDutyDetectors: 'AccessDeniedException: guardduty:ListDetectors' },
        },
        {
          props: { ...region, GuardDutyDetectors: [{ DetectorId: '12abc34d567e8fa901bc2d34e56789f0' }] },
          gaps: { 'GuardDutyDetectors.0': 'AccessDeniedException: guardduty:GetDetector' },
        },
        { props: { ...region, GuardDutyDetectors: [{ DetectorId: '12abc34d567e8fa901bc2d34e56789f0' }] } },
      ],
      notApplicable: [
        { props: { ...region, RegionName: 'af-south-1', OptInStatus: 'not-opted-in' }, region: 'af-south-1' },
      ],
    },
  },
});
