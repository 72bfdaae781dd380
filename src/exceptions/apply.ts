import type { Finding, FindingException } from '../core/finding.js';
import { daysBetween, isExpired, isoDay } from './clock.js';
import { compileScope, type ScopeMatcher } from './match.js';
import {
  EXCEPTION_KINDS,
  EXPIRES_SOON_DAYS,
  type ExceptionEntry,
  type ExceptionKind,
  type ExceptionState,
  type Exceptions,
  type ExceptionsOutcome,
} from './model.js';

/** The state of an exception on a day (YYYY-MM-DD, UTC). */
export function exceptionState(entry: Pick<ExceptionEntry, 'expires'>, today: string): ExceptionState {
  if (entry.expires === undefined) return 'active';
  if (isExpired(entry.expires, today)) return 'expired';
  return daysBetween(today, entry.expires) <= EXPIRES_SOON_DAYS ? 'expires-soon' : 'active';
}

/** Only judgements that need action are excepted: FAIL and ERROR. PASS, N/A and MANUAL are never changed. */
export const EXCEPTABLE = new Set<Finding['status']>(['FAIL', 'ERROR']);

interface Compiled {
  entry: ExceptionEntry;
  matches: ScopeMatcher;
  expired: boolean;
  applied: number;
  matched: number;
}

/**
 * Applies exceptions to findings one at a time (for streaming: nothing is kept but counts), then tells what they did.
 * A FAIL or ERROR finding inside the scope of an active exception becomes EXCEPTED with the first such exception
 * (in file order) attached; its reason, evidence and cause stay. An expired exception no longer applies.
 */
export class ExceptionApplier {
  private readonly compiled: Compiled[];
  private readonly today: string;
  private readonly byKind = Object.fromEntries(EXCEPTION_KINDS.map((k) => [k, 0])) as Record<ExceptionKind, number>;
  private applied = 0;

  constructor(
    private readonly exceptions: Exceptions,
    now: Date,
  ) {
    this.today = isoDay(now);
    this.compiled = exceptions.entries.map((entry) => ({
      entry,
      matches: compileScope(entry.scope),
      expired: isExpired(entry.expires, this.today),
      applied: 0,
      matched: 0,
    }));
  }

  /** The finding as it leaves the scan: unchanged, or a copy with status EXCEPTED and the exception attached. */
  apply(f: Finding): Finding {
    if (!EXCEPTABLE.has(f.status)) return f;
    let chosen: Compiled | undefined;
    for (const c of this.compiled) {
      if (!c.matches(f)) continue;
      c.matched++;
      if (!c.expired && !chosen) chosen = c;
    }
    if (!chosen) return f;
    chosen.applied++;
    this.applied++;
    this.byKind[chosen.entry.kind]++;
    const e = chosen.entry;
    const exception: FindingException = {
      id: e.id,
      kind: e.kind,
      reason: e.reason,
      ...(e.approver !== undefined ? { approver: e.approver } : {}),
      ...(e.expires !== undefined ? { expires: e.expires } : {}),
    };
    return { ...f, status: 'EXCEPTED', exception };
  }

  /** What the exceptions did so far: counts, and the expired, unused and soon-expiring ones. */
  outcome(): ExceptionsOutcome {
    const exceptions = this.compiled.map((c) => {
      const e = c.entry;
      return {
        id: e.id,
        kind: e.kind,
        reason: e.reason,
        ...(e.approver !== undefined ? { approver: e.approver } : {}),
        ...(e.created !== undefined ? { created: e.created } : {}),
        ...(e.expires !== undefined ? { expires: e.expires } : {}),
        ...(e.ticket !== undefined ? { ticket: e.ticket } : {}),
        scope: e.scope,
        state: exceptionState(e, this.today),
        applied: c.applied,
        matched: c.matched,
      };
    });
    return {
      file: this.exceptions.file,
      date: this.today,
      applied: this.applied,
      byKind: { ...this.byKind },
      exceptions,
      expired: exceptions.filter((e) => e.state === 'expired').map((e) => e.id),
      unused: exceptions.filter((e) => e.state !== 'expired' && e.matched === 0).map((e) => e.id),
      expiringSoon: exceptions.filter((e) => e.state === 'expires-soon').map((e) => e.id),
    };
  }
}

/** Applies exceptions to a list of findings; returns the new list and what the exceptions did. */
export function applyExceptions(
  findings: readonly Finding[],
  exceptions: Exceptions,
  now: Date,
): { findings: Finding[]; outcome: ExceptionsOutcome };
/**
 * Wraps a finding callback (a scan's emit): each finding passes through the exceptions on its way to `emit`;
 * call `outcome()` once the stream is done.
 */
export function applyExceptions(
  emit: (f: Finding) => void,
  exceptions: Exceptions,
  now: Date,
): { emit: (f: Finding) => void; outcome: () => ExceptionsOutcome };
export function applyExceptions(
  target: readonly Finding[] | ((f: Finding) => void),
  exceptions: Exceptions,
  now: Date,
):
  | { findings: Finding[]; outcome: ExceptionsOutcome }
  | { emit: (f: Finding) => void; outcome: () => ExceptionsOutcome } {
  const applier = new ExceptionApplier(exceptions, now);
  if (typeof target === 'function') {
    return { emit: (f) => target(applier.apply(f)), outcome: () => applier.outcome() };
  }
  const findings = target.map((f) => applier.apply(f));
  return { findings, outcome: applier.outcome() };
}
