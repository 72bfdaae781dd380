import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import { sqsCollector } from '../src/collect/aws/sqs.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { assertSameAsDemo, collectOneAccount, demoRegionsOf, findingsOf } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { storageHandlers } from './support/fake-aws/handlers/storage.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPE = 'aws.sqs.queue';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';

async function scan(
  account: string,
  faults: FakeFault[] = [],
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: storageHandlers(inv, { pageSize: 1 }),
    collectors: [sqsCollector],
    regions: demoRegionsOf(inv, account),
    faults,
  });
}

const denied = (operation: string): FakeFault => ({
  service: 'sqs',
  operation,
  error: { code: 'AccessDenied', message: `not authorized to perform: sqs:${operation}`, status: 403 },
});
const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);

describe('SQS collector against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every queue of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      assertSameAsDemo(inv, account, TYPE, part.resources);
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      assert.ok(
        callsOf(calls, 'GetQueueAttributes').every((c) => JSON.stringify(c.input.AttributeNames) === '["All"]'),
      );
    });
  }

  it('reads every page of ListQueues (NextToken)', async () => {
    const { part, calls } = await scan(DEV);
    const pages = callsOf(calls, 'ListQueues').filter((c) => c.region === TOKYO);
    assert.equal(pages.length, inv.ofType(TYPE, DEV, TOKYO).length);
    assert.ok(pages.length >= 2);
    assert.equal(pages[0]?.input.NextToken, undefined);
    assert.ok(pages.slice(1).every((c) => typeof c.input.NextToken === 'string'));
    assert.equal(part.resources.length, pages.length);
  });

  it('judges the demo queues: the unencrypted build queue and the public webhook inbox fail', async () => {
    const fails = findingsOf((await scan(DEV)).part)
      .filter((f) => f.status === 'FAIL')
      .map((f) => `${f.ruleId} ${f.resource.name}`)
      .sort();
    assert.deepEqual(fails, [
      'aws-sqs-queue-encrypted dev-build-jobs',
      'aws-sqs-queue-policy-no-public-principal dev-webhook-inbox',
    ]);
  });

  it('retries a throttled ListQueues and then succeeds', async () => {
    const { part, calls } = await scan(DEV, [
      {
        service: 'sqs',
        operation: 'ListQueues',
        region: TOKYO,
        times: 1,
        error: { code: 'RequestThrottled', message: 'Rate exceeded', status: 400 },
      },
    ]);
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.length, inv.ofType(TYPE, DEV).length);
    assert.equal(callsOf(calls, 'ListQueues')[0]?.error, 'RequestThrottled');
  });

  it('turns a denied ListQueues into a collection error of the type (rules: ERROR), with no queues', async () => {
    const { part, calls } = await scan(DEV, [denied('ListQueues')]);
    assert.equal(part.resources.length, 0);
    assert.deepEqual(
      part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`).sort(),
      demoRegionsOf(inv, DEV).map((r) => `${r} sqs ListQueues aws.sqs.queue AccessDenied`),
    );
    assert.equal(callsOf(calls, 'GetQueueAttributes').length, 0);
    const statuses = findingsOf(part).filter((f) => f.ruleId.startsWith('aws-sqs-'));
    assert.ok(statuses.length > 0);
    assert.ok(statuses.every((f) => f.status === 'ERROR'));
  });

  it('keeps a queue whose attributes are denied, with gaps on Attributes and Policy (rules: ERROR)', async () => {
    const { part } = await scan(DEV, [denied('GetQueueAttributes')]);
    assert.equal(part.resources.length, inv.ofType(TYPE, DEV).length);
    assert.deepEqual(part.errors, []);
    const why = 'AccessDenied: not authorized to perform: sqs:GetQueueAttributes';
    for (const q of part.resources) {
      assert.deepEqual(q.gaps, { Attributes: why, Policy: why });
      // The uid is still the queue's ARN, built from its URL.
      assert.ok(inv.byUid(q.uid), q.uid);
      assert.deepEqual(q.tags, inv.byUid(q.uid)?.tags);
    }
    const judged = findingsOf(part).filter((f) => f.ruleId.startsWith('aws-sqs-'));
    assert.equal(judged.length, 2 * part.resources.length);
    assert.ok(judged.every((f) => f.status === 'ERROR'));
  });

  it('says the tags are unknown when ListQueueTags is denied', async () => {
    const { part } = await scan(DEV, [denied('ListQueueTags')]);
    for (const q of part.resources) {
      assert.deepEqual(q.tags, {});
      assert.deepEqual(Object.keys(q.gaps ?? {}), ['Tags']);
    }
  });
});
