import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ec2Collector } from '../src/collect/aws/ec2.js';
import { regionCollector } from '../src/collect/aws/region.js';
import type { Collector } from '../src/collect/aws/runtime/collector.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { Resource } from '../src/core/resource.js';
import { type InventoryPart, loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { collectOneAccount, comparable } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { type Ec2HandlerOptions, ec2Handlers } from './support/fake-aws/handlers/ec2.js';
import { regionHandlers } from './support/fake-aws/handlers/region.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const COLLECTORS: readonly Collector[] = [ec2Collector, regionCollector];
const TYPES = COLLECTORS.flatMap((c) => c.types);
const PRODUCTION = '345678901234';
const DEVELOPMENT = '456789012345';
const TOKYO = 'ap-northeast-1';
const OSAKA = 'ap-northeast-3';
const VIRGINIA = 'us-east-1';

/** The regions of an account: its aws.region resources. */
const regionsOf = (account: string): string[] => inv.ofType('aws.region', account).map((r) => r.region);

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; ec2?: Ec2HandlerOptions } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: mergeHandlers(ec2Handlers(inv, opts.ec2), regionHandlers(inv)),
    collectors: COLLECTORS,
    regions: regionsOf(account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

/** Every demo resource of our types in the account came back as the demo has it, and nothing else. */
function assertLikeDemo(part: InventoryPart, account: string, except: (r: Resource) => boolean = () => false): void {
  for (const type of TYPES) {
    const expected = inv.ofType(type, account).filter((r) => !except(r));
    const got = part.resources.filter((r) => r.type === type && !except(r));
    assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort(), type);
    for (const want of expected) {
      const have = got.find((r) => r.uid === want.uid);
      assert.ok(have, want.uid);
      assert.deepEqual(comparable(have), comparable(want), want.uid);
    }
  }
}

const DEMO_ERRORS = loadSnapshot(packagePath('examples', 'demo-org')).errors;
/** The demo's collection errors of an account (all of them come from these collectors). */
const demoErrors = (account: string) => DEMO_ERRORS.filter((e) => e.account === account);

const callsOf = (calls: RecordedCall[], service: string, operation: string) =>
  calls.filter((c) => c.service === service && c.operation === operation);

const fault = (service: string, operation: string, code: string, status: number, extra: Partial<FakeFault> = {}) => ({
  service,
  operation,
  error: { code, message: `fake: ${code} on ${operation}`, status },
  ...extra,
});

