import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ageMs, DAY_MS, day, wholeDays } from '../lib/credential-report.js';
import { userAccessKeys } from '../lib/iam.js';

const key = {
  UserName: 'svc-etl',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  Status: 'Active',
  CreateDate: '2026-09-10T00:00:00+00:00',
  AccessKeyLastUsed: { LastUsedDate: '2026-10-31T18:00:00+00:00', ServiceName: 'glue', Region: 'ap-northeast-1' },
};
const row = {
  user: 'svc-etl',
  arn: 'arn:aws:iam::111122223333:user/svc-etl',
  user_creation_time: '2022-07-01T00:00:00+00:00',
  password_enabled: 'false',
  password_last_used: 'N/A',
  password_last_changed: 'N/A',
  password_next_rotation: 'N/A',
  mfa_active: 'false',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2026-09-10T00:00:00+00:00',
  access_key_1_last_used_date: '2026-10-31T18:00:00+00:00',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};
const user = {
  Path: '/',
  UserName: 'svc-etl',
  UserId: 'AIDASAMPLESVCETL00001',
  Arn: 'arn:aws:iam::111122223333:user/svc-etl',
  CreateDate: '2022-07-01T00:00:00+00:00',
  LoginProfile: null,
  MFADevices: [],
  AccessKeyMetadata: [key],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['etl'],
  CredentialReport: row,
};

export default defineAwsRule({
  id: 'aws-iam-user-access-keys-rotated',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'medium',
  // Key age is a runtime fact: a key a template creates is new when it is deployed.
  iac: false,
  fsbp: ['IAM.3'],
  params: { maxDays: 90 },
  text: {
    title: {
      en: 'Access keys are rotated every 90 days or less',
      ja: 'アクセスキーが 90 日以内にローテーションされている',
    },
    description: {
      en: 'Checks that every active access key of each IAM user was created no more than `maxDays` days ago (default 90). Inactive keys are not counted.',
      ja: 'IAM ユーザーごとに、有効なアクセスキーがすべて作成から `maxDays` 日（既定 90 日）以内であることを確認する。無効なキーは数えない。',
    },
    rationale: {
      en: 'Keys leak silently: into repositories, build logs, backups and old laptops. Regular rotation puts an end date on a leaked key that nobody has noticed.',
      ja: 'アクセスキーはリポジトリ、ビルドログ、バックアップ、古い端末などから気付かれないまま漏えいする。定期的にローテーションすれば、気付かれていない漏えいキーにも有効期限ができる。',
    },
    remediation: {
      text: {
        en: 'Create a second key, move every client to it, deactivate the old key, watch for errors, then delete it. Better still, replace the key with an IAM role or IAM Identity Center credentials.',
        ja: '新しいキーを作成して利用先をすべて切り替え、古いキーを無効化してエラーがないことを確認してから削除する。可能なら、キー自体を IAM ロールや IAM Identity Center の認証情報に置き換える。',
      },
      console: {
        en: 'IAM console → Users → select the user → Security credentials tab → Access keys → Create access key; after switching clients, on the old key: Actions → Deactivate, then Delete.',
        ja: 'IAM コンソール → ユーザー → 対象ユーザーを選択 → セキュリティ認証情報 タブ → アクセスキー → アクセスキーを作成。利用先を切り替えた後、古いキーで アクション → 無効化し、その後 削除。',
      },
      cli: 'aws iam create-access-key --user-name <USER>\n# switch clients to the new key, then:\naws iam update-access-key --user-name <USER> --access-key-id <OLD_ACCESS_KEY_ID> --status Inactive\naws iam delete-access-key --user-name <USER> --access-key-id <OLD_ACCESS_KEY_ID>',
      cloudformation: 'AWS::IAM::AccessKey → Serial: <increment to issue a new key>',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
    },
  },
  evaluate: ({ resource, props, params, now }) => {
    const maxDays = Number(params.maxDays);
    const keys = userAccessKeys(resource);
    if (typeof keys === 'string') return error(keys);
    const active = keys.filter((k) => k.active);
    const old = active.filter((k) => k.created && ageMs(k.created, now) > maxDays * DAY_MS);
    const first = old[0];
    if (first?.created) {
      const more = old.length > 1 ? ` (+${old.length - 1})` : '';
      return fail(first.path, {
        en: `Active access key ${first.label} of user ${props.UserName} is older than ${maxDays} days (created ${day(first.created)}, ${wholeDays(first.created, now)} days ago)${more}`,
        ja: `ユーザー ${props.UserName} の有効なアクセスキー ${first.label} が作成から ${maxDays} 日を超えている（${day(first.created)} 作成、${wholeDays(first.created, now)} 日経過）${more}`,
      });
    }
    const undated = active.find((k) => !k.created);
    if (undated) return error(`creation date of access key ${undated.label} not collected`);
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: user },
        // Exactly 90 days old: still within "90 days or less".
        { props: { ...user, AccessKeyMetadata: [{ ...key, CreateDate: '2026-08-03T00:00:00+00:00' }] } },
        // A three-year-old key that is inactive.
        {
          props: {
            ...user,
            AccessKeyMetadata: [
              key,
              {
                ...key,
                AccessKeyId: 'AKIAI44QH8DHBEXAMPLE',
                Status: 'Inactive',
                CreateDate: '2023-01-01T00:00:00+00:00',
              },
            ],
          },
        },
        { props: { ...user, AccessKeyMetadata: [] } },
      ],
      fail: [
        // 90 days and one second.
        { props: { ...user, AccessKeyMetadata: [{ ...key, CreateDate: '2026-08-02T23:59:59+00:00' }] } },
        {
          props: {
            ...user,
            AccessKeyMetadata: [
              key,
              { ...key, AccessKeyId: 'AKIAI44QH8DHBEXAMPLE', CreateDate: '2024-03-15T00:00:00+00:00' },
            ],
          },
        },
        {
          props: {
            ...user,
            AccessKeyMetadata: undefined,
            CredentialReport: { ...row, access_key_1_last_rotated: '2025-06-01T00:00:00+00:00' },
          },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
      ],
      error: [
        {
          props: { ...user, AccessKeyMetadata: undefined, CredentialReport: undefined },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
        { props: { ...user, AccessKeyMetadata: [{ ...key, CreateDate: undefined }] } },
      ],
    },
  },
});
