import type { Resource } from '../../../../src/core/resource.js';
import type { AccountProps, CredentialReportRow } from '../../../../src/inventory/aws/account.js';
import type {
  IamGroupProps,
  IamPolicyProps,
  IamRoleProps,
  IamServerCertificateProps,
  IamUserProps,
} from '../../../../src/inventory/aws/iam.js';
import type { OrganizationProps } from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

/** The credential report's columns, in the order IAM writes them. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** Page sizes kept small so collectors walk several pages of the demo's lists. */
const PAGE = { users: 3, groups: 2, roles: 4, policies: 4, entities: 2, small: 1, org: 2 } as const;

type Obj = Record<string, unknown>;

/** The members of `value` named in `keys` that are present (the subset an operation returns). */
const pick = (value: object, keys: readonly string[]): Obj =>
  Object.fromEntries(keys.flatMap((k) => ((value as Obj)[k] === undefined ? [] : [[k, (value as Obj)[k]]])));

/** IAM returns policy documents URL-encoded (RFC 3986). */
const encodeDocument = (doc: unknown): string => encodeURIComponent(JSON.stringify(doc));

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** An IAM list answer: items under `key`, then IsTruncated and Marker as IAM pages them. */
const iamPage = (key: string, items: readonly unknown[], input: FakeInput, pageSize: number): Obj =>
  page(items, input, { itemsKey: key, tokenIn: 'Marker', truncatedFlag: 'IsTruncated', pageSize });

/** An Organizations list answer (NextToken, MaxResults). */
const orgPage = (key: string, items: readonly unknown[], input: FakeInput): Obj =>
  page(items, input, { itemsKey: key, tokenIn: 'NextToken', pageSize: PAGE.org });

