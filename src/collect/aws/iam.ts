import {
  GetAccessKeyLastUsedCommand,
  GetGroupPolicyCommand,
  GetLoginProfileCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  type Group,
  IAMClient,
  type Policy,
  type PolicyGroup,
  type PolicyRole,
  type PolicyUser,
  paginateGetGroup,
  paginateListAccessKeys,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListEntitiesForPolicy,
  paginateListGroupPolicies,
  paginateListGroups,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListPolicies,
  paginateListPolicyTags,
  paginateListRolePolicies,
  paginateListRoles,
  paginateListServerCertificates,
  paginateListServerCertificateTags,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListUserTags,
  type Role,
  type Tag,
  type User,
} from '@aws-sdk/client-iam';
import type { Resource } from '../../core/resource.js';
import type {
  IamGroupProps,
  IamPolicyProps,
  IamRoleProps,
  IamServerCertificateProps,
  IamUserProps,
  InlinePolicy,
} from '../../inventory/aws/iam.js';
import type { Json } from '../../inventory/json.js';
import { credentialReport } from './credential-report.js';
import type { Collector } from './runtime/collector.js';
import { type CollectContext, tagMap } from './runtime/context.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/** IAM says "no such user / policy / login profile" with this code (the SDK names the exception with a suffix). */
export const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'] as const;

/**
 * IAM users, groups, roles, managed policies and server certificates (global: once per account). Each resource
 * is read with its details (login profile, MFA, keys, attached and inline policies, memberships, last use); a
 * detail that cannot be read leaves a gap on its prop, never a missing resource.
 */
export const iamCollector: Collector = {
  service: 'iam',
  scope: 'global',
  types: ['aws.iam.user', 'aws.iam.group', 'aws.iam.role', 'aws.iam.policy', 'aws.iam.server_certificate'],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    await Promise.all([
      collectUsers(ctx, iam),
      collectGroups(ctx, iam),
      collectRoles(ctx, iam),
      collectPolicies(ctx, iam),
      collectServerCertificates(ctx, iam),
    ]);
  },
};

/** Sets `props[key]` when the detail was read (undefined = a gap was recorded). */
export function setProp<P extends object, K extends keyof P>(props: P, key: K, value: P[K] | undefined): void {
  if (value !== undefined) props[key] = value;
}

/** Tags only label a resource (no rule reads them): a failed tag read leaves them empty. */
async function readTags(fetch: () => Promise<Tag[]>): Promise<Record<string, string>> {
  try {
    return tagMap(await fetch());
  } catch {
    return {};
  }
}

/** Inline policies: their names, then each document (URL-decoded and parsed). */
async function inlinePolicies(
  names: () => Promise<string[]>,
  document: (name: string) => Promise<string | undefined>,
): Promise<InlinePolicy[]> {
  const list = await names();
  return Promise.all(
    list.map(async (PolicyName) => ({ PolicyName, PolicyDocument: parsePolicy((await document(PolicyName)) ?? '') })),
  );
}

// ── Users ──

