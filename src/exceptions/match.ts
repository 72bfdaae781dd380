import type { Finding } from '../core/finding.js';
import type { ExceptionEntry, ExceptionScope } from './model.js';

/** A glob as an anchored RegExp: `*` any run of characters, `?` one character, everything else literal. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'su');
}

type Test = (value: string) => boolean;

/** One pattern, or any of a list; exact strings are compared directly. */
function patternTest(patterns: string | string[]): Test {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const exact = new Set(list.filter((p) => !/[*?]/.test(p)));
  const globs = list.filter((p) => /[*?]/.test(p)).map(globToRegExp);
  return (value) => exact.has(value) || globs.some((g) => g.test(value));
}

/** A compiled scope: true when a finding is inside it. */
export type ScopeMatcher = (f: Finding) => boolean;

export function compileScope(scope: ExceptionScope): ScopeMatcher {
  const tests: Array<(f: Finding) => boolean> = [];
  if (scope.rule !== undefined) {
    const t = patternTest(scope.rule);
    tests.push((f) => t(f.ruleId));
  }
  if (scope.account !== undefined) {
    const t = patternTest(scope.account);
    tests.push((f) => t(f.resource.account));
  }
  if (scope.region !== undefined) {
    const t = patternTest(scope.region);
    tests.push((f) => t(f.resource.region));
  }
  if (scope.resource !== undefined) {
    const t = patternTest(scope.resource);
    tests.push((f) => t(f.resource.uid));
  }
  for (const [key, value] of Object.entries(scope.tags ?? {})) {
    const t = patternTest(value);
    tests.push((f) => Object.hasOwn(f.resource.tags, key) && t(f.resource.tags[key] ?? ''));
  }
  return (f) => tests.every((t) => t(f));
}

/** Does the exception's scope cover the finding (whatever its status or expiry)? */
export const matchesScope = (entry: Pick<ExceptionEntry, 'scope'>, f: Finding): boolean => compileScope(entry.scope)(f);
