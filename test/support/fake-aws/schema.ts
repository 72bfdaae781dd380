/** Small helpers over the SDK's schema objects (@smithy/core NormalizedSchema). */
import { NormalizedSchema } from '@smithy/core/schema';

export { NormalizedSchema };

/** Smithy timestamp formats as the SDK's schemas number them. */
export const DATE_TIME = 5;
export const HTTP_DATE = 6;
export const EPOCH_SECONDS = 7;
export type TimestampFormat = typeof DATE_TIME | typeof HTTP_DATE | typeof EPOCH_SECONDS;

/** A handler's output did not fit the operation's output shape. Answered as a non-retryable error. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function members(ns: NormalizedSchema): [string, NormalizedSchema][] {
  return ns.isStructSchema() ? [...ns.structIterator()] : [];
}

/** The timestamp format of a member: its `timestampFormat` trait, else the protocol's default. */
export function timestampFormat(ns: NormalizedSchema, fallback: TimestampFormat): TimestampFormat {
  const sc = ns.getSchema();
  return sc === DATE_TIME || sc === HTTP_DATE || sc === EPOCH_SECONDS ? sc : fallback;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Accepts a Date, an ISO 8601 / HTTP date string, or epoch seconds. */
export function toDate(value: unknown, path: string): Date {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? new Date(value * 1000)
        : typeof value === 'string'
          ? new Date(/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : value)
          : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new ShapeError(`${path}: not a timestamp: ${String(value)}`);
  return date;
}

export function formatTimestamp(date: Date, format: TimestampFormat): string | number {
  if (format === EPOCH_SECONDS) return date.getTime() / 1000;
  if (format === HTTP_DATE) return date.toUTCString();
  return date.toISOString().replace('.000Z', 'Z');
}

export function parseTimestamp(text: string | number, format: TimestampFormat): Date {
  if (typeof text === 'number' || format === EPOCH_SECONDS) return new Date(Number(text) * 1000);
  return new Date(text);
}

export function toBytes(value: unknown, path: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  throw new ShapeError(`${path}: not a blob (Uint8Array or string)`);
}

/** Rejects members the shape does not have, so handlers cannot invent fields the API never returns. */
export function checkMembers(ns: NormalizedSchema, value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeError(`${path}: expected an object for ${ns.getName() ?? 'structure'}`);
  const known = new Set(members(ns).map(([name]) => name));
  for (const key of Object.keys(value)) {
    if (key !== '$metadata' && !known.has(key)) {
      throw new ShapeError(`${path}: ${ns.getName()} has no member ${key} (members: ${[...known].join(', ')})`);
    }
  }
  return value;
}

/** Scalar value checks shared by the writers; returns the text form used by XML, query and headers. */
export function scalarText(ns: NormalizedSchema, value: unknown, path: string, format: TimestampFormat): string {
  if (ns.isTimestampSchema()) return String(formatTimestamp(toDate(value, path), format));
  if (ns.isBlobSchema()) return Buffer.from(toBytes(value, path)).toString('base64');
  if (ns.isBooleanSchema()) {
    if (typeof value !== 'boolean') throw new ShapeError(`${path}: expected a boolean, got ${typeof value}`);
    return String(value);
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof value !== 'number' && typeof value !== 'bigint') {
      throw new ShapeError(`${path}: expected a number, got ${typeof value}`);
    }
    return String(value);
  }
  if (ns.isStringSchema()) {
    if (typeof value !== 'string') throw new ShapeError(`${path}: expected a string, got ${typeof value}`);
    return value;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Reads a scalar from its text form (query string, header, XML text). */
export function scalarFromText(ns: NormalizedSchema, text: string, format: TimestampFormat): unknown {
  if (ns.isTimestampSchema()) return parseTimestamp(text, format);
  if (ns.isBlobSchema()) return new Uint8Array(Buffer.from(text, 'base64'));
  if (ns.isBooleanSchema()) return text === 'true';
  if (ns.isNumericSchema()) return Number(text);
  if (ns.isBigIntegerSchema()) return BigInt(text);
  return text;
}

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
