import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ageMs, DAY_MS, day, reportDate } from '../lib/credential-report.js';

const COLUMNS = ['password_last_used', 'access_key_1_last_used_date', 'access_key_2_last_used_date'] as const;
const WHAT = {
  password_last_used: { en: 'password sign-in', ja: 'パスワードでのサインイン' },
  access_key_1_last_used_date: { en: 'access key 1', ja: 'アクセスキー 1' },
  access_key_2_last_used_date: { en: 'access key 2', ja: 'アクセスキー 2' },
};

const rootRow = {
  user: '<root_account>',
  arn: 'arn:aws:iam::111122223333:root',
  user_creation_time: '2018-06-11T02:41:07+00:00',
  password_enabled: 'not_supported',
  password_last_used: 'no_information',
  password_last_changed: 'not_supported',
  password_next_rotation: 'not_supported',
  mfa_active: 'true',
  access_key_1_active: 'false',
  access_key_1_last_rotated: 'N/A',
  access_key_1_last_used_date: 'N/A',
  access_key_1_last_used_region: 'N/A',
  access_key_1_last_used_service: 'N/A',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
  access_key_2_last_used_region: 'N/A',
  access_key_2_last_used_service: 'N/A',
  cert_1_active: 'false',
  cert_1_last_rotated: 'N/A',
  cert_2_active: 'false',
  cert_2_last_rotated: 'N/A',
};
const account = (row: Record<string, string>) => ({
  AccountId: '111122223333',
  RootCredentialReport: row,
  CredentialReportGeneratedTime: '2026-10-31T21:00:00+00:00',
});

export default defineAwsRule({
  id: 'aws-iam-root-not-used',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'high',
  // Last-used dates of the root user come from the credential report, not from a template.
  iac: false,
  needs: ['RootCredentialReport'],
  // 90 days: CloudTrail Event history keeps 90 days of management events, so every use this rule reports can
  // still be looked up (who, from where, what was done) without a trail; older use has no evidence left to review.
  params: { days: 90 },
  text: {
    title: {
      en: "The 'root' user is not used for administrative and daily tasks",
      ja: 'root ユーザーを管理作業や日常業務に使用していない',
    },
    description: {
      en: "Checks the credential report's root row: the root user's password and access keys must not have been used within the last `days` days (default 90, the period CloudTrail Event history keeps, so each reported use can be investigated there).",
      ja: '認証情報レポートの root ユーザーの行を確認し、直近 `days` 日（既定 90 日。CloudTrail のイベント履歴の保持期間であり、検出した利用をそこで調査できる）以内に root ユーザーのパスワードやアクセスキーが使われていないことを確認する。',
    },
    rationale: {
      en: 'The root user cannot be limited by IAM policies or SCPs, and its actions are hard to attribute to a person. Only a handful of tasks need it; regular use multiplies the chances of its credentials being phished or misused.',
      ja: 'root ユーザーは IAM ポリシーや SCP で制限できず、操作した人物の特定も難しい。root が必要な作業はごく一部であり、日常的に使うほど認証情報の詐取や誤操作の機会が増える。',
    },
    remediation: {
      text: {
        en: 'Find out who used the root user and why (CloudTrail Event history, userIdentity.type = Root). Move that work to IAM roles or IAM Identity Center, and keep root for the tasks that require it, recorded as an exception when they happen.',
        ja: 'CloudTrail のイベント履歴 (userIdentity.type = Root) で誰が何のために root ユーザーを使ったかを確認する。その作業は IAM ロールや IAM Identity Center に移し、root は root でしかできない作業に限って、実施時に例外として記録する。',
      },
      console: {
        en: 'CloudTrail console → Event history → filter "User name" = root → review the events; IAM console → Credential report → Download report to confirm the last use.',
        ja: 'CloudTrail コンソール → イベント履歴 → 「ユーザー名」= root で絞り込み、イベントを確認する。IAM コンソール → 認証情報レポート → レポートをダウンロード で最終使用日時を確認する。',
      },
      cli: "aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | grep '<root_account>'",
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
    },
  },
  evaluate: ({ props, params, now }) => {
    const days = Number(params.days);
    const row = props.RootCredentialReport;
    let latest: { column: (typeof COLUMNS)[number]; date: Date } | undefined;
    const unreadable: string[] = [];
    for (const column of COLUMNS) {
      const d = reportDate(row, column);
      if (d === undefined) unreadable.push(column);
      else if (d !== null && (!latest || d.getTime() > latest.date.getTime())) latest = { column, date: d };
    }
    if (latest && ageMs(latest.date, now) < days * DAY_MS) {
      return fail(`RootCredentialReport.${latest.column}`, {
        en: `The root user was used on ${day(latest.date)} (${WHAT[latest.column].en}), within the last ${days} days`,
        ja: `root ユーザーが ${day(latest.date)} に使用されている（${WHAT[latest.column].ja}）。直近 ${days} 日以内の利用である`,
      });
    }
    if (unreadable.length > 0) return error(`credential report root row: unreadable ${unreadable.join(', ')}`);
    return latest
      ? pass({ en: `Last used on ${day(latest.date)}`, ja: `最終使用日は ${day(latest.date)}` })
      : pass({ en: 'Never used', ja: '使用された記録がない' });
  },
  fixtures: {
    live: {
      pass: [
        { props: account(rootRow) },
        // Exactly 90 days ago: outside the window.
        { props: account({ ...rootRow, password_last_used: '2026-08-03T00:00:00+00:00' }) },
        {
          props: account({ ...rootRow, password_last_used: '2026-09-15T11:02:31+00:00' }),
          params: { days: 30 },
        },
      ],
      fail: [
        { props: account({ ...rootRow, password_last_used: '2026-10-30T22:10:05+00:00' }) },
        // A root access key used one second inside the window (the password was never used).
        {
          props: account({
            ...rootRow,
            access_key_2_active: 'true',
            access_key_2_last_rotated: '2020-01-15T04:00:00+00:00',
            access_key_2_last_used_date: '2026-08-03T00:00:01+00:00',
            access_key_2_last_used_region: 'ap-northeast-1',
            access_key_2_last_used_service: 's3',
          }),
        },
        // Recent use is reported even when another column is unreadable.
        {
          props: account({
            ...rootRow,
            password_last_used: '2026-10-01T08:00:00+00:00',
            access_key_1_last_used_date: '',
          }),
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333' },
          gaps: { RootCredentialReport: 'ReportInProgress: iam:GetCredentialReport' },
        },
        { props: account({ user: '<root_account>', arn: 'arn:aws:iam::111122223333:root', mfa_active: 'true' }) },
      ],
    },
  },
});
