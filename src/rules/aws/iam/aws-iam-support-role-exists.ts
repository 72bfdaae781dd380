import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { awsManagedPolicy, describeEntities, policyEntities } from '../lib/iam.js';

const awsPolicy = (name: string, path: string, entities: Record<string, unknown>) => ({
  type: 'aws.iam.policy',
  uid: `arn:aws:iam::aws:policy${path}${name}`,
  props: {
    PolicyName: name,
    PolicyId: `ANPA${name.toUpperCase().slice(0, 16)}`,
    Arn: `arn:aws:iam::aws:policy${path}${name}`,
    Path: path,
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:41:00+00:00',
    UpdateDate: '2015-02-06T18:41:00+00:00',
    DefaultVersionDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['support:*'], Resource: '*' }],
    },
    PolicyGroups: [],
    PolicyUsers: [],
    PolicyRoles: [],
    ...entities,
  },
});
const supportRole = { PolicyRoles: [{ RoleName: 'incident-support', RoleId: 'AROASAMPLESUPPORT0001' }] };
const serviceLinked = awsPolicy('AWSSupportServiceRolePolicy', '/aws-service-role/', {
  PolicyRoles: [{ RoleName: 'AWSServiceRoleForSupport', RoleId: 'AROASAMPLESLRSUPPORT1' }],
});
const readOnly = awsPolicy('ReadOnlyAccess', '/', {
  PolicyGroups: [{ GroupName: 'auditors', GroupId: 'AGPASAMPLEAUDITORS01' }],
});
const account = { AccountId: '111122223333' };

export default defineAwsRule({
  id: 'aws-iam-support-role-exists',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'low',
  // Account-wide: whether any entity in the account holds AWSSupportAccess, which a template cannot show.
  iac: false,
  uses: ['aws.iam.policy'],
  // CIS's audit looks at PolicyRoles only; set requireRole: true to require a role rather than any user or group.
  params: { requireRole: false },
  text: {
    title: {
      en: 'A support role has been created to manage incidents with AWS Support',
      ja: 'AWS サポートでインシデントに対応するためのサポートロールが作成されている',
    },
    description: {
      en: 'Checks that the AWS managed policy AWSSupportAccess is attached to at least one IAM role, group or user (with `requireRole: true`, to a role).',
      ja: 'AWS 管理ポリシー AWSSupportAccess が、少なくとも 1 つの IAM ロール・グループ・ユーザー（`requireRole: true` の場合はロール）にアタッチされていることを確認する。',
    },
    rationale: {
      en: 'During an incident, someone must be able to open and follow AWS Support cases at once. A dedicated role with just that permission avoids reaching for the root user or an administrator for it.',
      ja: 'インシデント発生時には、誰かがすぐに AWS サポートのケースを起票・追跡できる必要がある。その権限だけを持つ専用ロールがあれば、そのために root ユーザーや管理者権限を使わずに済む。',
    },
    remediation: {
      text: {
        en: 'Create a role that the incident responders can assume (or use an IAM Identity Center permission set) and attach AWSSupportAccess to it.',
        ja: 'インシデント対応者が引き受けられるロールを作成し（または IAM Identity Center の許可セットを使い）、AWSSupportAccess をアタッチする。',
      },
      console: {
        en: 'IAM console → Roles → Create role → AWS account (this account or your identity account) → Permissions: AWSSupportAccess → Role name (e.g. aws-support) → Create role.',
        ja: 'IAM コンソール → ロール → ロールを作成 → AWS アカウント（このアカウントまたは ID 管理用アカウント）→ 許可ポリシー: AWSSupportAccess → ロール名（例: aws-support）→ ロールを作成。',
      },
      cli: 'aws iam create-role --role-name aws-support --assume-role-policy-document file://trust-policy.json\naws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess\naws iam list-entities-for-policy --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
      cloudformation: 'AWS::IAM::Role → ManagedPolicyArns: [arn:aws:iam::aws:policy/AWSSupportAccess]',
      terraform:
        'resource "aws_iam_role_policy_attachment" "support" {\n  role       = aws_iam_role.support.name\n  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"\n}',
      url: 'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
    },
  },
  evaluate: ({ resource, lookups, params }) => {
    const requireRole = params.requireRole === true;
    const found = awsManagedPolicy(lookups, resource.account, 'AWSSupportAccess');
    if ('unknown' in found) return error(found.unknown);
    if (!found.policy) {
      return fail('AccountId', {
        en: 'AWSSupportAccess is attached to no role, group or user',
        ja: 'AWSSupportAccess がどのロール・グループ・ユーザーにもアタッチされていない',
      });
    }
    const e = policyEntities(found.policy);
    if (typeof e === 'string') return error(e);
    if (e.roles.length > 0 || (!requireRole && e.users.length + e.groups.length > 0)) {
      return pass({
        en: `AWSSupportAccess: ${describeEntities(e, 'en')}`,
        ja: `AWSSupportAccess: ${describeEntities(e, 'ja')}`,
      });
    }
    return fail('AccountId', {
      en: requireRole
        ? `AWSSupportAccess is attached to no role (only ${describeEntities(e, 'en') || 'nothing'})`
        : 'AWSSupportAccess is attached to no role, group or user',
      ja: requireRole
        ? `AWSSupportAccess がどのロールにもアタッチされていない（アタッチ先は ${describeEntities(e, 'ja') || 'なし'} のみ）`
        : 'AWSSupportAccess がどのロール・グループ・ユーザーにもアタッチされていない',
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: account, related: [serviceLinked, awsPolicy('AWSSupportAccess', '/', supportRole)] },
        {
          props: account,
          related: [
            readOnly,
            awsPolicy('AWSSupportAccess', '/', {
              PolicyGroups: [{ GroupName: 'oncall', GroupId: 'AGPASAMPLEONCALL0001' }],
            }),
          ],
        },
      ],
      fail: [
        // The service-linked role's AWSSupportServiceRolePolicy is not the support role.
        { props: account, related: [serviceLinked, readOnly] },
        {
          props: account,
          related: [
            awsPolicy('AWSSupportAccess', '/', {
              PolicyGroups: [{ GroupName: 'oncall', GroupId: 'AGPASAMPLEONCALL0001' }],
            }),
          ],
          params: { requireRole: true },
        },
        // Listed, but its last attachment was removed since (ListEntitiesForPolicy returns nothing).
        {
          props: account,
          related: [
            readOnly,
            {
              ...awsPolicy('AWSSupportAccess', '/', {}),
              props: { ...awsPolicy('AWSSupportAccess', '/', {}).props, AttachmentCount: 0 },
            },
          ],
        },
      ],
      error: [
        {
          props: account,
          errors: [
            {
              service: 'iam',
              operation: 'ListPolicies',
              code: 'AccessDenied',
              region: 'global',
              resourceType: 'aws.iam.policy',
            },
          ],
        },
        {
          props: account,
          related: [
            {
              ...awsPolicy('AWSSupportAccess', '/', {}),
              gaps: { PolicyRoles: 'Throttling: iam:ListEntitiesForPolicy' },
            },
          ],
        },
        // No IAM policy at all in the inventory of the account: IAM was evidently not collected.
        { props: account },
      ],
    },
  },
});
