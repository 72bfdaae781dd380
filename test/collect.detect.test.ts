import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessAnalyzerCollector, configCollector, guarddutyCollector } from '../src/collect/aws/detect.js';
import { regionCollector } from '../src/collect/aws/region.js';
import type { Collector } from '../src/collect/aws/runtime/collector.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { collectOneAccount, comparable, demoRegionsOf, findingsOf } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { regionHandlers } from './support/fake-aws/handlers/region.js';
import type { FakeFault, FakeHandlers, RecordedCall } from './support/fake-aws/index.js';
import { page } from './support/fake-aws/index.js';

const inv = demoIndex();
const COLLECTORS: readonly Collector[] = [guarddutyCollector, configCollector, accessAnalyzerCollector];
const TYPES = ['aws.guardduty.detector', 'aws.config.recorder', 'aws.accessanalyzer.analyzer'];
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';
const VIRGINIA = 'us-east-1';

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; handlers?: FakeHandlers; collectors?: readonly Collector[] } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: mergeHandlers(regionHandlers(inv), opts.handlers ?? {}),
    collectors: opts.collectors ?? COLLECTORS,
    regions: demoRegionsOf(inv, account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);
const denied = (service: string, operation: string, extra: Partial<FakeFault> = {}): FakeFault => ({
  service,
  operation,
  error: { code: 'AccessDeniedException', message: `fake: not authorized to perform ${operation}`, status: 403 },
  ...extra,
});

