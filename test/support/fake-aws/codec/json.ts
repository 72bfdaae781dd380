/**
 * Schema-driven JSON for the awsJson1_0 / awsJson1_1 / restJson1 protocols: member names (restJson1: `jsonName`),
 * timestamps as epoch seconds unless the model says otherwise, blobs in base64.
 */
import {
  checkMembers,
  EPOCH_SECONDS,
  formatTimestamp,
  isRecord,
  members,
  type NormalizedSchema,
  parseTimestamp,
  ShapeError,
  scalarText,
  type TimestampFormat,
  timestampFormat,
  toBytes,
  toDate,
} from '../schema.js';

export interface JsonOptions {
  /** restJson1 honours the `jsonName` trait; awsJson does not. */
  jsonName: boolean;
  timestampDefault?: TimestampFormat;
}

const keyOf = (member: NormalizedSchema, name: string, opts: JsonOptions): string =>
  (opts.jsonName ? member.getMergedTraits().jsonName : undefined) ?? name;

/** A structure's members as a JSON object; `skip` leaves out members bound to HTTP headers or status. */
export function jsonMembers(
  ns: NormalizedSchema,
  value: unknown,
  opts: JsonOptions,
  path: string,
  skip: (name: string) => boolean = () => false,
): Record<string, unknown> {
  const record = checkMembers(ns, value, path);
  const out: Record<string, unknown> = {};
  for (const [name, member] of members(ns)) {
    const v = record[name];
    if (v != null && !skip(name)) out[keyOf(member, name, opts)] = toJson(member, v, opts, `${path}.${name}`);
  }
  return out;
}

export function toJson(ns: NormalizedSchema, value: unknown, opts: JsonOptions, path: string): unknown {
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) throw new ShapeError(`${path}: expected an array`);
    const item = ns.getValueSchema();
    return value.map((v, i) => (v == null ? null : toJson(item, v, opts, `${path}[${i}]`)));
  }
  if (ns.isMapSchema()) {
    if (!isRecord(value)) throw new ShapeError(`${path}: expected an object (map)`);
    const item = ns.getValueSchema();
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(item, v, opts, `${path}.${k}`)]));
  }
  if (ns.isStructSchema()) return jsonMembers(ns, value, opts, path);
  if (ns.isTimestampSchema()) {
    return formatTimestamp(toDate(value, path), timestampFormat(ns, opts.timestampDefault ?? EPOCH_SECONDS));
  }
  if (ns.isBlobSchema()) return Buffer.from(toBytes(value, path)).toString('base64');
  if (ns.isDocumentSchema()) return value;
  if (ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return Number(value);
  scalarText(ns, value, path, EPOCH_SECONDS);
  return value;
}

/** Reads JSON (a request body) back into the SDK's shape. */
export function fromJson(ns: NormalizedSchema, value: unknown, opts: JsonOptions): unknown {
  if (value == null) return value;
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    return Array.isArray(value) ? value.map((v) => fromJson(item, v, opts)) : [];
  }
  if (ns.isMapSchema()) {
    const item = ns.getValueSchema();
    return isRecord(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(item, v, opts)]))
      : {};
  }
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    if (!isRecord(value)) return out;
    for (const [name, member] of members(ns)) {
      const v = value[keyOf(member, name, opts)];
      if (v != null) out[name] = fromJson(member, v, opts);
    }
    return out;
  }
  if (ns.isTimestampSchema() && (typeof value === 'number' || typeof value === 'string')) {
    return parseTimestamp(value, timestampFormat(ns, opts.timestampDefault ?? EPOCH_SECONDS));
  }
  if (ns.isBlobSchema() && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  return value;
}
