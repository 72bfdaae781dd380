import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { describeActions, statementPath } from '../lib/iam.js';
import { publicAllowStatements, statements } from '../lib/policy.js';

const arn = 'arn:aws:sns:us-east-1:111122223333:alerts';
/** The policy SNS gives a new topic: everyone in principal, pinned to the owner account by AWS:SourceOwner. */
const defaultStatement = {
  Sid: '__default_statement_ID',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: [
    'SNS:GetTopicAttributes',
    'SNS:SetTopicAttributes',
    'SNS:AddPermission',
    'SNS:RemovePermission',
    'SNS:DeleteTopic',
    'SNS:Subscribe',
    'SNS:ListSubscriptionsByTopic',
    'SNS:Publish',
  ],
  Resource: arn,
  Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } },
};
const topic = (Statement: unknown[]) => ({
  TopicArn: arn,
  Attributes: { TopicArn: arn, Owner: '111122223333', DisplayName: 'alerts', SubscriptionsConfirmed: '2' },
  Policy: { Version: '2008-10-17', Id: '__default_policy_ID', Statement },
  Subscriptions: [
    {
      SubscriptionArn: `${arn}:0b6e6f1c-1111-2222-3333-444455556666`,
      Owner: '111122223333',
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: arn,
    },
  ],
});

