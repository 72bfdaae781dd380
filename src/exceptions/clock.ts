// Dates of exceptions are calendar days (YYYY-MM-DD) in UTC; the current time is always passed in, never read here,
// so a test (or the hidden --now option) decides what "today" is.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of a time: 2026-11-22. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** A real calendar day in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDay(d) === s;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): 1 for the next day, negative before. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An exception applies through its expiry day: expired only from the next day on (UTC). */
export const isExpired = (expires: string | undefined, today: string): boolean =>
  expires !== undefined && expires < today;

/** A --now value: a day (midnight UTC) or a full ISO time; undefined when it is neither. */
export function parseNow(value: string): Date | undefined {
  if (isIsoDay(value)) return new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
