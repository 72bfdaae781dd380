import { isUnknown, type SourceLocation, type Unknown, unknown } from '../../../core/resource.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import { type IacBlock, type IacRef, isRef, renderRef } from '../../model.js';
import { at, type MapContext } from '../mapper.js';
import { bool, compact, isCfn, list, type Maybe, num, obj, refAsUnknown, str } from '../values.js';

export { bool, compact, isCfn, list, type Maybe, num, obj, str };

/** Readers shared by the storage and messaging mappers: template values in, API-shaped values out. */

/** A string that means "set" only when it is not empty (Terraform writes "" for "none"). */
export const setStr = (v: unknown): Maybe<string> => {
  const s = str(v);
  return s === '' ? undefined : s;
};

/**
 * Deep copy with every IacRef resolved: `resolve` may answer for some references (e.g. the bucket's own ARN),
 * the rest become their stand-in strings. Strings pass through `text` (for rendered interpolations).
 */
export function renderRefs(
  v: unknown,
  resolve: (r: IacRef) => unknown = () => undefined,
  text: (s: string) => string = (s) => s,
): unknown {
  if (isRef(v)) return resolve(v) ?? renderRef(v);
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => renderRefs(x, resolve, text));
  if (v !== null && typeof v === 'object' && !isUnknown(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = renderRefs(x, resolve, text);
    return out;
  }
  return v;
}

/**
 * A resource policy as the API returns it, parsed: CloudFormation gives an object (or a JSON string), Terraform a
 * JSON string (jsonencode, heredoc) or an object. Unresolved stays Unknown; undefined when absent or empty.
 */
export function policyDocument(
  v: unknown,
  resolve?: (r: IacRef) => unknown,
  text?: (s: string) => string,
): PolicyDocument | Unknown | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v)) return refAsUnknown(v);
  let doc: unknown = v;
  if (typeof v === 'string') {
    try {
      doc = JSON.parse(v);
    } catch {
      return unknown('the policy is not valid JSON (or holds values resolved only at deployment)');
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return unknown('the policy is not a JSON object');
  return renderRefs(doc, resolve, text) as PolicyDocument;
}

/** CloudFormation `Tags: [{Key, Value}]` or Terraform `tags = {…}`; entries that are not plain strings are skipped. */
export function tagsOf(block: IacBlock, cfnProp = 'Tags'): Record<string, string> {
  const out: Record<string, string> = {};
  if (isCfn(block)) {
    const raw = block.props[cfnProp];
    if (!Array.isArray(raw)) return out;
    for (const t of raw) {
      const { Key, Value } = (t ?? {}) as { Key?: unknown; Value?: unknown };
      if (typeof Key === 'string' && typeof Value === 'string') out[Key] = Value;
    }
    return out;
  }
  const raw = obj(block.props.tags);
  if (raw === undefined || isUnknown(raw)) return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The physical name the template fixes (a plain string), else the block address. */
export const nameOr = (v: unknown, block: IacBlock): string => (typeof v === 'string' && v !== '' ? v : block.address);

/** Collects API prop path → template location. */
export class Locations {
  readonly map: Record<string, SourceLocation> = {};
  add(apiPath: string, block: IacBlock, templatePath?: string): this {
    if (templatePath === undefined || hasLine(block, templatePath)) this.map[apiPath] = at(block, templatePath);
    return this;
  }
}

/** True when the template path (or something under it) was written in the block. */
export const hasLine = (block: IacBlock, path: string): boolean =>
  Object.keys(block.lines).some((p) => p === path || p.startsWith(`${path}.`)) || block.props[path] !== undefined;

/** Blocks that point at `parent` through `prop` (by reference or by one of `names`); consumed as joined. */
export function joinChildren(
  ctx: MapContext,
  parent: IacBlock,
  type: string,
  prop: string,
  names: readonly unknown[],
  joined: IacBlock[],
): IacBlock[] {
  const found = ctx.referrers(
    type,
    prop,
    parent,
    names.filter((n) => typeof n === 'string' && n !== ''),
  );
  for (const b of found) {
    ctx.consume(b);
    joined.push(b);
  }
  return found;
}

/** Stand-ins for the deploying account in default policies (a template does not know it). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal stand-in written as CloudFormation writes it
export const CFN_ACCOUNT = '${AWS::AccountId}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal stand-in written as Terraform writes it
export const TF_ACCOUNT = '${account_id}';
