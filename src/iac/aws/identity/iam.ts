// IAM roles, users, groups and managed policies from CloudFormation and Terraform, in the live shapes of
// src/inventory/aws/iam.ts. Inline policies, policy attachments, access keys, login profiles and group memberships
// that the templates write as separate resources are joined into the identity they belong to.
import type { SourceLocation, Unknown } from '../../../core/resource.js';
import { isUnknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef, renderRef } from '../../model.js';
import { at, type BlockMapper, type MapContext, type Mapped } from '../mapper.js';
import {
  bool,
  list,
  literalNames,
  nameOf,
  nestedAll,
  policyDocument,
  str,
  tagsOf,
  targetName,
  type Value,
} from './values.js';

type Kind = 'role' | 'user' | 'group';

/** Where each format keeps an identity's physical name. */
const NAME_PROPS: Record<Kind, string[]> = {
  role: ['RoleName', 'name'],
  user: ['UserName', 'name'],
  group: ['GroupName', 'name'],
};
const POLICY_NAME_PROPS = ['ManagedPolicyName', 'name'];

interface Inline {
  PolicyName: string;
  PolicyDocument: unknown;
}
interface Attached {
  PolicyName: string;
  PolicyArn: string | Unknown;
}

interface Collected {
  inline: Inline[];
  attached: Attached[];
  joined: IacBlock[];
  locations: Record<string, SourceLocation>;
}

const collected = (): Collected => ({ inline: [], attached: [], joined: [], locations: {} });

/** An inline policy entry, its location recorded at the list index it lands on. */
function addInline(c: Collected, path: string, name: Value, doc: Value, where: SourceLocation, fallback: string): void {
  const n = str(name);
  c.locations[`${path}.${c.inline.length}`] = where;
  c.inline.push({
    PolicyName: typeof n === 'string' ? n : fallback,
    PolicyDocument: policyDocument(doc) ?? unknown('inline policy without a document'),
  });
}

/** A managed policy attachment from an ARN value: literal, a reference to a policy of the template, or Unknown. */
function addAttached(c: Collected, arn: Value, where: SourceLocation, ctx: MapContext): void {
  // The same policy attached twice (managed_policy_arns and an attachment resource) is one attachment.
  const same = isRef(arn) ? renderRef(arn) : str(arn);
  if (typeof same === 'string' && c.attached.some((a) => a.PolicyArn === same)) return;
  c.locations[`AttachedManagedPolicies.${c.attached.length}`] = where;
  if (isRef(arn)) {
    const target = ctx.byAddress(arn.$ref);
    c.attached.push({
      PolicyName: target ? nameOf(target, ...POLICY_NAME_PROPS) : renderRef(arn),
      PolicyArn: renderRef(arn),
    });
    return;
  }
  const s = str(arn);
  if (typeof s === 'string') {
    c.attached.push({ PolicyName: s.slice(s.lastIndexOf('/') + 1), PolicyArn: s });
  } else {
    c.attached.push({ PolicyName: 'unresolved', PolicyArn: s ?? unknown('policy ARN is not a string') });
  }
}

