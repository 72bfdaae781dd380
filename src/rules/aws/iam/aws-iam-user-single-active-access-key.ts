import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { userAccessKeys } from '../lib/iam.js';

const key1 = {
  UserName: 'svc-reporting',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  Status: 'Active',
  CreateDate: '2026-08-20T03:00:00+00:00',
  AccessKeyLastUsed: { LastUsedDate: '2026-10-31T03:00:00+00:00', ServiceName: 'athena', Region: 'ap-northeast-1' },
};
const key2 = {
  UserName: 'svc-reporting',
  AccessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  Status: 'Active',
  CreateDate: '2026-10-30T03:00:00+00:00',
  AccessKeyLastUsed: { LastUsedDate: '2026-10-31T04:00:00+00:00', ServiceName: 'athena', Region: 'ap-northeast-1' },
};
const row = {
  user: 'svc-reporting',
  arn: 'arn:aws:iam::111122223333:user/svc-reporting',
  user_creation_time: '2024-05-01T00:00:00+00:00',
  password_enabled: 'false',
  password_last_used: 'N/A',
  password_last_changed: 'N/A',
  password_next_rotation: 'N/A',
  mfa_active: 'false',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2026-08-20T03:00:00+00:00',
  access_key_1_last_used_date: '2026-10-31T03:00:00+00:00',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};
const user = {
  Path: '/service/',
  UserName: 'svc-reporting',
  UserId: 'AIDASAMPLESVCREPORT01',
  Arn: 'arn:aws:iam::111122223333:user/service/svc-reporting',
  CreateDate: '2024-05-01T00:00:00+00:00',
  LoginProfile: null,
  MFADevices: [],
  AccessKeyMetadata: [key1],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['reporting'],
  CredentialReport: row,
};

export default defineAwsRule({
  id: 'aws-iam-user-single-active-access-key',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'low',
  text: {
    title: {
      en: 'Each IAM user has at most one active access key',
      ja: '各 IAM ユーザーの有効なアクセスキーが 1 つ以下になっている',
    },
    description: {
      en: 'Checks that no IAM user has two active access keys at the same time. Inactive keys are not counted.',
      ja: '有効なアクセスキーを同時に 2 つ持つ IAM ユーザーがいないことを確認する。無効なキーは数えない。',
    },
    rationale: {
      en: 'IAM allows a second key only to rotate without downtime. Two keys left active double the credentials to protect, and usually mean the old key was never retired after a rotation.',
      ja: '2 つ目のキーは、停止せずにローテーションするためだけに許されている。2 つとも有効なままだと守るべき認証情報が倍になり、多くの場合ローテーション後に古いキーが廃止されていないことを示す。',
    },
    remediation: {
      text: {
        en: 'Finish the rotation: confirm which key is in use (last used date), switch everything to it, then deactivate and delete the other.',
        ja: 'ローテーションを完了させる。最終使用日でどちらのキーが使われているかを確認して利用先をすべて新しいキーに切り替え、もう一方を無効化してから削除する。',
      },
      console: {
        en: 'IAM console → Users → select the user → Security credentials tab → Access keys → compare "Last used" → on the old key: Actions → Deactivate, then Delete.',
        ja: 'IAM コンソール → ユーザー → 対象ユーザーを選択 → セキュリティ認証情報 タブ → アクセスキー →「最終使用」を比較 → 古いキーで アクション → 無効化し、その後 削除。',
      },
      cli: 'aws iam list-access-keys --user-name <USER>\naws iam get-access-key-last-used --access-key-id <OLD_ACCESS_KEY_ID>\naws iam update-access-key --user-name <USER> --access-key-id <OLD_ACCESS_KEY_ID> --status Inactive\naws iam delete-access-key --user-name <USER> --access-key-id <OLD_ACCESS_KEY_ID>',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
    },
  },
  evaluate: ({ resource, props }) => {
    const keys = userAccessKeys(resource);
    if (typeof keys === 'string') return error(keys);
    const active = keys.filter((k) => k.active);
    if (active.length > 1) {
      const path = active.every((k) => k.path.startsWith('AccessKeyMetadata.'))
        ? 'AccessKeyMetadata'
        : 'CredentialReport';
      return fail(path, {
        en: `User ${props.UserName} has ${active.length} active access keys (${active.map((k) => k.label).join(', ')})`,
        ja: `ユーザー ${props.UserName} に有効なアクセスキーが ${active.length} つある（${active.map((k) => k.label).join('、')}）`,
      });
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: user },
        { props: { ...user, AccessKeyMetadata: [key1, { ...key2, Status: 'Inactive' }] } },
        {
          props: {
            ...user,
            AccessKeyMetadata: [],
            CredentialReport: {
              ...row,
              access_key_1_active: 'false',
              access_key_1_last_rotated: 'N/A',
              access_key_1_last_used_date: 'N/A',
            },
          },
        },
      ],
      fail: [
        { props: { ...user, AccessKeyMetadata: [key1, key2] } },
        {
          props: {
            ...user,
            AccessKeyMetadata: undefined,
            CredentialReport: {
              ...row,
              access_key_2_active: 'true',
              access_key_2_last_rotated: '2026-10-30T03:00:00+00:00',
              access_key_2_last_used_date: '2026-10-31T04:00:00+00:00',
            },
          },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
      ],
      error: [
        {
          props: { ...user, AccessKeyMetadata: undefined, CredentialReport: undefined },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
        // The report row lacks the key columns: it cannot stand in.
        {
          props: { ...user, AccessKeyMetadata: undefined, CredentialReport: { user: 'svc-reporting', arn: row.arn } },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Deployer:
    Type: AWS::IAM::User
    Properties:
      UserName: ci-deployer
  DeployerKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
      Serial: 2
  DeployerOldKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
      Status: Inactive
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Deployer:
    Type: AWS::IAM::User
    Properties:
      UserName: ci-deployer
  DeployerKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
  DeployerSecondKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: ci-deployer
      Status: Active
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  OldKeyStatus:
    Type: String
Resources:
  Deployer:
    Type: AWS::IAM::User
    Properties:
      UserName: ci-deployer
  DeployerKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
  DeployerOldKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
      Status: !Ref OldKeyStatus
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_iam_user" "deployer" {
  name = "ci-deployer"
}

resource "aws_iam_access_key" "current" {
  user = aws_iam_user.deployer.name
}

resource "aws_iam_access_key" "previous" {
  user   = aws_iam_user.deployer.name
  status = "Inactive"
}
`,
      ],
      fail: [
        `resource "aws_iam_user" "deployer" {
  name = "ci-deployer"
}

resource "aws_iam_access_key" "current" {
  user = aws_iam_user.deployer.name
}

resource "aws_iam_access_key" "previous" {
  user = "ci-deployer"
}
`,
      ],
      error: [
        `variable "previous_key_status" {
  type = string
}

resource "aws_iam_user" "deployer" {
  name = "ci-deployer"
}

resource "aws_iam_access_key" "current" {
  user = aws_iam_user.deployer.name
}

resource "aws_iam_access_key" "previous" {
  user   = aws_iam_user.deployer.name
  status = var.previous_key_status
}
`,
      ],
    },
  },
});