async function collectUsers(ctx: CollectContext, iam: IAMClient): Promise<void> {
  const users = await ctx.list('aws.iam.user', 'ListUsers', () =>
    allPages(paginateListUsers({ client: iam }, {}), (p) => p.Users ?? []),
  );
  if (!users) return;
  const report = credentialReport(ctx, iam);
  await ctx.each(users, async (u: User) => {
    const UserName = u.UserName;
    if (!UserName || !u.Arn) return;
    const { Tags, ...listed } = toJson<Json<User>>(u);
    const props = listed as IamUserProps;
    const user = ctx.resource('aws.iam.user', { uid: u.Arn, name: UserName, props });
    const [loginProfile, mfa, keys, attached, inline, groups, row, tags] = await Promise.all([
      ctx.detail(
        user,
        'LoginProfile',
        async () =>
          toJson<IamUserProps['LoginProfile']>(
            (await iam.send(new GetLoginProfileCommand({ UserName }))).LoginProfile ?? null,
          ),
        { codes: NO_SUCH_ENTITY, value: null },
      ),
      ctx.detail(user, 'MFADevices', async () =>
        toJson<IamUserProps['MFADevices']>(
          await allPages(paginateListMFADevices({ client: iam }, { UserName }), (p) => p.MFADevices ?? []),
        ),
      ),
      accessKeys(ctx, iam, user, UserName),
      ctx.detail(user, 'AttachedManagedPolicies', async () =>
        toJson<IamUserProps['AttachedManagedPolicies']>(
          await allPages(
            paginateListAttachedUserPolicies({ client: iam }, { UserName }),
            (p) => p.AttachedPolicies ?? [],
          ),
        ),
      ),
      ctx.detail(user, 'UserPolicyList', () =>
        inlinePolicies(
          () => allPages(paginateListUserPolicies({ client: iam }, { UserName }), (p) => p.PolicyNames ?? []),
          async (PolicyName) => (await iam.send(new GetUserPolicyCommand({ UserName, PolicyName }))).PolicyDocument,
        ),
      ),
      ctx.detail(user, 'GroupList', async () =>
        (await allPages(paginateListGroupsForUser({ client: iam }, { UserName }), (p) => p.Groups ?? [])).map(
          (g) => g.GroupName ?? '',
        ),
      ),
      ctx.detail(user, 'CredentialReport', async () => {
        const { rows, generatedTime } = await report;
        const row = rows.get(UserName);
        if (!row) {
          const when = generatedTime ? ` (generated ${generatedTime})` : '';
          throw Object.assign(new Error(`user ${UserName} is not in the credential report${when}`), {
            name: 'NotInCredentialReport',
          });
        }
        return row;
      }),
      Tags
        ? tagMap(Tags)
        : readTags(() => allPages(paginateListUserTags({ client: iam }, { UserName }), (p) => p.Tags ?? [])),
    ]);
    setProp(props, 'LoginProfile', loginProfile);
    setProp(props, 'MFADevices', mfa);
    setProp(props, 'AccessKeyMetadata', keys);
    setProp(props, 'AttachedManagedPolicies', attached);
    setProp(props, 'UserPolicyList', inline);
    setProp(props, 'GroupList', groups);
    setProp(props, 'CredentialReport', row);
    user.tags = tags;
    ctx.emit(user);
  });
}

/** iam:ListAccessKeys, then iam:GetAccessKeyLastUsed for each key (a gap on that key's AccessKeyLastUsed). */
async function accessKeys(
  ctx: CollectContext,
  iam: IAMClient,
  user: Resource<IamUserProps>,
  UserName: string,
): Promise<IamUserProps['AccessKeyMetadata'] | undefined> {
  const keys = await ctx.detail(user, 'AccessKeyMetadata', () =>
    allPages(paginateListAccessKeys({ client: iam }, { UserName }), (p) => p.AccessKeyMetadata ?? []),
  );
  if (!keys) return undefined;
  const metadata: IamUserProps['AccessKeyMetadata'] = toJson(keys);
  await Promise.all(
    metadata.map(async (key, i) => {
      const AccessKeyId = key.AccessKeyId;
      if (!AccessKeyId) return;
      const used = await ctx.detail(user, `AccessKeyMetadata.${i}.AccessKeyLastUsed`, async () =>
        toJson<IamUserProps['AccessKeyMetadata'][number]['AccessKeyLastUsed']>(
          (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId }))).AccessKeyLastUsed,
        ),
      );
      if (used) key.AccessKeyLastUsed = used;
    }),
  );
  return metadata;
}

// ── Groups ──