/** CloudFormation: Policies / ManagedPolicyArns of the block, AWS::IAM::Policy / ManagedPolicy / <Kind>Policy joins. */
function collectCfn(kind: Kind, block: IacBlock, ctx: MapContext, path: string): Collected {
  const c = collected();
  const names = literalNames(block, NAME_PROPS[kind][0] as string);
  const policies = block.props.Policies;
  for (const [i, p] of nestedAll(policies).entries()) {
    addInline(c, path, p.PolicyName, p.PolicyDocument, at(block, `Policies.${i}`), `${block.address}.Policies.${i}`);
  }
  const arns = list(block.props.ManagedPolicyArns);
  if (!isUnknown(arns)) {
    for (const [i, arn] of arns.entries()) addAttached(c, arn, at(block, `ManagedPolicyArns.${i}`), ctx);
  }
  const listProp = kind === 'role' ? 'Roles' : kind === 'user' ? 'Users' : 'Groups';
  for (const p of ctx.referrers('AWS::IAM::Policy', listProp, block, names)) {
    addInline(c, path, p.props.PolicyName, p.props.PolicyDocument, at(p, 'PolicyDocument'), p.address);
    ctx.consume(p);
    c.joined.push(p);
  }
  const single =
    kind === 'role' ? 'AWS::IAM::RolePolicy' : kind === 'user' ? 'AWS::IAM::UserPolicy' : 'AWS::IAM::GroupPolicy';
  const singleProp = NAME_PROPS[kind][0] as string;
  for (const p of ctx.referrers(single, singleProp, block, names)) {
    addInline(c, path, p.props.PolicyName, p.props.PolicyDocument, at(p, 'PolicyDocument'), p.address);
    ctx.consume(p);
    c.joined.push(p);
  }
  for (const mp of ctx.referrers('AWS::IAM::ManagedPolicy', listProp, block, names)) {
    addAttached(c, { $ref: mp.address }, at(mp, listProp), ctx);
  }
  // An unresolved list (a parameter, an Fn::If on an unknown condition) leaves the whole list unknown.
  if (isUnknown(policies)) c.inline = policies as never;
  if (isUnknown(arns)) c.attached = arns as never;
  return c;
}

/** Terraform: inline_policy blocks, managed_policy_arns, and the aws_iam_<kind>_policy* resources pointing at it. */
function collectTf(kind: Kind, block: IacBlock, ctx: MapContext, path: string): Collected {
  const c = collected();
  const names = literalNames(block, 'name');
  if (kind === 'role') {
    for (const [i, p] of nestedAll(block.props.inline_policy).entries()) {
      if (p.policy === undefined && p.name === undefined) continue; // an empty inline_policy {} removes them all
      addInline(c, path, p.name, p.policy, at(block, `inline_policy.${i}`), `${block.address}.inline_policy.${i}`);
    }
    const arns = list(block.props.managed_policy_arns);
    if (!isUnknown(arns)) {
      for (const [i, arn] of arns.entries()) addAttached(c, arn, at(block, `managed_policy_arns.${i}`), ctx);
    }
  }
  for (const p of ctx.referrers(`aws_iam_${kind}_policy`, kind, block, names)) {
    addInline(c, path, p.props.name, p.props.policy, at(p, 'policy'), p.address);
    ctx.consume(p);
    c.joined.push(p);
  }
  for (const a of ctx.referrers(`aws_iam_${kind}_policy_attachment`, kind, block, names)) {
    addAttached(c, a.props.policy_arn, at(a, 'policy_arn'), ctx);
    ctx.consume(a);
    c.joined.push(a);
  }
  for (const a of ctx.referrers('aws_iam_policy_attachment', `${kind}s`, block, names)) {
    addAttached(c, a.props.policy_arn, at(a, 'policy_arn'), ctx);
    ctx.consume(a);
    c.joined.push(a);
  }
  // Exclusive-management resources only assert which policies exist; they add none.
  const exclusiveProp = `${kind}_name`;
  for (const t of [`aws_iam_${kind}_policies_exclusive`, `aws_iam_${kind}_policy_attachments_exclusive`]) {
    for (const x of ctx.referrers(t, exclusiveProp, block, names)) {
      ctx.consume(x);
      c.joined.push(x);
    }
  }
  // Unresolved lists (dynamic blocks over an unknown for_each, a variable) leave the whole list unknown.
  if (kind === 'role' && isUnknown(block.props.inline_policy)) c.inline = block.props.inline_policy as never;
  if (kind === 'role' && isUnknown(block.props.managed_policy_arns))
    c.attached = block.props.managed_policy_arns as never;
  return c;
}

const listLocations = (c: Collected, inlinePath: string, block: IacBlock, inlineAt: string, arnsAt: string) => ({
  [inlinePath]: at(block, inlineAt),
  AttachedManagedPolicies: at(block, arnsAt),
  ...c.locations,
});

// ── Roles ──

