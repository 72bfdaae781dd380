import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { day } from '../lib/credential-report.js';
import { hasConsolePassword, userAccessKeys } from '../lib/iam.js';

const row = {
  user: 'carol',
  arn: 'arn:aws:iam::111122223333:user/carol',
  user_creation_time: '2026-06-01T10:00:00+00:00',
  password_enabled: 'true',
  password_last_used: '2026-10-30T01:20:00+00:00',
  password_last_changed: '2026-06-01T10:00:05+00:00',
  password_next_rotation: 'N/A',
  mfa_active: 'true',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2026-06-01T10:00:07+00:00',
  access_key_1_last_used_date: '2026-10-31T12:00:00+00:00',
  access_key_1_last_used_region: 'ap-northeast-1',
  access_key_1_last_used_service: 'sts',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};
const usedKey = {
  UserName: 'carol',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  Status: 'Active',
  CreateDate: '2026-06-01T10:00:07+00:00',
  AccessKeyLastUsed: { LastUsedDate: '2026-10-31T12:00:00+00:00', ServiceName: 'sts', Region: 'ap-northeast-1' },
};
// GetAccessKeyLastUsed for a key that was never used: no LastUsedDate, service and region 'N/A'.
const neverUsed = { ServiceName: 'N/A', Region: 'N/A' };
const carol = {
  Path: '/',
  UserName: 'carol',
  UserId: 'AIDASAMPLEUSERCAROL01',
  Arn: 'arn:aws:iam::111122223333:user/carol',
  CreateDate: '2026-06-01T10:00:00+00:00',
  PasswordLastUsed: '2026-10-30T01:20:00+00:00',
  LoginProfile: { UserName: 'carol', CreateDate: '2026-06-01T10:00:05+00:00', PasswordResetRequired: false },
  MFADevices: [
    { UserName: 'carol', SerialNumber: 'arn:aws:iam::111122223333:mfa/carol', EnableDate: '2026-06-01T10:05:00+00:00' },
  ],
  AccessKeyMetadata: [usedKey],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['developers'],
  CredentialReport: row,
};
const { AccessKeyLastUsed: _, ...keyWithoutLastUsed } = usedKey;

