import { pathsOverlap } from '../../../core/path.js';
import type { Resource } from '../../../core/resource.js';

/**
 * For rules that read other resources through lookups: why one of `paths` of a related resource could not be
 * collected, naming the resource; undefined when all were collected. The engine checks only the judged resource.
 */
export function relatedGap(related: Resource<unknown>, paths: readonly string[]): string | undefined {
  const gaps = related.gaps;
  if (gaps === undefined) return undefined;
  for (const gapPath in gaps) {
    if (paths.some((p) => pathsOverlap(p, gapPath))) return `${related.uid}: ${gaps[gapPath]} (${gapPath})`;
  }
  return undefined;
}