/** A role's template fields, by format: the one mapping below reads either. */
const ROLE_FIELDS = {
  cloudformation: {
    name: 'RoleName',
    path: 'Path',
    description: 'Description',
    maxSession: 'MaxSessionDuration',
    boundary: 'PermissionsBoundary',
    trust: 'AssumeRolePolicyDocument',
    tags: 'Tags',
    inline: 'Policies',
    arns: 'ManagedPolicyArns',
  },
  terraform: {
    name: 'name',
    path: 'path',
    description: 'description',
    maxSession: 'max_session_duration',
    boundary: 'permissions_boundary',
    trust: 'assume_role_policy',
    tags: 'tags',
    inline: 'inline_policy',
    arns: 'managed_policy_arns',
  },
} as const;

/** aws.iam.role from a role block and its collected policies, in iam:GetRole's shape plus the policy lists. */
function role(block: IacBlock, c: Collected, f: (typeof ROLE_FIELDS)[keyof typeof ROLE_FIELDS]): Mapped {
  const p = block.props;
  const name = nameOf(block, f.name);
  const maxSession = p[f.maxSession];
  return {
    type: 'aws.iam.role',
    name,
    props: {
      RoleName: name,
      Path: str(p[f.path]) ?? '/',
      ...(p[f.description] !== undefined ? { Description: str(p[f.description]) } : {}),
      MaxSessionDuration: typeof maxSession === 'number' ? maxSession : 3600,
      ...(p[f.boundary] !== undefined
        ? {
            PermissionsBoundary: {
              PermissionsBoundaryType: 'Policy',
              PermissionsBoundaryArn: str(p[f.boundary]),
            },
          }
        : {}),
      AssumeRolePolicyDocument: policyDocument(p[f.trust]) ?? unknown(`no ${f.trust}`),
      AttachedManagedPolicies: c.attached,
      RolePolicyList: c.inline,
      Tags: Object.entries(tagsOf(p[f.tags])).map(([Key, Value]) => ({ Key, Value })),
    },
    tags: tagsOf(p[f.tags]),
    locations: {
      AssumeRolePolicyDocument: at(block, f.trust),
      ...listLocations(c, 'RolePolicyList', block, f.inline, f.arns),
    },
    joined: c.joined,
  };
}

const cfnRole: BlockMapper = {
  source: 'AWS::IAM::Role',
  map: (block, ctx) => role(block, collectCfn('role', block, ctx, 'RolePolicyList'), ROLE_FIELDS.cloudformation),
};

const tfRole: BlockMapper = {
  source: 'aws_iam_role',
  map: (block, ctx) => role(block, collectTf('role', block, ctx, 'RolePolicyList'), ROLE_FIELDS.terraform),
};

const NEW_KEY_LAST_USED = { ServiceName: 'N/A', Region: 'N/A' };
const MFA_UNKNOWN = unknown('MFA devices are enrolled by the user after creation; a template does not show them');

function accessKey(user: string, status: Value): Record<string, unknown> {
  const s = str(status);
  return { UserName: user, Status: s ?? 'Active', AccessKeyLastUsed: NEW_KEY_LAST_USED };
}

