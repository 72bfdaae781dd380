import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import { defineAwsRule } from '../../define.js';
import { isFullAdminStatement, statementPath } from '../lib/iam.js';
import { statements } from '../lib/policy.js';
import { CFN_CODEBUILD_TRUST, cfnRole, doc, roleProps, TF_CODEBUILD_TRUST, tfRole } from './identity-fixtures.js';

const inline = (PolicyName: string, ...Statement: unknown[]) => ({ PolicyName, PolicyDocument: doc(...Statement) });

export default defineAwsRule({
  id: 'aws-iam-role-no-inline-full-admin',
  resourceType: 'aws.iam.role',
  category: 'identity',
  severity: 'high',
  needs: ['RolePolicyList'],
  text: {
    title: {
      en: 'IAM roles have no inline policy that allows "*" on "*"',
      ja: 'IAM ロールに "*" に対する "*" を許可するインラインポリシーがない',
    },
    description: {
      en: 'Checks that no inline policy of the role has an Allow statement with Action "*" (or "*:*") on Resource "*". Managed policies are the subject of aws-iam-policy-no-full-admin.',
      ja: 'ロールのインラインポリシーに、Resource "*" に対して Action "*"（または "*:*"）を許可する Allow ステートメントがないことを確認する。管理ポリシーは aws-iam-policy-no-full-admin の対象とする。',
    },
    rationale: {
      en: 'Full administrator rights written inline escape the reviews that look at managed policies, and every workload or person that can assume the role gets the whole account.',
      ja: 'インラインで書かれた完全な管理者権限は、管理ポリシーを対象とする棚卸しから漏れやすい。ロールを引き受けられるワークロードや人がアカウント全体の権限を得てしまう。',
    },
    remediation: {
      text: {
        en: 'Replace the inline policy with one that lists the actions and resources the role needs, or attach a reviewed managed policy.',
        ja: 'インラインポリシーを、ロールに必要なアクションとリソースだけを列挙したものに置き換えるか、レビュー済みの管理ポリシーをアタッチする。',
      },
      console: {
        en: 'IAM console → Roles → the role → Permissions tab → the inline policy → Edit (narrow Action and Resource) or Remove.',
        ja: 'IAM コンソール → ロール → 対象のロール → 許可 タブ → 対象のインラインポリシー → 編集（Action と Resource を絞り込む）または 削除。',
      },
      cli: 'aws iam get-role-policy --role-name <ROLE> --policy-name <POLICY>\naws iam put-role-policy --role-name <ROLE> --policy-name <POLICY> --policy-document file://least-privilege.json\naws iam delete-role-policy --role-name <ROLE> --policy-name <POLICY>',
      cloudformation: 'AWS::IAM::Role Policies / AWS::IAM::Policy: no statement with Action: "*" and Resource: "*"',
      terraform: 'aws_iam_role inline_policy / aws_iam_role_policy: no statement with Action = "*" and Resource = "*"',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
    },
  },
  evaluate: ({ props }) => {
    for (const [i, p] of props.RolePolicyList.entries()) {
      const document: unknown = p.PolicyDocument;
      if (isUnknown(document)) {
        return error(`unresolved value at RolePolicyList.${i}.PolicyDocument: ${document.$unknown}`);
      }
      const d = document as PolicyDocument;
      const s = statements(d).find(isFullAdminStatement);
      if (s) {
        return fail(statementPath(`RolePolicyList.${i}.PolicyDocument`, d, s), {
          en: `Inline policy ${p.PolicyName} of role ${props.RoleName} allows every action on every resource`,
          ja: `ロール ${props.RoleName} のインラインポリシー ${p.PolicyName} がすべてのリソースに対するすべてのアクションを許可している`,
        });
      }
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: roleProps() },
        {
          props: roleProps({
            RolePolicyList: [
              inline('deploy', { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::app-assets/*' }),
              inline('guard', {
                Effect: 'Deny',
                Action: '*',
                Resource: '*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ],
          }),
        },
      ],
      fail: [
        {
          props: roleProps({
            RolePolicyList: [
              inline('deploy', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
              inline('admin', { Effect: 'Allow', Action: '*', Resource: '*' }),
            ],
          }),
        },
      ],
      error: [
        {
          props: roleProps({ RolePolicyList: undefined }),
          gaps: { RolePolicyList: 'AccessDenied: iam:GetRolePolicy' },
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnRole(`${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:PutObject
                Resource: arn:aws:s3:::app-assets/*
`),
      ],
      fail: [
        cfnRole(`${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: admin
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: '*'
                Resource: '*'
`),
        // A separate AWS::IAM::Policy naming the role is one of its inline policies.
        cfnRole(CFN_CODEBUILD_TRUST, '').concat(`  AdminPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: admin
      Roles:
        - !Ref DeployRole
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: '*:*'
            Resource: '*'
`),
      ],
      error: [
        cfnRole(
          `${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: deploy
          PolicyDocument: !Ref DeployPolicyJson
`,
          'Parameters:\n  DeployPolicyJson:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::app-assets/*" }]
  })
}
`,
        ),
      ],
      fail: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
resource "aws_iam_role_policy" "admin" {
  name = "admin"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
`,
        ),
        tfRole(`${TF_CODEBUILD_TRUST}
  inline_policy {
    name = "admin"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }]
    })
  }
`),
      ],
      error: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
variable "deploy_policy" {
  type = string
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = var.deploy_policy
}
`,
        ),
      ],
    },
  },
});
