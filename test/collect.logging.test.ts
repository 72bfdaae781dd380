import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cloudtrailCollector } from '../src/collect/aws/cloudtrail.js';
import { cloudwatchCollector } from '../src/collect/aws/cloudwatch.js';
import { logsCollector } from '../src/collect/aws/logs.js';
import type { Collector } from '../src/collect/aws/runtime/collector.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import { snsCollector } from '../src/collect/aws/sns.js';
import type { SnsTopicProps } from '../src/inventory/aws/services.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { collectOneAccount, comparable } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { loggingHandlers } from './support/fake-aws/handlers/logging.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const COLLECTORS: readonly Collector[] = [cloudtrailCollector, logsCollector, cloudwatchCollector, snsCollector];
const TYPES = COLLECTORS.flatMap((c) => c.types);
const MANAGEMENT = '210987654321';
const PRODUCTION = '345678901234';
const DEVELOPMENT = '456789012345';

/** The regions the demo has data for in an account. */
const regionsOf = (account: string): string[] =>
  [...new Set(inv.resources.filter((r) => r.account === account && r.region !== 'global').map((r) => r.region))].sort();

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; collectors?: readonly Collector[] } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: loggingHandlers(inv, { metricFilters: 4, alarms: 3, topics: 1 }),
    collectors: opts.collectors ?? COLLECTORS,
    regions: regionsOf(account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

const callsOf = (calls: RecordedCall[], service: string, operation: string) =>
  calls.filter((c) => c.service === service && c.operation === operation);

const denied = (service: string, operation: string, code: string, extra: Partial<FakeFault> = {}): FakeFault => ({
  service,
  operation,
  error: { code, message: `not authorized to perform ${operation}`, status: 403 },
  ...extra,
});

describe('CloudTrail, CloudWatch Logs, CloudWatch and SNS collectors against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      for (const type of TYPES) {
        const expected = inv.ofType(type, account);
        const got = part.resources.filter((r) => r.type === type);
        assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort(), type);
        for (const want of expected) {
          const have = got.find((r) => r.uid === want.uid);
          assert.ok(have, want.uid);
          assert.deepEqual(comparable(have), comparable(want), want.uid);
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

  it('emits a multi-region trail once, from its home region, and not an Organization trail of another account', async () => {
    const { part, calls } = await scan(PRODUCTION);
    const describes = callsOf(calls, 'cloudtrail', 'DescribeTrails');
    assert.deepEqual(describes.map((c) => c.region).sort(), regionsOf(PRODUCTION));
    assert.ok(describes.every((c) => c.input.includeShadowTrails === true));
    const trails = part.resources.filter((r) => r.type === 'aws.cloudtrail.trail');
    assert.deepEqual(
      trails.map((t) => `${t.region} ${t.uid}`),
      ['ap-northeast-1 arn:aws:cloudtrail:ap-northeast-1:345678901234:trail/kitsune-prod-trail'],
    );
    // The organization trail of the management account is listed to the member, but is not the member's.
    const orgTrail = `arn:aws:cloudtrail:ap-northeast-1:${MANAGEMENT}:trail/kitsune-org-trail`;
    const listed = loggingHandlers(inv).cloudtrail!.DescribeTrails!(
      { includeShadowTrails: true },
      {
        service: 'cloudtrail',
        operation: 'DescribeTrails',
        account: PRODUCTION,
        region: 'ap-northeast-1',
        accessKeyId: '',
        seq: 0,
        attempt: 1,
      },
    ) as { trailList: Array<{ TrailARN: string }> };
    assert.ok(listed.trailList.some((t) => t.TrailARN === orgTrail));
    assert.ok(!trails.some((t) => t.uid === orgTrail));
    assert.ok(!calls.some((c) => c.input.Name === orgTrail || c.input.TrailName === orgTrail));
    // Details are asked of the home region only.
    for (const op of ['GetTrailStatus', 'GetEventSelectors', 'ListTags']) {
      assert.deepEqual(
        callsOf(calls, 'cloudtrail', op).map((c) => c.region),
        ['ap-northeast-1'],
        op,
      );
    }
  });

  it('collects a single-region trail of us-east-1 in us-east-1', async () => {
    const { part } = await scan(DEVELOPMENT, { collectors: [cloudtrailCollector] });
    const sandbox = part.resources.find((r) => r.name === 'sandbox-test-trail');
    assert.equal(sandbox?.region, 'us-east-1');
    assert.equal(part.resources.length, 2);
  });

  it('reads metric filters, alarms, topics and subscriptions page by page', async () => {
    const { calls } = await scan(PRODUCTION);
    const pagedWith = (service: string, op: string, token: string) =>
      callsOf(calls, service, op).filter((c) => typeof c.input[token] === 'string').length;
    assert.ok(pagedWith('logs', 'DescribeMetricFilters', 'nextToken') >= 3);
    assert.ok(pagedWith('monitoring', 'DescribeAlarms', 'NextToken') >= 4);
    assert.ok(pagedWith('sns', 'ListTopics', 'NextToken') >= 1);
    // One subscription a page: every subscription after a topic's first takes a page of its own.
    const subscriptions = inv
      .ofType<SnsTopicProps>('aws.sns.topic', PRODUCTION)
      .reduce((n, t) => n + Math.max(0, t.props.Subscriptions.length - 1), 0);
    assert.ok(subscriptions >= 1);
    assert.equal(pagedWith('sns', 'ListSubscriptionsByTopic', 'NextToken'), subscriptions);
  });

  it('retries a throttled DescribeMetricFilters', async () => {
    const { part, calls } = await scan(MANAGEMENT, {
      collectors: [logsCollector],
      faults: [
        {
          service: 'logs',
          operation: 'DescribeMetricFilters',
          times: 1,
          error: { code: 'ThrottlingException', status: 400 },
        },
      ],
    });
    assert.deepEqual(part.errors, []);
    assert.equal(part.resources.length, inv.ofType('aws.logs.metric_filter', MANAGEMENT).length);
    assert.equal(callsOf(calls, 'logs', 'DescribeMetricFilters')[0]?.error, 'ThrottlingException');
  });

  it('turns a denied listing into a collection error of that type, in that region', async () => {
    const { part } = await scan(PRODUCTION, {
      faults: [
        denied('monitoring', 'DescribeAlarms', 'AccessDenied', { region: 'ap-northeast-1' }),
        denied('cloudtrail', 'DescribeTrails', 'AccessDeniedException', { region: 'ap-northeast-1' }),
      ],
    });
    const types = new Set(part.resources.map((r) => r.type));
    assert.ok(!types.has('aws.cloudwatch.alarm'));
    assert.ok(!types.has('aws.cloudtrail.trail'));
    assert.equal(part.resources.filter((r) => r.type === 'aws.sns.topic').length, 3);
    const errors = part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`).sort();
    assert.deepEqual(errors, [
      'ap-northeast-1 cloudtrail DescribeTrails aws.cloudtrail.trail AccessDeniedException',
      'ap-northeast-1 cloudwatch DescribeAlarms aws.cloudwatch.alarm AccessDenied',
    ]);
  });

  it('keeps resources whose details are denied, with gaps on those paths', async () => {
    const { part } = await scan(MANAGEMENT, {
      faults: [
        denied('sns', 'GetTopicAttributes', 'AuthorizationError'),
        denied('sns', 'ListSubscriptionsByTopic', 'AuthorizationError'),
        denied('cloudtrail', 'GetEventSelectors', 'AccessDeniedException'),
        denied('cloudtrail', 'GetTrailStatus', 'AccessDeniedException'),
      ],
    });
    assert.deepEqual(part.errors, []);
    const topic = part.resources.find((r) => r.type === 'aws.sns.topic');
    assert.ok(topic);
    assert.deepEqual(Object.keys(topic.props as object), ['TopicArn']);
    assert.deepEqual(Object.keys(topic.gaps ?? {}).sort(), ['Attributes', 'Policy', 'Subscriptions']);
    assert.match(topic.gaps?.Policy ?? '', /^AuthorizationError(Exception)?: /);
    assert.deepEqual(topic.tags, inv.byUid(topic.uid)?.tags);

    const trail = part.resources.find((r) => r.type === 'aws.cloudtrail.trail');
    assert.ok(trail);
    assert.deepEqual(Object.keys(trail.gaps ?? {}).sort(), ['AdvancedEventSelectors', 'EventSelectors', 'Status']);
    const props = trail.props as Record<string, unknown>;
    assert.equal(props.IsMultiRegionTrail, true);
    assert.ok(!('Status' in props) && !('EventSelectors' in props) && !('AdvancedEventSelectors' in props));
  });
});