describe('EC2 and region-wide settings collectors against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      assertLikeDemo(part, account);
      assert.equal(
        part.resources.length,
        TYPES.reduce((n, t) => n + inv.ofType(t, account).length, 0),
      );
      assert.deepEqual(part.errors, demoErrors(account));
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      assert.ok(
        calls.every((c) => c.error === undefined || c.operation === 'GetMacieSession' || c.operation === 'DescribeHub'),
      );
    });
  }

  it('pages EC2 with NextToken and a MaxResults EC2 accepts, and the other lists with their own tokens', async () => {
    const { calls } = await scan(DEVELOPMENT);
    const groups = callsOf(calls, 'ec2', 'DescribeSecurityGroups').filter((c) => c.region === TOKYO);
    // 13 groups, 2 a page.
    assert.equal(groups.length, 7);
    assert.equal(groups.filter((c) => typeof c.input.NextToken === 'string').length, 6);
    for (const op of ['DescribeVpcs', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeInstances']) {
      for (const c of callsOf(calls, 'ec2', op)) assert.equal(c.input.MaxResults, 1000, op);
    }
    for (const op of ['DescribeRouteTables', 'DescribeNetworkAcls']) {
      for (const c of callsOf(calls, 'ec2', op)) assert.equal(c.input.MaxResults, 100, op);
    }
    assert.ok(callsOf(calls, 'ec2', 'DescribeSnapshots').every((c) => JSON.stringify(c.input.OwnerIds) === '["self"]'));
    const { calls: prodCalls } = await scan(PRODUCTION);
    const standards = callsOf(prodCalls, 'securityhub', 'GetEnabledStandards').filter((c) => c.region === TOKYO);
    assert.equal(standards.length, 2);
    assert.ok(callsOf(prodCalls, 'securityhub', 'DescribeStandards').length > 3);
    const analyzers = callsOf(prodCalls, 'access-analyzer', 'ListAnalyzers');
    assert.ok(analyzers.every((c) => c.error === undefined));
  });

  it('keeps a cross-region peering connection once, in the requester region', async () => {
    const { part, calls } = await scan(PRODUCTION);
    assert.ok(callsOf(calls, 'ec2', 'DescribeVpcPeeringConnections').some((c) => c.region === OSAKA));
    const peerings = part.resources.filter((r) => r.type === 'aws.ec2.vpc_peering_connection');
    assert.deepEqual(
      peerings.map((p) => p.region),
      [TOKYO],
    );
  });

  it('leaves out terminated instances', async () => {
    const { part, calls } = await scan(DEVELOPMENT, { ec2: { terminatedInstance: true } });
    assertLikeDemo(part, DEVELOPMENT);
    assert.ok(callsOf(calls, 'ec2', 'DescribeInstances').length > 0);
  });

  it('retries a throttled EC2 list call and still collects everything', async () => {
    // Virginia: few EC2 calls there, so the adaptive retry's slower sending rate after a throttle costs little.
    const { part, calls } = await scan(DEVELOPMENT, {
      faults: [fault('ec2', 'DescribeSecurityGroups', 'RequestLimitExceeded', 503, { region: VIRGINIA, times: 1 })],
    });
    assertLikeDemo(part, DEVELOPMENT);
    assert.deepEqual(part.errors, []);
    const groups = callsOf(calls, 'ec2', 'DescribeSecurityGroups').filter((c) => c.region === VIRGINIA);
    assert.deepEqual(
      groups.map((c) => c.error ?? 'ok'),
      ['RequestLimitExceeded', 'ok'],
    );
  });

  it('records a denied list call as a collection error of its type, and keeps the other types', async () => {
    const { part } = await scan(DEVELOPMENT, {
      faults: [fault('ec2', 'DescribeInstances', 'UnauthorizedOperation', 403)],
    });
    assert.equal(part.resources.filter((r) => r.type === 'aws.ec2.instance').length, 0);
    const errors = part.errors.filter((e) => e.resourceType === 'aws.ec2.instance');
    assert.deepEqual(
      errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.code}`).sort(),
      regionsOf(DEVELOPMENT)
        .map((r) => `${r} ec2 DescribeInstances UnauthorizedOperation`)
        .sort(),
    );
    assert.equal(part.errors.length, errors.length);
    assertLikeDemo(part, DEVELOPMENT, (r) => r.type === 'aws.ec2.instance');
  });

  it('gives gaps, not dropped resources, when a detail call is denied', async () => {
    const { part } = await scan(DEVELOPMENT, {
      faults: [
        fault('ec2', 'DescribeSnapshotAttribute', 'UnauthorizedOperation', 403),
        fault('ec2', 'DescribeFlowLogs', 'UnauthorizedOperation', 403, { region: TOKYO }),
      ],
    });
    const snapshots = part.resources.filter((r) => r.type === 'aws.ec2.snapshot');
    assert.equal(snapshots.length, inv.ofType('aws.ec2.snapshot', DEVELOPMENT).length);
    for (const s of snapshots) {
      assert.match(s.gaps?.CreateVolumePermissions ?? '', /^UnauthorizedOperation: /);
      assert.equal((s.props as Record<string, unknown>).CreateVolumePermissions, undefined);
    }
    const vpcs = part.resources.filter((r) => r.type === 'aws.ec2.vpc');
    assert.equal(vpcs.length, inv.ofType('aws.ec2.vpc', DEVELOPMENT).length);
    for (const v of vpcs) {
      const tokyo = v.region === TOKYO;
      assert.equal(v.gaps?.FlowLogs !== undefined, tokyo, v.uid);
      assert.equal((v.props as Record<string, unknown>).FlowLogs === undefined, tokyo, v.uid);
    }
    assert.deepEqual(part.errors, []);
    assertLikeDemo(
      part,
      DEVELOPMENT,
      (r) => r.type === 'aws.ec2.snapshot' || (r.type === 'aws.ec2.vpc' && r.region === TOKYO),
    );
  });

  it('keeps the region when one of its settings cannot be read, with a gap and an error naming the API', async () => {
    const { part } = await scan(PRODUCTION, {
      faults: [
        fault('ec2', 'GetEbsEncryptionByDefault', 'UnauthorizedOperation', 403, { region: TOKYO }),
        fault('guardduty', 'GetDetector', 'AccessDeniedException', 403, { region: TOKYO }),
        fault('securityhub', 'GetEnabledStandards', 'AccessDeniedException', 403, { region: TOKYO }),
      ],
    });
    const tokyo = part.resources.find((r) => r.type === 'aws.region' && r.region === TOKYO);
    assert.ok(tokyo);
    const props = tokyo.props as Record<string, unknown> & {
      GuardDutyDetectors: Array<Record<string, unknown>>;
      SecurityHub: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(tokyo.gaps ?? {}).sort(), [
      'EbsEncryptionByDefault',
      'GuardDutyDetectors.0',
      'SecurityHub.EnabledStandards',
    ]);
    assert.equal(props.EbsEncryptionByDefault, undefined);
    const demoTokyo = inv.byUid(tokyo.uid) as Resource<{ GuardDutyDetectors: Array<{ DetectorId: string }> }>;
    const detectorId = demoTokyo.props.GuardDutyDetectors[0]?.DetectorId;
    assert.deepEqual(props.GuardDutyDetectors, [{ DetectorId: detectorId }]);
    assert.equal(props.SecurityHub.HubArn, `arn:aws:securityhub:${TOKYO}:${PRODUCTION}:hub/default`);
    assert.equal(props.SecurityHub.EnabledStandards, undefined);
    assert.deepEqual(
      part.errors
        .filter((e) => e.region === TOKYO)
        .map((e) => `${e.service} ${e.operation} ${e.code}`)
        .sort(),
      [
        'ec2 GetEbsEncryptionByDefault UnauthorizedOperation',
        'guardduty GetDetector AccessDeniedException',
        'securityhub GetEnabledStandards AccessDeniedException',
      ],
    );
    assert.ok(part.errors.every((e) => e.resourceType === undefined));
    assertLikeDemo(part, PRODUCTION, (r) => r.uid === tokyo.uid);
  });

  it('tells Macie "not enabled" from a denial, and Security Hub "not subscribed" from a failure', async () => {
    const { part } = await scan(DEVELOPMENT, {
      faults: [
        fault('macie2', 'GetMacieSession', 'ResourceNotFoundException', 404, { region: VIRGINIA }),
        fault('securityhub', 'DescribeHub', 'AccessDeniedException', 403, { region: TOKYO }),
      ],
    });
    const byRegion = (region: string) =>
      part.resources.find((r) => r.type === 'aws.region' && r.region === region) as Resource<Record<string, unknown>>;
    // Dev has no Macie anywhere: AccessDeniedException "Macie is not enabled." in Tokyo, ResourceNotFound in Virginia.
    assert.equal(byRegion(TOKYO).props.MacieSession, null);
    assert.equal(byRegion(VIRGINIA).props.MacieSession, null);
    // A real denial on DescribeHub is not "not subscribed".
    assert.equal(byRegion(TOKYO).props.SecurityHub, undefined);
    assert.match(byRegion(TOKYO).gaps?.SecurityHub ?? '', /^AccessDeniedException: /);
    assert.equal(byRegion(VIRGINIA).props.SecurityHub, null);
    // The demo's SCP denial of Macie in Osaka stays a gap.
    const { part: prod } = await scan(PRODUCTION);
    const osaka = prod.resources.find((r) => r.type === 'aws.region' && r.region === OSAKA);
    assert.ok(osaka);
    assert.ok(osaka.gaps?.MacieSession?.includes('explicit deny in a service control policy'));
    assert.equal((osaka.props as Record<string, unknown>).MacieSession, undefined);
  });
});
