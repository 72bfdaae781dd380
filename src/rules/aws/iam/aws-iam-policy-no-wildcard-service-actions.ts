import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { isCustomerManaged, isServiceWildcard, statementPath } from '../lib/iam.js';
import { asArray, statements } from '../lib/policy.js';
import { customerPolicyProps, doc } from './identity-fixtures.js';

const cfnPolicy = (document: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: app-deploy
      PolicyDocument:
${document}`;

const tfPolicy = (policy: string) => `resource "aws_iam_policy" "deploy" {
  name   = "app-deploy"
  policy = ${policy}
}
`;

export default defineAwsRule({
  id: 'aws-iam-policy-no-wildcard-service-actions',
  resourceType: 'aws.iam.policy',
  category: 'identity',
  severity: 'medium',
  fsbp: ['IAM.21'],
  appliesTo: isCustomerManaged,
  needs: ['DefaultVersionDocument'],
  text: {
    title: {
      en: 'Customer managed IAM policies do not allow every action of a service',
      ja: 'カスタマー管理の IAM ポリシーがサービスのすべてのアクションを許可していない',
    },
    description: {
      en: 'Checks that no Allow statement of a customer managed policy\'s default version lists a whole-service wildcard action such as "s3:*" or "ec2:*". Prefixed wildcards such as "ec2:Describe*" are fine; "*" on "*" is the subject of aws-iam-policy-no-full-admin.',
      ja: 'カスタマー管理ポリシーのデフォルトバージョンに、"s3:*" や "ec2:*" のようなサービス全体のワイルドカードアクションを含む Allow ステートメントがないことを確認する。"ec2:Describe*" のような接頭辞付きのワイルドカードは問題としない。"*" に対する "*" は aws-iam-policy-no-full-admin の対象とする。',
    },
    rationale: {
      en: '"service:*" grants the destructive and permission-changing actions of that service along with the ones the job needs, including actions the service adds later.',
      ja: '"サービス:*" は、職務に必要な操作と一緒に、そのサービスの破壊的な操作や権限を変更する操作、さらに今後追加される操作まで許可してしまう。',
    },
    remediation: {
      text: {
        en: 'Replace each "service:*" with the actions the job needs (IAM Access Analyzer can generate them from CloudTrail activity).',
        ja: '各 "サービス:*" を職務に必要なアクションに置き換える（IAM Access Analyzer で CloudTrail の利用実績から生成できる）。',
      },
      console: {
        en: 'IAM console → Policies → the policy → Edit → replace the service wildcards with specific actions → Next → Save changes.',
        ja: 'IAM コンソール → ポリシー → 対象のポリシー → 編集 → サービスのワイルドカードを個別のアクションに置き換える → 次へ → 変更を保存。',
      },
      cli: 'aws iam get-policy-version --policy-arn <POLICY_ARN> --version-id <VERSION_ID>\naws iam create-policy-version --policy-arn <POLICY_ARN> --policy-document file://scoped.json --set-as-default',
      cloudformation: 'AWS::IAM::ManagedPolicy PolicyDocument: Action lists specific actions, not "<service>:*"',
      terraform: 'resource "aws_iam_policy" policy: Action lists specific actions, not "<service>:*"',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    },
  },
  evaluate: ({ props }) => {
    const document = props.DefaultVersionDocument;
    for (const s of statements(document)) {
      if (s.Effect !== 'Allow') continue;
      const wild = asArray(s.Action).filter((a) => typeof a === 'string' && isServiceWildcard(a));
      if (wild.length > 0) {
        return fail(statementPath('DefaultVersionDocument', document, s), {
          en: `Policy ${props.PolicyName} allows every action of a service: ${wild.join(', ')}`,
          ja: `ポリシー ${props.PolicyName} がサービスのすべてのアクションを許可している: ${wild.join(', ')}`,
        });
      }
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc(
              { Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetObject'], Resource: '*' },
              { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::audit-logs/*' },
            ),
          }),
        },
      ],
      fail: [
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: ['s3:*', 'sqs:SendMessage'], Resource: '*' }),
          }),
        },
        {
          props: customerPolicyProps({
            DefaultVersionDocument: {
              Version: '2012-10-17',
              Statement: { Effect: 'Allow', Action: 'DynamoDB:*', Resource: 'arn:aws:dynamodb:*:*:table/orders' },
            },
          }),
        },
      ],
      error: [
        {
          props: customerPolicyProps(),
          gaps: { DefaultVersionDocument: 'AccessDenied: iam:GetPolicyVersion' },
        },
      ],
      notApplicable: [
        {
          props: customerPolicyProps({
            PolicyName: 'AmazonS3FullAccess',
            Arn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }),
          }),
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnPolicy(`        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action:
              - ec2:Describe*
              - s3:GetObject
            Resource: '*'
`),
      ],
      fail: [
        cfnPolicy(`        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:*
            Resource: arn:aws:s3:::app-assets-111122223333/*
`),
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AllowedAction:
    Type: String
Resources:
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: !Ref AllowedAction
            Resource: '*'
`,
      ],
    },
    terraform: {
      pass: [
        tfPolicy(`jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:Describe*"], Resource = "*" }]
  })`),
      ],
      fail: [
        tfPolicy(`jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
  })`),
      ],
      error: [
        `variable "allowed_actions" {
  type = list(string)
}

${tfPolicy(`jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.allowed_actions, Resource = "*" }]
  })`)}`,
      ],
    },
  },
});