const cfnUser: BlockMapper = {
  source: 'AWS::IAM::User',
  map(block, ctx) {
    const p = block.props;
    const c = collectCfn('user', block, ctx, 'UserPolicyList');
    const name = nameOf(block, 'UserName');
    const names = literalNames(block, 'UserName');
    const locations: Record<string, SourceLocation> = {
      ...listLocations(c, 'UserPolicyList', block, 'Policies', 'ManagedPolicyArns'),
      LoginProfile: at(block, 'LoginProfile'),
      GroupList: at(block, 'Groups'),
    };
    const keys: Record<string, unknown>[] = [];
    for (const k of ctx.referrers('AWS::IAM::AccessKey', 'UserName', block, names)) {
      locations[`AccessKeyMetadata.${keys.length}`] = at(k);
      keys.push(accessKey(name, k.props.Status));
      ctx.consume(k);
      c.joined.push(k);
    }
    const groups = list(p.Groups);
    const groupList: Array<string | Unknown> = isUnknown(groups)
      ? []
      : groups.map((g) => targetName(g, ctx, ['GroupName']) ?? unknown('group name is not a string'));
    for (const add of ctx.referrers('AWS::IAM::UserToGroupAddition', 'Users', block, names)) {
      const g = targetName(add.props.GroupName, ctx, ['GroupName']);
      if (g !== undefined) groupList.push(g);
      ctx.consume(add);
      c.joined.push(add);
    }
    const lp = p.LoginProfile;
    const loginProfile = isUnknown(lp)
      ? lp
      : lp === undefined || lp === null
        ? null
        : {
            UserName: name,
            PasswordResetRequired: bool((lp as Record<string, unknown>).PasswordResetRequired) ?? false,
          };
    return {
      type: 'aws.iam.user',
      name,
      props: {
        UserName: name,
        Path: str(p.Path) ?? '/',
        ...(p.PermissionsBoundary !== undefined
          ? {
              PermissionsBoundary: {
                PermissionsBoundaryType: 'Policy',
                PermissionsBoundaryArn: str(p.PermissionsBoundary),
              },
            }
          : {}),
        LoginProfile: loginProfile,
        MFADevices: MFA_UNKNOWN,
        AccessKeyMetadata: keys,
        AttachedManagedPolicies: c.attached,
        UserPolicyList: c.inline,
        GroupList: isUnknown(groups) ? groups : groupList.some(isUnknown) ? groupList.find(isUnknown) : groupList,
        Tags: Object.entries(tagsOf(p.Tags)).map(([Key, Value]) => ({ Key, Value })),
      },
      tags: tagsOf(p.Tags),
      locations,
      joined: c.joined,
    };
  },
};

const tfUser: BlockMapper = {
  source: 'aws_iam_user',
  map(block, ctx) {
    const p = block.props;
    const c = collectTf('user', block, ctx, 'UserPolicyList');
    const name = nameOf(block, 'name');
    const names = literalNames(block, 'name');
    const locations: Record<string, SourceLocation> = {
      ...listLocations(c, 'UserPolicyList', block, 'name', 'name'),
      LoginProfile: at(block),
      GroupList: at(block),
    };
    const keys: Record<string, unknown>[] = [];
    for (const k of ctx.referrers('aws_iam_access_key', 'user', block, names)) {
      locations[`AccessKeyMetadata.${keys.length}`] = at(k);
      keys.push(accessKey(name, k.props.status));
      ctx.consume(k);
      c.joined.push(k);
    }
    let loginProfile: Record<string, unknown> | null = null;
    for (const l of ctx.referrers('aws_iam_user_login_profile', 'user', block, names)) {
      loginProfile = { UserName: name, PasswordResetRequired: bool(l.props.password_reset_required) ?? false };
      locations.LoginProfile = at(l);
      ctx.consume(l);
      c.joined.push(l);
    }
    const groupList: Array<string | Unknown> = [];
    for (const m of ctx.referrers('aws_iam_user_group_membership', 'user', block, names)) {
      const gs = list(m.props.groups);
      if (isUnknown(gs)) groupList.push(gs);
      else for (const g of gs) groupList.push(targetName(g, ctx, ['name']) ?? unknown('group name is not a string'));
      locations.GroupList = at(m, 'groups');
      ctx.consume(m);
      c.joined.push(m);
    }
    for (const m of ctx.referrers('aws_iam_group_membership', 'users', block, names)) {
      const g = targetName(m.props.group, ctx, ['name']);
      if (g !== undefined) groupList.push(g);
      ctx.consume(m);
      c.joined.push(m);
    }
    return {
      type: 'aws.iam.user',
      name,
      props: {
        UserName: name,
        Path: str(p.path) ?? '/',
        ...(p.permissions_boundary !== undefined
          ? {
              PermissionsBoundary: {
                PermissionsBoundaryType: 'Policy',
                PermissionsBoundaryArn: str(p.permissions_boundary),
              },
            }
          : {}),
        LoginProfile: loginProfile,
        MFADevices: MFA_UNKNOWN,
        AccessKeyMetadata: keys,
        AttachedManagedPolicies: c.attached,
        UserPolicyList: c.inline,
        GroupList: groupList.find(isUnknown) ?? groupList,
        Tags: Object.entries(tagsOf(p.tags)).map(([Key, Value]) => ({ Key, Value })),
      },
      tags: tagsOf(p.tags),
      locations,
      joined: c.joined,
    };
  },
};

