import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export default defineAwsRule({
  id: 'aws-s3-bucket-kms-encryption',
  resourceType: 'aws.s3.bucket',
  category: 'encryption',
  severity: 'low',
  fsbp: ['S3.17'],
  needs: ['ServerSideEncryptionConfiguration'],
  text: {
    title: {
      en: 'S3 buckets encrypt new objects with AWS KMS keys by default',
      ja: 'S3 バケットのデフォルト暗号化で AWS KMS キーを使用している',
    },
    description: {
      en: 'Checks that the bucket’s default encryption uses SSE-KMS or DSSE-KMS (SSEAlgorithm aws:kms or aws:kms:dsse) rather than SSE-S3 (AES256).',
      ja: 'バケットのデフォルト暗号化が SSE-S3（AES256）ではなく、SSE-KMS または DSSE-KMS（SSEAlgorithm が aws:kms または aws:kms:dsse）になっていることを確認する。',
    },
    rationale: {
      en: 'Every bucket is encrypted at rest with SSE-S3, but with S3 managed keys anyone who may read an object reads it in clear. With a KMS key, reading also requires kms:Decrypt on the key, every use is recorded in CloudTrail, and access can be cut off by changing the key policy.',
      ja: 'すべてのバケットは SSE-S3 で保存時の暗号化がされているが、S3 マネージドキーではオブジェクトの読み取り権限さえあれば復号された内容を取得できる。KMS キーを使うと、読み取りにはキーに対する kms:Decrypt 権限も必要になり、キーの利用はすべて CloudTrail に記録され、キーポリシーの変更でアクセスを遮断できる。',
    },
    remediation: {
      text: {
        en: 'Set the bucket’s default encryption to SSE-KMS with a customer managed KMS key, and turn on S3 Bucket Keys to reduce KMS request costs.',
        ja: 'バケットのデフォルト暗号化をカスタマー管理の KMS キーを使った SSE-KMS に変更し、KMS のリクエスト料金を抑えるため S3 バケットキーを有効にする。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Properties tab → Default encryption → Edit → Encryption type: Server-side encryption with AWS Key Management Service keys (SSE-KMS) → choose the key → Bucket Key: Enable → Save changes.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → プロパティ タブ → デフォルトの暗号化 → 編集 → 暗号化タイプ: AWS Key Management Service キーを使用したサーバー側の暗号化 (SSE-KMS) → キーを選択 → バケットキー: 有効にする → 変更の保存。',
      },
      cli: 'aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \\\n  \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<KMS_KEY_ARN>"},"BucketKeyEnabled":true}]}\'',
      cloudformation:
        'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: <KMS_KEY_ARN>\n      BucketKeyEnabled: true',
      terraform:
        'resource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.b.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const config = props.ServerSideEncryptionConfiguration;
    if (config === null) {
      return fail('ServerSideEncryptionConfiguration', {
        en: `Bucket ${resource.name} has no default encryption configuration`,
        ja: `バケット ${resource.name} にデフォルト暗号化の設定がない`,
      });
    }
    const rules = config.Rules as unknown;
    if (isUnknown(rules))
      return error(`unresolved value at ServerSideEncryptionConfiguration.Rules: ${rules.$unknown}`);
    const list = Array.isArray(rules) ? rules : [];
    for (let i = 0; i < list.length; i++) {
      const algorithm = list[i]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm as unknown;
      if (isUnknown(algorithm)) return error(`unresolved SSE algorithm: ${algorithm.$unknown}`);
      if (typeof algorithm === 'string' && KMS_ALGORITHMS.includes(algorithm)) continue;
      return fail(`ServerSideEncryptionConfiguration.Rules.${i}`, {
        en: `Bucket ${resource.name} encrypts new objects with ${String(algorithm ?? 'no default algorithm')}, not a KMS key`,
        ja: `バケット ${resource.name} のデフォルト暗号化が KMS キーではなく ${String(algorithm ?? '（アルゴリズム未指定）')} になっている`,
      });
    }
    if (list.length === 0) {
      return fail('ServerSideEncryptionConfiguration.Rules', {
        en: `Bucket ${resource.name} has no default encryption rule`,
        ja: `バケット ${resource.name} にデフォルト暗号化のルールがない`,
      });
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            Name: 'example-data',
            ServerSideEncryptionConfiguration: {
              Rules: [
                {
                  ApplyServerSideEncryptionByDefault: {
                    SSEAlgorithm: 'aws:kms',
                    KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
                  },
                  BucketKeyEnabled: true,
                },
              ],
            },
          },
        },
        {
          props: {
            Name: 'example-regulated',
            ServerSideEncryptionConfiguration: {
              Rules: [
                { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse' }, BucketKeyEnabled: false },
              ],
            },
          },
        },
      ],
      fail: [
        {
          props: {
            Name: 'example-default',
            ServerSideEncryptionConfiguration: {
              Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
            },
          },
        },
        { props: { Name: 'example-legacy', ServerSideEncryptionConfiguration: null } },
      ],
      error: [
        {
          props: { Name: 'denied' },
          gaps: { ServerSideEncryptionConfiguration: 'AccessDenied: s3:GetEncryptionConfiguration' },
        },
        { props: { Name: 'not-collected' } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt DataKey.Arn
            BucketKeyEnabled: true
`,
      ],
      fail: [
        // No BucketEncryption: S3 applies SSE-S3.
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
`,
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
      ],
      error: [
        `Parameters:
  Algorithm:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Algorithm
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}
`,
        // Provider v3 inline block.
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
      ],
      error: [
        `variable "sse_algorithm" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.sse_algorithm
    }
  }
}
`,
      ],
    },
  },
});
