import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-ec2-ebs-default-encryption',
  resourceType: 'aws.region',
  category: 'encryption',
  severity: 'medium',
  needs: ['EbsEncryptionByDefault'],
  text: {
    title: {
      en: 'EBS encryption by default is enabled in every region',
      ja: 'すべてのリージョンで EBS のデフォルト暗号化が有効になっている',
    },
    description: {
      en: 'Checks that EBS encryption by default is enabled in the region, so every new EBS volume and snapshot copy there is encrypted with KMS.',
      ja: 'リージョンで EBS のデフォルト暗号化が有効になっており、そのリージョンで新しく作成される EBS ボリュームとスナップショットのコピーがすべて KMS で暗号化されることを確認する。',
    },
    rationale: {
      en: 'Encryption by default removes the chance that a launch template, an AMI or a person forgets to ask for encryption. Unencrypted volumes and their snapshots can be read by anyone who obtains a copy.',
      ja: 'デフォルト暗号化を有効にすれば、起動テンプレートや AMI、作業者が暗号化の指定を忘れる余地がなくなる。暗号化されていないボリュームとそのスナップショットは、コピーを入手した者なら誰でも読める。',
    },
    remediation: {
      text: {
        en: 'Enable EBS encryption by default in every region (optionally choosing a customer managed KMS key). Existing volumes are not changed: re-create them from encrypted snapshot copies.',
        ja: 'すべてのリージョンで EBS のデフォルト暗号化を有効にする（必要ならカスタマー管理の KMS キーを指定する）。既存のボリュームは変わらないため、暗号化したスナップショットのコピーから作り直す。',
      },
      console: {
        en: 'EC2 console (in the region) → Dashboard → Account attributes → Data protection and security → Manage → EBS encryption: Enable → Update EBS encryption.',
        ja: 'EC2 コンソール（対象リージョン）→ ダッシュボード → アカウントの属性 → データ保護とセキュリティ → 管理 → EBS 暗号化: 有効化 → EBS 暗号化を更新する。',
      },
      cli: 'aws ec2 enable-ebs-encryption-by-default --region <REGION>\n# optional: aws ec2 modify-ebs-default-kms-key-id --kms-key-id <KMS_KEY_ID> --region <REGION>',
      terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
    },
  },
  evaluate: ({ props }) =>
    props.EbsEncryptionByDefault === true
      ? pass()
      : fail('EbsEncryptionByDefault', {
          en: `EBS encryption by default is off in ${props.RegionName}`,
          ja: `${props.RegionName} で EBS のデフォルト暗号化が無効になっている`,
        }),
  fsbp: ['EC2.7'],
  // Judges aws.region, which templates do not make: the setting is account-wide per region, outside any template.
  iac: false,
  fixtures: {
    live: {
      pass: [{ props: { RegionName: 'us-east-1', EbsEncryptionByDefault: true } }],
      fail: [{ props: { RegionName: 'us-east-1', EbsEncryptionByDefault: false } }],
      error: [
        {
          props: { RegionName: 'us-east-1' },
          gaps: { EbsEncryptionByDefault: 'UnauthorizedOperation: ec2:GetEbsEncryptionByDefault' },
        },
        { props: { RegionName: 'us-east-1' } },
      ],
    },
  },
});
