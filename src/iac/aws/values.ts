import { isUnknown, type Unknown, unknown } from '../../core/resource.js';
import { type IacBlock, type IacRef, isRef, renderRef } from '../model.js';

/** Template values in, API-shaped values out: the readers every group of mappers shares. */

export type Maybe<T> = T | Unknown | undefined;

export const isCfn = (b: IacBlock): boolean => b.format === 'cloudformation';

/** A reference that lands in an API prop where only "some value" matters: Unknown, naming what it depends on. */
export const refAsUnknown = (v: IacRef): Unknown => unknown(`depends on ${renderRef(v)}`);

/** Booleans as templates write them: true, "true", "True"; an unresolved value stays Unknown. */
export function bool(v: unknown): Maybe<boolean> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return refAsUnknown(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return unknown(`not a boolean: ${JSON.stringify(v)}`);
}

/** Numbers as templates write them: 22 or "22". */
export function num(v: unknown): Maybe<number> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return refAsUnknown(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return unknown(`not a number: ${JSON.stringify(v)}`);
}

/** Strings; a reference to another block becomes its stand-in string (`${Block.Attr}`), which is clearly set. */
export function str(v: unknown): Maybe<string> {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return renderRef(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return unknown(`not a string: ${JSON.stringify(v)}`);
}

/** A list prop: an array as is, one value as a list of one, absent as []; an unresolved list stays Unknown. */
export function list(v: unknown): unknown[] | Unknown {
  if (v === undefined || v === null) return [];
  if (isUnknown(v)) return v;
  if (isRef(v)) return refAsUnknown(v);
  return Array.isArray(v) ? v : [v];
}

/** The first object of a Terraform nested block (`metadata_options: [{…}]`), or a CloudFormation object. */
export function obj(v: unknown): Record<string, unknown> | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return refAsUnknown(v);
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  if (isUnknown(first)) return first;
  return typeof first === 'object' ? (first as Record<string, unknown>) : unknown('not an object');
}

/** Drops undefined fields, so absent stays absent. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
