import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const customer = { KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled' };

export default defineAwsRule({
  id: 'aws-kms-key-rotation-enabled',
  resourceType: 'aws.kms.key',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['KMS.4'],
  appliesTo: {
    'KeyMetadata.KeyManager': 'CUSTOMER',
    'KeyMetadata.KeySpec': 'SYMMETRIC_DEFAULT',
    'KeyMetadata.KeyState': ['Enabled', 'Disabled'],
  },
  needs: ['KeyRotationEnabled'],
  text: {
    title: {
      en: 'Customer managed symmetric KMS keys rotate automatically',
      ja: 'カスタマー管理の対称 KMS キーで自動ローテーションが有効になっている',
    },
    description: {
      en: 'Checks that automatic key rotation is enabled for every customer managed symmetric KMS key.',
      ja: 'カスタマー管理の対称 KMS キーすべてで、キーの自動ローテーションが有効になっていることを確認する。',
    },
    rationale: {
      en: 'Rotating key material limits how much data one key protects and how long a leaked key stays useful.',
      ja: '鍵素材を定期的に更新すると、1 つの鍵で保護するデータ量と、漏えいした鍵が悪用できる期間を小さくできる。',
    },
    remediation: {
      text: { en: 'Enable automatic rotation on the key.', ja: 'キーの自動ローテーションを有効にする。' },
      console: {
        en: 'KMS console → Customer managed keys → select the key → Key rotation tab → check "Automatically rotate this KMS key every year" → Save.',
        ja: 'KMS コンソール → カスタマー管理型のキー → 対象のキーを選択 → キーのローテーション タブ → 「この KMS キーを毎年自動的にローテーションする」を選択 → 保存。',
      },
      cli: 'aws kms enable-key-rotation --key-id <KEY_ID>',
      cloudformation: 'EnableKeyRotation: true',
      terraform: 'enable_key_rotation = true',
      url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    },
  },
  evaluate: ({ props }) =>
    props.KeyRotationEnabled
      ? pass()
      : fail('KeyRotationEnabled', { en: 'Automatic key rotation is off', ja: '自動ローテーションが無効になっている' }),
  fixtures: {
    live: {
      pass: [{ props: { KeyMetadata: customer, KeyRotationEnabled: true } }],
      fail: [{ props: { KeyMetadata: customer, KeyRotationEnabled: false } }],
      error: [
        { props: { KeyMetadata: customer }, gaps: { KeyRotationEnabled: 'AccessDenied: kms:GetKeyRotationStatus' } },
        { props: { KeyMetadata: customer } },
      ],
      notApplicable: [
        { props: { KeyMetadata: { ...customer, KeyManager: 'AWS' } } },
        { props: { KeyMetadata: { ...customer, KeySpec: 'RSA_2048' }, KeyRotationEnabled: false } },
        { props: { KeyMetadata: { ...customer, KeyState: 'PendingDeletion' }, KeyRotationEnabled: false } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: application data
      EnableKeyRotation: true
`,
      ],
      fail: [
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: application data
`,
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: 'false'
`,
      ],
      error: [
        `Parameters:
  Rotate:
    Type: String
    AllowedValues: ['true', 'false']
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: !Ref Rotate
`,
      ],
      notApplicable: [
        `Resources:
  SigningKey:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: ECC_NIST_P256
      KeyUsage: SIGN_VERIFY
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_kms_key" "data" {
  description         = "application data"
  enable_key_rotation = true
}
`,
      ],
      fail: [
        `resource "aws_kms_key" "data" {
  description = "application data"
}
`,
      ],
      error: [
        `variable "rotate" {
  type = bool
}

resource "aws_kms_key" "data" {
  enable_key_rotation = var.rotate
}
`,
      ],
      notApplicable: [
        `resource "aws_kms_key" "signing" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
`,
      ],
    },
  },
});
