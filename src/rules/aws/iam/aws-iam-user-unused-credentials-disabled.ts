import { error, fail, pass } from '../../../core/rule.js';
import type { Text } from '../../../core/text.js';
import { defineAwsRule } from '../../define.js';
import { ageMs, DAY_MS, day, later, wholeDays } from '../lib/credential-report.js';
import { consolePassword, passwordCreated, passwordLastUsed, userAccessKeys } from '../lib/iam.js';

const row = {
  user: 'dave',
  arn: 'arn:aws:iam::111122223333:user/dave',
  user_creation_time: '2023-04-03T02:00:00+00:00',
  password_enabled: 'true',
  password_last_used: '2026-10-20T08:30:00+00:00',
  password_last_changed: '2023-04-03T02:00:10+00:00',
  password_next_rotation: 'N/A',
  mfa_active: 'true',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2026-09-01T00:00:00+00:00',
  access_key_1_last_used_date: '2026-10-31T23:00:00+00:00',
  access_key_1_last_used_region: 'us-east-1',
  access_key_1_last_used_service: 's3',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};
const key = {
  UserName: 'dave',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  Status: 'Active',
  CreateDate: '2026-09-01T00:00:00+00:00',
  AccessKeyLastUsed: { LastUsedDate: '2026-10-31T23:00:00+00:00', ServiceName: 's3', Region: 'us-east-1' },
};
const neverUsed = { ServiceName: 'N/A', Region: 'N/A' };
const dave = {
  Path: '/',
  UserName: 'dave',
  UserId: 'AIDASAMPLEUSERDAVE001',
  Arn: 'arn:aws:iam::111122223333:user/dave',
  CreateDate: '2023-04-03T02:00:00+00:00',
  PasswordLastUsed: '2026-10-20T08:30:00+00:00',
  LoginProfile: { UserName: 'dave', CreateDate: '2023-04-03T02:00:10+00:00', PasswordResetRequired: false },
  MFADevices: [
    { UserName: 'dave', SerialNumber: 'arn:aws:iam::111122223333:mfa/dave', EnableDate: '2023-04-03T02:10:00+00:00' },
  ],
  AccessKeyMetadata: [key],
  AttachedManagedPolicies: [],
  UserPolicyList: [],
  GroupList: ['analysts'],
  CredentialReport: row,
};
const programmatic = {
  ...dave,
  UserName: 'backup-agent',
  Arn: 'arn:aws:iam::111122223333:user/backup-agent',
  PasswordLastUsed: undefined,
  LoginProfile: null,
  MFADevices: [],
  CredentialReport: {
    ...row,
    user: 'backup-agent',
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    mfa_active: 'false',
  },
};
const { AccessKeyLastUsed: _, ...keyWithoutLastUsed } = key;

interface Problem {
  path: string;
  reason: Text;
}

