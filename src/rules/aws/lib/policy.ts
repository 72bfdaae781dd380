import type { PolicyDocument, PolicyStatement } from '../../../inventory/json.js';

export const asArray = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

export const statements = (doc: PolicyDocument | null | undefined): readonly PolicyStatement[] =>
  doc ? asArray(doc.Statement) : [];

/** Principal "*" or {"AWS": "*"} (alone or in a list): anyone, in any account. */
export function isPublicPrincipal(s: PolicyStatement): boolean {
  const p = s.Principal;
  if (p === undefined) return false;
  if (p === '*') return true;
  return Object.values(p).some((v) => asArray(v).includes('*'));
}

/**
 * Condition keys that pin a public principal to known callers: accounts, organisations, source ARNs, VPCs, IPs.
 * A "*" principal with one of these is not open to the world.
 */
const RESTRICTING_KEYS = new Set(
  [
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOwner',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:ResourceAccount',
    'aws:ResourceOrgID',
    'aws:userid',
    'aws:username',
    'kms:CallerAccount',
    'kms:ViaService',
    'sns:Endpoint',
    'lambda:FunctionUrlAuthType',
  ].map((k) => k.toLowerCase()),
);

/** True when the statement's conditions restrict who can use it (wildcard values do not count). */
export function hasRestrictingCondition(s: PolicyStatement): boolean {
  for (const block of Object.values(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(block)) {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      const values = asArray(value as string | string[]);
      if (values.length > 0 && !values.some((v) => v === '*')) return true;
    }
  }
  return false;
}

/** Allow statements open to anyone: principal "*" without a restricting condition. */
export const publicAllowStatements = (doc: PolicyDocument | null | undefined): PolicyStatement[] =>
  statements(doc).filter((s) => s.Effect === 'Allow' && isPublicPrincipal(s) && !hasRestrictingCondition(s));

/** True when an action pattern list covers `action` ("*", "s3:*", "s3:Get*"), case-insensitively. */
export function actionMatches(patterns: string | readonly string[] | undefined, action: string): boolean {
  const a = action.toLowerCase();
  return asArray(patterns).some((p) => {
    const re = new RegExp(
      `^${p
        .toLowerCase()
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return re.test(a);
  });
}
