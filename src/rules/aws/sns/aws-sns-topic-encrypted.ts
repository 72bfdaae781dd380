import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const arn = 'arn:aws:sns:us-east-1:111122223333:alerts';
const attributes = { TopicArn: arn, Owner: '111122223333', DisplayName: 'alerts', SubscriptionsConfirmed: '1' };

export default defineAwsRule({
  id: 'aws-sns-topic-encrypted',
  resourceType: 'aws.sns.topic',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['SNS.1'],
  needs: ['Attributes'],
  text: {
    title: {
      en: 'SNS topics are encrypted at rest with a KMS key',
      ja: 'SNS トピックで KMS キーによる保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that server-side encryption is enabled on the topic, i.e. the topic has a KmsMasterKeyId (an AWS managed or customer managed KMS key).',
      ja: 'トピックでサーバー側の暗号化が有効になっている（KmsMasterKeyId に AWS マネージドキーまたはカスタマー管理の KMS キーが設定されている）ことを確認する。',
    },
    rationale: {
      en: 'Messages wait in SNS until every subscriber has them. With SSE, SNS stores message bodies encrypted under a KMS key, so reading them needs permission on the key as well, and each use of the key is logged.',
      ja: 'メッセージはすべてのサブスクライバーに届くまで SNS に保存される。SSE を有効にすると、メッセージ本文は KMS キーで暗号化して保存されるため、読み取りにはキーの権限も必要になり、キーの利用はすべて記録される。',
    },
    remediation: {
      text: {
        en: 'Enable server-side encryption on the topic with a customer managed KMS key whose key policy lets the publishing services use it.',
        ja: '発行元のサービスが利用できるキーポリシーを持つカスタマー管理の KMS キーで、トピックのサーバー側の暗号化を有効にする。',
      },
      console: {
        en: 'SNS console → Topics → select the topic → Edit → Encryption – optional → Enable encryption → choose the KMS key → Save changes.',
        ja: 'SNS コンソール → トピック → 対象のトピックを選択 → 編集 → 暗号化 - オプション → 暗号化の有効化 → KMS キーを選択 → 変更の保存。',
      },
      cli: 'aws sns set-topic-attributes --topic-arn <TOPIC_ARN> --attribute-name KmsMasterKeyId --attribute-value <KMS_KEY_ARN>',
      cloudformation: 'Type: AWS::SNS::Topic\nProperties:\n  KmsMasterKeyId: <KMS_KEY_ARN>',
      terraform: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = aws_kms_key.sns.arn\n}',
      url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const key = props.Attributes.KmsMasterKeyId as unknown;
    if (isUnknown(key)) return error(`unresolved value at Attributes.KmsMasterKeyId: ${key.$unknown}`);
    if (typeof key === 'string' && key !== '') return pass();
    return fail('Attributes', {
      en: `Topic ${resource.name} is not encrypted at rest with a KMS key (no KmsMasterKeyId)`,
      ja: `トピック ${resource.name} で KMS キーによる保存時の暗号化が有効になっていない（KmsMasterKeyId が未設定）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            TopicArn: arn,
            Attributes: {
              ...attributes,
              KmsMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            },
          },
        },
        { props: { TopicArn: arn, Attributes: { ...attributes, KmsMasterKeyId: 'alias/aws/sns' } } },
      ],
      fail: [{ props: { TopicArn: arn, Attributes: attributes } }],
      error: [
        { props: { TopicArn: arn }, gaps: { Attributes: 'AuthorizationError: sns:GetTopicAttributes' } },
        { props: { TopicArn: arn } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  AlertsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
      KmsMasterKeyId: !Ref AlertsKey
`,
        `Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
`,
      ],
      fail: [
        `Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`,
      ],
      error: [
        `Parameters:
  TopicKey:
    Type: String
Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref TopicKey
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_kms_key" "sns" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.arn
}
`,
      ],
      fail: [
        `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
`,
      ],
      error: [
        `variable "kms_key_arn" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = var.kms_key_arn
}
`,
      ],
    },
  },
});
