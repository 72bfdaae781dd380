import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kmsCollector } from '../src/collect/aws/kms.js';
import { collectAws } from '../src/collect/aws/scan.js';
import type { Resource } from '../src/core/resource.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { credentialsFor, demoIndex, demoKeys } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { kmsHandlers } from './support/fake-aws/handlers/kms.js';
import { stsHandlers } from './support/fake-aws/handlers/sts.js';
import { type FakeAws, startFakeAws } from './support/fake-aws/index.js';
import type { FakeFault } from './support/fake-aws/types.js';

const inv = demoIndex();
const DEV = '456789012345';
const comparable = (r: Resource) => ({
  uid: r.uid,
  name: r.name,
  region: r.region,
  tags: r.tags,
  props: r.props,
  gaps: r.gaps,
});

async function collect(fake: FakeAws, account = DEV): Promise<InventoryPart> {
  const regions = inv.ofType('aws.region', account).map((r) => r.region);
  for await (const part of collectAws({
    regions,
    endpointUrl: fake.url,
    credentials: credentialsFor(account),
    collectors: [kmsCollector],
    maxAttempts: 3,
  })) {
    return part;
  }
  throw new Error('no part');
}

describe('KMS collector through the SDK (JSON 1.1)', () => {
  let fake: FakeAws;
  const faults: FakeFault[] = [];
  before(async () => {
    fake = await startFakeAws({
      handlers: mergeHandlers(stsHandlers(), kmsHandlers(inv)),
      accounts: demoKeys(inv.accounts),
      faults,
    });
  });
  after(() => fake.close());

  for (const account of inv.accounts) {
    it(`gives back the demo's keys of ${account}, gaps included`, async () => {
      const part = await collect(fake, account);
      const expected = inv
        .ofType('aws.kms.key', account)
        .map(comparable)
        .sort((a, b) => a.uid.localeCompare(b.uid));
      const actual = part.resources.map(comparable).sort((a, b) => a.uid.localeCompare(b.uid));
      assert.deepEqual(JSON.parse(JSON.stringify(actual)), JSON.parse(JSON.stringify(expected)));
      assert.deepEqual(part.errors, []);
    });
  }

  it('retries throttling, and a denied listing becomes a collection error for the type', async () => {
    faults.length = 0;
    faults.push({ operation: 'ListKeys', times: 2, error: { code: 'ThrottlingException', status: 400 } });
    const throttled = await collect(fake);
    assert.equal(throttled.resources.length, inv.ofType('aws.kms.key', DEV).length);
    faults.length = 0;
    faults.push({
      operation: 'ListKeys',
      error: { code: 'AccessDeniedException', status: 400, message: 'not authorized' },
    });
    const denied = await collect(fake);
    faults.length = 0;
    assert.equal(denied.resources.length, 0);
    assert.ok(denied.errors.some((e) => e.resourceType === 'aws.kms.key' && e.code === 'AccessDeniedException'));
  });

  it('calls only read-only operations', () => {
    const ops = new Set(fake.calls.map((c) => c.operation));
    for (const op of ops) assert.match(op, /^(List|Get|Describe)/);
  });
});
