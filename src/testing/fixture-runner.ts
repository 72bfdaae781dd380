import type { Finding } from '../core/finding.js';
import type { Resource } from '../core/resource.js';
import type { AnyRule, CollectionError, FixtureResource } from '../core/rule.js';
import { evaluate } from '../engine/evaluate.js';

export type FixtureKind = 'pass' | 'fail' | 'error' | 'notApplicable';
const EXPECTED: Record<FixtureKind, Finding['status']> = {
  pass: 'PASS',
  fail: 'FAIL',
  error: 'ERROR',
  notApplicable: 'N/A',
};

export const FIXTURE_ACCOUNT = '111122223333';
const GLOBAL_TYPES = /^aws\.(account|iam\.|budgets\.|organizations\.)/;
const defaultRegion = (type: string) => (GLOBAL_TYPES.test(type) ? 'global' : 'us-east-1');

function toResource(f: Omit<FixtureResource, 'related' | 'errors'>, type: string, uid: string): Resource {
  const r: Resource = {
    uid: f.uid ?? uid,
    provider: 'aws',
    account: f.account ?? FIXTURE_ACCOUNT,
    region: f.region ?? defaultRegion(type),
    type,
    name: f.name ?? f.uid ?? uid,
    tags: f.tags ?? {},
    props: structuredClone(f.props),
    source: { kind: 'snapshot', file: 'fixture' },
  };
  if (f.gaps) r.gaps = f.gaps;
  return r;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Runs one fixture through the real engine (frozen input, so a rule that mutates it throws → ERROR). */
export function runFixture(rule: AnyRule, kind: FixtureKind, index: number, fixture: FixtureResource): Finding {
  const uid = `fixture:${rule.id}:${kind}:${index}`;
  const main = toResource(fixture, rule.resourceType, uid);
  const related = (fixture.related ?? []).map((r, i) => toResource(r, r.type, `${uid}:related:${i}`));
  const errors: CollectionError[] = (fixture.errors ?? []).map((e) => ({
    account: FIXTURE_ACCOUNT,
    region: 'us-east-1',
    operation: 'Describe',
    code: 'AccessDenied',
    message: 'fixture',
    ...e,
  }));
  const resources = deepFreeze([main, ...related]);
  const found: Finding[] = [];
  const params = fixture.params ? new Map([[rule.id, fixture.params]]) : undefined;
  evaluate(resources, errors, [rule], (f) => f.resource.uid === main.uid && found.push(f), {
    now: new Date('2026-11-01T00:00:00Z'),
    ...(params ? { params } : {}),
  });
  if (found.length !== 1) throw new Error(`${rule.id} ${kind}[${index}]: expected one finding, got ${found.length}`);
  return found[0]!;
}

export interface FixtureCase {
  rule: AnyRule;
  kind: FixtureKind;
  index: number;
  fixture: FixtureResource;
  expected: Finding['status'];
}

/** Every fixture of every rule, with the status it must give. */
export function fixtureCases(rules: readonly AnyRule[]): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const rule of rules) {
    for (const kind of Object.keys(EXPECTED) as FixtureKind[]) {
      (rule.fixtures.live[kind] ?? []).forEach((fixture, index) => {
        cases.push({ rule, kind, index, fixture, expected: EXPECTED[kind] });
      });
    }
  }
  return cases;
}
