import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.16 (v5.0.0 4.16), judged per region.
const region = {
  RegionName: 'us-east-1',
  OptInStatus: 'opt-in-not-required',
  EbsEncryptionByDefault: true,
  ConfigurationRecorders: [],
  ConfigurationRecordersStatus: [],
  DeliveryChannels: [],
  Analyzers: [],
  GuardDutyDetectors: [],
  MacieSession: null,
};
const hub = {
  HubArn: 'arn:aws:securityhub:us-east-1:111122223333:hub/default',
  SubscribedAt: '2025-04-01T09:00:00.000Z',
  AutoEnableControls: true,
  ControlFindingGenerator: 'SECURITY_CONTROL',
  EnabledStandards: [
    {
      StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      Name: 'AWS Foundational Security Best Practices v1.0.0',
      EnabledByDefault: true,
      StandardsManagedBy: { Company: 'AWS', Product: 'Security Hub' },
    },
  ],
};

export default defineAwsRule({
  id: 'aws-securityhub-enabled',
  resourceType: 'aws.region',
  category: 'visibility-audit',
  severity: 'medium',
  // Region-wide state of Security Hub, which a template cannot show.
  iac: false,
  appliesTo: (p) => p.OptInStatus !== 'not-opted-in',
  needs: ['SecurityHub'],
  text: {
    title: { en: 'AWS Security Hub is enabled', ja: 'AWS Security Hub が有効になっている' },
    description: {
      en: 'Checks, in each region, that Security Hub (CSPM) is enabled for the account.',
      ja: 'リージョンごとに、アカウントで Security Hub (CSPM) が有効になっていることを確認する。',
    },
    rationale: {
      en: 'Security Hub gathers findings from GuardDuty, Inspector, Macie, IAM Access Analyzer and its own control checks in one place per region, so that problems are seen and tracked instead of scattered across consoles.',
      ja: 'Security Hub は GuardDuty・Inspector・Macie・IAM Access Analyzer の検出結果と自身のコントロールチェックの結果をリージョンごとに 1 か所に集約する。問題が複数のコンソールに散らばらず、把握・追跡できるようになる。',
    },
    remediation: {
      text: {
        en: 'Enable Security Hub in the region (in an organization, preferably from the delegated administrator with central configuration).',
        ja: '対象リージョンで Security Hub を有効にする（組織では、委任管理者から中央設定で有効にするのが望ましい）。',
      },
      console: {
        en: 'Security Hub console (in the region) → Go to Security Hub → choose the security standards → Enable Security Hub.',
        ja: 'Security Hub コンソール（対象リージョン）→ Security Hub に移動 → セキュリティ標準を選択 → Security Hub の有効化。',
      },
      cli: 'aws securityhub enable-security-hub --region <REGION> --enable-default-standards',
      cloudformation: 'AWS::SecurityHub::Hub (one per region): EnableDefaultStandards: true',
      terraform: 'aws_securityhub_account: enable_default_standards = true (one per region provider)',
      url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
    },
  },
  evaluate: ({ props }) => {
    if (props.SecurityHub === null) {
      return fail('SecurityHub', {
        en: `Security Hub is not enabled in ${props.RegionName}`,
        ja: `${props.RegionName} で Security Hub が有効になっていない`,
      });
    }
    const standards = props.SecurityHub.EnabledStandards?.length;
    return pass(
      standards === undefined
        ? undefined
        : { en: `${standards} standard(s) enabled`, ja: `有効なセキュリティ標準 ${standards} 件` },
    );
  },
  fixtures: {
    live: {
      pass: [
        { props: { ...region, SecurityHub: hub } },
        { props: { ...region, SecurityHub: { ...hub, EnabledStandards: [] } } },
      ],
      fail: [{ props: { ...region, SecurityHub: null } }],
      error: [
        { props: { ...region } },
        {
          props: { ...region, SecurityHub: null },
          gaps: { SecurityHub: 'AccessDeniedException: securityhub:DescribeHub' },
        },
      ],
      notApplicable: [
        { props: { ...region, RegionName: 'me-south-1', OptInStatus: 'not-opted-in' }, region: 'me-south-1' },
      ],
    },
  },
});