async function collectGroups(ctx: CollectContext, iam: IAMClient): Promise<void> {
  const groups = await ctx.list('aws.iam.group', 'ListGroups', () =>
    allPages(paginateListGroups({ client: iam }, {}), (p) => p.Groups ?? []),
  );
  if (!groups) return;
  await ctx.each(groups, async (g: Group) => {
    const GroupName = g.GroupName;
    if (!GroupName || !g.Arn) return;
    const props = toJson<Json<Group>>(g) as IamGroupProps;
    const group = ctx.resource('aws.iam.group', { uid: g.Arn, name: GroupName, props });
    const [attached, inline, members] = await Promise.all([
      ctx.detail(group, 'AttachedManagedPolicies', async () =>
        toJson<IamGroupProps['AttachedManagedPolicies']>(
          await allPages(
            paginateListAttachedGroupPolicies({ client: iam }, { GroupName }),
            (p) => p.AttachedPolicies ?? [],
          ),
        ),
      ),
      ctx.detail(group, 'GroupPolicyList', () =>
        inlinePolicies(
          () => allPages(paginateListGroupPolicies({ client: iam }, { GroupName }), (p) => p.PolicyNames ?? []),
          async (PolicyName) => (await iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName }))).PolicyDocument,
        ),
      ),
      ctx.detail(group, 'UserNames', async () =>
        (await allPages(paginateGetGroup({ client: iam }, { GroupName }), (p) => p.Users ?? [])).map(
          (u) => u.UserName ?? '',
        ),
      ),
    ]);
    setProp(props, 'AttachedManagedPolicies', attached);
    setProp(props, 'GroupPolicyList', inline);
    setProp(props, 'UserNames', members);
    ctx.emit(group);
  });
}

// ── Roles ──

