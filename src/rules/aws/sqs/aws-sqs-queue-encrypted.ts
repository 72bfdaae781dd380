import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const url = 'https://sqs.us-east-1.amazonaws.com/111122223333/orders';
const base = {
  QueueArn: 'arn:aws:sqs:us-east-1:111122223333:orders',
  VisibilityTimeout: '30',
  MessageRetentionPeriod: '345600',
};

export default defineAwsRule({
  id: 'aws-sqs-queue-encrypted',
  resourceType: 'aws.sqs.queue',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['SQS.1'],
  needs: ['Attributes'],
  text: {
    title: {
      en: 'SQS queues are encrypted at rest',
      ja: 'SQS キューで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the queue uses server-side encryption: SSE-KMS (a KmsMasterKeyId) or SSE-SQS (SqsManagedSseEnabled true).',
      ja: 'キューでサーバー側の暗号化（KmsMasterKeyId による SSE-KMS、または SqsManagedSseEnabled が true の SSE-SQS）が有効になっていることを確認する。',
    },
    rationale: {
      en: 'Queued messages often carry order, payment or personal data and can stay in the queue for days. Server-side encryption keeps them encrypted while stored; SSE-KMS adds key permissions and CloudTrail records of each use.',
      ja: 'キューのメッセージには注文・決済・個人情報などが含まれることが多く、数日間保存されることもある。サーバー側の暗号化により保存中のメッセージは暗号化される。SSE-KMS ならキーの権限による制御と、キー利用の CloudTrail 記録も得られる。',
    },
    remediation: {
      text: {
        en: 'Enable SSE-SQS on the queue, or SSE-KMS with a customer managed key where key-level control and auditing are needed.',
        ja: 'キューで SSE-SQS を有効にする。キー単位の制御や監査が必要な場合は、カスタマー管理キーを使った SSE-KMS を有効にする。',
      },
      console: {
        en: 'SQS console → Queues → select the queue → Edit → Encryption → Server-side encryption: Enabled → choose Amazon SQS key (SSE-SQS) or AWS Key Management Service key (SSE-KMS) → Save.',
        ja: 'SQS コンソール → キュー → 対象のキューを選択 → 編集 → 暗号化 → サーバー側の暗号化: 有効 → Amazon SQS キー (SSE-SQS) または AWS Key Management Service キー (SSE-KMS) を選択 → 保存。',
      },
      cli: 'aws sqs set-queue-attributes --queue-url <QUEUE_URL> --attributes SqsManagedSseEnabled=true\n# or: --attributes KmsMasterKeyId=<KMS_KEY_ARN>',
      cloudformation:
        'Type: AWS::SQS::Queue\nProperties:\n  SqsManagedSseEnabled: true  # or KmsMasterKeyId: <KMS_KEY_ARN>',
      terraform:
        'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = true  # or kms_master_key_id = aws_kms_key.q.arn\n}',
      url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const key = props.Attributes.KmsMasterKeyId as unknown;
    const managed = props.Attributes.SqsManagedSseEnabled as unknown;
    if (typeof key === 'string' && key !== '') return pass();
    if (managed === 'true') return pass();
    if (isUnknown(key)) return error(`unresolved value at Attributes.KmsMasterKeyId: ${key.$unknown}`);
    if (isUnknown(managed)) return error(`unresolved value at Attributes.SqsManagedSseEnabled: ${managed.$unknown}`);
    return fail(managed === 'false' ? 'Attributes.SqsManagedSseEnabled' : 'Attributes', {
      en: `Queue ${resource.name} has neither SSE-KMS nor SSE-SQS enabled`,
      ja: `キュー ${resource.name} で SSE-KMS も SSE-SQS も有効になっていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { QueueUrl: url, Attributes: { ...base, SqsManagedSseEnabled: 'true' }, Policy: null } },
        {
          props: {
            QueueUrl: url,
            Attributes: {
              ...base,
              KmsMasterKeyId: 'alias/orders',
              KmsDataKeyReusePeriodSeconds: '300',
              SqsManagedSseEnabled: 'false',
            },
            Policy: null,
          },
        },
      ],
      fail: [
        { props: { QueueUrl: url, Attributes: { ...base, SqsManagedSseEnabled: 'false' }, Policy: null } },
        // Queues created before SSE-SQS became the default may not report the attribute at all.
        { props: { QueueUrl: url, Attributes: base, Policy: null } },
      ],
      error: [
        { props: { QueueUrl: url }, gaps: { Attributes: 'AccessDenied: sqs:GetQueueAttributes' } },
        { props: { QueueUrl: url } },
      ],
    },
    cloudformation: {
      pass: [
        // A new queue gets SSE-SQS by default.
        `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
`,
        `Resources:
  OrdersKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !GetAtt OrdersKey.Arn
`,
      ],
      fail: [
        `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
      SqsManagedSseEnabled: false
`,
      ],
      error: [
        `Parameters:
  QueueKey:
    Type: String
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref QueueKey
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}
`,
        `resource "aws_sqs_queue" "orders" {
  name                              = "orders"
  kms_master_key_id                 = "alias/orders"
  kms_data_key_reuse_period_seconds = 300
}
`,
      ],
      fail: [
        `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
}
`,
      ],
      error: [
        `variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = var.sse
}
`,
      ],
    },
  },
});