export default defineAwsRule({
  id: 'aws-iam-user-no-initial-access-keys',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'low',
  appliesTo: hasConsolePassword,
  text: {
    title: {
      en: 'No access keys are created during initial setup for IAM users with a console password',
      ja: 'コンソールパスワードを持つ IAM ユーザーに、初期設定時のアクセスキーが作成されていない',
    },
    description: {
      en: 'Checks that no IAM user with a console password holds an active access key that has never been used: the sign of a key handed out at user creation "just in case". In a template, every active key created together with a console user counts.',
      ja: 'コンソールパスワードを持つ IAM ユーザーが、一度も使われていない有効なアクセスキーを持っていないことを確認する。これは、ユーザー作成時に「念のため」発行されたキーの兆候である。テンプレートでは、コンソールユーザーと一緒に作成される有効なキーをすべて対象とする。',
    },
    rationale: {
      en: "A key nobody uses is a long-lived credential with the user's full permissions that nobody watches. Keys should be created only when the user actually needs programmatic access.",
      ja: '誰も使っていないキーは、ユーザーの全権限を持ったまま誰にも監視されない長期の認証情報である。キーはプログラムによるアクセスが実際に必要になったときだけ作成する。',
    },
    remediation: {
      text: {
        en: 'Delete the unused access key. If the user later needs programmatic access, prefer IAM Identity Center or short-lived role credentials; create a key only then.',
        ja: '使われていないアクセスキーを削除する。後でプログラムによるアクセスが必要になったら、IAM Identity Center やロールの一時的な認証情報を優先し、キーはその時点で作成する。',
      },
      console: {
        en: 'IAM console → Users → select the user → Security credentials tab → Access keys → Actions → Deactivate, then Delete.',
        ja: 'IAM コンソール → ユーザー → 対象ユーザーを選択 → セキュリティ認証情報 タブ → アクセスキー → アクション → 無効化し、その後 削除。',
      },
      cli: 'aws iam list-access-keys --user-name <USER>\naws iam get-access-key-last-used --access-key-id <ACCESS_KEY_ID>\naws iam delete-access-key --user-name <USER> --access-key-id <ACCESS_KEY_ID>',
      cloudformation: '# Remove the AWS::IAM::AccessKey resource for the user, or set: Status: Inactive',
      terraform: '# Remove the aws_iam_access_key resource for the user, or set: status = "Inactive"',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    },
  },
  evaluate: ({ resource, props }) => {
    const keys = userAccessKeys(resource);
    if (typeof keys === 'string') return error(keys);
    const active = keys.filter((k) => k.active);
    const unused = active.find((k) => k.lastUsed === null);
    if (unused) {
      // A key a template creates has no creation date yet: it is created with the user.
      const since = unused.created
        ? { en: ` (created ${day(unused.created)})`, ja: `（${day(unused.created)} 作成）` }
        : { en: '', ja: '' };
      return fail(unused.path, {
        en: `Console user ${props.UserName} has active access key ${unused.label}${since.en} that has never been used`,
        ja: `コンソールユーザー ${props.UserName} に、一度も使われていない有効なアクセスキー ${unused.label}${since.ja}がある`,
      });
    }
    const unknown = active.find((k) => k.lastUsed === undefined);
    if (unknown) return error(`last use of access key ${unknown.label} not collected (iam:GetAccessKeyLastUsed)`);
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: carol },
        {
          props: {
            ...carol,
            AccessKeyMetadata: [],
            CredentialReport: {
              ...row,
              access_key_1_active: 'false',
              access_key_1_last_rotated: 'N/A',
              access_key_1_last_used_date: 'N/A',
            },
          },
        },
        // A never-used key that is already inactive does not count.
        {
          props: {
            ...carol,
            AccessKeyMetadata: [
              usedKey,
              { ...usedKey, AccessKeyId: 'AKIAI44QH8DHBEXAMPLE', Status: 'Inactive', AccessKeyLastUsed: neverUsed },
            ],
          },
        },
      ],
      fail: [
        { props: { ...carol, AccessKeyMetadata: [{ ...usedKey, AccessKeyLastUsed: neverUsed }] } },
        // GetAccessKeyLastUsed failed; the report slot with the same creation time says "N/A" (never used).
        {
          props: {
            ...carol,
            AccessKeyMetadata: [keyWithoutLastUsed],
            CredentialReport: {
              ...row,
              access_key_1_last_used_date: 'N/A',
              access_key_1_last_used_region: 'N/A',
              access_key_1_last_used_service: 'N/A',
            },
          },
          gaps: { 'AccessKeyMetadata.0.AccessKeyLastUsed': 'AccessDenied: iam:GetAccessKeyLastUsed' },
        },
        // ListAccessKeys failed; the report alone shows an active, never-used second key.
        {
          props: {
            ...carol,
            AccessKeyMetadata: undefined,
            CredentialReport: {
              ...row,
              access_key_2_active: 'true',
              access_key_2_last_rotated: '2026-06-01T10:00:09+00:00',
              access_key_2_last_used_date: 'N/A',
            },
          },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
      ],
      error: [
        {
          props: { ...carol, AccessKeyMetadata: [keyWithoutLastUsed], CredentialReport: undefined },
          gaps: { 'AccessKeyMetadata.0.AccessKeyLastUsed': 'AccessDenied: iam:GetAccessKeyLastUsed' },
        },
        {
          props: { ...carol, AccessKeyMetadata: undefined, CredentialReport: undefined },
          gaps: {
            AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys',
            CredentialReport: 'ReportExpired: iam:GetCredentialReport',
          },
        },
      ],
      notApplicable: [
        {
          props: {
            ...carol,
            UserName: 'etl-batch',
            PasswordLastUsed: undefined,
            LoginProfile: null,
            MFADevices: [],
            AccessKeyMetadata: [{ ...usedKey, UserName: 'etl-batch', AccessKeyLastUsed: neverUsed }],
            CredentialReport: undefined,
          },
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      UserName: carol
      Groups: [developers]
      LoginProfile:
        Password: '{{resolve:secretsmanager:carol-initial-password}}'
        PasswordResetRequired: true
`,
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      UserName: carol
      LoginProfile:
        Password: '{{resolve:secretsmanager:carol-initial-password}}'
        PasswordResetRequired: true
  CarolKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Carol
      Status: Inactive
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      UserName: carol
      LoginProfile:
        Password: '{{resolve:secretsmanager:carol-initial-password}}'
        PasswordResetRequired: true
  CarolKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Carol
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyStatus:
    Type: String
    AllowedValues: [Active, Inactive]
Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      UserName: carol
      LoginProfile:
        Password: '{{resolve:secretsmanager:carol-initial-password}}'
  CarolKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Carol
      Status: !Ref KeyStatus
`,
      ],
      notApplicable: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  EtlBatch:
    Type: AWS::IAM::User
    Properties:
      UserName: etl-batch
  EtlBatchKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref EtlBatch
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user                    = aws_iam_user.carol.name
  password_reset_required = true
}
`,
      ],
      fail: [
        `resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user = aws_iam_user.carol.name
}

resource "aws_iam_access_key" "carol" {
  user = aws_iam_user.carol.name
}
`,
      ],
      error: [
        `variable "key_status" {
  type = string
}

resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user = aws_iam_user.carol.name
}

resource "aws_iam_access_key" "carol" {
  user   = aws_iam_user.carol.name
  status = var.key_status
}
`,
      ],
      notApplicable: [
        `resource "aws_iam_user" "etl" {
  name = "etl-batch"
}

resource "aws_iam_access_key" "etl" {
  user = aws_iam_user.etl.name
}
`,
      ],
    },
  },
});
