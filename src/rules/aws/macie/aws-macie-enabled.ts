import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-macie-enabled',
  resourceType: 'aws.region',
  category: 'visibility-audit',
  severity: 'medium',
  // Region-wide state of Macie, which a template cannot show.
  iac: false,
  fsbp: ['Macie.1'],
  needs: ['MacieSession'],
  text: {
    title: {
      en: 'Amazon Macie is enabled in every region',
      ja: 'すべてのリージョンで Amazon Macie が有効になっている',
    },
    description: {
      en: 'Checks that Amazon Macie is enabled (status ENABLED, not paused) in the region, so the S3 data there is discovered and classified.',
      ja: 'リージョンで Amazon Macie が有効（ステータスが ENABLED で、一時停止されていない）であり、そのリージョンの S3 データが検出・分類されることを確認する。',
    },
    rationale: {
      en: 'Data cannot be protected in proportion to its sensitivity unless someone knows where the sensitive data is. Macie inventories buckets, flags public or unencrypted ones and finds personal data and secrets in objects.',
      ja: '機密データがどこにあるかを把握していなければ、その重要度に見合った保護はできない。Macie はバケットを棚卸しし、公開や暗号化なしのバケットを検出し、オブジェクト内の個人情報や認証情報を見つける。',
    },
    remediation: {
      text: {
        en: 'Enable Macie in the region (from the organization’s delegated administrator account where one exists) and run automated sensitive data discovery or discovery jobs.',
        ja: 'リージョンで Macie を有効にし（組織の委任管理者アカウントがあればそこから）、機密データの自動検出または検出ジョブを実行する。',
      },
      console: {
        en: 'Macie console (in the region) → Get started → Enable Macie; if paused: Settings → Resume Macie.',
        ja: 'Macie コンソール（対象リージョン）→ 開始方法 → Macie を有効にする。一時停止中なら 設定 → Macie を再開。',
      },
      cli: 'aws macie2 enable-macie --region <REGION>\n# when paused:\naws macie2 update-macie-session --status ENABLED --region <REGION>',
      cloudformation: 'Type: AWS::Macie::Session\nProperties:\n  Status: ENABLED',
      terraform: 'resource "aws_macie2_account" "this" {\n  status = "ENABLED"\n}',
      url: 'https://docs.aws.amazon.com/macie/latest/user/getting-started.html',
    },
  },
  evaluate: ({ props }) => {
    const session = props.MacieSession;
    if (session === null) {
      return fail('MacieSession', {
        en: `Macie is not enabled in ${props.RegionName}`,
        ja: `${props.RegionName} で Macie が有効になっていない`,
      });
    }
    return session.status === 'ENABLED'
      ? pass()
      : fail('MacieSession.status', {
          en: `Macie is ${session.status === 'PAUSED' ? 'paused' : `in status ${String(session.status)}`} in ${props.RegionName}`,
          ja: `${props.RegionName} の Macie が${session.status === 'PAUSED' ? '一時停止されている' : `ステータス ${String(session.status)} になっている`}`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            RegionName: 'us-east-1',
            MacieSession: {
              createdAt: '2025-04-02T08:15:00Z',
              findingPublishingFrequency: 'FIFTEEN_MINUTES',
              serviceRole:
                'arn:aws:iam::111122223333:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie',
              status: 'ENABLED',
              updatedAt: '2025-04-02T08:15:00Z',
            },
          },
        },
      ],
      fail: [
        { props: { RegionName: 'us-east-1', MacieSession: null } },
        {
          props: {
            RegionName: 'us-east-1',
            MacieSession: {
              createdAt: '2025-04-02T08:15:00Z',
              findingPublishingFrequency: 'SIX_HOURS',
              serviceRole:
                'arn:aws:iam::111122223333:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie',
              status: 'PAUSED',
              updatedAt: '2026-01-10T12:00:00Z',
            },
          },
        },
      ],
      error: [
        { props: { RegionName: 'us-east-1' }, gaps: { MacieSession: 'AccessDeniedException: macie2:GetMacieSession' } },
        { props: { RegionName: 'us-east-1' } },
      ],
    },
  },
});
