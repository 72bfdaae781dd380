import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { reportFlag } from '../lib/credential-report.js';
import { hasConsolePassword, unreadableProp } from '../lib/iam.js';

const row = {
  user: 'alice',
  arn: 'arn:aws:iam::111122223333:user/alice',
  user_creation_time: '2024-02-01T09:00:00+00:00',
  password_enabled: 'true',
  password_last_used: '2026-10-28T07:55:12+00:00',
  password_last_changed: '2024-02-01T09:01:00+00:00',
  password_next_rotation: 'N/A',
  mfa_active: 'true',
  access_key_1_active: 'false',
  access_key_1_last_rotated: 'N/A',
  access_key_1_last_used_date: 'N/A',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};
const alice = {
  Path: '/',
  UserName: 'alice',
  UserId: 'AIDASAMPLEUSERALICE01',
  Arn: 'arn:aws:iam::111122223333:user/alice',
  CreateDate: '2024-02-01T09:00:00+00:00',
  PasswordLastUsed: '2026-10-28T07:55:12+00:00',
  LoginProfile: { UserName: 'alice', CreateDate: '2024-02-01T09:01:00+00:00', PasswordResetRequired: false },
  MFADevices: [
    {
      UserName: 'alice',
      SerialNumber: 'arn:aws:iam::111122223333:mfa/alice-yubikey',
      EnableDate: '2024-02-01T09:10:00+00:00',
    },
  ],
  AccessKeyMetadata: [],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['developers'],
  CredentialReport: row,
};
const { MFADevices: _, ...aliceWithoutMfaList } = alice;

export default defineAwsRule({
  id: 'aws-iam-user-console-mfa',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'high',
  // Users enrol MFA devices after the user is created; a template cannot show them.
  iac: false,
  fsbp: ['IAM.5'],
  appliesTo: hasConsolePassword,
  text: {
    title: {
      en: 'MFA is enabled for every IAM user with a console password',
      ja: 'コンソールパスワードを持つすべての IAM ユーザーで MFA が有効になっている',
    },
    description: {
      en: 'Checks that each IAM user who can sign in to the AWS Management Console with a password has at least one MFA device. Users without a console password are not in scope.',
      ja: 'パスワードで AWS マネジメントコンソールにサインインできる IAM ユーザーごとに、MFA デバイスが 1 つ以上登録されていることを確認する。コンソールパスワードを持たないユーザーは該当なしとする。',
    },
    rationale: {
      en: 'Console passwords are phished, reused across sites and guessed. A second factor stops a stolen password from becoming a console session.',
      ja: 'コンソールのパスワードはフィッシング、他サイトとの使い回し、推測によって漏れる。第 2 要素があれば、盗まれたパスワードだけではコンソールにサインインできない。',
    },
    remediation: {
      text: {
        en: 'Have the user register an MFA device (a passkey or security key where possible), and enforce it with a policy that denies actions without aws:MultiFactorAuthPresent. If the user does not need the console, delete the console password instead.',
        ja: 'ユーザーに MFA デバイス（可能ならパスキーまたはセキュリティキー）を登録させ、aws:MultiFactorAuthPresent がない操作を拒否するポリシーで強制する。コンソールが不要なユーザーなら、コンソールパスワードを削除する。',
      },
      console: {
        en: 'IAM console → Users → select the user → Security credentials tab → Multi-factor authentication (MFA) → Assign MFA device (or, under Console sign-in, Disable console access).',
        ja: 'IAM コンソール → ユーザー → 対象ユーザーを選択 → セキュリティ認証情報 タブ → 多要素認証 (MFA) → MFA デバイスの割り当て（不要ならコンソールサインインの コンソールアクセスを無効化）。',
      },
      cli: '# Virtual MFA (the user scans the QR code, then enters two consecutive codes):\naws iam create-virtual-mfa-device --virtual-mfa-device-name <USER>-mfa --outfile <USER>-qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name <USER> --serial-number arn:aws:iam::<ACCOUNT_ID>:mfa/<USER>-mfa --authentication-code1 <CODE1> --authentication-code2 <CODE2>\n# Or remove console access:\naws iam delete-login-profile --user-name <USER>',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
    },
  },
  evaluate: ({ resource, props }) => {
    // ListMFADevices is read live at scan time; the credential report may be hours old, so it only stands in.
    const listed = unreadableProp(resource, 'MFADevices');
    if (listed === undefined) {
      return props.MFADevices.length > 0
        ? pass()
        : fail('MFADevices', {
            en: `User ${props.UserName} has a console password but no MFA device`,
            ja: `ユーザー ${props.UserName} はコンソールパスワードを持つが、MFA デバイスが登録されていない`,
          });
    }
    const reported = unreadableProp(resource, 'CredentialReport')
      ? undefined
      : reportFlag(props.CredentialReport, 'mfa_active');
    if (reported === true) return pass();
    if (reported === false) {
      return fail('CredentialReport.mfa_active', {
        en: `User ${props.UserName} has a console password but no MFA device (credential report)`,
        ja: `ユーザー ${props.UserName} はコンソールパスワードを持つが、MFA デバイスが登録されていない（認証情報レポート）`,
      });
    }
    return error(listed);
  },
  fixtures: {
    live: {
      pass: [
        { props: alice },
        {
          props: aliceWithoutMfaList,
          gaps: { MFADevices: 'AccessDenied: iam:ListMFADevices' },
        },
      ],
      fail: [
        { props: { ...alice, MFADevices: [], CredentialReport: { ...row, mfa_active: 'false' } } },
        // The report is older than the device list: the device was removed since. The live list wins.
        { props: { ...alice, MFADevices: [] } },
        // GetLoginProfile failed, but the report says the password is enabled.
        {
          props: { ...aliceWithoutMfaList, LoginProfile: undefined, CredentialReport: { ...row, mfa_active: 'false' } },
          gaps: {
            LoginProfile: 'AccessDenied: iam:GetLoginProfile',
            MFADevices: 'AccessDenied: iam:ListMFADevices',
          },
        },
      ],
      error: [
        {
          props: { ...aliceWithoutMfaList, CredentialReport: undefined },
          gaps: { MFADevices: 'AccessDenied: iam:ListMFADevices' },
        },
        {
          props: { ...alice, LoginProfile: undefined, CredentialReport: undefined },
          gaps: { LoginProfile: 'Throttling: iam:GetLoginProfile' },
        },
      ],
      notApplicable: [
        {
          props: {
            ...alice,
            UserName: 'ci-deployer',
            PasswordLastUsed: undefined,
            LoginProfile: null,
            MFADevices: [],
            CredentialReport: {
              ...row,
              user: 'ci-deployer',
              password_enabled: 'false',
              password_last_used: 'N/A',
              mfa_active: 'false',
            },
          },
        },
        {
          props: {
            ...alice,
            LoginProfile: undefined,
            MFADevices: [],
            CredentialReport: { ...row, password_enabled: 'false' },
          },
          gaps: { LoginProfile: 'AccessDenied: iam:GetLoginProfile' },
        },
      ],
    },
  },
});