export default defineAwsRule({
  id: 'aws-iam-user-unused-credentials-disabled',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'medium',
  // Last-used dates come from the credential report and GetAccessKeyLastUsed, not from a template.
  iac: false,
  params: { maxDays: 45 },
  text: {
    title: {
      en: 'Credentials unused for 45 days or more are disabled',
      ja: '45 日以上使われていない認証情報が無効になっている',
    },
    description: {
      en: "Checks each IAM user's console password and active access keys: none may have gone unused for `maxDays` days or more (default 45). A credential that was never used counts from the day it was created; a password counts from its last use or from when it was last set, whichever is later.",
      ja: 'IAM ユーザーごとに、コンソールパスワードと有効なアクセスキーが `maxDays` 日（既定 45 日）以上使われずに残っていないことを確認する。一度も使われていない認証情報は作成日から数え、パスワードは最終使用日と最後に設定された日のうち新しい方から数える。',
    },
    rationale: {
      en: 'Credentials nobody uses belong to people who left, projects that ended or tests that were forgotten. Nobody notices when they are misused, so they are a favourite foothold; disabling them costs nothing.',
      ja: '使われていない認証情報は、退職者や終了したプロジェクト、放置されたテストのものであることが多い。悪用されても誰も気付かないため侵入の足掛かりになりやすく、無効化しても業務への影響はない。',
    },
    remediation: {
      text: {
        en: 'Deactivate the stale access keys and remove the stale console password (or delete the user if nobody needs it any more).',
        ja: '使われていないアクセスキーを無効化し、使われていないコンソールパスワードを削除する（ユーザー自体が不要なら削除する）。',
      },
      console: {
        en: 'IAM console → Users → select the user → Security credentials tab → Console sign-in: Manage console access → Disable; Access keys: Actions → Deactivate.',
        ja: 'IAM コンソール → ユーザー → 対象ユーザーを選択 → セキュリティ認証情報 タブ → コンソールサインイン: コンソールアクセスを管理 → 無効化。アクセスキー: アクション → 無効化。',
      },
      cli: 'aws iam update-access-key --user-name <USER> --access-key-id <ACCESS_KEY_ID> --status Inactive\naws iam delete-login-profile --user-name <USER>',
      cloudformation: 'AWS::IAM::AccessKey → Status: Inactive',
      terraform: 'resource "aws_iam_access_key" "<NAME>" {\n  user   = "<USER>"\n  status = "Inactive"\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
    },
  },
  evaluate: ({ resource, props, params, now }) => {
    const maxDays = Number(params.maxDays);
    const limit = maxDays * DAY_MS;
    const problems: Problem[] = [];
    const unknowns: string[] = [];

    const password = consolePassword(resource);
    if ('unknown' in password) unknowns.push(password.unknown);
    else if (password.enabled) {
      const used = passwordLastUsed(props);
      const set = passwordCreated(props);
      const since = later(used?.date, set?.date);
      if (since === undefined) unknowns.push('console password: neither last use nor creation date collected');
      else if (ageMs(since, now) >= limit) {
        const days = wholeDays(since, now);
        problems.push(
          used && since === used.date
            ? {
                path: used.path,
                reason: {
                  en: `console password last used on ${day(since)}, ${days} days ago`,
                  ja: `コンソールパスワードの最終使用日が ${day(since)}（${days} 日前）`,
                },
              }
            : {
                path: set?.path ?? password.path,
                reason: {
                  en: `console password set on ${day(since)} and not used since (${days} days)`,
                  ja: `コンソールパスワードが ${day(since)} に設定されてから使われていない（${days} 日）`,
                },
              },
        );
      }
    }

    const keys = userAccessKeys(resource);
    if (typeof keys === 'string') unknowns.push(keys);
    else {
      for (const k of keys.filter((k) => k.active)) {
        if (k.created && ageMs(k.created, now) < limit) continue; // too new to be stale, used or not
        const since = later(k.lastUsed, k.created);
        if (k.lastUsed === undefined || since === undefined) {
          unknowns.push(`access key ${k.label}: last use not collected (iam:GetAccessKeyLastUsed)`);
          continue;
        }
        if (ageMs(since, now) < limit) continue;
        const days = wholeDays(since, now);
        problems.push({
          path: k.path,
          reason: k.lastUsed
            ? {
                en: `active access key ${k.label} last used on ${day(since)}, ${days} days ago`,
                ja: `有効なアクセスキー ${k.label} の最終使用日が ${day(since)}（${days} 日前）`,
              }
            : {
                en: `active access key ${k.label} created on ${day(since)} and never used (${days} days)`,
                ja: `有効なアクセスキー ${k.label} が ${day(since)} に作成されてから一度も使われていない（${days} 日）`,
              },
        });
      }
    }

    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? problems.length - 1 : 0;
      return fail(first.path, {
        en: `User ${props.UserName}: ${first.reason.en}${more ? ` (and ${more} more)` : ''}; limit ${maxDays} days`,
        ja: `ユーザー ${props.UserName}: ${first.reason.ja}${more ? `（ほか ${more} 件）` : ''}。上限は ${maxDays} 日`,
      });
    }
    if (unknowns.length > 0) return error(unknowns.join('; '));
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: dave },
        // Last used 44 days 23:59:59 ago.
        {
          props: {
            ...dave,
            PasswordLastUsed: '2026-09-17T00:00:01+00:00',
            CredentialReport: { ...row, password_last_used: '2026-09-17T00:00:01+00:00' },
          },
        },
        // A new user whose password has not been used yet: counted from its creation 10 days ago.
        {
          props: {
            ...dave,
            CreateDate: '2026-10-22T00:00:00+00:00',
            PasswordLastUsed: undefined,
            LoginProfile: { UserName: 'dave', CreateDate: '2026-10-22T00:00:00+00:00', PasswordResetRequired: true },
            CredentialReport: {
              ...row,
              password_last_used: 'no_information',
              password_last_changed: '2026-10-22T00:00:00+00:00',
            },
          },
        },
        // An old, never-used key that is inactive already.
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: [
              key,
              {
                ...key,
                AccessKeyId: 'AKIAI44QH8DHBEXAMPLE',
                Status: 'Inactive',
                CreateDate: '2022-01-01T00:00:00+00:00',
                AccessKeyLastUsed: neverUsed,
              },
            ],
          },
        },
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: [{ ...key, CreateDate: '2026-10-25T00:00:00+00:00', AccessKeyLastUsed: neverUsed }],
          },
        },
      ],
      fail: [
        // Last used exactly 45 days ago.
        {
          props: {
            ...dave,
            PasswordLastUsed: '2026-09-17T00:00:00+00:00',
            CredentialReport: { ...row, password_last_used: '2026-09-17T00:00:00+00:00' },
          },
        },
        // Password set in March and never used ('no_information' in the report).
        {
          props: {
            ...dave,
            PasswordLastUsed: undefined,
            LoginProfile: { UserName: 'dave', CreateDate: '2026-03-01T00:00:00+00:00', PasswordResetRequired: true },
            CredentialReport: {
              ...row,
              password_last_used: 'no_information',
              password_last_changed: '2026-03-01T00:00:00+00:00',
            },
          },
        },
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: [
              {
                ...key,
                CreateDate: '2025-11-01T00:00:00+00:00',
                AccessKeyLastUsed: {
                  LastUsedDate: '2026-05-10T06:00:00+00:00',
                  ServiceName: 'dynamodb',
                  Region: 'ap-northeast-1',
                },
              },
            ],
          },
        },
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: [{ ...key, CreateDate: '2026-01-01T00:00:00+00:00', AccessKeyLastUsed: neverUsed }],
          },
        },
        // ListAccessKeys failed; the report shows an active key last used in June.
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: undefined,
            CredentialReport: {
              ...programmatic.CredentialReport,
              access_key_1_last_rotated: '2025-12-01T00:00:00+00:00',
              access_key_1_last_used_date: '2026-06-30T00:00:00+00:00',
            },
          },
          gaps: { AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys' },
        },
      ],
      error: [
        {
          props: { ...programmatic, AccessKeyMetadata: undefined, CredentialReport: undefined },
          gaps: {
            AccessKeyMetadata: 'AccessDenied: iam:ListAccessKeys',
            CredentialReport: 'ReportNotPresent: iam:GetCredentialReport',
          },
        },
        {
          props: {
            ...programmatic,
            AccessKeyMetadata: [{ ...keyWithoutLastUsed, CreateDate: '2025-02-01T00:00:00+00:00' }],
            CredentialReport: undefined,
          },
          gaps: { 'AccessKeyMetadata.0.AccessKeyLastUsed': 'Throttling: iam:GetAccessKeyLastUsed' },
        },
        {
          props: { ...dave, LoginProfile: undefined, CredentialReport: undefined },
          gaps: { LoginProfile: 'AccessDenied: iam:GetLoginProfile' },
        },
      ],
    },
  },
});
