import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { awsManagedPolicy, describeEntities, policyEntities } from '../lib/iam.js';

const awsPolicy = (name: string, entities: Record<string, unknown>, action: string) => ({
  type: 'aws.iam.policy',
  uid: `arn:aws:iam::aws:policy/${name}`,
  props: {
    PolicyName: name,
    PolicyId: `ANPA${name.toUpperCase().slice(0, 16)}`,
    Arn: `arn:aws:iam::aws:policy/${name}`,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2020-12-15T00:00:00+00:00',
    UpdateDate: '2020-12-15T00:00:00+00:00',
    DefaultVersionDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [action], Resource: '*' }],
    },
    PolicyGroups: [],
    PolicyUsers: [],
    PolicyRoles: [],
    ...entities,
  },
});
const readOnly = awsPolicy(
  'ReadOnlyAccess',
  { PolicyGroups: [{ GroupName: 'auditors', GroupId: 'AGPASAMPLEAUDITORS01' }] },
  '*:Get*',
);
const account = { AccountId: '111122223333' };

export default defineAwsRule({
  id: 'aws-iam-cloudshell-full-access-restricted',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'medium',
  // Judged on the account from the AWS managed policy's attachments (iam:ListEntitiesForPolicy), not from one template.
  iac: false,
  uses: ['aws.iam.policy'],
  text: {
    title: {
      en: 'Access to AWSCloudShellFullAccess is restricted',
      ja: 'AWSCloudShellFullAccess へのアクセスが制限されている',
    },
    description: {
      en: 'Checks that the AWS managed policy AWSCloudShellFullAccess is attached to no IAM user, group or role.',
      ja: 'AWS 管理ポリシー AWSCloudShellFullAccess が、どの IAM ユーザー・グループ・ロールにもアタッチされていないことを確認する。',
    },
    rationale: {
      en: "AWSCloudShellFullAccess allows uploading and downloading files to and from a shell that already holds the user's credentials and has internet access: an easy path to bring in tools or take data out. Grant a narrower custom policy (for example without file transfer) to those who need CloudShell.",
      ja: 'AWSCloudShellFullAccess は、ユーザーの認証情報を持ちインターネットに接続できるシェルへのファイルのアップロード・ダウンロードを許可するため、ツールの持ち込みやデータの持ち出しの経路になりやすい。CloudShell が必要な人には、ファイル転送を除くなど範囲を絞ったカスタムポリシーを付与する。',
    },
    remediation: {
      text: {
        en: 'Detach AWSCloudShellFullAccess from every entity; where CloudShell is needed, attach a custom policy that denies cloudshell:GetFileUploadUrls and cloudshell:GetFileDownloadUrls.',
        ja: 'すべてのエンティティから AWSCloudShellFullAccess をデタッチする。CloudShell が必要な場合は、cloudshell:GetFileUploadUrls と cloudshell:GetFileDownloadUrls を拒否するカスタムポリシーをアタッチする。',
      },
      console: {
        en: 'IAM console → Policies → AWSCloudShellFullAccess → Entities attached tab → select each entity → Detach.',
        ja: 'IAM コンソール → ポリシー → AWSCloudShellFullAccess → アタッチされたエンティティ タブ → 各エンティティを選択 → デタッチ。',
      },
      cli: 'aws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess\naws iam detach-user-policy --user-name <USER> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess\naws iam detach-group-policy --group-name <GROUP> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess\naws iam detach-role-policy --role-name <ROLE> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      cloudformation:
        'AWS::IAM::User / Group / Role → ManagedPolicyArns: do not include arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      terraform:
        '# Remove aws_iam_*_policy_attachment resources whose policy_arn is arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      url: 'https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html',
    },
  },
  evaluate: ({ resource, lookups }) => {
    const found = awsManagedPolicy(lookups, resource.account, 'AWSCloudShellFullAccess');
    if ('unknown' in found) return error(found.unknown);
    if (!found.policy) return pass();
    const e = policyEntities(found.policy);
    if (typeof e === 'string') return error(e);
    if (e.users.length + e.groups.length + e.roles.length === 0) return pass();
    return fail('AccountId', {
      en: `AWSCloudShellFullAccess is attached to ${describeEntities(e, 'en')}`,
      ja: `AWSCloudShellFullAccess が ${describeEntities(e, 'ja')} にアタッチされている`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: account, related: [readOnly] },
        {
          props: account,
          related: [
            readOnly,
            {
              ...awsPolicy('AWSCloudShellFullAccess', {}, 'cloudshell:*'),
              props: { ...awsPolicy('AWSCloudShellFullAccess', {}, 'cloudshell:*').props, AttachmentCount: 0 },
            },
          ],
        },
      ],
      fail: [
        {
          props: account,
          related: [
            readOnly,
            awsPolicy(
              'AWSCloudShellFullAccess',
              {
                AttachmentCount: 2,
                PolicyGroups: [{ GroupName: 'developers', GroupId: 'AGPASAMPLEDEVELOPERS' }],
                PolicyUsers: [{ UserName: 'bob', UserId: 'AIDASAMPLEUSERBOB0001' }],
              },
              'cloudshell:*',
            ),
          ],
        },
        {
          props: account,
          related: [
            awsPolicy(
              'AWSCloudShellFullAccess',
              {
                PolicyRoles: [
                  { RoleName: 'AWSReservedSSO_Developer_0123456789abcdef', RoleId: 'AROASAMPLESSODEV0001' },
                ],
              },
              'cloudshell:*',
            ),
          ],
        },
      ],
      error: [
        {
          props: account,
          related: [readOnly],
          errors: [
            {
              service: 'iam',
              operation: 'ListPolicies',
              code: 'Throttling',
              region: 'global',
              resourceType: 'aws.iam.policy',
            },
          ],
        },
        {
          props: account,
          related: [
            {
              ...awsPolicy('AWSCloudShellFullAccess', {}, 'cloudshell:*'),
              gaps: { PolicyUsers: 'AccessDenied: iam:ListEntitiesForPolicy' },
            },
          ],
        },
        { props: account },
      ],
    },
  },
});