describe('GuardDuty detector, Config recorder and Access Analyzer collectors against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every detector, recorder and analyzer of ${account} as the demo has it`, async () => {
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
    });
  }

  it('makes each region-wide call once when the region collector reads the same settings', async () => {
    const { part, calls } = await scan(PROD, { collectors: [regionCollector, ...COLLECTORS] });
    const regions = demoRegionsOf(inv, PROD);
    for (const op of ['ListDetectors', 'DescribeConfigurationRecorders', 'DescribeConfigurationRecorderStatus']) {
      assert.deepEqual(
        callsOf(calls, op)
          .map((c) => c.region)
          .sort(),
        regions,
        op,
      );
    }
    assert.equal(callsOf(calls, 'GetDetector').length, inv.ofType('aws.guardduty.detector', PROD).length);
    assert.equal(part.resources.filter((r) => r.type === 'aws.region').length, regions.length);
    assert.equal(part.resources.filter((r) => r.type === 'aws.guardduty.detector').length, regions.length);
  });

  it('reads every page of ListDetectors (NextToken) and ListAnalyzers (nextToken)', async () => {
    const extraDetector = 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0';
    const base = regionHandlers(inv);
    const listDetectors = base.guardduty!.ListDetectors!;
    const getDetector = base.guardduty!.GetDetector!;
    const listAnalyzers = base['access-analyzer']!.ListAnalyzers!;
    const extraAnalyzer = {
      arn: `arn:aws:access-analyzer:${TOKYO}:${PROD}:analyzer/unused-access`,
      name: 'unused-access',
      type: 'ACCOUNT_UNUSED_ACCESS',
      createdAt: '2026-01-05T00:00:00.000Z',
      status: 'ACTIVE',
      tags: { Team: 'security' },
      configuration: { unusedAccess: { unusedAccessAge: 90 } },
    };
    const { part, calls } = await scan(PROD, {
      handlers: {
        guardduty: {
          ListDetectors: (input, ctx) => {
            if (ctx.region !== TOKYO) return listDetectors(input, ctx);
            const ids = (listDetectors({}, ctx) as { DetectorIds: string[] }).DetectorIds;
            return page([...ids, extraDetector], input, { itemsKey: 'DetectorIds', tokenIn: 'NextToken', pageSize: 1 });
          },
          GetDetector: (input, ctx) =>
            input.DetectorId === extraDetector
              ? {
                  CreatedAt: '2026-01-05T00:00:00.000Z',
                  ServiceRole: `arn:aws:iam::${PROD}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
                  Status: 'DISABLED',
                  Features: [{ Name: 'S3_DATA_EVENTS', Status: 'DISABLED' }],
                  Tags: { Owner: 'sec' },
                }
              : getDetector(input, ctx),
        },
        'access-analyzer': {
          ListAnalyzers: (input, ctx) => {
            if (ctx.region !== TOKYO) return listAnalyzers(input, ctx);
            const demo = (listAnalyzers({}, ctx) as { analyzers: unknown[] }).analyzers;
            return page([...demo, extraAnalyzer], input, { itemsKey: 'analyzers', tokenIn: 'nextToken', pageSize: 1 });
          },
        },
      },
    });
    const tokyo = (c: RecordedCall) => c.region === TOKYO;
    assert.deepEqual(
      callsOf(calls, 'ListDetectors')
        .filter(tokyo)
        .map((c) => typeof c.input.NextToken),
      ['undefined', 'string'],
    );
    assert.deepEqual(
      callsOf(calls, 'ListAnalyzers')
        .filter(tokyo)
        .map((c) => typeof c.input.nextToken),
      ['undefined', 'string'],
    );
    const extra = part.resources.find((r) => r.uid === `arn:aws:guardduty:${TOKYO}:${PROD}:detector/${extraDetector}`);
    assert.ok(extra);
    assert.deepEqual(extra.tags, { Owner: 'sec' });
    assert.equal((extra.props as { Status?: string; DetectorId?: string }).Status, 'DISABLED');
    assert.equal((extra.props as { DetectorId?: string }).DetectorId, extraDetector);
    const analyzer = part.resources.find((r) => r.uid === extraAnalyzer.arn);
    assert.ok(analyzer);
    assert.equal(analyzer.name, 'unused-access');
    assert.deepEqual(analyzer.tags, { Team: 'security' });
    assert.equal(
      part.resources.filter((r) => r.type === 'aws.accessanalyzer.analyzer' && r.region === TOKYO).length,
      2,
    );
  });

  it('retries a throttled list call and then succeeds', async () => {
    const throttled = (service: string, operation: string): FakeFault => ({
      service,
      operation,
      region: TOKYO,
      times: 1,
      error: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 },
    });
    const { part, calls } = await scan(PROD, {
      faults: [
        throttled('guardduty', 'ListDetectors'),
        throttled('config', 'DescribeConfigurationRecorders'),
        throttled('access-analyzer', 'ListAnalyzers'),
      ],
    });
    assert.deepEqual(part.errors, []);
    for (const type of TYPES) {
      assert.equal(part.resources.filter((r) => r.type === type).length, inv.ofType(type, PROD).length, type);
    }
    assert.equal(callsOf(calls, 'ListDetectors').find((c) => c.region === TOKYO)?.error, 'ThrottlingException');
  });

  it('turns a denied list into a collection error of that type, with no resources of it and ERROR for its rules', async () => {
    const { part, calls } = await scan(DEV, {
      faults: [
        denied('guardduty', 'ListDetectors', { region: TOKYO }),
        denied('config', 'DescribeConfigurationRecorders', { region: TOKYO }),
        denied('access-analyzer', 'ListAnalyzers'),
      ],
    });
    assert.deepEqual(
      part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`).sort(),
      [
        `${TOKYO} accessanalyzer ListAnalyzers aws.accessanalyzer.analyzer AccessDeniedException`,
        `${TOKYO} config DescribeConfigurationRecorders aws.config.recorder AccessDeniedException`,
        `${TOKYO} guardduty ListDetectors aws.guardduty.detector AccessDeniedException`,
        `${VIRGINIA} accessanalyzer ListAnalyzers aws.accessanalyzer.analyzer AccessDeniedException`,
      ],
    );
    const tokyoOf = (type: string) => part.resources.filter((r) => r.type === type && r.region === TOKYO);
    assert.equal(tokyoOf('aws.guardduty.detector').length, 0);
    assert.equal(tokyoOf('aws.config.recorder').length, 0);
    assert.equal(part.resources.filter((r) => r.type === 'aws.accessanalyzer.analyzer').length, 0);
    // Virginia's detector is still there (dev has no recorder in Virginia).
    assert.equal(part.resources.filter((r) => r.type === 'aws.guardduty.detector').length, 1);
    // No detector details were asked in the region whose list failed.
    assert.ok(callsOf(calls, 'GetDetector').every((c) => c.region !== TOKYO));
    const errors = findingsOf(part).filter((f) => f.status === 'ERROR');
    for (const id of [
      'aws-guardduty-detector-enabled',
      'aws-guardduty-s3-protection',
      'aws-config-recorder-recording',
    ]) {
      assert.ok(
        errors.some(
          (f) =>
            f.ruleId === id &&
            f.resource.uid ===
              `${DEV}/${TOKYO}/${id.startsWith('aws-config') ? 'aws.config.recorder' : 'aws.guardduty.detector'}/*`,
        ),
        id,
      );
    }
  });

  it('keeps a detector whose GetDetector is denied, with gaps that make its rules ERROR', async () => {
    const { part } = await scan(PROD, { faults: [denied('guardduty', 'GetDetector', { region: TOKYO })] });
    const detectors = part.resources.filter((r) => r.type === 'aws.guardduty.detector');
    assert.equal(detectors.length, inv.ofType('aws.guardduty.detector', PROD).length);
    const [tokyo] = detectors.filter((r) => r.region === TOKYO);
    assert.ok(tokyo);
    const why = 'AccessDeniedException: fake: not authorized to perform GetDetector';
    assert.deepEqual(tokyo.gaps, { Status: why, Features: why });
    assert.deepEqual(tokyo.props, { DetectorId: tokyo.name });
    assert.deepEqual(tokyo.tags, {});
    assert.deepEqual(part.errors, []);
    const judged = findingsOf(part).filter((f) => f.resource.uid === tokyo.uid);
    assert.ok(judged.length >= 2);
    for (const f of judged) assert.equal(f.status, 'ERROR', f.ruleId);
    // The other regions' detectors are as the demo has them.
    for (const r of detectors.filter((d) => d.region !== TOKYO))
      assert.deepEqual(comparable(r), comparable(inv.byUid(r.uid)!));
  });

  it('keeps a recorder whose status is denied, with a gap on Status (recording: ERROR)', async () => {
    const { part } = await scan(DEV, {
      faults: [denied('config', 'DescribeConfigurationRecorderStatus', { region: TOKYO })],
    });
    const [recorder] = part.resources.filter((r) => r.type === 'aws.config.recorder');
    assert.ok(recorder);
    assert.deepEqual(Object.keys(recorder.gaps ?? {}), ['Status']);
    assert.equal((recorder.props as { Status?: unknown }).Status, undefined);
    const judged = findingsOf(part).filter((f) => f.resource.uid === recorder.uid);
    assert.equal(judged.find((f) => f.ruleId === 'aws-config-recorder-recording')?.status, 'ERROR');
    // What the status call does not carry is still judged.
    assert.equal(judged.find((f) => f.ruleId === 'aws-config-recorder-all-resources')?.status, 'PASS');
    // The demo's development recorder in Tokyo is stopped: without the fault, the rule says so.
    const { part: whole } = await scan(DEV);
    const rec = findingsOf(whole).find((f) => f.ruleId === 'aws-config-recorder-recording');
    assert.equal(rec?.status, 'FAIL');
  });
});
