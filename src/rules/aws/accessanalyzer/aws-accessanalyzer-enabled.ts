import { fail, pass } from '../../../core/rule.js';
import type { AccountProps } from '../../../inventory/aws/account.js';
import type { RegionProps } from '../../../inventory/aws/region.js';
import type { OrganizationProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';

/** External access analyzers; the *_UNUSED_ACCESS and *_INTERNAL_ACCESS types answer other questions. */
const EXTERNAL = new Set(['ACCOUNT', 'ORGANIZATION']);

const analyzer = (name: string, type: string, status: string, account = '111122223333') => ({
  arn: `arn:aws:access-analyzer:us-east-1:${account}:analyzer/${name}`,
  name,
  type,
  createdAt: '2025-04-01T00:00:00+00:00',
  lastResourceAnalyzed: `arn:aws:s3:::logs-${account}`,
  lastResourceAnalyzedAt: '2026-10-31T12:00:00+00:00',
  status,
  tags: {},
});
const region = (Analyzers: unknown[]) => ({
  RegionName: 'us-east-1',
  OptInStatus: 'opt-in-not-required',
  EbsEncryptionByDefault: true,
  ConfigurationRecorders: [],
  ConfigurationRecordersStatus: [],
  DeliveryChannels: [],
  Analyzers,
  SecurityHub: null,
  GuardDutyDetectors: [],
  MacieSession: null,
});
const member = {
  type: 'aws.account',
  props: {
    AccountId: '111122223333',
    Organization: { Id: 'o-a1b2c3d4e5', MasterAccountId: '999988887777', FeatureSet: 'ALL' },
  },
};
const organization = {
  type: 'aws.organizations.organization',
  account: '999988887777',
  props: {
    Organization: { Id: 'o-a1b2c3d4e5', MasterAccountId: '999988887777', FeatureSet: 'ALL' },
    Roots: [],
    Policies: [],
    DelegatedAdministrators: [{ Id: '444455556666', Name: 'security-tooling', Status: 'ACTIVE' }],
    EnabledFeatures: [],
  },
};

export default defineAwsRule({
  id: 'aws-accessanalyzer-enabled',
  resourceType: 'aws.region',
  // The organisation's analyzers live in the management or delegated admin account's region records.
  reads: ['aws.account', 'aws.organizations.organization', 'aws.region'],
  category: 'visibility-audit',
  severity: 'medium',
  // Region-wide (is there an active analyzer at all), which a template cannot show.
  iac: false,
  needs: ['Analyzers'],
  text: {
    title: {
      en: 'IAM Access Analyzer (external access) is enabled in every region',
      ja: 'すべてのリージョンで IAM Access Analyzer（外部アクセス）が有効になっている',
    },
    description: {
      en: "Checks that each region of the account has an active external access analyzer, of the account or the organization type. An organization analyzer in the management account or a delegated administrator account counts when that account's region is in the same inventory.",
      ja: 'アカウントの各リージョンに、アカウントまたは組織を信頼ゾーンとする外部アクセスアナライザーがあり、アクティブであることを確認する。管理アカウントまたは委任管理者アカウントの組織アナライザーも、そのリージョンが同じインベントリにあれば有効とみなす。',
    },
    rationale: {
      en: 'Access Analyzer finds S3 buckets, roles, KMS keys, queues and other resources whose policies let someone outside the account or organization in. Analyzers are regional, so a region without one is a blind spot for accidental public or cross-account access.',
      ja: 'Access Analyzer は、アカウントや組織の外部からのアクセスを許すポリシーを持つ S3 バケット、ロール、KMS キー、キューなどを検出する。アナライザーはリージョン単位のため、アナライザーのないリージョンでは意図しない公開やクロスアカウントアクセスを見逃す。',
    },
    remediation: {
      text: {
        en: 'Create an external access analyzer in every region: one with the organization as zone of trust from the delegated administrator account, or one per account.',
        ja: 'すべてのリージョンに外部アクセスアナライザーを作成する。委任管理者アカウントから組織を信頼ゾーンとするものを作るか、アカウントごとに作成する。',
      },
      console: {
        en: 'IAM console → Access Analyzer → Analyzer settings → Create analyzer → Finding type: External access → Zone of trust: current account (or organization) → Create analyzer; repeat in each region.',
        ja: 'IAM コンソール → Access Analyzer → アナライザーの設定 → アナライザーを作成 → 検出結果のタイプ: 外部アクセス → 信頼ゾーン: 現在のアカウント（または組織）→ アナライザーを作成。リージョンごとに繰り返す。',
      },
      cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <REGION>\n# From the delegated administrator account, for the whole organization:\naws accessanalyzer create-analyzer --analyzer-name org-external-access --type ORGANIZATION --region <REGION>',
      cloudformation: 'AWS::AccessAnalyzer::Analyzer → Type: ACCOUNT (or ORGANIZATION)',
      terraform:
        'resource "aws_accessanalyzer_analyzer" "this" {\n  analyzer_name = "external-access"\n  type          = "ACCOUNT"\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
    },
  },
  evaluate: ({ resource, props, lookups }) => {
    const own = props.Analyzers.find((a) => a.status === 'ACTIVE' && EXTERNAL.has(a.type ?? ''));
    if (own) return pass({ en: `Analyzer ${own.name} (${own.type})`, ja: `アナライザー ${own.name} (${own.type})` });

    // An organization analyzer lives in the management or a delegated administrator account, not in members.
    const org = lookups.ofType<AccountProps>('aws.account', resource.account)[0]?.props.Organization;
    const management = org?.MasterAccountId;
    if (management) {
      const orgResource = lookups.ofType<OrganizationProps>('aws.organizations.organization', management)[0];
      const delegated = (orgResource?.props.DelegatedAdministrators ?? []).flatMap((d) => (d.Id ? [d.Id] : []));
      const admins = new Set([management, ...delegated]);
      admins.delete(resource.account);
      for (const account of admins) {
        for (const r of lookups.ofType<RegionProps>('aws.region', account, resource.region)) {
          const a = r.props.Analyzers?.find((x) => x.type === 'ORGANIZATION' && x.status === 'ACTIVE');
          if (a) {
            return pass({
              en: `Covered by organization analyzer ${a.name} in account ${account}`,
              ja: `アカウント ${account} の組織アナライザー ${a.name} の対象になっている`,
            });
          }
        }
      }
    }

    const others = props.Analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`).join(', ');
    return fail('Analyzers', {
      en: `No active external access analyzer in ${resource.region}${others ? `; found only ${others}` : ''}`,
      ja: `${resource.region} にアクティブな外部アクセスアナライザーがない${others ? `（存在するのは ${others} のみ）` : ''}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: region([analyzer('external-access', 'ACCOUNT', 'ACTIVE')]) },
        // The organization analyzer of the delegated administrator covers this member account.
        {
          props: region([]),
          related: [
            member,
            organization,
            {
              type: 'aws.region',
              account: '444455556666',
              region: 'us-east-1',
              props: region([analyzer('org-external-access', 'ORGANIZATION', 'ACTIVE', '444455556666')]),
            },
          ],
        },
      ],
      fail: [
        { props: region([]) },
        // An unused-access analyzer does not look for external access.
        {
          props: region([
            analyzer('unused-access', 'ACCOUNT_UNUSED_ACCESS', 'ACTIVE'),
            analyzer('external-access', 'ACCOUNT', 'DISABLED'),
          ]),
        },
        { props: region([analyzer('external-access', 'ACCOUNT', 'CREATING')]) },
        // The organization analyzer exists, but in another region.
        {
          props: region([]),
          related: [
            member,
            organization,
            {
              type: 'aws.region',
              account: '444455556666',
              region: 'eu-west-1',
              props: {
                ...region([analyzer('org-external-access', 'ORGANIZATION', 'ACTIVE', '444455556666')]),
                RegionName: 'eu-west-1',
              },
            },
          ],
        },
      ],
      error: [
        {
          props: { ...region([]), Analyzers: undefined },
          gaps: { Analyzers: 'AccessDeniedException: access-analyzer:ListAnalyzers' },
        },
        { props: { ...region([]), Analyzers: undefined } },
      ],
    },
  },
});
