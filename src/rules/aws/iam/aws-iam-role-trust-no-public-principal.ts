import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { statementPath } from '../lib/iam.js';
import { publicAllowStatements } from '../lib/policy.js';
import { CFN_CODEBUILD_TRUST, cfnRole, doc, roleProps, TF_CODEBUILD_TRUST, tfRole } from './identity-fixtures.js';

export default defineAwsRule({
  id: 'aws-iam-role-trust-no-public-principal',
  resourceType: 'aws.iam.role',
  category: 'identity',
  severity: 'critical',
  needs: ['AssumeRolePolicyDocument'],
  text: {
    title: {
      en: 'IAM role trust policies do not let any AWS principal assume the role',
      ja: 'IAM ロールの信頼ポリシーが任意の AWS プリンシパルによる引き受けを許可していない',
    },
    description: {
      en: 'Checks that no Allow statement of the role\'s trust policy has the principal "*" (or {"AWS": "*"}) without a condition that pins the caller to known accounts, organisations or ARNs (aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, …). sts:ExternalId alone does not count: it is a shared value, not an identity.',
      ja: 'ロールの信頼ポリシーに、プリンシパルが "*"（または {"AWS": "*"}）で、呼び出し元を特定のアカウント・組織・ARN に限定する条件（aws:PrincipalOrgID、aws:PrincipalAccount、aws:PrincipalArn、aws:SourceAccount など）のない Allow ステートメントがないことを確認する。sts:ExternalId だけでは限定とみなさない（共有される値であって身元ではないため）。',
    },
    rationale: {
      en: 'A role that trusts "*" can be assumed from any AWS account in the world, and with it come all of the role\'s permissions in yours.',
      ja: '"*" を信頼するロールは世界中のどの AWS アカウントからでも引き受けられ、ロールの権限がそのまま第三者の手に渡る。',
    },
    remediation: {
      text: {
        en: 'Name the accounts, roles or services that may assume the role in Principal, or add a condition on aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn.',
        ja: 'Principal に引き受けを許可するアカウント・ロール・サービスを明示するか、aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn の条件を加える。',
      },
      console: {
        en: 'IAM console → Roles → the role → Trust relationships tab → Edit trust policy → replace "*" with the trusted principals → Update policy.',
        ja: 'IAM コンソール → ロール → 対象のロール → 信頼関係 タブ → 信頼ポリシーを編集 → "*" を信頼するプリンシパルに置き換える → ポリシーを更新。',
      },
      cli: 'aws iam get-role --role-name <ROLE> --query Role.AssumeRolePolicyDocument\naws iam update-assume-role-policy --role-name <ROLE> --policy-document file://trust-policy.json',
      cloudformation:
        'AWS::IAM::Role AssumeRolePolicyDocument: Principal: { AWS: arn:aws:iam::<ACCOUNT_ID>:root } (not "*")',
      terraform: 'assume_role_policy: Principal = { AWS = "arn:aws:iam::<ACCOUNT_ID>:root" } (not "*")',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    },
  },
  evaluate: ({ props }) => {
    const document = props.AssumeRolePolicyDocument;
    const open = publicAllowStatements(document)[0];
    if (!open) return pass();
    return fail(statementPath('AssumeRolePolicyDocument', document, open), {
      en: `Role ${props.RoleName} can be assumed by any AWS principal (statement ${open.Sid ?? 'without Sid'})`,
      ja: `ロール ${props.RoleName} を任意の AWS プリンシパルが引き受けられる（ステートメント ${open.Sid ?? 'Sid なし'}）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: roleProps() },
        {
          props: roleProps({
            AssumeRolePolicyDocument: doc({
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            }),
          }),
        },
        {
          props: roleProps({
            AssumeRolePolicyDocument: doc(
              { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' },
              { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
            ),
          }),
        },
      ],
      fail: [
        {
          props: roleProps({
            AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
          }),
        },
        // sts:ExternalId alone is a shared secret, not an identity.
        {
          props: roleProps({
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: {
                Sid: 'Vendor',
                Effect: 'Allow',
                Principal: '*',
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': 'vendor-2f9c' } },
              },
            },
          }),
        },
      ],
      error: [
        {
          props: roleProps({ AssumeRolePolicyDocument: undefined }),
          gaps: { AssumeRolePolicyDocument: 'AccessDenied: iam:GetRole' },
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnRole(CFN_CODEBUILD_TRUST),
        cfnRole(`      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: '*'
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-a1b2c3d4e5
`),
      ],
      fail: [
        cfnRole(`      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Anyone
            Effect: Allow
            Principal:
              AWS: '*'
            Action: sts:AssumeRole
`),
        cfnRole(`      AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}'
`),
      ],
      error: [
        cfnRole(
          `      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref TrustedPrincipal
            Action: sts:AssumeRole
`,
          'Parameters:\n  TrustedPrincipal:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [tfRole(TF_CODEBUILD_TRUST)],
      fail: [
        tfRole(`  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
`),
        tfRole(`  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole" }
  ]
}
EOF
`),
      ],
      error: [
        tfRole(
          `  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.trusted_principal }
      Action    = "sts:AssumeRole"
    }]
  })
`,
          '\nvariable "trusted_principal" {\n  type = string\n}\n',
        ),
      ],
    },
  },
});
