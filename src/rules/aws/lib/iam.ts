import { isUnknown, type Resource } from '../../../core/resource.js';
import type { Lookups } from '../../../core/rule.js';
import { unreadable } from '../../../engine/scope.js';
import type { IamPolicyProps, IamUserProps } from '../../../inventory/aws/iam.js';
import type { PolicyDocument, PolicyStatement } from '../../../inventory/json.js';
import { parseIsoDate, reportDate, reportFlag, reportKeySlots } from './credential-report.js';
import { actionMatches, asArray, statements } from './policy.js';
import { relatedGap } from './related.js';

/** Why a prop path of any resource (the judged one or a related one) cannot be read; undefined when it can. */
export const unreadableProp = (resource: Resource<unknown>, path: string): string | undefined =>
  unreadable(resource as Resource, path);

// ── Users: console password and access keys, from the IAM APIs with the credential report as fallback ──

/** Whether the user has a console password, and the prop path that shows it. */
export type ConsolePassword = { enabled: boolean; path: string } | { unknown: string };

export function consolePassword(user: Resource<IamUserProps>): ConsolePassword {
  const why = unreadableProp(user, 'LoginProfile');
  if (why === undefined) return { enabled: user.props.LoginProfile !== null, path: 'LoginProfile' };
  if (unreadableProp(user, 'CredentialReport') === undefined) {
    const flag = reportFlag(user.props.CredentialReport, 'password_enabled');
    if (flag !== undefined) return { enabled: flag, path: 'CredentialReport.password_enabled' };
  }
  return { unknown: why };
}

/**
 * Scope predicate for rules about console users: true when the user has a console password. Throws (the engine
 * turns that into ERROR) when neither iam:GetLoginProfile nor the credential report tells.
 */
export function hasConsolePassword(props: IamUserProps): boolean {
  if (props.LoginProfile !== undefined) return props.LoginProfile !== null;
  const flag = reportFlag(props.CredentialReport, 'password_enabled');
  if (flag !== undefined) return flag;
  throw new Error('not collected: LoginProfile (iam:GetLoginProfile) and no credential report row');
}

/** One access key of a user, whichever source it was read from. */
export interface AccessKeyView {
  /** The access key id, or "#1" / "#2" (the report's slot) when only the credential report was read. */
  label: string;
  /** Evidence path in the user's props. */
  path: string;
  active: boolean;
  /** Creation date (CreateDate, or the report's access_key_N_last_rotated); undefined when unknown. */
  created: Date | undefined;
  /** Last use; null when never used; undefined when unknown. */
  lastUsed: Date | null | undefined;
}

const sameSecond = (a: Date, b: Date) => Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);

/**
 * The user's access keys: from iam:ListAccessKeys (+ GetAccessKeyLastUsed per key); a key's missing last-used
 * answer is filled from the credential report slot whose last_rotated equals the key's CreateDate. When
 * ListAccessKeys itself was not collected, the report's two slots stand in. A string names what is missing.
 */
export function userAccessKeys(user: Resource<IamUserProps>): AccessKeyView[] | string {
  const props = user.props;
  const reportReadable = unreadableProp(user, 'CredentialReport') === undefined;
  const slots = reportReadable ? reportKeySlots(props.CredentialReport) : [];
  const why = unreadableProp(user, 'AccessKeyMetadata');
  if (why === undefined) {
    // A template may leave a key's status to a parameter: whether it is active is then unknown.
    const undecided = props.AccessKeyMetadata.findIndex((key) => isUnknown(key.Status));
    if (undecided >= 0) return `unresolved value at AccessKeyMetadata.${undecided}.Status`;
    return props.AccessKeyMetadata.map((key, i) => {
      const path = `AccessKeyMetadata.${i}`;
      const created = parseIsoDate(key.CreateDate);
      let lastUsed: Date | null | undefined;
      if (unreadableProp(user, `${path}.AccessKeyLastUsed`) === undefined) {
        lastUsed = parseIsoDate(key.AccessKeyLastUsed?.LastUsedDate) ?? null;
      } else if (created) {
        const slot = slots.find((s) => s.lastRotated && sameSecond(s.lastRotated, created));
        lastUsed = slot?.lastUsed;
      }
      return { label: key.AccessKeyId ?? `#${i + 1}`, path, active: key.Status === 'Active', created, lastUsed };
    });
  }
  if (!reportReadable || slots.some((s) => s.active === undefined)) return why;
  return slots
    .filter((s) => s.active === true || s.lastRotated instanceof Date)
    .map((s) => ({
      label: `#${s.slot}`,
      path: `CredentialReport.access_key_${s.slot}_active`,
      active: s.active === true,
      created: s.lastRotated ?? undefined,
      lastUsed: s.lastUsed,
    }));
}

/** The password's last use (GetUser/ListUsers PasswordLastUsed or the report, whichever is later). */
export function passwordLastUsed(props: IamUserProps): { date: Date; path: string } | undefined {
  const api = parseIsoDate(props.PasswordLastUsed);
  const report = reportDate(props.CredentialReport, 'password_last_used') ?? undefined;
  if (api && (!report || api.getTime() >= report.getTime())) return { date: api, path: 'PasswordLastUsed' };
  if (report) return { date: report, path: 'CredentialReport.password_last_used' };
  return undefined;
}

/** When the current console password was set (LoginProfile.CreateDate, else the report's password_last_changed). */
export function passwordCreated(props: IamUserProps): { date: Date; path: string } | undefined {
  const api = parseIsoDate(props.LoginProfile?.CreateDate);
  if (api) return { date: api, path: 'LoginProfile.CreateDate' };
  const report = reportDate(props.CredentialReport, 'password_last_changed');
  return report ? { date: report, path: 'CredentialReport.password_last_changed' } : undefined;
}

