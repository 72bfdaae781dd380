import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dynamodbCollector } from '../src/collect/aws/dynamodb.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { assertSameAsDemo, collectOneAccount, demoRegionsOf, findingsOf } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { storageHandlers } from './support/fake-aws/handlers/storage.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPE = 'aws.dynamodb.table';
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';

async function scan(
  account: string,
  faults: FakeFault[] = [],
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: storageHandlers(inv, { pageSize: 1 }),
    collectors: [dynamodbCollector],
    regions: demoRegionsOf(inv, account),
    faults,
  });
}

const denied = (operation: string, extra: Partial<FakeFault> = {}): FakeFault => ({
  service: 'dynamodb',
  operation,
  error: { code: 'AccessDeniedException', message: `not authorized to perform: dynamodb:${operation}`, status: 400 },
  ...extra,
});
const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);

describe('DynamoDB collector against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every table of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      assertSameAsDemo(inv, account, TYPE, part.resources);
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
    });
  }

  it('reads every page of ListTables (ExclusiveStartTableName / LastEvaluatedTableName) and of the tags', async () => {
    const { part, calls } = await scan(PROD);
    const pages = callsOf(calls, 'ListTables').filter((c) => c.region === TOKYO);
    assert.deepEqual(
      pages.map((c) => c.input.ExclusiveStartTableName),
      [undefined, 'kitsune-ec-carts'],
    );
    assert.equal(part.resources.length, 2);
    const tagPages = callsOf(calls, 'ListTagsOfResource').filter((c) =>
      String(c.input.ResourceArn).endsWith('/kitsune-ec-carts'),
    );
    assert.equal(tagPages.length, Object.keys(inv.ofType(TYPE, PROD)[0]!.tags).length);
    assert.ok(tagPages.slice(1).every((c) => typeof c.input.NextToken === 'string'));
  });

  it('judges the demo tables: the production sessions table fails all three rules', async () => {
    const fails = findingsOf((await scan(PROD)).part)
      .filter((f) => f.status === 'FAIL')
      .map((f) => `${f.ruleId} ${f.resource.name}`)
      .sort();
    assert.deepEqual(fails, [
      'aws-dynamodb-table-deletion-protection kitsune-ec-sessions',
      'aws-dynamodb-table-kms-encryption kitsune-ec-sessions',
      'aws-dynamodb-table-pitr-enabled kitsune-ec-sessions',
    ]);
  });

  it('retries a throttled ListTables and then succeeds', async () => {
    const { part, calls } = await scan(DEV, [
      {
        service: 'dynamodb',
        operation: 'ListTables',
        region: TOKYO,
        times: 1,
        error: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 },
      },
    ]);
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.length, inv.ofType(TYPE, DEV).length);
    assert.equal(callsOf(calls, 'ListTables')[0]?.error, 'ThrottlingException');
  });

  it('turns a denied ListTables into a collection error of the type (rules: ERROR), with no tables', async () => {
    const { part, calls } = await scan(DEV, [denied('ListTables')]);
    assert.equal(part.resources.length, 0);
    assert.deepEqual(
      part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`).sort(),
      demoRegionsOf(inv, DEV).map((r) => `${r} dynamodb ListTables aws.dynamodb.table AccessDeniedException`),
    );
    assert.equal(callsOf(calls, 'DescribeTable').length, 0);
    const judged = findingsOf(part).filter((f) => f.ruleId.startsWith('aws-dynamodb-'));
    assert.ok(judged.length > 0);
    assert.ok(judged.every((f) => f.status === 'ERROR'));
  });

  it('keeps a table whose backups are denied, with a gap on ContinuousBackups (PITR: ERROR)', async () => {
    const { part } = await scan(DEV, [denied('DescribeContinuousBackups')]);
    const [table] = part.resources;
    assert.ok(table);
    assert.deepEqual(Object.keys(table.gaps ?? {}), ['ContinuousBackups']);
    const judged = findingsOf(part);
    const status = (id: string) => judged.find((f) => f.ruleId === id && f.resource.uid === table.uid)?.status;
    assert.equal(status('aws-dynamodb-table-pitr-enabled'), 'ERROR');
    assert.equal(status('aws-dynamodb-table-deletion-protection'), 'FAIL');
  });

  it('keeps a table whose description is denied, with gaps that make its rules ERROR, never FAIL', async () => {
    const { part } = await scan(DEV, [denied('DescribeTable')]);
    const [table] = part.resources;
    assert.ok(table);
    assert.equal(table.uid, `arn:aws:dynamodb:${TOKYO}:${DEV}:table/dev-feature-flags`);
    assert.deepEqual(Object.keys(table.gaps ?? {}).sort(), ['DeletionProtectionEnabled', 'SSEDescription', 'TableArn']);
    const judged = findingsOf(part).filter((f) => f.resource.uid === table.uid);
    const status = (id: string) => judged.find((f) => f.ruleId === id)?.status;
    assert.equal(status('aws-dynamodb-table-kms-encryption'), 'ERROR');
    assert.equal(status('aws-dynamodb-table-deletion-protection'), 'ERROR');
    // Point-in-time recovery comes from its own call, still read.
    assert.equal(status('aws-dynamodb-table-pitr-enabled'), 'FAIL');
  });
});
