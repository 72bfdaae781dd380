import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { relatedGap } from '../lib/related.js';
import { table } from './table-fixtures.js';

const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export default defineAwsRule({
  id: 'aws-dynamodb-table-kms-encryption',
  resourceType: 'aws.dynamodb.table',
  category: 'encryption',
  severity: 'low',
  needs: ['TableName'],
  text: {
    title: {
      en: 'DynamoDB tables are encrypted with a KMS key, not an AWS owned key',
      ja: 'DynamoDB テーブルが AWS 所有キーではなく KMS キーで暗号化されている',
    },
    description: {
      en: 'Checks that the table’s encryption at rest uses a KMS key in the account (SSEType KMS: the AWS managed key aws/dynamodb or a customer managed key) rather than the default AWS owned key.',
      ja: 'テーブルの保存時の暗号化に、既定の AWS 所有キーではなく、アカウント内の KMS キー（SSEType が KMS: AWS マネージドキー aws/dynamodb またはカスタマー管理キー）を使っていることを確認する。',
    },
    rationale: {
      en: 'Every table is encrypted at rest, but with an AWS owned key its use is invisible to you. A KMS key in the account records each use in CloudTrail; a customer managed key also lets the key policy decide who may decrypt, and can be disabled to cut off access.',
      ja: 'すべてのテーブルは保存時に暗号化されるが、AWS 所有キーではその利用を確認できない。アカウント内の KMS キーならキーの利用が CloudTrail に記録され、カスタマー管理キーであればキーポリシーで復号できる者を制御でき、キーを無効化してアクセスを遮断することもできる。',
    },
    remediation: {
      text: {
        en: 'Switch the table’s encryption to a customer managed KMS key (or the AWS managed key); the change is online and needs no downtime.',
        ja: 'テーブルの暗号化をカスタマー管理の KMS キー（または AWS マネージドキー）に切り替える。変更はオンラインで行われ、停止は不要。',
      },
      console: {
        en: 'DynamoDB console → Tables → select the table → Additional settings tab → Encryption → Manage encryption → Stored in your account, and owned and managed by you (or AWS managed key) → Save changes.',
        ja: 'DynamoDB コンソール → テーブル → 対象のテーブルを選択 → 追加の設定 タブ → 暗号化 → 暗号化を管理 → アカウントに保存され、お客様が所有・管理（またはAWS マネージドキー）を選択 → 変更の保存。',
      },
      cli: 'aws dynamodb update-table --table-name <TABLE> \\\n  --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<KMS_KEY_ARN>',
      cloudformation: 'SSESpecification:\n  SSEEnabled: true\n  SSEType: KMS\n  KMSMasterKeyId: <KMS_KEY_ARN>',
      terraform: 'server_side_encryption {\n  enabled     = true\n  kms_key_arn = aws_kms_key.table.arn\n}',
      url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
    },
  },
  evaluate: ({ props, resource }) => {
    // DescribeTable leaves SSEDescription out for the AWS owned key, so "absent" is an answer; a gap is not.
    const gap = relatedGap(resource, ['SSEDescription']);
    if (gap !== undefined) return error(gap);
    const sse = props.SSEDescription as unknown;
    if (isUnknown(sse)) return error(`unresolved value at SSEDescription: ${sse.$unknown}`);
    const d = sse as { Status?: unknown; SSEType?: unknown } | undefined;
    if (d !== undefined && (isUnknown(d.Status) || isUnknown(d.SSEType))) {
      return error('unresolved value at SSEDescription');
    }
    if (d?.SSEType === 'KMS' && (d.Status === 'ENABLED' || d.Status === 'UPDATING')) return pass();
    return fail(d === undefined ? 'TableName' : 'SSEDescription', {
      en: `Table ${resource.name} is encrypted with an AWS owned key, not a KMS key in the account`,
      ja: `テーブル ${resource.name} がアカウント内の KMS キーではなく AWS 所有キーで暗号化されている`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: table({ SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: keyArn } }) }],
      fail: [
        { props: table() },
        // KMS encryption whose key is inaccessible: DynamoDB reports it, and it no longer protects with that key.
        {
          props: table({
            SSEDescription: {
              Status: 'DISABLED',
              SSEType: 'KMS',
              KMSMasterKeyArn: keyArn,
              InaccessibleEncryptionDateTime: '2026-10-01T00:00:00.000Z',
            },
          }),
        },
      ],
      error: [
        { props: table(), gaps: { SSEDescription: 'AccessDeniedException: dynamodb:DescribeTable' } },
        { props: { ...table(), TableName: undefined } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  TableKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
        KMSMasterKeyId: !Ref TableKey
`,
      ],
      fail: [
        `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
`,
      ],
      error: [
        `Parameters:
  UseKms:
    Type: String
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      SSESpecification:
        SSEEnabled: !Ref UseKms
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}
`,
      ],
      fail: [
        `resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }
}
`,
      ],
      error: [
        `variable "sse" {
  type = bool
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  server_side_encryption {
    enabled = var.sse
  }
}
`,
      ],
    },
  },
});
