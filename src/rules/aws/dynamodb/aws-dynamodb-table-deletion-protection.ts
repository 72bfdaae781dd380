import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { table } from './table-fixtures.js';

export default defineAwsRule({
  id: 'aws-dynamodb-table-deletion-protection',
  resourceType: 'aws.dynamodb.table',
  category: 'availability',
  severity: 'medium',
  fsbp: ['DynamoDB.6'],
  needs: ['DeletionProtectionEnabled'],
  text: {
    title: {
      en: 'DynamoDB tables have deletion protection enabled',
      ja: 'DynamoDB テーブルで削除保護が有効になっている',
    },
    description: {
      en: 'Checks that deletion protection (DeletionProtectionEnabled) is on for the table.',
      ja: 'テーブルの削除保護（DeletionProtectionEnabled）が有効になっていることを確認する。',
    },
    rationale: {
      en: 'With deletion protection, DeleteTable fails until someone deliberately turns it off, so a mistaken command, a stack teardown or a misdirected script cannot drop a production table and its data.',
      ja: '削除保護を有効にすると、意図して無効化しない限り DeleteTable が失敗するため、誤ったコマンドやスタックの削除、対象を誤ったスクリプトによって本番テーブルとそのデータが消えることを防げる。',
    },
    remediation: {
      text: {
        en: 'Turn on deletion protection for the table.',
        ja: 'テーブルの削除保護を有効にする。',
      },
      console: {
        en: 'DynamoDB console → Tables → select the table → Additional settings tab → Deletion protection → Turn on → confirm.',
        ja: 'DynamoDB コンソール → テーブル → 対象のテーブルを選択 → 追加の設定 タブ → 削除保護 → オンにする → 確認。',
      },
      cli: 'aws dynamodb update-table --table-name <TABLE> --deletion-protection-enabled',
      cloudformation: 'DeletionProtectionEnabled: true',
      terraform: 'deletion_protection_enabled = true',
      url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
    },
  },
  evaluate: ({ props, resource }) =>
    props.DeletionProtectionEnabled === true
      ? pass()
      : fail('DeletionProtectionEnabled', {
          en: `Deletion protection is off for table ${resource.name}`,
          ja: `テーブル ${resource.name} で削除保護が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: table({ DeletionProtectionEnabled: true }) }],
      fail: [{ props: table() }],
      error: [
        {
          props: { ...table(), DeletionProtectionEnabled: undefined },
          gaps: { DeletionProtectionEnabled: 'AccessDeniedException: dynamodb:DescribeTable' },
        },
        { props: { ...table(), DeletionProtectionEnabled: undefined } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
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
        // Per replica: one replica without it fails.
        `Resources:
  Orders:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      Replicas:
        - Region: us-east-1
          DeletionProtectionEnabled: false
`,
      ],
      error: [
        `Parameters:
  Protect:
    Type: String
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: !Ref Protect
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "orderId"
  deletion_protection_enabled = true

  attribute {
    name = "orderId"
    type = "S"
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
        `variable "protect" {
  type = bool
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "orderId"
  deletion_protection_enabled = var.protect

  attribute {
    name = "orderId"
    type = "S"
  }
}
`,
      ],
    },
  },
});
