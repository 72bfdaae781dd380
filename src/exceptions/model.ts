// Exceptions: decisions that a finding is accepted for a reason (a compensating control, or the check does not
// apply here), kept in a YAML file beside the code and applied to findings at scan time.

export const EXCEPTION_KINDS = ['alternative-control', 'not-applicable'] as const;
/** alternative-control (代替策): a compensating measure is in place; not-applicable (対象外): does not apply here. */
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const EXCEPTIONS_FORMAT_VERSION = 1;

/**
 * What an exception covers. Every field given must match (AND); a field holding a list matches when any of its
 * patterns does. Patterns are globs: `*` any run of characters (also `/` and `:`), `?` one character; case-sensitive.
 * At least `rule` or `resource` is given, so an exception never covers a whole account by accident.
 */
export interface ExceptionScope {
  /** Rule id (or `<source>:<type>` of an imported finding). */
  rule?: string | string[];
  /** AWS account id, quoted in YAML (unquoted digits are a number and lose leading zeros). */
  account?: string | string[];
  region?: string | string[];
  /** Resource uid: an ARN for live resources, `<format>:<file>#<address>` for IaC ones. */
  resource?: string | string[];
  /** Tag key → value pattern; every tag listed must be on the resource with a matching value. */
  tags?: Record<string, string>;
}

export interface ExceptionEntry {
  /** Stable id, e.g. EXC-0001: findings carry it, reports list it. */
  id: string;
  scope: ExceptionScope;
  kind: ExceptionKind;
  reason: string;
  approver?: string;
  /** YYYY-MM-DD */
  created?: string;
  /** YYYY-MM-DD: the last day the exception applies (UTC). Required for alternative-control. */
  expires?: string;
  ticket?: string;
}

/** A loaded exceptions file. */
export interface Exceptions {
  /** The file it came from (as given), for reports and messages. */
  file: string;
  entries: readonly ExceptionEntry[];
  /** Line of each entry in the file, by id (for messages). */
  lines?: ReadonlyMap<string, number>;
}

/** An exception's state on a given day. */
export type ExceptionState = 'active' | 'expires-soon' | 'expired';

/** An active exception is "expiring soon" when its expiry date is this many days away or fewer. */
export const EXPIRES_SOON_DAYS = 30;

/** One exception as a scan used it. */
export interface ExceptionUse {
  id: string;
  kind: ExceptionKind;
  reason: string;
  approver?: string;
  created?: string;
  expires?: string;
  ticket?: string;
  scope: ExceptionScope;
  state: ExceptionState;
  /** Findings it was attached to (the first active exception that matches a finding is the one attached). */
  applied: number;
  /** FAIL / ERROR findings it matched; for an expired exception, those it would have covered (judged again now). */
  matched: number;
}

/** What the exceptions did in one scan: listed by every report. */
export interface ExceptionsOutcome {
  file: string;
  /** The day expiry dates were judged against (UTC), YYYY-MM-DD. */
  date: string;
  /** Findings that became EXCEPTED. */
  applied: number;
  byKind: Record<ExceptionKind, number>;
  /** Every exception, in file order. */
  exceptions: ExceptionUse[];
  /** Ids of expired exceptions: they no longer apply. */
  expired: string[];
  /** Ids of active exceptions that matched no finding in this scan. */
  unused: string[];
  /** Ids of active exceptions that expire within EXPIRES_SOON_DAYS days. */
  expiringSoon: string[];
}

/** The scope as one line: `rule=… account=… tag:Env=dev`. */
export function scopeText(scope: ExceptionScope): string {
  const parts: string[] = [];
  const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  for (const key of ['rule', 'account', 'region', 'resource'] as const) {
    const values = list(scope[key]);
    if (values) parts.push(`${key}=${values.join(',')}`);
  }
  for (const [k, v] of Object.entries(scope.tags ?? {})) parts.push(`tag:${k}=${v}`);
  return parts.join(' ');
}