async function collectRoles(ctx: CollectContext, iam: IAMClient): Promise<void> {
  const roles = await ctx.list('aws.iam.role', 'ListRoles', () =>
    allPages(paginateListRoles({ client: iam }, {}), (p) => p.Roles ?? []),
  );
  if (!roles) return;
  await ctx.each(roles, async (r: Role) => {
    const RoleName = r.RoleName;
    if (!RoleName || !r.Arn) return;
    const { Tags, RoleLastUsed, PermissionsBoundary, ...listed } = toJson<Json<Role>>(r);
    const { AssumeRolePolicyDocument } = listed;
    // The parsed trust policy replaces the listed text in place (keeping the API's member order), or goes.
    const props = listed as unknown as IamRoleProps;
    const role = ctx.resource('aws.iam.role', { uid: r.Arn, name: RoleName, props, tags: tagMap(Tags) });
    const [trust, full, attached, inline] = await Promise.all([
      ctx.detail(role, 'AssumeRolePolicyDocument', async () => parsePolicy(AssumeRolePolicyDocument ?? '')),
      // ListRoles leaves out RoleLastUsed, PermissionsBoundary and Tags; GetRole has them.
      ctx.detail(role, 'RoleLastUsed', async () =>
        toJson<Json<Role> | undefined>((await iam.send(new GetRoleCommand({ RoleName }))).Role),
      ),
      ctx.detail(role, 'AttachedManagedPolicies', async () =>
        toJson<IamRoleProps['AttachedManagedPolicies']>(
          await allPages(
            paginateListAttachedRolePolicies({ client: iam }, { RoleName }),
            (p) => p.AttachedPolicies ?? [],
          ),
        ),
      ),
      ctx.detail(role, 'RolePolicyList', () =>
        inlinePolicies(
          () => allPages(paginateListRolePolicies({ client: iam }, { RoleName }), (p) => p.PolicyNames ?? []),
          async (PolicyName) => (await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument,
        ),
      ),
    ]);
    if (trust) props.AssumeRolePolicyDocument = trust;
    else delete (props as Partial<IamRoleProps>).AssumeRolePolicyDocument;
    if (full) {
      setProp(props, 'PermissionsBoundary', full.PermissionsBoundary ?? PermissionsBoundary);
      props.RoleLastUsed = full.RoleLastUsed ?? RoleLastUsed ?? {};
      if (full.Tags) role.tags = tagMap(full.Tags);
    }
    setProp(props, 'AttachedManagedPolicies', attached);
    setProp(props, 'RolePolicyList', inline);
    ctx.emit(role);
  });
}

// ── Managed policies ──

const ENTITY_PATHS = ['PolicyGroups', 'PolicyUsers', 'PolicyRoles'] as const;

/**
 * Customer managed policies (all of them) and the AWS managed ones attached in this account. An AWS managed
 * policy has the same ARN in every account, so its uid carries the account: `<Arn>#<account>`.
 */
async function collectPolicies(ctx: CollectContext, iam: IAMClient): Promise<void> {
  const [local, aws] = await Promise.all([
    ctx.list('aws.iam.policy', 'ListPolicies', () =>
      allPages(paginateListPolicies({ client: iam }, { Scope: 'Local' }), (p) => p.Policies ?? []),
    ),
    ctx.list('aws.iam.policy', 'ListPolicies', () =>
      allPages(paginateListPolicies({ client: iam }, { Scope: 'AWS', OnlyAttached: true }), (p) => p.Policies ?? []),
    ),
  ]);
  const all = [
    ...(local ?? []).map((p) => ({ p, customer: true })),
    ...(aws ?? []).map((p) => ({ p, customer: false })),
  ];
  await ctx.each(all, async ({ p, customer }: { p: Policy; customer: boolean }) => {
    const PolicyArn = p.Arn;
    if (!PolicyArn || !p.PolicyName) return;
    const { Tags, ...listed } = toJson<Json<Policy>>(p);
    const props = listed as IamPolicyProps;
    const policy = ctx.resource('aws.iam.policy', {
      uid: customer ? PolicyArn : `${PolicyArn}#${ctx.account}`,
      name: p.PolicyName,
      props,
    });
    const [document, entities, tags] = await Promise.all([
      ctx.detail(policy, 'DefaultVersionDocument', async () => {
        const out = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: p.DefaultVersionId }));
        return parsePolicy(out.PolicyVersion?.Document ?? '');
      }),
      ctx.detail(policy, 'PolicyGroups', async () => {
        const found = {
          groups: [] as Json<PolicyGroup>[],
          users: [] as Json<PolicyUser>[],
          roles: [] as Json<PolicyRole>[],
        };
        for await (const page of paginateListEntitiesForPolicy({ client: iam }, { PolicyArn })) {
          found.groups.push(...toJson<Json<PolicyGroup>[]>(page.PolicyGroups ?? []));
          found.users.push(...toJson<Json<PolicyUser>[]>(page.PolicyUsers ?? []));
          found.roles.push(...toJson<Json<PolicyRole>[]>(page.PolicyRoles ?? []));
        }
        return found;
      }),
      // AWS managed policies carry no tags of the account.
      !customer
        ? {}
        : Tags
          ? tagMap(Tags)
          : readTags(() => allPages(paginateListPolicyTags({ client: iam }, { PolicyArn }), (q) => q.Tags ?? [])),
    ]);
    setProp(props, 'DefaultVersionDocument', document);
    if (entities) {
      props.PolicyGroups = entities.groups;
      props.PolicyUsers = entities.users;
      props.PolicyRoles = entities.roles;
    } else if (policy.gaps?.PolicyGroups) {
      // One call answers all three lists.
      for (const path of ENTITY_PATHS) policy.gaps[path] = policy.gaps.PolicyGroups;
    }
    policy.tags = tags;
    ctx.emit(policy);
  });
}

// ── Server certificates ──

/** Metadata only: the certificate body and chain are never read. */
async function collectServerCertificates(ctx: CollectContext, iam: IAMClient): Promise<void> {
  const certificates = await ctx.list('aws.iam.server_certificate', 'ListServerCertificates', () =>
    allPages(paginateListServerCertificates({ client: iam }, {}), (p) => p.ServerCertificateMetadataList ?? []),
  );
  if (!certificates) return;
  await ctx.each(certificates, async (c) => {
    const ServerCertificateName = c.ServerCertificateName;
    if (!ServerCertificateName || !c.Arn) return;
    const certificate = ctx.resource('aws.iam.server_certificate', {
      uid: c.Arn,
      name: ServerCertificateName,
      props: toJson<IamServerCertificateProps>(c),
      tags: await readTags(() =>
        allPages(paginateListServerCertificateTags({ client: iam }, { ServerCertificateName }), (p) => p.Tags ?? []),
      ),
    });
    ctx.emit(certificate);
  });
}
