import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetsCollector } from '../src/collect/aws/budgets.js';
import { efsCollector } from '../src/collect/aws/efs.js';
import { elbv2Collector } from '../src/collect/aws/elbv2.js';
import { rdsCollector } from '../src/collect/aws/rds.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { collectOneAccount, comparable } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { dataHandlers } from './support/fake-aws/handlers/data.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import type { FakeFault, FakeHandlers, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPES = [
  'aws.rds.db_instance',
  'aws.rds.db_cluster',
  'aws.efs.file_system',
  'aws.elbv2.load_balancer',
  'aws.elbv2.listener',
  'aws.budgets.budget',
] as const;
const COLLECTORS = [rdsCollector, efsCollector, elbv2Collector, budgetsCollector];
const PROD = '345678901234';
const DEV = '456789012345';
const MGMT = '210987654321';

/** The regions the demo holds regional data for in an account. */
const regionsOf = (account: string): string[] =>
  [...new Set(inv.resources.filter((r) => r.account === account && r.region !== 'global').map((r) => r.region))].sort();

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; handlers?: FakeHandlers; pageSize?: number } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: mergeHandlers(dataHandlers(inv, { pageSize: opts.pageSize ?? 1 }), opts.handlers ?? {}),
    collectors: COLLECTORS,
    regions: regionsOf(account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

const callsOf = (calls: RecordedCall[], operation: string, service?: string) =>
  calls.filter((c) => c.operation === operation && (service === undefined || c.service === service));

const denied = (message = 'User is not authorized to perform this action'): FakeFault['error'] => ({
  code: 'AccessDenied',
  message,
  status: 403,
});

describe('RDS, EFS, ELBv2 and Budgets collectors against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every database, file system, load balancer and budget of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      for (const type of TYPES) {
        const expected = inv.ofType(type, account);
        const got = part.resources.filter((r) => r.type === type);
        assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort(), type);
        for (const want of expected) {
          const have = got.find((r) => r.uid === want.uid);
          assert.ok(have, want.uid);
          assert.deepEqual(comparable(have), comparable(want), want.uid);
          assert.equal(have.source.kind, 'live');
        }
      }
      assert.equal(
        part.resources.length,
        TYPES.reduce((n, t) => n + inv.ofType(t, account).length, 0),
      );
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      // Budgets is asked once, in us-east-1, about the caller's own account.
      const budgetCalls = calls.filter((c) => c.service === 'budgets');
      assert.ok(budgetCalls.length >= 1);
      assert.ok(budgetCalls.every((c) => c.region === 'us-east-1' && c.input.AccountId === account));
    });
  }

  it("reads every list page by page with each API's own tokens", async () => {
    const { part, calls } = await scan(PROD, { pageSize: 1 });
    const tokio = (c: RecordedCall) => c.region === 'ap-northeast-1';
    const rdsInstances = callsOf(calls, 'DescribeDBInstances', 'rds').filter(tokio);
    assert.equal(rdsInstances.length, inv.ofType('aws.rds.db_instance', PROD, 'ap-northeast-1').length);
    assert.ok(rdsInstances.slice(1).every((c) => typeof c.input.Marker === 'string'));
    const lbs = callsOf(calls, 'DescribeLoadBalancers', 'elasticloadbalancing').filter(tokio);
    assert.equal(lbs.length, inv.ofType('aws.elbv2.load_balancer', PROD, 'ap-northeast-1').length);
    assert.ok(lbs.slice(1).every((c) => typeof c.input.Marker === 'string'));
    // EFS and Budgets in a smaller answer page size still come out whole.
    assert.equal(part.resources.filter((r) => r.type === 'aws.efs.file_system').length, 1);
    const { part: mgmt, calls: mgmtCalls } = await scan(MGMT, { pageSize: 1 });
    const budgets = callsOf(mgmtCalls, 'DescribeBudgets', 'budgets');
    assert.equal(budgets.length, 2);
    assert.equal(typeof budgets[1]?.input.NextToken, 'string');
    assert.equal(mgmt.resources.filter((r) => r.type === 'aws.budgets.budget').length, 2);
  });

  it('follows EFS NextMarker', async () => {
    const fs = inv.ofType('aws.efs.file_system', PROD, 'ap-northeast-1')[0]!;
    // BackupPolicy comes from DescribeBackupPolicy, not from DescribeFileSystems.
    const { Name: _name, BackupPolicy: _backup, ...rest } = fs.props as Record<string, unknown>;
    const { BackupPolicy: _b, ...first } = fs.props as Record<string, unknown>;
    const id = 'fs-0aaaaaaaaaaaaaaaa';
    const second = { ...rest, FileSystemId: id, FileSystemArn: fs.uid.replace(/fs-\w+$/, id), Tags: [] };
    const { part, calls } = await scan(PROD, {
      handlers: {
        elasticfilesystem: {
          DescribeFileSystems: (input, ctx) => {
            if (ctx.region !== 'ap-northeast-1') return { FileSystems: [] };
            return input.Marker === 'm2'
              ? { Marker: 'm2', FileSystems: [second] }
              : { FileSystems: [first], NextMarker: 'm2' };
          },
        },
      },
    });
    const got = part.resources.filter((r) => r.type === 'aws.efs.file_system');
    assert.deepEqual(got.map((r) => r.name).sort(), ['fs-0aaaaaaaaaaaaaaaa', 'kitsune-ec-shared-content']);
    assert.deepEqual(got.find((r) => r.name === 'fs-0aaaaaaaaaaaaaaaa')?.tags, {});
    const tokyo = callsOf(calls, 'DescribeFileSystems').filter((c) => c.region === 'ap-northeast-1');
    assert.deepEqual(
      tokyo.map((c) => c.input.Marker),
      [undefined, 'm2'],
    );
  });

  it('retries a throttled list call and then succeeds', async () => {
    const { part, calls } = await scan(PROD, {
      faults: [
        {
          service: 'rds',
          operation: 'DescribeDBInstances',
          region: 'ap-northeast-1',
          times: 1,
          error: { code: 'Throttling', message: 'Rate exceeded', status: 400 },
        },
        {
          service: 'elasticloadbalancing',
          operation: 'DescribeLoadBalancers',
          region: 'ap-northeast-1',
          times: 1,
          error: { code: 'Throttling', message: 'Rate exceeded', status: 400 },
        },
      ],
    });
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.filter((r) => r.type === 'aws.rds.db_instance').length, 3);
    assert.equal(part.resources.filter((r) => r.type === 'aws.elbv2.load_balancer').length, 2);
    assert.equal(callsOf(calls, 'DescribeDBInstances').find((c) => c.region === 'ap-northeast-1')?.error, 'Throttling');
  });

  it('turns a denied list into a collection error of that type only, with no resources of it', async () => {
    const { part, calls } = await scan(PROD, {
      faults: [
        { service: 'rds', operation: 'DescribeDBInstances', region: 'ap-northeast-1', error: denied() },
        { service: 'elasticloadbalancing', operation: 'DescribeLoadBalancers', error: denied() },
        { service: 'budgets', operation: 'DescribeBudgets', error: { code: 'AccessDeniedException', status: 400 } },
      ],
    });
    assert.equal(part.resources.filter((r) => r.type === 'aws.rds.db_instance').length, 0);
    assert.equal(part.resources.filter((r) => r.type === 'aws.elbv2.load_balancer').length, 0);
    assert.equal(part.resources.filter((r) => r.type === 'aws.budgets.budget').length, 0);
    // The clusters of the same service and region are still there.
    assert.equal(part.resources.filter((r) => r.type === 'aws.rds.db_cluster').length, 1);
    assert.equal(part.resources.filter((r) => r.type === 'aws.efs.file_system').length, 1);
    const rdsError = part.errors.find((e) => e.service === 'rds');
    assert.deepEqual(
      { ...rdsError, message: undefined },
      {
        account: PROD,
        region: 'ap-northeast-1',
        service: 'rds',
        operation: 'DescribeDBInstances',
        resourceType: 'aws.rds.db_instance',
        code: 'AccessDenied',
        message: undefined,
      },
    );
    // Listeners are listed per load balancer: a denied DescribeLoadBalancers hides them too.
    const lbErrors = part.errors.filter((e) => e.resourceType === 'aws.elbv2.load_balancer');
    assert.deepEqual(lbErrors.map((e) => e.region).sort(), regionsOf(PROD));
    assert.ok(lbErrors.every((e) => e.service === 'elbv2' && e.operation === 'DescribeLoadBalancers'));
    const listenerErrors = part.errors.filter((e) => e.resourceType === 'aws.elbv2.listener');
    assert.deepEqual(listenerErrors.map((e) => e.region).sort(), regionsOf(PROD));
    assert.equal(part.resources.filter((r) => r.type === 'aws.elbv2.listener').length, 0);
    const budgetError = part.errors.find((e) => e.service === 'budgets');
    assert.equal(budgetError?.region, 'global');
    assert.equal(budgetError?.resourceType, 'aws.budgets.budget');
    assert.equal(budgetError?.code, 'AccessDeniedException');
    assert.equal(part.errors.length, 1 + 2 * regionsOf(PROD).length + 1);
    // No details were asked of load balancers that could not be listed.
    assert.equal(callsOf(calls, 'DescribeLoadBalancerAttributes').length, 0);
    assert.equal(callsOf(calls, 'DescribeTags', 'elasticloadbalancing').length, 0);
  });

  it('keeps a load balancer whose attributes are denied, with a gap on Attributes', async () => {
    const { part } = await scan(PROD, {
      faults: [
        {
          service: 'elasticloadbalancing',
          operation: 'DescribeLoadBalancerAttributes',
          times: 1,
          error: denied('Access Denied'),
        },
      ],
    });
    const lbs = part.resources.filter((r) => r.type === 'aws.elbv2.load_balancer');
    assert.equal(lbs.length, 2);
    const gapped = lbs.filter((r) => r.gaps !== undefined);
    assert.equal(gapped.length, 1);
    const [lb] = gapped;
    assert.ok(lb);
    assert.deepEqual(lb.gaps, { Attributes: 'AccessDenied: Access Denied' });
    assert.ok(!('Attributes' in (lb.props as object)));
    // Everything else about it is as the demo has it.
    const want = comparable(inv.byUid(lb.uid)!);
    delete want.props.Attributes;
    assert.deepEqual({ ...comparable(lb), gaps: undefined }, { ...want, gaps: undefined });
    assert.deepEqual(part.errors, []);
  });

  it('says the tags of load balancers are unknown when DescribeTags is denied', async () => {
    const { part } = await scan(DEV, {
      faults: [{ service: 'elasticloadbalancing', operation: 'DescribeTags', error: denied('Access Denied') }],
    });
    const [lb] = part.resources.filter((r) => r.type === 'aws.elbv2.load_balancer');
    assert.ok(lb);
    assert.deepEqual(lb.tags, {});
    assert.deepEqual(lb.gaps, { Tags: 'AccessDenied: Access Denied' });
    assert.ok(Array.isArray((lb.props as { Attributes?: unknown }).Attributes));
  });

  it('reads "no budgets" (NotFoundException) as an account without budgets, not as an error', async () => {
    const { part, calls } = await scan(DEV);
    assert.equal(callsOf(calls, 'DescribeBudgets')[0]?.error, 'NotFoundException');
    assert.equal(part.resources.filter((r) => r.type === 'aws.budgets.budget').length, 0);
    assert.deepEqual(part.errors, []);
  });
});