/** The demo's gap text is the error AWS gave: answer the same way where the demo could not read a detail. */
function deniedIfGap(resource: Resource<unknown>, path: string): void {
  const gap = resource.gaps?.[path];
  if (!gap) return;
  const [code, ...rest] = gap.split(': ');
  throw fakeError(code && rest.length > 0 ? code : 'AccessDenied', rest.join(': ') || gap, 403);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The report as IAM writes it: a header line, the root user's row first, then one row per user. */
export function credentialReportCsv(rows: readonly CredentialReportRow[]): string {
  const lines = [CREDENTIAL_REPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(CREDENTIAL_REPORT_COLUMNS.map((c) => csvCell(row[c] ?? 'N/A')).join(','));
  return `${lines.join('\n')}\n`;
}

const USER_FIELDS = ['Path', 'UserName', 'UserId', 'Arn', 'CreateDate', 'PasswordLastUsed'];
const GROUP_FIELDS = ['Path', 'GroupName', 'GroupId', 'Arn', 'CreateDate'];
// ListRoles leaves out PermissionsBoundary, RoleLastUsed and Tags.
const ROLE_LIST_FIELDS = ['Path', 'RoleName', 'RoleId', 'Arn', 'CreateDate', 'Description', 'MaxSessionDuration'];
const POLICY_FIELDS = [
  'PolicyName',
  'PolicyId',
  'Arn',
  'Path',
  'DefaultVersionId',
  'AttachmentCount',
  'PermissionsBoundaryUsageCount',
  'IsAttachable',
  'CreateDate',
  'UpdateDate',
];

/**
 * IAM, AWS Account Management (alternate contacts), S3 Control (account-level Block Public Access) and
 * Organizations, answering from the demo's identity resources as those APIs shape their outputs. The credential
 * report is built from the users' rows and the root row; GenerateCredentialReport says STARTED once per account,
 * then COMPLETE. Organizations answers the management account; a member may read the organization and its own
 * account's tags (as if the organization's delegation policy allowed it), and nothing else.
 */
export function iamHandlers(inv: DemoIndex): FakeHandlers {
  const generated = new Map<string, number>();

  const accountOf = (ctx: FakeContext) => {
    const account = inv.ofType<AccountProps>('aws.account', ctx.account)[0];
    if (!account) throw fakeError('AccessDenied', `fake-aws: no demo account ${ctx.account}`, 403);
    return account;
  };
  const users = (ctx: FakeContext) => inv.ofType<IamUserProps>('aws.iam.user', ctx.account);
  const groups = (ctx: FakeContext) => inv.ofType<IamGroupProps>('aws.iam.group', ctx.account);
  const roles = (ctx: FakeContext) => inv.ofType<IamRoleProps>('aws.iam.role', ctx.account);
  const policies = (ctx: FakeContext) => inv.ofType<IamPolicyProps>('aws.iam.policy', ctx.account);

  const user = (input: FakeInput, ctx: FakeContext) => {
    const name = String(input.UserName);
    const found = users(ctx).find((u) => u.props.UserName === name);
    if (!found) throw fakeError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
    return found;
  };
  const group = (input: FakeInput, ctx: FakeContext) => {
    const name = String(input.GroupName);
    const found = groups(ctx).find((g) => g.props.GroupName === name);
    if (!found) throw fakeError('NoSuchEntity', `The group with name ${name} cannot be found.`, 404);
    return found;
  };
  const role = (input: FakeInput, ctx: FakeContext) => {
    const name = String(input.RoleName);
    const found = roles(ctx).find((r) => r.props.RoleName === name);
    if (!found) throw fakeError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return found;
  };
  const policy = (input: FakeInput, ctx: FakeContext) => {
    const arn = String(input.PolicyArn);
    const found = policies(ctx).find((p) => p.props.Arn === arn);
    if (!found) throw fakeError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
    return found;
  };
  const inline = (list: readonly { PolicyName: string; PolicyDocument: unknown }[], input: FakeInput) => {
    const name = String(input.PolicyName);
    const found = list.find((p) => p.PolicyName === name);
    if (!found) throw fakeError('NoSuchEntity', `The policy with name ${name} cannot be found.`, 404);
    return { PolicyName: found.PolicyName, PolicyDocument: encodeDocument(found.PolicyDocument) };
  };
  const orgResource = () =>
    inv.resources.find((r) => r.type === 'aws.organizations.organization') as Resource<OrganizationProps> | undefined;
  /** The organization's own calls: only its management account may make them. */
  const management = (ctx: FakeContext) => {
    const org = accountOf(ctx).props.Organization;
    if (!org) throw fakeError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
    const resource = orgResource();
    if (!resource || resource.account !== ctx.account) {
      throw fakeError('AccessDeniedException', "You don't have permissions to access this resource.", 403);
    }
    return resource;
  };

  return {
    iam: {
      // Users
      ListUsers: (input, ctx) =>
        iamPage(
          'Users',
          users(ctx).map((u) => pick(u.props, USER_FIELDS)),
          input,
          PAGE.users,
        ),
      GetLoginProfile: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'LoginProfile');
        if (!u.props.LoginProfile) {
          throw fakeError('NoSuchEntity', `Login Profile for User ${u.props.UserName} cannot be found.`, 404);
        }
        return { LoginProfile: u.props.LoginProfile };
      },
      ListMFADevices: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'MFADevices');
        return iamPage('MFADevices', u.props.MFADevices, input, PAGE.small);
      },
      ListAccessKeys: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'AccessKeyMetadata');
        const keys = u.props.AccessKeyMetadata.map((k) => pick(k, ['UserName', 'AccessKeyId', 'Status', 'CreateDate']));
        return iamPage('AccessKeyMetadata', keys, input, PAGE.small);
      },
      GetAccessKeyLastUsed: (input, ctx) => {
        const id = String(input.AccessKeyId);
        for (const u of users(ctx)) {
          const i = u.props.AccessKeyMetadata.findIndex((k) => k.AccessKeyId === id);
          const key = u.props.AccessKeyMetadata[i];
          if (!key) continue;
          deniedIfGap(u, `AccessKeyMetadata.${i}.AccessKeyLastUsed`);
          return { UserName: u.props.UserName, AccessKeyLastUsed: key.AccessKeyLastUsed };
        }
        throw fakeError('AccessDenied', `The access key ${id} does not belong to this account.`, 403);
      },
      ListAttachedUserPolicies: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'AttachedManagedPolicies');
        return iamPage('AttachedPolicies', u.props.AttachedManagedPolicies, input, PAGE.small);
      },
      ListUserPolicies: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'UserPolicyList');
        return iamPage(
          'PolicyNames',
          u.props.UserPolicyList.map((p) => p.PolicyName),
          input,
          PAGE.small,
        );
      },
      GetUserPolicy: (input, ctx) => {
        const u = user(input, ctx);
        return { UserName: u.props.UserName, ...inline(u.props.UserPolicyList, input) };
      },
      ListGroupsForUser: (input, ctx) => {
        const u = user(input, ctx);
        deniedIfGap(u, 'GroupList');
        const all = groups(ctx);
        const list = u.props.GroupList.flatMap((name) => {
          const g = all.find((x) => x.props.GroupName === name);
          return g ? [pick(g.props, GROUP_FIELDS)] : [];
        });
        return iamPage('Groups', list, input, PAGE.small);
      },
      ListUserTags: (input, ctx) => iamPage('Tags', tagList(user(input, ctx).tags), input, PAGE.small),

      // Groups
      ListGroups: (input, ctx) =>
        iamPage(
          'Groups',
          groups(ctx).map((g) => pick(g.props, GROUP_FIELDS)),
          input,
          PAGE.groups,
        ),
      GetGroup: (input, ctx) => {
        const g = group(input, ctx);
        deniedIfGap(g, 'UserNames');
        const all = users(ctx);
        const members = g.props.UserNames.flatMap((name) => {
          const u = all.find((x) => x.props.UserName === name);
          return u ? [pick(u.props, USER_FIELDS)] : [];
        });
        return { Group: pick(g.props, GROUP_FIELDS), ...iamPage('Users', members, input, PAGE.entities) };
      },
      ListAttachedGroupPolicies: (input, ctx) => {
        const g = group(input, ctx);
        deniedIfGap(g, 'AttachedManagedPolicies');
        return iamPage('AttachedPolicies', g.props.AttachedManagedPolicies, input, PAGE.small);
      },
      ListGroupPolicies: (input, ctx) => {
        const g = group(input, ctx);
        deniedIfGap(g, 'GroupPolicyList');
        return iamPage(
          'PolicyNames',
          g.props.GroupPolicyList.map((p) => p.PolicyName),
          input,
          PAGE.small,
        );
      },
      GetGroupPolicy: (input, ctx) => {
        const g = group(input, ctx);
        return { GroupName: g.props.GroupName, ...inline(g.props.GroupPolicyList, input) };
      },

      // Roles
      ListRoles: (input, ctx) =>
        iamPage(
          'Roles',
          roles(ctx).map((r) => ({
            ...pick(r.props, ROLE_LIST_FIELDS),
            AssumeRolePolicyDocument: encodeDocument(r.props.AssumeRolePolicyDocument),
          })),
          input,
          PAGE.roles,
        ),
      GetRole: (input, ctx) => {
        const r = role(input, ctx);
        deniedIfGap(r, 'RoleLastUsed');
        return {
          Role: {
            ...pick(r.props, [...ROLE_LIST_FIELDS, 'PermissionsBoundary', 'RoleLastUsed']),
            AssumeRolePolicyDocument: encodeDocument(r.props.AssumeRolePolicyDocument),
            ...(Object.keys(r.tags).length > 0 ? { Tags: tagList(r.tags) } : {}),
          },
        };
      },
      ListRoleTags: (input, ctx) => iamPage('Tags', tagList(role(input, ctx).tags), input, PAGE.small),
      ListAttachedRolePolicies: (input, ctx) => {
        const r = role(input, ctx);
        deniedIfGap(r, 'AttachedManagedPolicies');
        return iamPage('AttachedPolicies', r.props.AttachedManagedPolicies, input, PAGE.small);
      },
      ListRolePolicies: (input, ctx) => {
        const r = role(input, ctx);
        deniedIfGap(r, 'RolePolicyList');
        return iamPage(
          'PolicyNames',
          r.props.RolePolicyList.map((p) => p.PolicyName),
          input,
          PAGE.small,
        );
      },
      GetRolePolicy: (input, ctx) => {
        const r = role(input, ctx);
        return { RoleName: r.props.RoleName, ...inline(r.props.RolePolicyList, input) };
      },

      // Managed policies (the demo holds the customer managed ones and the AWS managed ones attached somewhere)
      ListPolicies: (input, ctx) => {
        const scope = String(input.Scope ?? 'All');
        const list = policies(ctx).filter((p) => {
          const awsManaged = p.props.Arn?.startsWith('arn:aws:iam::aws:') === true;
          if (scope === 'AWS' && !awsManaged) return false;
          if (scope === 'Local' && awsManaged) return false;
          return input.OnlyAttached !== true || (p.props.AttachmentCount ?? 0) > 0;
        });
        return iamPage(
          'Policies',
          list.map((p) => pick(p.props, POLICY_FIELDS)),
          input,
          PAGE.policies,
        );
      },
      GetPolicyVersion: (input, ctx) => {
        const p = policy(input, ctx);
        deniedIfGap(p, 'DefaultVersionDocument');
        if (input.VersionId !== p.props.DefaultVersionId) {
          throw fakeError('NoSuchEntity', `Policy version ${String(input.VersionId)} does not exist.`, 404);
        }
        return {
          PolicyVersion: {
            Document: encodeDocument(p.props.DefaultVersionDocument),
            VersionId: p.props.DefaultVersionId,
            IsDefaultVersion: true,
            CreateDate: p.props.UpdateDate,
          },
        };
      },
      ListEntitiesForPolicy: (input, ctx) => {
        const p = policy(input, ctx);
        deniedIfGap(p, 'PolicyGroups');
        const entities = [
          ...p.props.PolicyGroups.map((e) => ({ kind: 'PolicyGroups', e })),
          ...p.props.PolicyUsers.map((e) => ({ kind: 'PolicyUsers', e })),
          ...p.props.PolicyRoles.map((e) => ({ kind: 'PolicyRoles', e })),
        ];
        // One list of entities, paged as a whole and answered in the three members.
        const { items, ...fields } = page(entities, input, {
          itemsKey: 'items',
          tokenIn: 'Marker',
          truncatedFlag: 'IsTruncated',
          pageSize: PAGE.entities,
        });
        const of = (kind: string) => (items as typeof entities).filter((x) => x.kind === kind).map((x) => x.e);
        return {
          PolicyGroups: of('PolicyGroups'),
          PolicyUsers: of('PolicyUsers'),
          PolicyRoles: of('PolicyRoles'),
          ...fields,
        };
      },
      ListPolicyTags: (input, ctx) => iamPage('Tags', tagList(policy(input, ctx).tags), input, PAGE.small),

      // Server certificates: metadata only
      ListServerCertificates: (input, ctx) =>
        iamPage(
          'ServerCertificateMetadataList',
          inv.ofType<IamServerCertificateProps>('aws.iam.server_certificate', ctx.account).map((c) => c.props),
          input,
          PAGE.small,
        ),
      ListServerCertificateTags: (input, ctx) => {
        const name = String(input.ServerCertificateName);
        const c = inv
          .ofType<IamServerCertificateProps>('aws.iam.server_certificate', ctx.account)
          .find((x) => x.props.ServerCertificateName === name);
        if (!c) throw fakeError('NoSuchEntity', `The Server Certificate with name ${name} cannot be found.`, 404);
        return iamPage('Tags', tagList(c.tags), input, PAGE.small);
      },

      // Account-wide
      GetAccountSummary: (_input, ctx) => ({ SummaryMap: accountOf(ctx).props.SummaryMap }),
      GetAccountPasswordPolicy: (_input, ctx) => {
        const a = accountOf(ctx);
        deniedIfGap(a, 'PasswordPolicy');
        if (!a.props.PasswordPolicy) {
          throw fakeError('NoSuchEntity', `The Password Policy with domain name ${ctx.account} cannot be found.`, 404);
        }
        return { PasswordPolicy: a.props.PasswordPolicy };
      },
      ListAccountAliases: (_input, ctx) => {
        const a = accountOf(ctx);
        return { AccountAliases: a.name === ctx.account ? [] : [a.name], IsTruncated: false };
      },
      GenerateCredentialReport: (_input, ctx) => {
        const n = (generated.get(ctx.account) ?? 0) + 1;
        generated.set(ctx.account, n);
        return n === 1
          ? { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' }
          : { State: 'COMPLETE' };
      },
      GetCredentialReport: (_input, ctx) => {
        const a = accountOf(ctx);
        deniedIfGap(a, 'RootCredentialReport');
        if ((generated.get(ctx.account) ?? 0) < 2) {
          throw fakeError(
            'ReportNotPresent',
            'Credential report not present. Call GenerateCredentialReport first.',
            410,
          );
        }
        const rows = [
          a.props.RootCredentialReport,
          ...users(ctx).flatMap((u) => (u.props.CredentialReport ? [u.props.CredentialReport] : [])),
        ];
        return {
          Content: Buffer.from(credentialReportCsv(rows), 'utf8'),
          ReportFormat: 'text/csv',
          GeneratedTime: a.props.CredentialReportGeneratedTime,
        };
      },
      ListVirtualMFADevices: (input, ctx) => {
        const status = String(input.AssignmentStatus ?? 'Any');
        const devices = accountOf(ctx).props.VirtualMFADevices.filter((d) =>
          status === 'Assigned' ? d.User !== undefined : status === 'Unassigned' ? d.User === undefined : true,
        );
        return iamPage('VirtualMFADevices', devices, input, PAGE.small);
      },
      ListSAMLProviders: (_input, ctx) => ({ SAMLProviderList: accountOf(ctx).props.SAMLProviderList }),
      ListOpenIDConnectProviders: (_input, ctx) => ({
        OpenIDConnectProviderList: accountOf(ctx).props.OpenIDConnectProviderList,
      }),
      ListOrganizationsFeatures: (_input, ctx) => {
        const org = accountOf(ctx).props.Organization;
        if (!org) throw fakeError('OrganizationNotFoundException', 'The organization was not found.');
        const resource = orgResource();
        if (!resource || resource.account !== ctx.account) {
          throw fakeError(
            'AccountNotManagementOrDelegatedAdministratorException',
            'The account is not the management account or a delegated administrator of the organization.',
          );
        }
        return { OrganizationId: org.Id, EnabledFeatures: resource.props.EnabledFeatures };
      },
    },

    account: {
      GetAlternateContact: (input, ctx) => {
        const a = accountOf(ctx);
        const type = String(input.AlternateContactType) as keyof AccountProps['AlternateContacts'];
        deniedIfGap(a, `AlternateContacts.${type}`);
        const contact = a.props.AlternateContacts[type];
        if (!contact)
          throw fakeError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
        return { AlternateContact: contact };
      },
    },

    's3-control': {
      GetPublicAccessBlock: (input, ctx) => {
        const a = accountOf(ctx);
        if (input.AccountId !== ctx.account) throw fakeError('AccessDenied', 'Access Denied', 403);
        deniedIfGap(a, 'PublicAccessBlockConfiguration');
        const config = a.props.PublicAccessBlockConfiguration;
        if (!config) {
          throw fakeError(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
          );
        }
        return { PublicAccessBlockConfiguration: config };
      },
    },

    organizations: {
      DescribeOrganization: (_input, ctx) => {
        const org = accountOf(ctx).props.Organization;
        if (!org)
          throw fakeError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
        return { Organization: org };
      },
      ListRoots: (input, ctx) => orgPage('Roots', management(ctx).props.Roots, input),
      ListPolicies: (input, ctx) =>
        orgPage(
          'Policies',
          management(ctx)
            .props.Policies.filter((p) => p.Type === input.Filter)
            .map(({ Targets, ...summary }) => summary),
          input,
        ),
      ListTargetsForPolicy: (input, ctx) => {
        const p = management(ctx).props.Policies.find((x) => x.Id === input.PolicyId);
        if (!p)
          throw fakeError(
            'PolicyNotFoundException',
            `We can't find a policy with the PolicyId ${String(input.PolicyId)}.`,
          );
        return orgPage('Targets', p.Targets, input);
      },
      ListDelegatedAdministrators: (input, ctx) =>
        orgPage('DelegatedAdministrators', management(ctx).props.DelegatedAdministrators, input),
      ListTagsForResource: (input, ctx) => {
        const id = String(input.ResourceId);
        const org = orgResource();
        // A member may read its own account's tags only (the demo organization's delegation policy allows it).
        if (id !== ctx.account) management(ctx);
        if (/^\d{12}$/.test(id)) {
          const a = inv.ofType('aws.account', id)[0];
          if (!a) throw fakeError('TargetNotFoundException', `We can't find a resource with the ResourceId ${id}.`);
          return orgPage('Tags', tagList(a.tags), input);
        }
        if (org?.props.Roots.some((r) => r.Id === id)) return orgPage('Tags', tagList(org.tags), input);
        throw fakeError('TargetNotFoundException', `We can't find a resource with the ResourceId ${id}.`);
      },
    },
  };
}
