import type { SourceLocation } from '../../../core/resource.js';
import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef, renderRef } from '../../model.js';
import { at } from '../mapper.js';

/** Block props of either format: CloudFormation `Properties` or Terraform attributes. */
export type Props = Record<string, unknown>;

/**
 * A boolean as the API reports it: template booleans, or "true"/"false" strings (HCL and YAML let people quote
 * them). Absent → `fallback` (the documented creation default); Unknown stays Unknown; anything else (a reference,
 * an expression the adapter could not reduce) becomes Unknown, never a guess.
 */
export function bool(v: unknown, fallback?: boolean | Unknown): boolean | Unknown | undefined {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'boolean') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return unknown(`not a boolean: ${JSON.stringify(isRef(v) ? renderRef(v) : v)}`);
}

/** A number (or a numeric string), with the same rules as `bool`. */
export function num(v: unknown, fallback?: number | Unknown): number | Unknown | undefined {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'number') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return unknown(`not a number: ${JSON.stringify(isRef(v) ? renderRef(v) : v)}`);
}

/** A string; a reference to another block becomes its stand-in string (clearly set, value unknown). */
export function str(v: unknown, fallback?: string | Unknown): string | Unknown | undefined {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'string') return v;
  if (isUnknown(v)) return v;
  if (isRef(v)) return renderRef(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return unknown(`not a string: ${JSON.stringify(v)}`);
}

/** A list of strings; Unknown stays Unknown, a single string becomes a one-item list. */
export function strList(v: unknown): Array<string | Unknown> | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return unknown(`not a list: ${JSON.stringify(v)}`);
  return v.map((item) => str(item) ?? unknown('null list item'));
}

/** A plain object (CloudFormation nested property), else undefined; Unknown stays Unknown. */
export function obj(v: unknown): Props | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isRef(v)) return v as Props;
  return undefined;
}

/** The first object of a Terraform nested block (`vpc_config { … }` → `vpc_config: [{ … }]`). */
export function block(v: unknown): Props | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) {
    const first = v[0];
    if (isUnknown(first)) return first;
    return typeof first === 'object' && first !== null ? (first as Props) : undefined;
  }
  return obj(v);
}

/** Every object of a Terraform nested block list. */
export function blocks(v: unknown): Props[] | Unknown {
  if (isUnknown(v)) return v;
  if (!Array.isArray(v)) return v && typeof v === 'object' ? [v as Props] : [];
  return v.filter((x): x is Props => typeof x === 'object' && x !== null && !isUnknown(x));
}

/** CloudFormation `Tags: [{Key, Value}]`; entries that are not plain strings are skipped. */
export function cfnTags(v: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (!Array.isArray(v)) return tags;
  for (const t of v) {
    const { Key, Value } = (t ?? {}) as { Key?: unknown; Value?: unknown };
    if (typeof Key === 'string' && typeof Value === 'string') tags[Key] = Value;
  }
  return tags;
}

/** Terraform `tags = { k = "v" }` (a map; hcl2json may wrap it in a list); non-strings skipped. */
export function tfTags(v: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  const m = Array.isArray(v) ? v[0] : v;
  if (!m || typeof m !== 'object' || isUnknown(m) || isRef(m)) return tags;
  for (const [k, val] of Object.entries(m as Props)) if (typeof val === 'string') tags[k] = val;
  return tags;
}

/** Drops undefined values so props look like an SDK answer (absent fields are absent). */
export function compact<T extends Props>(p: T): T {
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  return p;
}

/** Locations of API prop paths: `{ ApiPath: 'TemplatePath' }` → `{ ApiPath: at(block, TemplatePath) }`. */
export function locate(b: IacBlock, paths: Record<string, string>): Record<string, SourceLocation> {
  const out: Record<string, SourceLocation> = {};
  for (const [api, tpl] of Object.entries(paths)) out[api] = at(b, tpl);
  return out;
}

/** A lower-cased engine name (CloudFormation accepts `MySQL`; the API reports `mysql`). */
export function engine(v: unknown, fallback?: string | Unknown): string | Unknown | undefined {
  const s = str(v, fallback);
  return typeof s === 'string' ? s.toLowerCase() : s;
}

/** The literal value of a prop, for `ctx.referrers` name matching (physical ids the template fixes). */
export const literal = (v: unknown): unknown[] => (typeof v === 'string' ? [v] : []);
