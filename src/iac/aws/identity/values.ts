// Reading resolved template values for the identity mappers: plain JSON with Unknown ({ $unknown }) and IacRef
// ({ $ref }) markers (src/iac/model.ts). CloudFormation props are PascalCase; Terraform props are snake_case with
// nested blocks as arrays of objects, and HCL lets booleans and numbers be written as strings.
import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import { type IacBlock, type IacRef, isRef, renderRef } from '../../model.js';
import type { MapContext } from '../mapper.js';

export type Value = unknown;

/** A boolean written as true/false or "true"/"false"; Unknown stays Unknown; anything else is undefined. */
export function bool(v: Value): boolean | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

/** A boolean with the default AWS applies when the property is absent. */
export const boolOr = (v: Value, dflt: boolean): boolean | Unknown => bool(v) ?? dflt;

/** A plain string; a reference becomes its stand-in string; Unknown stays Unknown; anything else is undefined. */
export function str(v: Value): string | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (isRef(v)) return renderRef(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A list (a single value counts as a list of one); Unknown stays Unknown; absent is []. */
export function list(v: Value): Value[] | Unknown {
  if (isUnknown(v)) return v;
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The first object of a Terraform nested block (`versioning: [{…}]`), or the object itself; undefined if absent. */
export function nested(v: Value): Record<string, Value> | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'object' && first !== null && !isUnknown(first) && !isRef(first)
    ? (first as Record<string, Value>)
    : undefined;
}

/** Every object of a Terraform nested block list. */
export const nestedAll = (v: Value): Record<string, Value>[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is Record<string, Value> => typeof x === 'object' && x !== null && !isUnknown(x) && !isRef(x),
  );

/** CloudFormation `Tags: [{Key, Value}]` or Terraform `tags = {…}`; entries that are not plain strings are skipped. */
export function tagsOf(v: Value): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const t of v) {
      const { Key, Value } = (t ?? {}) as { Key?: unknown; Value?: unknown };
      if (typeof Key === 'string' && typeof Value === 'string') out[Key] = Value;
    }
  } else if (typeof v === 'object' && v !== null && !isUnknown(v) && !isRef(v)) {
    for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  }
  return out;
}

/** The physical name a block fixes (the first of `props` that is a plain string), else its address. */
export function nameOf(block: IacBlock, ...props: string[]): string {
  for (const p of props) {
    const v = block.props[p];
    if (typeof v === 'string' && v !== '') return v;
  }
  return block.address;
}

/** The literal names a block can be referred to by (its physical name, when the template fixes one). */
export function literalNames(block: IacBlock, ...props: string[]): string[] {
  const out: string[] = [];
  for (const p of props) {
    const v = block.props[p];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return out;
}

/**
 * The name of what a value points at: a reference to a block of the document gives that block's physical name
 * (or address); a literal string is itself; Unknown stays Unknown.
 */
export function targetName(v: Value, ctx: MapContext, nameProps: readonly string[]): string | Unknown | undefined {
  if (isRef(v)) {
    const target = ctx.byAddress((v as IacRef).$ref);
    return target ? nameOf(target, ...nameProps) : renderRef(v);
  }
  return str(v);
}

/**
 * A CloudFormation pseudo parameter (AWS::AccountId, AWS::Region, AWS::Partition …), or a string built with one:
 * known only at deployment, but never a wildcard, so a policy element made of it still names something specific.
 */
export const isDeploymentValue = (u: Unknown): boolean =>
  /^AWS::[A-Za-z]+ is known only at deployment$/.test(u.$unknown);

/** The first Unknown found inside a value, with its path. */
function firstUnknown(
  v: Value,
  path: string,
  skip: (path: string) => boolean,
): { path: string; u: Unknown } | undefined {
  if (skip(path)) return undefined;
  if (isUnknown(v)) return isDeploymentValue(v) ? undefined : { path, u: v };
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const f = firstUnknown(x, path ? `${path}.${i}` : String(i), skip);
      if (f) return f;
    }
  } else if (typeof v === 'object' && v !== null && !isRef(v)) {
    for (const [k, x] of Object.entries(v)) {
      const f = firstUnknown(x, path ? `${path}.${k}` : k, skip);
      if (f) return f;
    }
  }
  return undefined;
}

/** References become their stand-in strings; the Unknown values left (condition values, pseudo parameters) a marker. */
function settle(v: Value): Value {
  if (isRef(v)) return renderRef(v);
  if (isUnknown(v)) return `\${unresolved: ${v.$unknown}}`;
  if (Array.isArray(v)) return v.map(settle);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, settle(x)]));
  }
  return v;
}

/** A condition value (`Statement.0.Condition.StringEquals.sts:ExternalId…`), not the Condition block itself. */
const isConditionPath = (p: string) => /(^|\.)Condition\.[^.]+\.[^.]+/.test(p);

/**
 * A policy document as the live APIs give it (parsed): from a JSON string (CloudFormation string, Terraform heredoc
 * or jsonencode result) or an object (CloudFormation YAML/JSON). An unparseable document, or one with an unresolved
 * value where a rule would look (Effect, Principal, Action, Resource …), is Unknown as a whole: a parameter could be
 * "*". Kept as marker strings: unresolved condition values (a condition written with a parameter still restricts
 * the statement) and pseudo parameters such as AWS::AccountId (never a wildcard).
 */
export function policyDocument(v: Value): PolicyDocument | Unknown | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return unknown(`policy document comes from ${renderRef(v)}, which the template does not resolve`);
  let doc: Value = v;
  if (typeof v === 'string') {
    try {
      doc = JSON.parse(v);
    } catch {
      return unknown('policy document is not valid JSON');
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return unknown('not a policy document');
  const hole = firstUnknown(doc, '', isConditionPath);
  if (hole) return unknown(`unresolved value in the policy document at ${hole.path}: ${hole.u.$unknown}`);
  const settled = settle(doc) as Record<string, Value>;
  if (settled.Statement === undefined) return unknown('policy document has no Statement');
  return settled as unknown as PolicyDocument;
}

/**
 * A string property where any value counts as "set" (a KMS key, a log group ARN): a value built from a pseudo
 * parameter is set, whatever it resolves to, so it becomes a marker string; other Unknowns stay Unknown.
 */
export function setString(v: Value): string | Unknown | undefined {
  const s = str(v);
  return isUnknown(s) && isDeploymentValue(s) ? `\${unresolved: ${s.$unknown}}` : s;
}
