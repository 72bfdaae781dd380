import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const user = {
  Path: '/',
  UserName: 'erin',
  UserId: 'AIDASAMPLEUSERERIN001',
  Arn: 'arn:aws:iam::111122223333:user/erin',
  CreateDate: '2025-01-20T00:00:00+00:00',
  LoginProfile: { UserName: 'erin', CreateDate: '2025-01-20T00:00:10+00:00', PasswordResetRequired: false },
  MFADevices: [],
  AccessKeyMetadata: [],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['developers'],
};

export default defineAwsRule({
  id: 'aws-iam-user-in-group',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'low',
  needs: ['GroupList'],
  text: {
    title: {
      en: 'IAM users belong to at least one group',
      ja: 'IAM ユーザーが少なくとも 1 つのグループに所属している',
    },
    description: {
      en: 'Checks that each IAM user is a member of at least one IAM group, the unit through which permissions should be granted.',
      ja: '各 IAM ユーザーが、権限付与の単位である IAM グループに少なくとも 1 つ所属していることを確認する。',
    },
    rationale: {
      en: 'A user outside every group either has no purpose or gets its permissions some other way (directly attached or inline policies), which is harder to review and to revoke.',
      ja: 'どのグループにも属さないユーザーは、用途がないか、別の方法（直接アタッチやインラインのポリシー）で権限を得ている。後者は棚卸しや剥奪が難しい。',
    },
    remediation: {
      text: {
        en: 'Add the user to the group that matches its job function, or delete the user if it is no longer needed.',
        ja: 'ユーザーを職務に対応したグループに追加する。不要なユーザーであれば削除する。',
      },
      console: {
        en: 'IAM console → Users → the user → Groups tab → Add user to groups → select the group → Add to groups.',
        ja: 'IAM コンソール → ユーザー → 対象ユーザー → グループ タブ → ユーザーをグループに追加 → グループを選択 → グループに追加。',
      },
      cli: 'aws iam add-user-to-group --group-name <GROUP> --user-name <USER>',
      cloudformation: 'AWS::IAM::User Groups: [<GROUP>] (or AWS::IAM::UserToGroupAddition)',
      terraform: 'resource "aws_iam_user_group_membership" { user = <USER>, groups = [<GROUP>] }',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
    },
  },
  evaluate: ({ props }) =>
    props.GroupList.length > 0
      ? pass()
      : fail('GroupList', {
          en: `User ${props.UserName} is not a member of any IAM group`,
          ja: `ユーザー ${props.UserName} がどの IAM グループにも所属していない`,
        }),
  fixtures: {
    live: {
      pass: [{ props: user }],
      fail: [{ props: { ...user, GroupList: [] } }],
      error: [{ props: { ...user, GroupList: undefined }, gaps: { GroupList: 'AccessDenied: iam:ListGroupsForUser' } }],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Developers:
    Type: AWS::IAM::Group
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
      Groups:
        - !Ref Developers
`,
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
  AddErin:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: developers
      Users:
        - !Ref Erin
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  UserGroups:
    Type: CommaDelimitedList
Resources:
  Erin:
    Type: AWS::IAM::User
    Properties:
      UserName: erin
      Groups: !Ref UserGroups
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

resource "aws_iam_group_membership" "developers" {
  name  = "developers-membership"
  group = aws_iam_group.developers.name
  users = [aws_iam_user.erin.name]
}
`,
      ],
      fail: [
        `resource "aws_iam_user" "erin" {
  name = "erin"
}
`,
      ],
      error: [
        `variable "groups" {
  type = list(string)
}

resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_group_membership" "erin" {
  user   = aws_iam_user.erin.name
  groups = var.groups
}
`,
      ],
    },
  },
});