// ── Groups ──

const cfnGroup: BlockMapper = {
  source: 'AWS::IAM::Group',
  map(block, ctx) {
    const p = block.props;
    const c = collectCfn('group', block, ctx, 'GroupPolicyList');
    const name = nameOf(block, 'GroupName');
    const names = literalNames(block, 'GroupName');
    const users: string[] = [];
    for (const u of ctx.referrers('AWS::IAM::User', 'Groups', block, names)) users.push(nameOf(u, 'UserName'));
    for (const add of ctx.referrers('AWS::IAM::UserToGroupAddition', 'GroupName', block, names)) {
      const us = list(add.props.Users);
      if (!isUnknown(us)) for (const u of us) users.push(String(targetName(u, ctx, ['UserName']) ?? 'unresolved'));
      ctx.consume(add);
      c.joined.push(add);
    }
    return {
      type: 'aws.iam.group',
      name,
      props: {
        GroupName: name,
        Path: str(p.Path) ?? '/',
        AttachedManagedPolicies: c.attached,
        GroupPolicyList: c.inline,
        UserNames: users,
      },
      locations: listLocations(c, 'GroupPolicyList', block, 'Policies', 'ManagedPolicyArns'),
      joined: c.joined,
    };
  },
};

const tfGroup: BlockMapper = {
  source: 'aws_iam_group',
  map(block, ctx) {
    const p = block.props;
    const c = collectTf('group', block, ctx, 'GroupPolicyList');
    const name = nameOf(block, 'name');
    const names = literalNames(block, 'name');
    const users: string[] = [];
    for (const m of ctx.referrers('aws_iam_group_membership', 'group', block, names)) {
      const us = list(m.props.users);
      if (!isUnknown(us)) for (const u of us) users.push(String(targetName(u, ctx, ['name']) ?? 'unresolved'));
      ctx.consume(m);
      c.joined.push(m);
    }
    for (const m of ctx.referrers('aws_iam_user_group_membership', 'groups', block, names)) {
      users.push(String(targetName(m.props.user, ctx, ['name']) ?? 'unresolved'));
      ctx.consume(m);
    }
    return {
      type: 'aws.iam.group',
      name,
      props: {
        GroupName: name,
        Path: str(p.path) ?? '/',
        AttachedManagedPolicies: c.attached,
        GroupPolicyList: c.inline,
        UserNames: users,
      },
      locations: listLocations(c, 'GroupPolicyList', block, 'name', 'name'),
      joined: c.joined,
    };
  },
};

// ── Managed policies ──

interface Entities {
  PolicyRoles: Array<{ RoleName: string }>;
  PolicyUsers: Array<{ UserName: string }>;
  PolicyGroups: Array<{ GroupName: string }>;
}

const entityName = (v: Value, ctx: MapContext, props: string[]): string => {
  const n = targetName(v, ctx, props);
  return typeof n === 'string' ? n : 'unresolved';
};

/** The roles, users and groups a template attaches a managed policy to (CloudFormation). */
function cfnEntities(block: IacBlock, ctx: MapContext): Entities {
  const e: Entities = { PolicyRoles: [], PolicyUsers: [], PolicyGroups: [] };
  const fromList = (prop: string) => {
    const v = list(block.props[prop]);
    return isUnknown(v) ? [] : v;
  };
  for (const r of fromList('Roles')) e.PolicyRoles.push({ RoleName: entityName(r, ctx, ['RoleName']) });
  for (const u of fromList('Users')) e.PolicyUsers.push({ UserName: entityName(u, ctx, ['UserName']) });
  for (const g of fromList('Groups')) e.PolicyGroups.push({ GroupName: entityName(g, ctx, ['GroupName']) });
  const arns: string[] = [];
  for (const r of ctx.referrers('AWS::IAM::Role', 'ManagedPolicyArns', block, arns)) {
    e.PolicyRoles.push({ RoleName: nameOf(r, 'RoleName') });
  }
  for (const u of ctx.referrers('AWS::IAM::User', 'ManagedPolicyArns', block, arns)) {
    e.PolicyUsers.push({ UserName: nameOf(u, 'UserName') });
  }
  for (const g of ctx.referrers('AWS::IAM::Group', 'ManagedPolicyArns', block, arns)) {
    e.PolicyGroups.push({ GroupName: nameOf(g, 'GroupName') });
  }
  return e;
}

