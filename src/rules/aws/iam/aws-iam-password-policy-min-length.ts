import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const policy = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  ExpirePasswords: false,
  PasswordReusePrevention: 24,
  HardExpiry: false,
};

export default defineAwsRule({
  id: 'aws-iam-password-policy-min-length',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'medium',
  // The password policy is account-wide, and a scan of templates has no aws.account resource to carry it: a partial account record made from aws_iam_account_password_policy would make every other account rule misjudge (and CloudFormation has no such resource).
  iac: false,
  needs: ['PasswordPolicy'],
  params: { minLength: 14 },
  text: {
    title: {
      en: 'The IAM password policy requires a minimum length of 14 or more',
      ja: 'IAM パスワードポリシーで最小文字数が 14 文字以上になっている',
    },
    description: {
      en: 'Checks that the account has a custom IAM password policy whose minimum password length is at least `minLength` (default 14).',
      ja: 'アカウントにカスタムの IAM パスワードポリシーがあり、パスワードの最小文字数が `minLength`（既定 14）以上であることを確認する。',
    },
    rationale: {
      en: 'Length is what makes a password resist guessing and offline cracking. Without a custom policy, IAM accepts the default minimum of 8 characters for IAM user passwords.',
      ja: 'パスワードの推測やオフライン解析への耐性は主に長さで決まる。カスタムのポリシーがない場合、IAM ユーザーのパスワードは既定の 8 文字以上で受け付けられる。',
    },
    remediation: {
      text: {
        en: 'Set a custom password policy with a minimum length of 14 characters or more.',
        ja: '最小文字数を 14 文字以上にしたカスタムのパスワードポリシーを設定する。',
      },
      console: {
        en: 'IAM console → Account settings → Password policy → Edit → Custom → Password minimum length: 14 (or more) → Save changes.',
        ja: 'IAM コンソール → アカウント設定 → パスワードポリシー → 編集 → カスタム → パスワードの最小文字数: 14 以上 → 変更を保存。',
      },
      cli: '# put-account-password-policy replaces the whole policy: pass every setting you want to keep.\naws iam put-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --allow-users-to-change-password',
      terraform: 'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length = 14\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minLength);
    const policy = props.PasswordPolicy;
    if (policy === null) {
      return fail('PasswordPolicy', {
        en: `No custom password policy is set (IAM's default minimum is 8 characters; ${min} required)`,
        ja: `カスタムのパスワードポリシーが設定されていない（IAM の既定の最小文字数は 8 文字。${min} 文字以上が必要）`,
      });
    }
    const length = policy.MinimumPasswordLength;
    if (typeof length !== 'number' || length < min) {
      return fail('PasswordPolicy.MinimumPasswordLength', {
        en: `The minimum password length is ${length ?? 'not set'}; ${min} or more is required`,
        ja: `パスワードの最小文字数が ${length ?? '未設定'} になっている（${min} 文字以上が必要）`,
      });
    }
    return pass({ en: `Minimum length ${length}`, ja: `最小文字数 ${length}` });
  },
  fixtures: {
    live: {
      pass: [
        { props: { AccountId: '111122223333', PasswordPolicy: policy } },
        { props: { AccountId: '111122223333', PasswordPolicy: { ...policy, MinimumPasswordLength: 32 } } },
        {
          props: { AccountId: '111122223333', PasswordPolicy: { ...policy, MinimumPasswordLength: 12 } },
          params: { minLength: 12 },
        },
      ],
      fail: [
        { props: { AccountId: '111122223333', PasswordPolicy: null } },
        { props: { AccountId: '111122223333', PasswordPolicy: { ...policy, MinimumPasswordLength: 13 } } },
        { props: { AccountId: '111122223333', PasswordPolicy: { ...policy, MinimumPasswordLength: 8 } } },
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
