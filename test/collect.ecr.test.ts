import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ecrCollector } from '../src/collect/aws/ecr.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { assertSameAsDemo, collectOneAccount, demoRegionsOf, findingsOf } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { storageHandlers } from './support/fake-aws/handlers/storage.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPE = 'aws.ecr.repository';
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';

async function scan(
  account: string,
  faults: FakeFault[] = [],
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: storageHandlers(inv, { pageSize: 1 }),
    collectors: [ecrCollector],
    regions: demoRegionsOf(inv, account),
    faults,
  });
}

const denied = (operation: string): FakeFault => ({
  service: 'ecr',
  operation,
  error: { code: 'AccessDeniedException', message: `not authorized to perform: ecr:${operation}`, status: 400 },
});
const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);

describe('ECR collector against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every repository of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      assertSameAsDemo(inv, account, TYPE, part.resources);
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
    });
  }

  it('reads every page of DescribeRepositories (nextToken)', async () => {
    const { part, calls } = await scan(PROD);
    const pages = callsOf(calls, 'DescribeRepositories').filter((c) => c.region === TOKYO);
    assert.equal(pages.length, 2);
    assert.equal(pages[0]?.input.nextToken, undefined);
    assert.equal(typeof pages[1]?.input.nextToken, 'string');
    assert.equal(part.resources.length, 2);
  });

  it('reads "no policy" and "no lifecycle policy" as null, not as errors', async () => {
    const { part, calls } = await scan(PROD);
    const batch = part.resources.find((r) => r.name === 'kitsune-ec/batch');
    assert.ok(batch);
    assert.equal((batch.props as { Policy: unknown }).Policy, null);
    assert.equal((batch.props as { LifecyclePolicy: unknown }).LifecyclePolicy, null);
    assert.equal(batch.gaps, undefined);
    assert.ok(callsOf(calls, 'GetRepositoryPolicy').some((c) => c.error === 'RepositoryPolicyNotFoundException'));
    assert.ok(callsOf(calls, 'GetLifecyclePolicy').some((c) => c.error === 'LifecyclePolicyNotFoundException'));
  });

  it('judges the demo repositories: the open dev repository and the old batch repository fail', async () => {
    const fails = async (account: string) =>
      findingsOf((await scan(account)).part)
        .filter((f) => f.status === 'FAIL')
        .map((f) => `${f.ruleId} ${f.resource.name}`)
        .sort();
    assert.deepEqual(await fails(PROD), [
      'aws-ecr-repository-lifecycle-policy kitsune-ec/batch',
      'aws-ecr-repository-scan-on-push kitsune-ec/batch',
      'aws-ecr-repository-tag-immutability kitsune-ec/batch',
    ]);
    assert.deepEqual(await fails(DEV), [
      'aws-ecr-repository-lifecycle-policy dev/sandbox-api',
      'aws-ecr-repository-policy-no-public-principal dev/sandbox-api',
      'aws-ecr-repository-tag-immutability dev/sandbox-api',
    ]);
  });

  it('retries a throttled DescribeRepositories and then succeeds', async () => {
    const { part, calls } = await scan(DEV, [
      {
        service: 'ecr',
        operation: 'DescribeRepositories',
        region: TOKYO,
        times: 1,
        error: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 },
      },
    ]);
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.length, inv.ofType(TYPE, DEV).length);
    assert.equal(callsOf(calls, 'DescribeRepositories')[0]?.error, 'ThrottlingException');
  });

  it('turns a denied DescribeRepositories into a collection error of the type (rules: ERROR)', async () => {
    const { part, calls } = await scan(DEV, [denied('DescribeRepositories')]);
    assert.equal(part.resources.length, 0);
    assert.deepEqual(
      part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`).sort(),
      demoRegionsOf(inv, DEV).map((r) => `${r} ecr DescribeRepositories aws.ecr.repository AccessDeniedException`),
    );
    assert.equal(callsOf(calls, 'GetRepositoryPolicy').length, 0);
    const judged = findingsOf(part).filter((f) => f.ruleId.startsWith('aws-ecr-'));
    assert.ok(judged.length > 0);
    assert.ok(judged.every((f) => f.status === 'ERROR'));
  });

  it('keeps a repository whose policy is denied, with a gap on Policy (public policy rule: ERROR)', async () => {
    const { part } = await scan(DEV, [denied('GetRepositoryPolicy')]);
    const [repo] = part.resources;
    assert.ok(repo);
    assert.deepEqual(repo.gaps, {
      Policy: 'AccessDeniedException: not authorized to perform: ecr:GetRepositoryPolicy',
    });
    assert.ok(!('Policy' in (repo.props as object)));
    const judged = findingsOf(part).filter((f) => f.resource.uid === repo.uid);
    const status = (id: string) => judged.find((f) => f.ruleId === id)?.status;
    assert.equal(status('aws-ecr-repository-policy-no-public-principal'), 'ERROR');
    assert.equal(status('aws-ecr-repository-tag-immutability'), 'FAIL');
  });

  it('keeps a repository whose lifecycle policy and tags are denied, with gaps', async () => {
    const { part } = await scan(PROD, [denied('GetLifecyclePolicy'), denied('ListTagsForResource')]);
    assert.equal(part.resources.length, 2);
    for (const repo of part.resources) {
      assert.deepEqual(Object.keys(repo.gaps ?? {}).sort(), ['LifecyclePolicy', 'Tags']);
      assert.deepEqual(repo.tags, {});
    }
    const lifecycle = findingsOf(part).filter((f) => f.ruleId === 'aws-ecr-repository-lifecycle-policy');
    assert.deepEqual(
      lifecycle.map((f) => f.status),
      ['ERROR', 'ERROR'],
    );
  });
});
