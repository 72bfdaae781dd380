import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const user = {
  Path: '/',
  UserName: 'erin',
  UserId: 'AIDASAMPLEUSERERIN001',
  Arn: 'arn:aws:iam::111122223333:user/erin',
  CreateDate: '2025-01-20T00:00:00+00:00',
  PasswordLastUsed: '2026-10-31T09:00:00+00:00',
  LoginProfile: { UserName: 'erin', CreateDate: '2025-01-20T00:00:10+00:00', PasswordResetRequired: false },
  MFADevices: [
    { UserName: 'erin', SerialNumber: 'arn:aws:iam::111122223333:mfa/erin', EnableDate: '2025-01-20T00:10:00+00:00' },
  ],
  AccessKeyMetadata: [],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['developers', 'readonly'],
};

export default defineAwsRule({
  id: 'aws-iam-user-no-direct-policies',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'low',
  fsbp: ['IAM.2'],
  needs: ['AttachedManagedPolicies', 'UserPolicyList'],
  text: {
    title: {
      en: 'IAM users receive permissions only through groups',
      ja: 'IAM ユーザーの権限がグループ経由でのみ付与されている',
    },
    description: {
      en: 'Checks that no managed policy is attached directly to an IAM user and that the user has no inline policy.',
      ja: 'IAM ユーザーに管理ポリシーが直接アタッチされておらず、インラインポリシーもないことを確認する。',
    },
    rationale: {
      en: 'Permissions granted per user drift apart, are forgotten when people change roles and are hard to review. Granting them through groups that match job functions keeps access reviewable and easy to revoke.',
      ja: 'ユーザーごとに付与した権限は人によってばらつき、異動時に取り残され、棚卸しも難しい。職務に対応したグループ経由で付与すれば、権限の見直しや剥奪が容易になる。',
    },
    remediation: {
      text: {
        en: "Put the user in a group that carries the needed policies, then detach the user's managed policies and delete its inline policies.",
        ja: '必要なポリシーを持つグループにユーザーを追加し、ユーザーに直接アタッチした管理ポリシーをデタッチして、インラインポリシーを削除する。',
      },
      console: {
        en: 'IAM console → User groups → select or create the group → Add users; then Users → select the user → Permissions tab → select each policy "Attached directly" or "Inline" → Remove.',
        ja: 'IAM コンソール → ユーザーグループ → 対象のグループを選択（または作成）→ ユーザーを追加。次に ユーザー → 対象ユーザー → 許可 タブ →「直接アタッチ済み」または「インライン」のポリシーを選択 → 削除。',
      },
      cli: 'aws iam add-user-to-group --group-name <GROUP> --user-name <USER>\naws iam detach-user-policy --user-name <USER> --policy-arn <POLICY_ARN>\naws iam delete-user-policy --user-name <USER> --policy-name <INLINE_POLICY_NAME>',
      cloudformation: 'AWS::IAM::User → remove ManagedPolicyArns and Policies; use Groups: [<GROUP>]',
      terraform:
        '# Use aws_iam_user_group_membership / aws_iam_group_policy_attachment instead of aws_iam_user_policy_attachment and aws_iam_user_policy',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
    },
  },
  evaluate: ({ props }) => {
    const managed = props.AttachedManagedPolicies.map((p) => p.PolicyName ?? p.PolicyArn ?? '?');
    const inline = props.UserPolicyList.map((p) => p.PolicyName);
    if (managed.length === 0 && inline.length === 0) return pass();
    const names = [...managed, ...inline].join(', ');
    return fail(managed.length > 0 ? 'AttachedManagedPolicies' : 'UserPolicyList', {
      en: `User ${props.UserName} has ${managed.length} managed and ${inline.length} inline policies of its own (${names})`,
      ja: `ユーザー ${props.UserName} に直接付与された管理ポリシーが ${managed.length} 件、インラインポリシーが ${inline.length} 件ある（${names}）`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: user }],
      fail: [
        {
          props: {
            ...user,
            AttachedManagedPolicies: [
              { PolicyName: 'AmazonS3FullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' },
            ],
          },
        },
        {
          props: {
            ...user,
            UserPolicyList: [
              {
                PolicyName: 'temp-debug',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: '*' }],
                },
              },
            ],
          },
        },
      ],
      error: [
        {
          props: { ...user, AttachedManagedPolicies: undefined },
          gaps: { AttachedManagedPolicies: 'AccessDenied: iam:ListAttachedUserPolicies' },
        },
        { props: { ...user, UserPolicyList: undefined }, gaps: { UserPolicyList: 'AccessDenied: iam:GetUserPolicy' } },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Developers:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
      Groups:
        - !Ref Developers
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3FullAccess
`,
        // An AWS::IAM::Policy that names the user is an inline policy of that user.
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
  TempDebug:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: temp-debug
      Users:
        - !Ref Erin
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: logs:GetLogEvents
            Resource: '*'
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExtraPolicies:
    Type: CommaDelimitedList
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
      ManagedPolicyArns: !Ref ExtraPolicies
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_group_membership" "erin" {
  user   = aws_iam_user.erin.name
  groups = [aws_iam_group.developers.name]
}
`,
      ],
      fail: [
        `resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_policy_attachment" "erin_s3" {
  user       = aws_iam_user.erin.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}
`,
        `resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_policy" "temp_debug" {
  name = "temp-debug"
  user = aws_iam_user.erin.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "logs:GetLogEvents", Resource = "*" }]
  })
}
`,
      ],
    },
  },
});
