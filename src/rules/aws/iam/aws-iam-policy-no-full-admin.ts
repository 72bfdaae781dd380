import { error, fail, notApplicable, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { fromTemplate } from '../lib/iac.js';
import { isFullAdminStatement, statementPath } from '../lib/iam.js';
import { statements } from '../lib/policy.js';

const customer = {
  PolicyName: 'app-deploy',
  PolicyId: 'ANPASAMPLEPOLICY00001',
  Arn: 'arn:aws:iam::111122223333:policy/app-deploy',
  Path: '/',
  DefaultVersionId: 'v3',
  AttachmentCount: 2,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: '2024-04-01T00:00:00+00:00',
  UpdateDate: '2026-02-10T00:00:00+00:00',
  PolicyGroups: [{ GroupName: 'deployers', GroupId: 'AGPASAMPLEGROUP000001' }],
  PolicyUsers: [],
  PolicyRoles: [{ RoleName: 'github-deploy', RoleId: 'AROASAMPLEROLE0000001' }],
};
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const adminAccess = {
  PolicyName: 'AdministratorAccess',
  PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
  Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  Path: '/',
  DefaultVersionId: 'v1',
  AttachmentCount: 1,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  CreateDate: '2015-02-06T18:39:46+00:00',
  UpdateDate: '2015-02-06T18:39:46+00:00',
  DefaultVersionDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  PolicyGroups: [],
  PolicyUsers: [{ UserName: 'legacy-admin', UserId: 'AIDASAMPLELEGACYADMIN' }],
  PolicyRoles: [],
};

export default defineAwsRule({
  id: 'aws-iam-policy-no-full-admin',
  resourceType: 'aws.iam.policy',
  category: 'identity',
  severity: 'high',
  fsbp: ['IAM.1'],
  needs: ['DefaultVersionDocument'],
  text: {
    title: {
      en: 'IAM policies that allow full "*:*" administrative privileges are not attached',
      ja: '完全な管理者権限 ("*:*") を許可する IAM ポリシーがアタッチされていない',
    },
    description: {
      en: 'Checks every attached managed policy, customer managed and AWS managed alike (so AdministratorAccess too), for a default-version statement that allows Action "*" on Resource "*". Unattached policies are not in scope (in a template, every managed policy is judged, since other stacks may attach it by ARN); inline policies are not covered by this rule.',
      ja: 'アタッチされている管理ポリシー（カスタマー管理・AWS 管理の両方。AdministratorAccess も含む）のデフォルトバージョンに、Resource "*" に対して Action "*" を許可するステートメントがないことを確認する。アタッチされていないポリシーは該当なしとし（テンプレートでは、他のスタックから ARN でアタッチされ得るため、すべての管理ポリシーを判定する）、インラインポリシーはこのルールの対象外とする。',
    },
    rationale: {
      en: 'Full administrator rights let one stolen credential, or one mistake, change or delete anything in the account, including the logs that would show it. Least privilege keeps the blast radius to what each job needs.',
      ja: '完全な管理者権限があると、認証情報 1 つの漏えいや 1 回の誤操作で、それを記録するログも含めてアカウント内のあらゆるものを変更・削除できてしまう。最小権限にすれば、被害範囲を職務に必要な範囲にとどめられる。',
    },
    remediation: {
      text: {
        en: 'Replace the policy with one that lists the actions and resources the job needs (IAM Access Analyzer can generate one from CloudTrail activity), and detach the full-access policy. Where a break-glass administrator is required, record it as an exception with its compensating controls.',
        ja: '職務に必要なアクションとリソースだけを列挙したポリシー（IAM Access Analyzer で CloudTrail の利用実績から生成できる）に置き換え、完全な権限のポリシーをデタッチする。緊急用の管理者が必要な場合は、代替策とともに例外として記録する。',
      },
      console: {
        en: 'IAM console → Policies → select the policy → Entities attached tab → select each entity → Detach; for a customer managed policy, Edit → narrow Action and Resource → Save changes (set as default).',
        ja: 'IAM コンソール → ポリシー → 対象のポリシーを選択 → アタッチされたエンティティ タブ → 各エンティティを選択して デタッチ。カスタマー管理ポリシーなら 編集 → Action と Resource を絞り込み → 変更を保存（デフォルトとして設定）。',
      },
      cli: 'aws iam list-entities-for-policy --policy-arn <POLICY_ARN>\naws iam detach-role-policy --role-name <ROLE> --policy-arn <POLICY_ARN>\naws iam detach-group-policy --group-name <GROUP> --policy-arn <POLICY_ARN>\naws iam detach-user-policy --user-name <USER> --policy-arn <POLICY_ARN>\naws iam create-policy-version --policy-arn <POLICY_ARN> --policy-document file://least-privilege.json --set-as-default',
      cloudformation: 'AWS::IAM::ManagedPolicy → PolicyDocument: no statement with Action: "*" and Resource: "*"',
      terraform: 'resource "aws_iam_policy" → policy: no statement with actions = ["*"] and resources = ["*"]',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    },
  },
  evaluate: ({ resource, props }) => {
    // Scope: attached policies only. ListPolicies always returns AttachmentCount; without it the scope is unknown.
    // A template's policy is judged whatever it is attached to there: other stacks may attach it by ARN.
    if (!fromTemplate(resource)) {
      if (typeof props.AttachmentCount !== 'number') return error('not collected: AttachmentCount (iam:ListPolicies)');
      if (props.AttachmentCount === 0) return notApplicable();
    }
    const document = props.DefaultVersionDocument;
    const s = statements(document).find(isFullAdminStatement);
    if (!s) return pass();
    const kind = /:iam::aws:policy\//.test(props.Arn ?? '')
      ? { en: 'AWS managed', ja: 'AWS 管理' }
      : { en: 'customer managed', ja: 'カスタマー管理' };
    return fail(statementPath('DefaultVersionDocument', document, s), {
      en: `${kind.en} policy ${props.PolicyName} allows every action on every resource (attachments: ${props.AttachmentCount})`,
      ja: `${kind.ja}ポリシー ${props.PolicyName} がすべてのリソースに対するすべてのアクションを許可している（アタッチ数: ${props.AttachmentCount}）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            ...customer,
            DefaultVersionDocument: doc({
              Sid: 'Deploy',
              Effect: 'Allow',
              Action: ['s3:PutObject', 's3:GetObject', 'cloudfront:CreateInvalidation'],
              Resource: ['arn:aws:s3:::app-assets/*', 'arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE'],
            }),
          },
        },
        // Every action, but on one bucket only: not "*:*".
        {
          props: {
            ...customer,
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::app-assets/*' }),
          },
        },
        // "*" on "*" denied, not allowed.
        {
          props: {
            ...customer,
            DefaultVersionDocument: doc(
              { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
              {
                Effect: 'Deny',
                Action: '*',
                Resource: '*',
                Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
              },
            ),
          },
        },
        // NotAction grants much, but it is not the "*:*" the requirement names.
        {
          props: {
            ...customer,
            PolicyName: 'power-user',
            DefaultVersionDocument: doc({
              Effect: 'Allow',
              NotAction: ['iam:*', 'organizations:*', 'account:*'],
              Resource: '*',
            }),
          },
        },
      ],
      fail: [
        {
          props: {
            ...customer,
            PolicyName: 'ops-admin',
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          },
        },
        { props: adminAccess },
        // A single statement object, "*:*" in a list, behind an MFA condition: still full administrator.
        {
          props: {
            ...customer,
            DefaultVersionDocument: {
              Version: '2012-10-17',
              Statement: {
                Effect: 'Allow',
                Action: ['*:*'],
                Resource: ['*'],
                Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
              },
            },
          },
        },
      ],
      error: [
        { props: { ...customer }, gaps: { DefaultVersionDocument: 'AccessDenied: iam:GetPolicyVersion' } },
        {
          props: {
            ...customer,
            AttachmentCount: undefined,
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          },
        },
      ],
      notApplicable: [
        {
          props: {
            ...customer,
            PolicyName: 'old-admin',
            AttachmentCount: 0,
            PolicyGroups: [],
            PolicyRoles: [],
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          },
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: app-deploy
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ['s3:PutObject', 's3:GetObject']
            Resource: arn:aws:s3:::app-assets/*
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OpsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: sts:AssumeRole
  OpsAdmin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: ops-admin
      Roles:
        - !Ref OpsRole
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: '*'
            Resource: '*'
`,
        // A managed policy no resource of this template attaches: still judged.
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  BreakGlass:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*:*","Resource":["*"]}}'
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  PolicyJson:
    Type: String
Resources:
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Ref PolicyJson
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_iam_policy" "deploy" {
  name = "app-deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::app-assets/*" }]
  })
}
`,
      ],
      fail: [
        `resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "ops_admin" {
  name   = "ops-admin"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}
POLICY
}

resource "aws_iam_role_policy_attachment" "ops_admin" {
  role       = aws_iam_role.ops.name
  policy_arn = aws_iam_policy.ops_admin.arn
}
`,
      ],
      error: [
        `variable "policy_json" {
  type = string
}

resource "aws_iam_policy" "deploy" {
  name   = "app-deploy"
  policy = var.policy_json
}
`,
      ],
    },
  },
});
