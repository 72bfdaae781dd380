import { getPath, pathsOverlap } from '../core/path.js';
import { isUnknown, type Resource } from '../core/resource.js';
import type { AppliesTo } from '../core/rule.js';

/** Why a prop path cannot be read: uncollected (a gap), unresolved (IaC unknown) or absent. */
export function unreadable(resource: Resource, path: string): string | undefined {
  const gaps = resource.gaps;
  if (gaps !== undefined) {
    for (const gapPath in gaps) {
      if (pathsOverlap(gapPath, path)) return `${gaps[gapPath]} (${gapPath})`;
    }
  }
  // getPath stops at an Unknown on the way, so this covers an unresolved parent too.
  const value = getPath(resource.props, path);
  if (isUnknown(value)) return `unresolved value at ${path}: ${value.$unknown}`;
  if (value === undefined) return `not collected: ${path}`;
  return undefined;
}

export type ScopeResult = { inScope: true } | { inScope: false } | { error: string };

/** Decides N/A (out of scope) or ERROR (scope fields unreadable) the same way for every rule. */
export function checkScope(
  resource: Resource,
  appliesTo: AppliesTo | ((props: never) => boolean) | undefined,
): ScopeResult {
  if (appliesTo === undefined) return { inScope: true };
  if (typeof appliesTo === 'function') {
    try {
      return { inScope: (appliesTo as (p: unknown) => boolean)(resource.props) };
    } catch (e) {
      return { error: `scope check threw: ${(e as Error).message}` };
    }
  }
  for (const path in appliesTo) {
    const why = unreadable(resource, path);
    if (why !== undefined) return { error: why };
    const expected = appliesTo[path];
    const actual = getPath(resource.props, path);
    const ok = Array.isArray(expected) ? expected.includes(actual as never) : actual === expected;
    if (!ok) return { inScope: false };
  }
  return { inScope: true };
}
