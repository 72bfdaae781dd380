import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-iam-root-mfa-enabled',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'critical',
  // The root user is outside any template: its MFA state comes from the account summary.
  iac: false,
  needs: ['SummaryMap.AccountMFAEnabled'],
  text: {
    title: { en: "MFA is enabled for the 'root' user", ja: 'root ユーザーで MFA が有効になっている' },
    description: {
      en: 'Checks the account summary for multi-factor authentication on the root user.',
      ja: 'アカウントの概要情報で、root ユーザーに多要素認証 (MFA) が設定されていることを確認する。',
    },
    rationale: {
      en: 'The root user can do anything in the account, including closing it; a password alone is one phishing e-mail away from losing the account.',
      ja: 'root ユーザーはアカウントの解約を含むあらゆる操作ができる。パスワードだけでは、フィッシング 1 通でアカウントを失いかねない。',
    },
    remediation: {
      text: {
        en: 'Sign in as the root user and assign an MFA device (a hardware key where possible).',
        ja: 'root ユーザーでサインインし、MFA デバイス（可能ならハードウェアキー）を割り当てる。',
      },
      console: {
        en: 'Sign in as root → account menu → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.',
        ja: 'root ユーザーでサインイン → アカウントメニュー → セキュリティ認証情報 → 多要素認証 (MFA) → MFA デバイスの割り当て。',
      },
      cli: "# The root user's MFA can only be set in the console while signed in as root.\naws iam get-account-summary --query SummaryMap.AccountMFAEnabled",
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
    },
  },
  evaluate: ({ props }) =>
    props.SummaryMap.AccountMFAEnabled === 1
      ? pass()
      : fail('SummaryMap.AccountMFAEnabled', {
          en: 'The root user has no MFA device',
          ja: 'root ユーザーに MFA デバイスが設定されていない',
        }),
  fixtures: {
    live: {
      pass: [{ props: { SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } } }],
      fail: [{ props: { SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 } } }],
      error: [
        { props: { SummaryMap: {} } },
        { props: {}, gaps: { SummaryMap: 'AccessDenied: iam:GetAccountSummary' } },
      ],
    },
  },
});
