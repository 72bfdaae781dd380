import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { table } from './table-fixtures.js';

const PATH = 'ContinuousBackups.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus';

export default defineAwsRule({
  id: 'aws-dynamodb-table-pitr-enabled',
  resourceType: 'aws.dynamodb.table',
  category: 'backup',
  severity: 'medium',
  fsbp: ['DynamoDB.2'],
  needs: [PATH],
  text: {
    title: {
      en: 'DynamoDB tables have point-in-time recovery enabled',
      ja: 'DynamoDB テーブルでポイントインタイムリカバリが有効になっている',
    },
    description: {
      en: 'Checks that point-in-time recovery (PITR) is enabled for the table.',
      ja: 'テーブルでポイントインタイムリカバリ（PITR）が有効になっていることを確認する。',
    },
    rationale: {
      en: 'PITR keeps continuous backups, so a table can be restored to any second of the recovery period after an accidental delete, a bad write from an application bug, or deliberate damage.',
      ja: 'PITR は継続的にバックアップを取るため、誤削除やアプリケーションの不具合による誤った書き込み、意図的な破壊があっても、保持期間内の任意の時点（秒単位）にテーブルを復元できる。',
    },
    remediation: {
      text: {
        en: 'Enable point-in-time recovery on the table.',
        ja: 'テーブルのポイントインタイムリカバリを有効にする。',
      },
      console: {
        en: 'DynamoDB console → Tables → select the table → Backups tab → Point-in-time recovery (PITR) → Edit → Turn on point-in-time recovery → Save changes.',
        ja: 'DynamoDB コンソール → テーブル → 対象のテーブルを選択 → バックアップ タブ → ポイントインタイムリカバリ (PITR) → 編集 → ポイントインタイムリカバリを有効化 → 変更の保存。',
      },
      cli: 'aws dynamodb update-continuous-backups --table-name <TABLE> \\\n  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
      cloudformation: 'PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true',
      terraform: 'point_in_time_recovery {\n  enabled = true\n}',
      url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html',
    },
  },
  evaluate: ({ props, resource }) =>
    props.ContinuousBackups.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED'
      ? pass()
      : fail(PATH, {
          en: `Point-in-time recovery is off for table ${resource.name}`,
          ja: `テーブル ${resource.name} でポイントインタイムリカバリが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: table() }],
      fail: [{ props: table({}, 'DISABLED') }],
      error: [
        {
          props: { ...table(), ContinuousBackups: undefined },
          gaps: { ContinuousBackups: 'AccessDeniedException: dynamodb:DescribeContinuousBackups' },
        },
        { props: { ...table(), ContinuousBackups: undefined } },
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
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
`,
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
          PointInTimeRecoverySpecification:
            PointInTimeRecoveryEnabled: true
        - Region: us-west-2
          PointInTimeRecoverySpecification:
            PointInTimeRecoveryEnabled: true
`,
      ],
      fail: [
        `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
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
  EnablePitr:
    Type: String
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !Ref EnablePitr
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

  point_in_time_recovery {
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
        `variable "pitr" {
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

  point_in_time_recovery {
    enabled = var.pitr
  }
}
`,
      ],
    },
  },
});
