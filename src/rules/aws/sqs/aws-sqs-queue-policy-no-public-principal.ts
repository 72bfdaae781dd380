import { defineAwsRule } from '../../define.js';
import { publicPolicyVerdict } from './public-policy.js';

const arn = 'arn:aws:sqs:us-east-1:111122223333:orders';
const url = 'https://sqs.us-east-1.amazonaws.com/111122223333/orders';
const queue = (Statement: unknown[] | unknown) => ({
  QueueUrl: url,
  Attributes: { QueueArn: arn, SqsManagedSseEnabled: 'true' },
  Policy: { Version: '2012-10-17', Id: 'orders-policy', Statement },
});

export default defineAwsRule({
  id: 'aws-sqs-queue-policy-no-public-principal',
  resourceType: 'aws.sqs.queue',
  category: 'identity',
  severity: 'high',
  fsbp: ['SQS.3'],
  needs: ['Policy'],
  text: {
    title: {
      en: 'SQS queue policies do not allow unrestricted access with Principal "*"',
      ja: 'SQS キューのポリシーで Principal "*" による無制限のアクセスが許可されていない',
    },
    description: {
      en: 'Checks that no Allow statement of the queue policy names Principal "*" (or AWS "*") without a condition that pins the caller to known accounts, organizations, source ARNs or networks (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, …).',
      ja: 'キューポリシーの Allow ステートメントが、呼び出し元を特定のアカウント・組織・送信元 ARN・ネットワークに限定する条件（aws:SourceArn、aws:SourceAccount、aws:PrincipalOrgID、aws:SourceVpce など）なしに Principal "*"（または AWS "*"）を指定していないことを確認する。',
    },
    rationale: {
      en: 'An open queue lets anyone send forged messages into the systems that consume it, read and delete the messages meant for them, or purge the queue, depending on the actions allowed.',
      ja: '公開されたキューでは、許可されたアクションに応じて、誰でもコンシューマーのシステムに偽のメッセージを送り込んだり、本来のメッセージを読み取って削除したり、キューを空にしたりできてしまう。',
    },
    remediation: {
      text: {
        en: 'Name the accounts, roles or service principals that need the queue instead of "*", or add a condition such as aws:SourceArn (for an SNS topic or EventBridge rule) or aws:PrincipalOrgID.',
        ja: '"*" の代わりにキューを必要とするアカウント・ロール・サービスプリンシパルを指定するか、aws:SourceArn（SNS トピックや EventBridge ルールの ARN）や aws:PrincipalOrgID などの条件を追加する。',
      },
      console: {
        en: 'SQS console → Queues → select the queue → Access policy tab → Edit → change the statement with "Principal": "*" → Save.',
        ja: 'SQS コンソール → キュー → 対象のキューを選択 → アクセスポリシー タブ → 編集 → "Principal": "*" のステートメントを修正 → 保存。',
      },
      cli: 'aws sqs get-queue-attributes --queue-url <QUEUE_URL> --attribute-names Policy\naws sqs set-queue-attributes --queue-url <QUEUE_URL> --attributes file://queue-policy-attribute.json',
      cloudformation:
        'AWS::SQS::QueuePolicy → PolicyDocument: no Allow with Principal "*" unless a Condition (e.g. aws:SourceArn) restricts it',
      terraform:
        'resource "aws_sqs_queue_policy" → policy: no Allow with Principal "*" unless a condition (e.g. aws:SourceArn) restricts it',
      url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
    },
  },
  evaluate: ({ props, resource }) =>
    publicPolicyVerdict(props.Policy, { en: `Queue ${resource.name}`, ja: `キュー ${resource.name} ` }),
  fixtures: {
    live: {
      pass: [
        { props: { ...queue([]), Policy: null } },
        {
          // The usual SNS fan-out grant: "*" pinned to one topic by aws:SourceArn.
          props: queue([
            {
              Sid: 'AllowTopic',
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: arn,
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:orders-events' } },
            },
            {
              Sid: 'OrgSend',
              Effect: 'Allow',
              Principal: '*',
              Action: 'sqs:SendMessage',
              Resource: arn,
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ]),
        },
      ],
      fail: [
        {
          props: queue([{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: arn }]),
        },
        {
          props: queue({
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::444455556666:root', '*'] },
            Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
            Resource: arn,
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          }),
        },
      ],
      error: [
        {
          props: { QueueUrl: url, Attributes: { QueueArn: arn } },
          gaps: { Policy: 'AccessDenied: sqs:GetQueueAttributes' },
        },
        { props: { QueueUrl: url, Attributes: { QueueArn: arn } } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Orders:
    Type: AWS::SQS::Queue
`,
        `Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrderEvents:
    Type: AWS::SNS::Topic
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref Orders
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: AllowTopic
            Effect: Allow
            Principal:
              Service: sns.amazonaws.com
            Action: sqs:SendMessage
            Resource: !GetAtt Orders.Arn
            Condition:
              ArnEquals:
                aws:SourceArn: !Ref OrderEvents
`,
      ],
      fail: [
        `Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref Orders
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Anyone
            Effect: Allow
            Principal: '*'
            Action: sqs:SendMessage
            Resource: !GetAtt Orders.Arn
`,
      ],
      error: [
        `Parameters:
  ProducerArn:
    Type: String
Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref Orders
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref ProducerArn
            Action: sqs:SendMessage
            Resource: !GetAtt Orders.Arn
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}
`,
        `resource "aws_sns_topic" "events" {
  name = "order-events"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.orders.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.events.arn } }
    }]
  })
}
`,
      ],
      fail: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.orders.arn
    }]
  })
}
`,
        // Inline policy on the queue.
        `resource "aws_sqs_queue" "orders" {
  name   = "orders"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*"}]
}
POLICY
}
`,
      ],
      error: [
        `variable "queue_policy" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name   = "orders"
  policy = var.queue_policy
}
`,
      ],
    },
  },
});