// ── Root user ──

/** The root user's ARN pattern for an account, in any partition (aws, aws-cn, aws-us-gov, …). */
export const isRootArn = (arn: string | undefined, account: string): boolean =>
  arn !== undefined && new RegExp(`^arn:aws[a-z-]*:iam::${account}:root$`).test(arn);

/** The name the console gives the root user's first virtual MFA device. */
export const ROOT_VIRTUAL_MFA_NAME = 'root-account-mfa-device';

// ── Managed policies ──

/** True when a statement grants every action on every resource: Allow, Action "*" (or "*:*"), Resource "*". */
export function isFullAdminStatement(s: PolicyStatement): boolean {
  if (s.Effect !== 'Allow' || s.Action === undefined) return false;
  const everyAction = asArray(s.Action).some((a) => a === '*' || a === '*:*');
  const everyResource = asArray(s.Resource).some((r) => r === '*');
  return everyAction && everyResource;
}

/** The actions a statement allows, for messages: "sns:Publish, sns:Subscribe" or "all actions except iam:*". */
export function describeActions(s: PolicyStatement, lang: 'en' | 'ja'): string {
  if (s.Action !== undefined) return asArray(s.Action).join(', ');
  const except = asArray(s.NotAction).join(', ');
  return lang === 'en' ? `all actions except ${except}` : `${except} 以外のすべてのアクション`;
}

/** The dotted path of a statement inside a policy document stored at `base` ('Policy', 'DefaultVersionDocument'). */
export function statementPath(base: string, doc: PolicyDocument, s: PolicyStatement): string {
  if (!Array.isArray(doc.Statement)) return `${base}.Statement`;
  return `${base}.Statement.${statements(doc).indexOf(s)}`;
}

/** Users, groups and roles a managed policy is attached to; a string names what was not collected. */
export function policyEntities(
  policy: Resource<IamPolicyProps>,
): { users: string[]; groups: string[]; roles: string[] } | string {
  const gap = relatedGap(policy, ['PolicyUsers', 'PolicyGroups', 'PolicyRoles']);
  if (gap) return gap;
  const p = policy.props;
  if (!Array.isArray(p.PolicyUsers) || !Array.isArray(p.PolicyGroups) || !Array.isArray(p.PolicyRoles)) {
    return `${policy.uid}: not collected: PolicyUsers/PolicyGroups/PolicyRoles (iam:ListEntitiesForPolicy)`;
  }
  return {
    users: p.PolicyUsers.map((u) => u.UserName ?? '?'),
    groups: p.PolicyGroups.map((g) => g.GroupName ?? '?'),
    roles: p.PolicyRoles.map((r) => r.RoleName ?? '?'),
  };
}

/**
 * An AWS managed policy of the account's inventory by name (arn:<partition>:iam::aws:policy/<name>).
 * The collector lists AWS managed policies only when they are attached, so `policy: undefined` means "attached to
 * nobody". With no aws.iam.policy at all in the account, IAM policies were evidently not collected (every account
 * has service-linked roles with AWS managed policies attached), so that gives `unknown`.
 */
export function awsManagedPolicy(
  lookups: Lookups,
  account: string,
  name: string,
): { policy: Resource<IamPolicyProps> | undefined } | { unknown: string } {
  const all = lookups.ofType<IamPolicyProps>('aws.iam.policy', account);
  if (all.length === 0) return { unknown: `no aws.iam.policy collected in account ${account}` };
  const arn = new RegExp(`^arn:aws[a-z-]*:iam::aws:policy/${name}$`);
  return { policy: all.find((p) => typeof p.props.Arn === 'string' && arn.test(p.props.Arn)) };
}

/** "users a, b; groups c; roles d" for messages. */
export function describeEntities(e: { users: string[]; groups: string[]; roles: string[] }, lang: 'en' | 'ja'): string {
  const parts: string[] = [];
  const names = lang === 'en' ? { u: 'user', g: 'group', r: 'role' } : { u: 'ユーザー', g: 'グループ', r: 'ロール' };
  if (e.users.length) parts.push(`${names.u} ${e.users.join(', ')}`);
  if (e.groups.length) parts.push(`${names.g} ${e.groups.join(', ')}`);
  if (e.roles.length) parts.push(`${names.r} ${e.roles.join(', ')}`);
  return parts.join(lang === 'en' ? '; ' : '、');
}

/** Scope of the rules on customer managed policies: not an AWS managed policy (templates only make customer ones). */
export const isCustomerManaged = (p: IamPolicyProps): boolean =>
  !/^arn:aws[a-z-]*:iam::aws:policy\//.test(typeof p.Arn === 'string' ? p.Arn : '');

/** "s3:*", "ec2:*": every action of one service. */
export const isServiceWildcard = (action: string): boolean => /^[a-z0-9-]+:\*$/i.test(action);

/** Resource values that name every KMS key: "*" or arn:<partition>:kms:<region>:<account>:key/*. */
const ALL_KEYS = /^(\*|arn:aws[a-z-]*:kms:[^:]*:[^:]*:(key\/)?\*)$/;

/** KMS actions that reveal plaintext (KMS.1 / KMS.2). */
export const KMS_DECRYPT_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'] as const;

/** The decryption actions an Allow statement grants on every KMS key (through Action or NotAction). */
export function kmsDecryptOnAllKeys(s: PolicyStatement): string[] {
  if (s.Effect !== 'Allow') return [];
  if (!asArray(s.Resource).some((r) => typeof r === 'string' && ALL_KEYS.test(r))) return [];
  return KMS_DECRYPT_ACTIONS.filter((a) =>
    s.Action !== undefined ? actionMatches(s.Action, a) : s.NotAction !== undefined && !actionMatches(s.NotAction, a),
  );
}
