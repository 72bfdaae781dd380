import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-iam-root-no-access-keys',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'critical',
  // The root user is outside any template: its keys come from the account summary and credential report.
  iac: false,
  fsbp: ['IAM.4'],
  needs: ['SummaryMap.AccountAccessKeysPresent'],
  text: {
    title: { en: "No access key exists for the 'root' user", ja: 'root ユーザーのアクセスキーが存在しない' },
    description: {
      en: 'Checks the account summary for access keys of the root user, active or inactive.',
      ja: 'アカウントの概要情報で、root ユーザーのアクセスキー（有効・無効を問わず）が存在しないことを確認する。',
    },
    rationale: {
      en: 'A root access key signs API calls with unrestricted power that no policy, permissions boundary or SCP can limit. Long-lived keys leak through code, CI logs and laptops; a leaked root key means losing the account.',
      ja: 'root ユーザーのアクセスキーは、ポリシー・アクセス許可の境界・SCP のいずれでも制限できない無制限の権限で API を呼び出せる。長期の認証情報はソースコード、CI のログ、端末から漏えいしやすく、root のキーが漏えいすればアカウントを失う。',
    },
    remediation: {
      text: {
        en: "Delete the root user's access keys; give automation an IAM role (or an IAM user with least privilege) instead.",
        ja: 'root ユーザーのアクセスキーを削除し、自動化には IAM ロール（または最小権限の IAM ユーザー）を使う。',
      },
      console: {
        en: 'Sign in as root → account menu → Security credentials → Access keys → for each key: Actions → Deactivate, confirm nothing breaks, then Actions → Delete.',
        ja: 'root ユーザーでサインイン → アカウントメニュー → セキュリティ認証情報 → アクセスキー → 各キーで アクション → 無効化し、影響がないことを確認してから アクション → 削除。',
      },
      cli: "# Root access keys can only be deleted by the root user itself (or, in an organization with centralized root access, by the management account).\n# Find where the key is still used before deleting it:\naws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | grep '<root_account>'",
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
    },
  },
  evaluate: ({ props }) => {
    const n = props.SummaryMap.AccountAccessKeysPresent;
    return n === 0
      ? pass()
      : fail('SummaryMap.AccountAccessKeysPresent', {
          en: 'The root user has at least one access key',
          ja: 'root ユーザーにアクセスキーが 1 つ以上存在する',
        });
  },
  fixtures: {
    live: {
      pass: [
        { props: { AccountId: '111122223333', SummaryMap: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 1 } } },
      ],
      fail: [
        { props: { AccountId: '111122223333', SummaryMap: { AccountAccessKeysPresent: 1, AccountMFAEnabled: 1 } } },
        // Inactive keys count too: the summary does not tell them apart, and an inactive key can be reactivated.
        {
          props: {
            AccountId: '111122223333',
            SummaryMap: { AccountAccessKeysPresent: 1, AccountMFAEnabled: 0 },
            RootCredentialReport: {
              user: '<root_account>',
              access_key_1_active: 'false',
              access_key_1_last_rotated: '2019-04-02T08:15:00+00:00',
              access_key_2_active: 'false',
              access_key_2_last_rotated: 'N/A',
            },
          },
        },
      ],
      error: [
        { props: { AccountId: '111122223333', SummaryMap: { AccountMFAEnabled: 1 } } },
        { props: { AccountId: '111122223333' }, gaps: { SummaryMap: 'AccessDenied: iam:GetAccountSummary' } },
      ],
    },
  },
});
