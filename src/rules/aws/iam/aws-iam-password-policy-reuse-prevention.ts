import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const policy = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  ExpirePasswords: true,
  MaxPasswordAge: 365,
  PasswordReusePrevention: 24,
  HardExpiry: false,
};

export default defineAwsRule({
  id: 'aws-iam-password-policy-reuse-prevention',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'low',
  // The password policy is account-wide, and a scan of templates has no aws.account resource to carry it: a partial account record made from aws_iam_account_password_policy would make every other account rule misjudge (and CloudFormation has no such resource).
  iac: false,
  needs: ['PasswordPolicy'],
  params: { minReuse: 24 },
  text: {
    title: {
      en: 'The IAM password policy prevents password reuse',
      ja: 'IAM パスワードポリシーでパスワードの再利用が禁止されている',
    },
    description: {
      en: 'Checks that the custom IAM password policy remembers at least `minReuse` (default 24, the most IAM allows) previous passwords so users cannot set them again.',
      ja: 'カスタムの IAM パスワードポリシーが過去のパスワードを `minReuse` 個（既定 24。IAM の上限）以上記憶し、再設定できないようにしていることを確認する。',
    },
    rationale: {
      en: 'When a password must change (after a leak, or on expiry), allowing an old one back defeats the change: a password that was exposed once stays valid.',
      ja: '漏えい後や有効期限切れでパスワードを変更しても、以前のパスワードに戻せるなら変更の意味がなく、一度漏えいしたパスワードが使われ続ける。',
    },
    remediation: {
      text: {
        en: 'Set "Prevent password reuse" to remember 24 passwords in the account password policy.',
        ja: 'アカウントのパスワードポリシーで「パスワードの再利用を禁止」を有効にし、記憶するパスワード数を 24 にする。',
      },
      console: {
        en: 'IAM console → Account settings → Password policy → Edit → Custom → check "Prevent password reuse" → Remember 24 passwords → Save changes.',
        ja: 'IAM コンソール → アカウント設定 → パスワードポリシー → 編集 → カスタム → 「パスワードの再利用を禁止」を選択 → 記憶するパスワード数 24 → 変更を保存。',
      },
      cli: '# put-account-password-policy replaces the whole policy: pass every setting you want to keep.\naws iam put-account-password-policy --password-reuse-prevention 24 --minimum-password-length 14 --allow-users-to-change-password',
      terraform: 'resource "aws_iam_account_password_policy" "this" {\n  password_reuse_prevention = 24\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minReuse);
    const policy = props.PasswordPolicy;
    if (policy === null) {
      return fail('PasswordPolicy', {
        en: 'No custom password policy is set, so passwords may be reused',
        ja: 'カスタムのパスワードポリシーが設定されておらず、パスワードを再利用できる',
      });
    }
    const reuse = policy.PasswordReusePrevention;
    if (typeof reuse !== 'number' || reuse < min) {
      return fail('PasswordPolicy.PasswordReusePrevention', {
        en:
          reuse === undefined
            ? `Password reuse prevention is off; at least ${min} remembered passwords are required`
            : `Only ${reuse} previous passwords are remembered; at least ${min} are required`,
        ja:
          reuse === undefined
            ? `パスワードの再利用禁止が無効になっている（${min} 個以上の記憶が必要）`
            : `記憶するパスワード数が ${reuse} になっている（${min} 以上が必要）`,
      });
    }
    return pass({ en: `${reuse} previous passwords remembered`, ja: `過去 ${reuse} 個のパスワードを記憶` });
  },
  fixtures: {
    live: {
      pass: [
        { props: { AccountId: '111122223333', PasswordPolicy: policy } },
        {
          props: { AccountId: '111122223333', PasswordPolicy: { ...policy, PasswordReusePrevention: 12 } },
          params: { minReuse: 12 },
        },
      ],
      fail: [
        { props: { AccountId: '111122223333', PasswordPolicy: null } },
        { props: { AccountId: '111122223333', PasswordPolicy: { ...policy, PasswordReusePrevention: 23 } } },
        // The API omits PasswordReusePrevention when reuse prevention is off.
        {
          props: {
            AccountId: '111122223333',
            PasswordPolicy: {
              MinimumPasswordLength: 14,
              RequireSymbols: false,
              RequireNumbers: false,
              RequireUppercaseCharacters: false,
              RequireLowercaseCharacters: false,
              AllowUsersToChangePassword: true,
              ExpirePasswords: false,
            },
          },
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333' },
          gaps: { PasswordPolicy: 'AccessDenied: iam:GetAccountPasswordPolicy' },
        },
        { props: { AccountId: '111122223333' } },
      ],
    },
  },
});
