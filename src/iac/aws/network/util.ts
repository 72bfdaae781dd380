import { isUnknown, type SourceLocation, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, type IacRef, isRef, renderRef } from '../../model.js';
import { at } from '../mapper.js';

/** Small readers shared by the network, compute and edge mappers: template values in, API-shaped values out. */

export type Maybe<T> = T | Unknown | undefined;

export const isCfn = (b: IacBlock): boolean => b.format === 'cloudformation';

/** A reference that lands in an API prop where only "some value" matters: its stand-in string. */
const refAsUnknown = (v: IacRef): Unknown => unknown(`depends on ${renderRef(v)}`);

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

/** Deep copy with every IacRef rendered as its stand-in string (for props copied as they are). */
export function renderRefs(v: unknown): unknown {
  if (isRef(v)) return renderRef(v);
  if (Array.isArray(v)) return v.map(renderRefs);
  if (v !== null && typeof v === 'object' && !isUnknown(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = renderRefs(x);
    return out;
  }
  return v;
}

/** Drops undefined fields, so absent stays absent. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** CloudFormation `Tags: [{Key, Value}]` or Terraform `tags = {…}`; entries that are not plain strings are skipped. */
export function tagsOf(block: IacBlock): Record<string, string> {
  const out: Record<string, string> = {};
  const v = isCfn(block) ? block.props.Tags : block.props.tags;
  if (Array.isArray(v)) {
    for (const t of v) {
      const { Key, Value } = (t ?? {}) as { Key?: unknown; Value?: unknown };
      if (typeof Key === 'string' && typeof Value === 'string') out[Key] = Value;
    }
  } else if (v && typeof v === 'object' && !isUnknown(v) && !isRef(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  }
  return out;
}

/** Tags in the API's list shape ([{Key, Value}]), for the resources whose props carry them. */
export const tagList = (tags: Record<string, string>): Array<{ Key: string; Value: string }> =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** The stand-in id of the block itself (`${MyVpc}`), for the API's id fields that AWS assigns at creation. */
export const selfId = (block: IacBlock): string => renderRef({ $ref: block.address });

/** The name the template fixes, else the block address. */
export const nameOf = (block: IacBlock, v: unknown): string => (typeof v === 'string' && v !== '' ? v : block.address);

/** Records where API prop paths were written. */
export class Locations {
  readonly map: Record<string, SourceLocation> = {};
  set(apiPath: string, block: IacBlock, templatePath?: string): void {
    this.map[apiPath] = at(block, templatePath);
  }
}

/** The block a prop points at by reference (`!Ref Subnet`, `aws_subnet.a.id`), if it is in the document. */
export function refTarget(v: unknown, byAddress: (a: string) => IacBlock | undefined): IacBlock | undefined {
  return isRef(v) ? byAddress(v.$ref) : undefined;
}

/** Template literal names the joined blocks may use instead of a reference. */
export const literals = (...vs: unknown[]): string[] =>
  vs.filter((v): v is string => typeof v === 'string' && v !== '');
