import { isUnknown } from './resource.js';

/** Walks a dotted path ('MetadataOptions.HttpTokens'); numeric segments index arrays. */
export function getPath(obj: unknown, path: string): unknown {
  if (path === '') return obj;
  let cur: unknown = obj;
  let start = 0;
  for (;;) {
    if (cur === null || cur === undefined || isUnknown(cur)) return cur;
    const dot = path.indexOf('.', start);
    const key = dot === -1 ? path.slice(start) : path.slice(start, dot);
    cur = (cur as Record<string, unknown>)[key];
    if (dot === -1) return cur;
    start = dot + 1;
  }
}

/** True when one dotted path is the other or lies inside it. */
export const pathsOverlap = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
