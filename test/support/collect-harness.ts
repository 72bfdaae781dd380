import assert from 'node:assert/strict';
import type { Collector } from '../../src/collect/aws/runtime/collector.js';
import { collectAws } from '../../src/collect/aws/scan.js';
import type { Finding } from '../../src/core/finding.js';
import type { Resource } from '../../src/core/resource.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { InventoryPart } from '../../src/inventory/snapshot.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { credentialsFor, type DemoIndex, demoKeys } from './fake-aws/demo-index.js';
import { mergeHandlers } from './fake-aws/handlers/demo.js';
import { stsHandlers } from './fake-aws/handlers/sts.js';
import { type FakeFault, type FakeHandlers, type RecordedCall, startFakeAws } from './fake-aws/index.js';

/** What a round trip must keep of a resource: everything but when and how it was read. */
export const comparable = (r: Resource) =>
  JSON.parse(
    JSON.stringify({
      uid: r.uid,
      account: r.account,
      region: r.region,
      type: r.type,
      name: r.name,
      tags: r.tags,
      props: r.props,
      gaps: r.gaps,
    }),
  );

/** The collected resources of `type` are exactly the demo's of that account, prop for prop. */
export function assertSameAsDemo(inv: DemoIndex, account: string, type: string, collected: readonly Resource[]): void {
  const expected = inv.ofType(type, account);
  const got = collected.filter((r) => r.type === type);
  assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort(), type);
  for (const want of expected) {
    const have = got.find((r) => r.uid === want.uid);
    assert.ok(have, want.uid);
    assert.deepEqual(comparable(have), comparable(want), want.uid);
  }
}

/** Every finding the built-in rules give on a collected part. */
export function findingsOf(part: InventoryPart): Finding[] {
  const out: Finding[] = [];
  evaluate(part.resources, part.errors, BUILTIN_RULES, (f) => out.push(f));
  return out;
}

/** The regions the demo holds regional data for in an account. */
export const demoRegionsOf = (inv: DemoIndex, account: string): string[] =>
  [...new Set(inv.resources.filter((r) => r.account === account && r.region !== 'global').map((r) => r.region))].sort();

/**
 * Collects one demo account through the real SDK against a fresh fake AWS answering with `handlers` (plus STS),
 * and returns its inventory part and the calls the fake saw.
 */
export async function collectOneAccount(
  inv: DemoIndex,
  account: string,
  opts: { handlers: FakeHandlers; collectors: readonly Collector[]; regions: string[]; faults?: FakeFault[] },
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  const fake = await startFakeAws({
    handlers: mergeHandlers(stsHandlers(), opts.handlers),
    accounts: demoKeys(inv.accounts),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
  try {
    const parts: InventoryPart[] = [];
    for await (const part of collectAws({
      regions: opts.regions,
      endpointUrl: fake.url,
      credentials: credentialsFor(account),
      collectors: opts.collectors,
      maxAttempts: 3,
      homeRegion: 'us-east-1',
    })) {
      parts.push(part);
    }
    assert.equal(parts.length, 1);
    return { part: parts[0]!, calls: fake.calls };
  } finally {
    await fake.close();
  }
}
