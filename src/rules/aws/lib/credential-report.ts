import type { CredentialReportRow } from '../../../inventory/aws/account.js';

/**
 * Reading the IAM credential report (iam:GetCredentialReport, one CSV row per user, values kept as strings).
 *
 * Cells that hold a date may instead say why there is none:
 * - 'N/A': the credential does not exist (no password, no access key), or an access key was never used
 *   (access_key_N_last_used_date: never used, or not since IAM began tracking it on 2015-04-22);
 * - 'no_information': a password that exists was never used (or not since tracking began on 2014-10-20);
 * - 'not_supported': the column does not apply (the root user's password_enabled, password_last_changed, …).
 * Flags are 'true' / 'false'.
 */

export const DAY_MS = 86_400_000;

const NO_DATE = new Set(['n/a', 'no_information', 'not_supported']);

/** An ISO date string as a Date; undefined for anything else (absent, empty, a marker, garbage). */
export function parseIsoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A date cell: the Date; null when the cell says there is none ('N/A', 'no_information', 'not_supported');
 * undefined when the row has no such column or the value cannot be read.
 */
export function reportDate(row: CredentialReportRow | null | undefined, column: string): Date | null | undefined {
  const raw = row?.[column];
  if (raw === undefined) return undefined;
  if (NO_DATE.has(raw.trim().toLowerCase())) return null;
  return parseIsoDate(raw.trim());
}

/** A flag cell: true / false; undefined when absent or anything else ('not_supported', …). */
export function reportFlag(row: CredentialReportRow | null | undefined, column: string): boolean | undefined {
  const raw = row?.[column]?.trim().toLowerCase();
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

/** One access key slot (1 or 2) of a report row. */
export interface ReportKeySlot {
  slot: 1 | 2;
  active: boolean | undefined;
  /** access_key_N_last_rotated: the key's creation date; null when there is no key. */
  lastRotated: Date | null | undefined;
  /** access_key_N_last_used_date: null when never used (or no key). */
  lastUsed: Date | null | undefined;
}

export const reportKeySlots = (row: CredentialReportRow | null | undefined): ReportKeySlot[] =>
  ([1, 2] as const).map((slot) => ({
    slot,
    active: reportFlag(row, `access_key_${slot}_active`),
    lastRotated: reportDate(row, `access_key_${slot}_last_rotated`),
    lastUsed: reportDate(row, `access_key_${slot}_last_used_date`),
  }));

/** Milliseconds from `from` to `now` (negative when `from` lies in the future). */
export const ageMs = (from: Date, now: Date): number => now.getTime() - from.getTime();

/** Whole days from `from` to `now`, rounded down; for messages. */
export const wholeDays = (from: Date, now: Date): number => Math.floor(ageMs(from, now) / DAY_MS);

/** The later of two optional dates. */
export function later(a: Date | null | undefined, b: Date | null | undefined): Date | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** YYYY-MM-DD of a date, for messages. */
export const day = (d: Date): string => d.toISOString().slice(0, 10);
