import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-efs-encrypted',
  resourceType: 'aws.efs.file_system',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['EFS.1', 'EFS.8'],
  needs: ['Encrypted'],
  text: {
    title: {
      en: 'EFS file systems have encryption at rest enabled',
      ja: 'EFS ファイルシステムで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the EFS file system was created with encryption at rest (Encrypted), using a KMS key.',
      ja: 'EFS ファイルシステムが、KMS キーを使った保存時の暗号化（Encrypted）を有効にして作成されていることを確認する。',
    },
    rationale: {
      en: 'Shared file systems often collect data from many applications. Encryption at rest keeps the stored files and metadata unreadable without the KMS key and lets key policies and CloudTrail show who can decrypt them.',
      ja: '共有ファイルシステムには多くのアプリケーションのデータが集まりやすい。保存時の暗号化により、KMS キーなしにはファイルとメタデータを読めなくなり、キーポリシーと CloudTrail で復号できる者を管理・確認できる。',
    },
    remediation: {
      text: {
        en: 'Encryption cannot be enabled on an existing file system. Create a new encrypted file system, copy the data (for example with AWS DataSync), switch the mounts and delete the old one.',
        ja: '既存のファイルシステムでは暗号化を後から有効にできない。暗号化した新しいファイルシステムを作成し、データをコピー（AWS DataSync など）してマウント先を切り替え、古いファイルシステムを削除する。',
      },
      console: {
        en: 'EFS console → File systems → Create file system → Customize → General → Encryption: Enable encryption of data at rest (choose the KMS key) → Next → Create; then migrate the data.',
        ja: 'EFS コンソール → ファイルシステム → ファイルシステムの作成 → カスタマイズ → 全般 → 暗号化: 保管時のデータの暗号化を有効にする（KMS キーを選択）→ 次へ → 作成。その後データを移行する。',
      },
      cli: 'aws efs create-file-system --encrypted --kms-key-id <KMS_KEY_ID> --performance-mode generalPurpose --tags Key=Name,Value=<NAME>',
      cloudformation: 'Type: AWS::EFS::FileSystem\nProperties:\n  Encrypted: true\n  KmsKeyId: <KMS_KEY_ARN>',
      terraform: 'resource "aws_efs_file_system" "fs" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}',
      url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
    },
  },
  evaluate: ({ props, resource }) =>
    props.Encrypted === true
      ? pass()
      : fail('Encrypted', {
          en: `File system ${resource.name} is not encrypted at rest`,
          ja: `ファイルシステム ${resource.name} で保存時の暗号化が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            FileSystemId: 'fs-0123456789abcdef0',
            LifeCycleState: 'available',
            Encrypted: true,
            KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            PerformanceMode: 'generalPurpose',
          },
        },
      ],
      fail: [
        {
          props: {
            FileSystemId: 'fs-0fedcba9876543210',
            LifeCycleState: 'available',
            Encrypted: false,
            PerformanceMode: 'generalPurpose',
          },
        },
      ],
      error: [
        { props: { FileSystemId: 'fs-0aaaabbbbccccdddd', LifeCycleState: 'available' } },
        { props: { FileSystemId: 'fs-iac', Encrypted: { $unknown: 'Ref EncryptParam' } } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      KmsKeyId: !GetAtt EfsKey.Arn
  EfsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`,
      ],
      fail: [
        // Created through CloudFormation, a file system is unencrypted unless Encrypted is set.
        `Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      PerformanceMode: generalPurpose
`,
      ],
      error: [
        `Parameters:
  EncryptFs:
    Type: String
Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref EncryptFs
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_efs_file_system" "shared" {
  encrypted = true
  tags = {
    Name = "shared"
  }
}
`,
      ],
      fail: [
        `resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}
`,
      ],
      error: [
        `variable "encrypted" {
  type = bool
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}
`,
      ],
    },
  },
});