export default defineAwsRule({
  id: 'aws-sns-topic-policy-no-public-principal',
  resourceType: 'aws.sns.topic',
  category: 'identity',
  severity: 'high',
  fsbp: ['SNS.4'],
  needs: ['Policy'],
  text: {
    title: {
      en: 'SNS topic policies do not allow unrestricted access with Principal "*"',
      ja: 'SNS トピックのポリシーで Principal "*" による無制限のアクセスが許可されていない',
    },
    description: {
      en: 'Checks that no Allow statement of the topic policy names Principal "*" (or AWS "*") without a condition that pins the caller to known accounts, organizations, sources or networks (aws:SourceOwner, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce, …).',
      ja: 'トピックポリシーの Allow ステートメントが、呼び出し元を特定のアカウント・組織・送信元・ネットワークに限定する条件（aws:SourceOwner、aws:SourceAccount、aws:SourceArn、aws:PrincipalOrgID、aws:SourceVpce など）なしに Principal "*"（または AWS "*"）を指定していないことを確認する。',
    },
    rationale: {
      en: 'An unrestricted "*" lets anyone with an AWS account publish to the topic (spam, forged alerts, cost), subscribe to read its messages, or change its settings, depending on the actions allowed.',
      ja: '制限のない "*" は、許可されたアクションに応じて、AWS アカウントを持つ誰にでもトピックへの発行（スパム、偽のアラート、課金）、購読によるメッセージの読み取り、設定の変更を許してしまう。',
    },
    remediation: {
      text: {
        en: 'Replace "*" with the account, role or service principals that need the topic, or add a condition such as aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID to the statement.',
        ja: '"*" を、トピックを必要とするアカウント・ロール・サービスプリンシパルに置き換えるか、ステートメントに aws:SourceAccount、aws:SourceArn、aws:PrincipalOrgID などの条件を追加する。',
      },
      console: {
        en: 'SNS console → Topics → select the topic → Edit → Access policy → change the statement with "Principal": "*" → Save changes.',
        ja: 'SNS コンソール → トピック → 対象のトピックを選択 → 編集 → アクセスポリシー → "Principal": "*" のステートメントを修正 → 変更の保存。',
      },
      cli: 'aws sns get-topic-attributes --topic-arn <TOPIC_ARN> --query Attributes.Policy --output text\naws sns set-topic-attributes --topic-arn <TOPIC_ARN> --attribute-name Policy --attribute-value file://topic-policy.json',
      cloudformation:
        'AWS::SNS::TopicPolicy → PolicyDocument: no Allow with Principal "*" unless a Condition restricts it',
      terraform:
        'resource "aws_sns_topic_policy" → policy: no Allow with principals identifiers = ["*"] unless a condition restricts it',
      url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const doc = props.Policy;
    const open = publicAllowStatements(doc);
    const first = open[0];
    if (!doc || !first) {
      // An unresolved principal or condition could be anything, "*" included.
      const unresolved = (v: unknown) => v !== undefined && JSON.stringify(v).includes('"$unknown"');
      if (statements(doc).some((s) => s.Effect !== 'Deny' && (unresolved(s.Principal) || unresolved(s.Condition)))) {
        return error('the policy has unresolved values, so its principals cannot be judged');
      }
      return pass();
    }
    return fail(statementPath('Policy', doc, first), {
      en: `Topic ${resource.name} allows ${describeActions(first, 'en')} to any principal without a restricting condition`,
      ja: `トピック ${resource.name} が制限条件なしで任意のプリンシパルに ${describeActions(first, 'ja')} を許可している`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: topic([defaultStatement]) },
        // A service principal (EventBridge), pinned to a rule of this account.
        {
          props: topic([
            defaultStatement,
            {
              Sid: 'AllowEventBridge',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: arn,
              Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:events:us-east-1:111122223333:rule/*' } },
            },
          ]),
        },
        // "*" restricted to the organization.
        {
          props: topic([
            {
              Sid: 'OrgPublish',
              Effect: 'Allow',
              Principal: '*',
              Action: 'sns:Publish',
              Resource: arn,
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ]),
        },
        // Deny statements to everyone are fine.
        {
          props: topic([
            defaultStatement,
            {
              Sid: 'DenyInsecure',
              Effect: 'Deny',
              Principal: '*',
              Action: 'sns:Publish',
              Resource: arn,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ]),
        },
      ],
      fail: [
        {
          props: topic([
            defaultStatement,
            { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: arn },
          ]),
        },
        // Anyone may subscribe: the condition on aws:SecureTransport does not restrict who.
        {
          props: topic([
            defaultStatement,
            {
              Sid: 'AnyoneSubscribe',
              Effect: 'Allow',
              Principal: { AWS: ['arn:aws:iam::444455556666:root', '*'] },
              Action: ['sns:Subscribe', 'sns:Receive'],
              Resource: arn,
              Condition: { Bool: { 'aws:SecureTransport': 'true' } },
            },
          ]),
        },
        // NotAction with "*": everything but deleting the topic.
        {
          props: topic([
            defaultStatement,
            { Sid: 'AlmostAll', Effect: 'Allow', Principal: { AWS: '*' }, NotAction: 'sns:DeleteTopic', Resource: arn },
          ]),
        },
        // A wildcard in the condition value restricts nothing.
        {
          props: {
            ...topic([]),
            Policy: {
              Version: '2012-10-17',
              Statement: {
                Effect: 'Allow',
                Principal: { AWS: '*' },
                Action: 'SNS:Publish',
                Resource: arn,
                Condition: { StringLike: { 'aws:SourceAccount': '*' } },
              },
            },
          },
        },
      ],
      error: [
        { props: { ...topic([]), Policy: undefined }, gaps: { Policy: 'AuthorizationError: sns:GetTopicAttributes' } },
        { props: { ...topic([]), Policy: undefined } },
      ],
    },
    cloudformation: {
      pass: [
        // No TopicPolicy: SNS gives the topic its default policy (the owner account only).
        `Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`,
        `Resources:
  Alerts:
    Type: AWS::SNS::Topic
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Alerts
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: AllowEventBridge
            Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sns:Publish
            Resource: !Ref Alerts
`,
      ],
      fail: [
        `Resources:
  Alerts:
    Type: AWS::SNS::Topic
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Alerts
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Public
            Effect: Allow
            Principal: '*'
            Action: sns:Publish
            Resource: !Ref Alerts
`,
      ],
      error: [
        `Parameters:
  PublisherArn:
    Type: String
Resources:
  Alerts:
    Type: AWS::SNS::Topic
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Alerts
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref PublisherArn
            Action: sns:Publish
            Resource: !Ref Alerts
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
`,
      ],
      fail: [
        `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Public"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sns:Subscribe", "sns:Publish"]
      Resource  = aws_sns_topic.alerts.arn
    }]
  })
}
`,
      ],
      error: [
        `variable "topic_policy" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = var.topic_policy
}
`,
      ],
    },
  },
});
