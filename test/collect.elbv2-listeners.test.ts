import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elbv2Collector } from '../src/collect/aws/elbv2.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import {
  assertSameAsDemo,
  collectOneAccount,
  comparable,
  demoRegionsOf,
  findingsOf,
} from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { dataHandlers } from './support/fake-aws/handlers/data.js';
import type { FakeFault, RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';
const LISTENER = 'aws.elbv2.listener';

async function scan(
  account: string,
  faults: FakeFault[] = [],
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: dataHandlers(inv, { pageSize: 1 }),
    collectors: [elbv2Collector],
    regions: demoRegionsOf(inv, account),
    faults,
  });
}

const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);

describe('ELBv2 listeners against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every listener of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      assertSameAsDemo(inv, account, LISTENER, part.resources);
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      // One DescribeListeners (or more, by page) per load balancer, always naming it.
      const lbs = inv.ofType('aws.elbv2.load_balancer', account);
      const asked = new Set(callsOf(calls, 'DescribeListeners').map((c) => c.input.LoadBalancerArn));
      assert.deepEqual([...asked].sort(), lbs.map((r) => r.uid).sort());
    });
  }

  it('reads every page of DescribeListeners (Marker in, NextMarker out)', async () => {
    const { part, calls } = await scan(PROD);
    const web = inv.ofType('aws.elbv2.load_balancer', PROD).find((r) => r.name === 'kitsune-ec-web-alb')!;
    const pages = callsOf(calls, 'DescribeListeners').filter((c) => c.input.LoadBalancerArn === web.uid);
    assert.equal(pages.length, 2);
    assert.equal(pages[0]?.input.Marker, undefined);
    assert.equal(typeof pages[1]?.input.Marker, 'string');
    const listeners = part.resources.filter((r) => r.type === LISTENER && r.name.startsWith('kitsune-ec-web-alb '));
    assert.deepEqual(listeners.map((r) => r.name).sort(), [
      'kitsune-ec-web-alb HTTP:80',
      'kitsune-ec-web-alb HTTPS:443',
    ]);
  });

  it('judges the listeners: the dev HTTP listener without redirect and the admin TLS 1.0 policy fail', async () => {
    const fails = async (account: string) =>
      findingsOf((await scan(account)).part)
        .filter((f) => f.status === 'FAIL' && f.ruleId.startsWith('aws-elbv2-listener-'))
        .map((f) => `${f.ruleId} ${f.resource.name}`);
    assert.deepEqual(await fails(PROD), ['aws-elbv2-listener-tls-policy kitsune-ec-admin HTTPS:443']);
    assert.deepEqual(await fails(DEV), ['aws-elbv2-listener-http-redirects-to-https dev-api-alb HTTP:80']);
  });

  it('turns a denied DescribeListeners into a collection error of the listener type (rules: ERROR)', async () => {
    const { part } = await scan(DEV, [
      {
        service: 'elasticloadbalancing',
        operation: 'DescribeListeners',
        error: { code: 'AccessDenied', message: 'User is not authorized to perform DescribeListeners', status: 403 },
      },
    ]);
    assert.equal(part.resources.filter((r) => r.type === LISTENER).length, 0);
    // The load balancer itself is kept, whole.
    const [lb] = part.resources.filter((r) => r.type === 'aws.elbv2.load_balancer');
    assert.ok(lb);
    assert.deepEqual(comparable(lb), comparable(inv.byUid(lb.uid)!));
    assert.deepEqual(
      part.errors.map((e) => `${e.region} ${e.service} ${e.operation} ${e.resourceType} ${e.code}`),
      [`${TOKYO} elbv2 DescribeListeners aws.elbv2.listener AccessDenied`],
    );
    const judged = findingsOf(part).filter((f) => f.ruleId.startsWith('aws-elbv2-listener-'));
    assert.deepEqual(judged.map((f) => `${f.ruleId} ${f.status} ${f.resource.uid}`).sort(), [
      `aws-elbv2-listener-http-redirects-to-https ERROR ${DEV}/${TOKYO}/${LISTENER}/*`,
      `aws-elbv2-listener-tls-policy ERROR ${DEV}/${TOKYO}/${LISTENER}/*`,
    ]);
  });

  it('says the tags of listeners are unknown when DescribeTags is denied', async () => {
    const { part } = await scan(DEV, [
      {
        service: 'elasticloadbalancing',
        operation: 'DescribeTags',
        error: { code: 'AccessDenied', message: 'Access Denied', status: 403 },
      },
    ]);
    const listeners = part.resources.filter((r) => r.type === LISTENER);
    assert.equal(listeners.length, 2);
    for (const l of listeners) assert.deepEqual(l.gaps, { Tags: 'AccessDenied: Access Denied' });
  });
});
