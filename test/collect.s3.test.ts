import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import { bucketRegion, s3Collector } from '../src/collect/aws/s3.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { collectOneAccount, comparable } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { s3Handlers } from './support/fake-aws/handlers/s3.js';
import type { FakeFault, FakeHandlers, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPE = 'aws.s3.bucket';

/** The regions the demo has data for in an account. */
const regionsOf = (account: string): string[] =>
  [...new Set(inv.resources.filter((r) => r.account === account && r.region !== 'global').map((r) => r.region))].sort();

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; handlers?: FakeHandlers; pageSize?: number } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: mergeHandlers(s3Handlers(inv, { pageSize: opts.pageSize ?? 2 }), opts.handlers ?? {}),
    collectors: [s3Collector],
    regions: regionsOf(account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

const s3Calls = (calls: RecordedCall[], operation?: string) =>
  calls.filter((c) => c.service === 's3' && (operation === undefined || c.operation === operation));

describe('S3 collector against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every bucket of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      const expected = inv.ofType(TYPE, account);
      const got = part.resources.filter((r) => r.type === TYPE);
      assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort());
      for (const want of expected) {
        const have = got.find((r) => r.uid === want.uid);
        assert.ok(have, want.uid);
        assert.deepEqual(comparable(have), comparable(want), want.uid);
        assert.equal(have.source.kind, 'live');
      }
      assert.deepEqual(part.errors, []);
      // Read only, and every bucket detail asked of the bucket's own region.
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      for (const c of s3Calls(calls)) {
        if (c.operation === 'ListBuckets' || c.operation === 'GetBucketLocation') continue;
        const bucket = expected.find((b) => b.name === c.input.Bucket);
        assert.equal(c.region, bucket?.region, `${c.operation} ${String(c.input.Bucket)}`);
      }
    });
  }

  it('reads ListBuckets page by page with ContinuationToken', async () => {
    const account = '345678901234';
    const { part, calls } = await scan(account, { pageSize: 2 });
    const lists = s3Calls(calls, 'ListBuckets');
    const buckets = inv.ofType(TYPE, account).length;
    assert.equal(lists.length, Math.ceil(buckets / 2));
    assert.ok(lists.every((c) => typeof c.input.MaxBuckets === 'number'));
    assert.ok(lists.slice(1).every((c) => typeof c.input.ContinuationToken === 'string'));
    assert.equal(part.resources.length, buckets);
  });

  it('records the denied bucket policy of kitsune-dev-secrets-backup as a gap', async () => {
    const { part, calls } = await scan('456789012345');
    const bucket = part.resources.find((r) => r.name === 'kitsune-dev-secrets-backup');
    assert.ok(bucket);
    assert.ok(!('Policy' in (bucket.props as object)));
    assert.match(bucket.gaps?.Policy ?? '', /^AccessDenied: .*explicit deny/);
    assert.ok(s3Calls(calls, 'GetBucketPolicy').some((c) => c.error === 'AccessDenied'));
  });

  it('retries a throttled ListBuckets', async () => {
    const account = '210987654321';
    const { part, calls } = await scan(account, {
      faults: [{ service: 's3', operation: 'ListBuckets', times: 1, error: { code: 'SlowDown', status: 503 } }],
    });
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.length, inv.ofType(TYPE, account).length);
    assert.equal(s3Calls(calls, 'ListBuckets')[0]?.error, 'SlowDown');
  });

  it('turns a denied ListBuckets into a collection error of aws.s3.bucket', async () => {
    const { part, calls } = await scan('210987654321', {
      faults: [
        {
          service: 's3',
          operation: 'ListBuckets',
          error: { code: 'AccessDenied', message: 'Access Denied', status: 403 },
        },
      ],
    });
    assert.equal(part.resources.length, 0);
    assert.equal(part.errors.length, 1);
    const [e] = part.errors;
    assert.equal(e?.resourceType, TYPE);
    assert.equal(e?.operation, 'ListBuckets');
    assert.equal(e?.code, 'AccessDenied');
    assert.equal(e?.region, 'global');
    assert.equal(s3Calls(calls).filter((c) => c.operation !== 'ListBuckets').length, 0);
  });

  it('keeps a bucket whose detail is denied, with a gap on that path', async () => {
    const account = '345678901234';
    const { part } = await scan(account, {
      faults: [
        {
          service: 's3',
          operation: 'GetBucketEncryption',
          error: { code: 'AccessDenied', message: 'Access Denied', status: 403 },
        },
      ],
    });
    const expected = inv.ofType(TYPE, account);
    assert.equal(part.resources.length, expected.length);
    for (const r of part.resources) {
      assert.ok(!('ServerSideEncryptionConfiguration' in (r.props as object)), r.uid);
      assert.equal(r.gaps?.ServerSideEncryptionConfiguration, 'AccessDenied: Access Denied');
      // The other details are still there.
      const want = expected.find((b) => b.uid === r.uid);
      assert.deepEqual(comparable(r).props.Versioning, comparable(want!).props.Versioning);
    }
  });

  it('places a bucket whose location cannot be read by the region ListBuckets gives', async () => {
    const account = '345678901234';
    const { part } = await scan(account, {
      faults: [{ service: 's3', operation: 'GetBucketLocation', error: { code: 'AccessDenied', status: 403 } }],
    });
    const osaka = part.resources.find((r) => r.name === 'kitsune-ec-dr-replica-osaka');
    assert.equal(osaka?.region, 'ap-northeast-3');
    assert.equal(osaka?.gaps, undefined);
    assert.deepEqual(comparable(osaka!), comparable(inv.byUid(osaka!.uid)!));
  });

  it('maps a legacy EU location constraint and reads the bucket in eu-west-1', async () => {
    const eu = 'kitsune-dev-legacy-images';
    const demo = s3Handlers(inv).s3!;
    const { part, calls } = await scan('456789012345', {
      handlers: {
        s3: {
          // As S3 answers for a bucket created with the legacy EU constraint.
          GetBucketLocation: (input, ctx) =>
            input.Bucket === eu ? { LocationConstraint: 'EU' } : demo.GetBucketLocation!(input, ctx),
        },
      },
    });
    const bucket = part.resources.find((r) => r.name === eu);
    assert.ok(bucket);
    assert.equal(bucket.region, 'eu-west-1');
    assert.equal((bucket.props as { BucketRegion?: string }).BucketRegion, 'eu-west-1');
    const details = s3Calls(calls).filter((c) => c.input.Bucket === eu && c.operation !== 'GetBucketLocation');
    assert.equal(details.length, 7);
    assert.ok(details.every((c) => c.region === 'eu-west-1'));
  });

  it('reads the region from GetBucketLocation: none is us-east-1, EU is eu-west-1', () => {
    assert.equal(bucketRegion(undefined), 'us-east-1');
    assert.equal(bucketRegion(null), 'us-east-1');
    assert.equal(bucketRegion(''), 'us-east-1');
    assert.equal(bucketRegion('EU'), 'eu-west-1');
    assert.equal(bucketRegion('ap-northeast-3'), 'ap-northeast-3');
  });
});