/** The roles, users and groups a configuration attaches a managed policy to (Terraform). */
function tfEntities(block: IacBlock, ctx: MapContext): Entities {
  const e: Entities = { PolicyRoles: [], PolicyUsers: [], PolicyGroups: [] };
  for (const a of ctx.referrers('aws_iam_role_policy_attachment', 'policy_arn', block)) {
    e.PolicyRoles.push({ RoleName: entityName(a.props.role, ctx, ['name']) });
  }
  for (const a of ctx.referrers('aws_iam_user_policy_attachment', 'policy_arn', block)) {
    e.PolicyUsers.push({ UserName: entityName(a.props.user, ctx, ['name']) });
  }
  for (const a of ctx.referrers('aws_iam_group_policy_attachment', 'policy_arn', block)) {
    e.PolicyGroups.push({ GroupName: entityName(a.props.group, ctx, ['name']) });
  }
  for (const a of ctx.referrers('aws_iam_policy_attachment', 'policy_arn', block)) {
    const each = (prop: string) => {
      const v = list(a.props[prop]);
      return isUnknown(v) ? [] : v;
    };
    for (const r of each('roles')) e.PolicyRoles.push({ RoleName: entityName(r, ctx, ['name']) });
    for (const u of each('users')) e.PolicyUsers.push({ UserName: entityName(u, ctx, ['name']) });
    for (const g of each('groups')) e.PolicyGroups.push({ GroupName: entityName(g, ctx, ['name']) });
    ctx.consume(a);
  }
  for (const r of ctx.referrers('aws_iam_role', 'managed_policy_arns', block)) {
    e.PolicyRoles.push({ RoleName: nameOf(r, 'name') });
  }
  return e;
}

function managedPolicy(block: IacBlock, name: string, doc: Value, docAt: string, e: Entities, tags: Value): Mapped {
  const document = policyDocument(doc) ?? unknown('managed policy without a document');
  const unique = <T>(xs: T[]) =>
    xs.filter((x, i) => xs.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) === i);
  e = { PolicyRoles: unique(e.PolicyRoles), PolicyUsers: unique(e.PolicyUsers), PolicyGroups: unique(e.PolicyGroups) };
  return {
    type: 'aws.iam.policy',
    name,
    props: {
      PolicyName: name,
      Path: str(block.props.Path ?? block.props.path) ?? '/',
      DefaultVersionId: 'v1',
      AttachmentCount: e.PolicyRoles.length + e.PolicyUsers.length + e.PolicyGroups.length,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      DefaultVersionDocument: document,
      ...e,
      Tags: Object.entries(tagsOf(tags)).map(([Key, Value]) => ({ Key, Value })),
    },
    tags: tagsOf(tags),
    locations: { DefaultVersionDocument: at(block, docAt) },
  };
}

const cfnManagedPolicy: BlockMapper = {
  source: 'AWS::IAM::ManagedPolicy',
  map: (block, ctx) =>
    managedPolicy(
      block,
      nameOf(block, 'ManagedPolicyName'),
      block.props.PolicyDocument,
      'PolicyDocument',
      cfnEntities(block, ctx),
      undefined,
    ),
};

const tfPolicy: BlockMapper = {
  source: 'aws_iam_policy',
  map: (block, ctx) =>
    managedPolicy(block, nameOf(block, 'name'), block.props.policy, 'policy', tfEntities(block, ctx), block.props.tags),
};

export const iamMappers: BlockMapper[] = [
  cfnRole,
  tfRole,
  cfnUser,
  tfUser,
  cfnGroup,
  tfGroup,
  cfnManagedPolicy,
  tfPolicy,
];
