import { isUnknown, type SourceLocation } from '../../../core/resource.js';
import { type IacBlock, isRef, renderRef } from '../../model.js';
import { at } from '../mapper.js';
import { bool, compact, isCfn, list, type Maybe, num, obj, str } from '../values.js';

export { bool, compact, isCfn, list, type Maybe, num, obj, str };

/** Small readers shared by the network, compute and edge mappers: template values in, API-shaped values out. */

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
