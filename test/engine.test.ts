import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../src/core/finding.js';
import { findingId } from '../src/core/finding.js';
import { type Resource, unknown } from '../src/core/resource.js';
import { defineRule, fail, pass } from '../src/core/rule.js';
import { Evaluator, evaluate } from '../src/engine/evaluate.js';

const resource = (uid: string, props: Record<string, unknown>, extra: Partial<Resource> = {}): Resource => ({
  uid,
  provider: 'aws',
  account: '111122223333',
  region: 'us-east-1',
  type: 'aws.kms.key',
  name: uid,
  tags: {},
  props,
  source: { kind: 'snapshot' },
  ...extra,
});

const text = { en: 'x', ja: 'x' };
const ruleText = { title: text, description: text, rationale: text, remediation: { text } };
const fixtures = { live: { pass: [], fail: [], error: [] } };

const rotation = defineRule<{ KeyRotationEnabled?: boolean; KeyMetadata?: { KeyManager?: string } }>({
  id: 'test-rotation',
  resourceType: 'aws.kms.key',
  category: 'encryption',
  severity: 'medium',
  appliesTo: { 'KeyMetadata.KeyManager': 'CUSTOMER' },
  needs: ['KeyRotationEnabled'],
  text: ruleText,
  evaluate: ({ props }) => (props.KeyRotationEnabled ? pass() : fail('KeyRotationEnabled', text)),
  fixtures,
});

const throwing = defineRule<Record<string, unknown>>({
  id: 'test-throws',
  resourceType: 'aws.kms.key',
  category: 'encryption',
  severity: 'low',
  text: ruleText,
  evaluate: ({ resource }) => {
    if (resource.uid === 'k2') throw new Error('boom');
    return pass();
  },
  fixtures,
});

const usesTrails = defineRule<Record<string, unknown>>({
  id: 'test-uses',
  resourceType: 'aws.account',
  category: 'logging-monitoring',
  severity: 'high',
  uses: ['aws.cloudtrail.trail'],
  text: ruleText,
  evaluate: () => pass(),
  fixtures,
});

function run(resources: Resource[], rules = [rotation], errors: Parameters<typeof evaluate>[1] = []): Finding[] {
  const out: Finding[] = [];
  evaluate(resources, errors, rules, (f) => out.push(f));
  return out;
}

describe('engine', () => {
  const customer = { KeyManager: 'CUSTOMER' };

  it('gives PASS and FAIL with the evidence path and value', () => {
    const [a, b] = run([
      resource('k1', { KeyMetadata: customer, KeyRotationEnabled: true }),
      resource('k2', { KeyMetadata: customer, KeyRotationEnabled: false }),
    ]);
    assert.equal(a!.status, 'PASS');
    assert.equal(b!.status, 'FAIL');
    assert.equal(b!.evidencePath, 'KeyRotationEnabled');
    assert.equal(b!.evidence, false);
  });

  it('turns an uncollected, absent or unresolved needed value into ERROR, never PASS', () => {
    const found = run([
      resource(
        'gap',
        { KeyMetadata: customer, KeyRotationEnabled: true },
        { gaps: { KeyRotationEnabled: 'AccessDenied' } },
      ),
      resource('absent', { KeyMetadata: customer }),
      resource('unknown', { KeyMetadata: customer, KeyRotationEnabled: unknown('!Ref Rotate') }),
      resource('scope-gap', { KeyRotationEnabled: true }, { gaps: { KeyMetadata: 'AccessDenied: kms:DescribeKey' } }),
    ]);
    assert.deepEqual(
      found.map((f) => f.status),
      ['ERROR', 'ERROR', 'ERROR', 'ERROR'],
    );
    assert.match(found[0]!.cause!, /AccessDenied/);
    assert.match(found[1]!.cause!, /not collected: KeyRotationEnabled/);
    assert.match(found[2]!.cause!, /!Ref Rotate/);
    assert.match(found[3]!.cause!, /kms:DescribeKey/);
  });

  it('gives N/A out of scope even when the needed value is missing', () => {
    const [f] = run([resource('aws-key', { KeyMetadata: { KeyManager: 'AWS' } })]);
    assert.equal(f!.status, 'N/A');
  });

  it('a rule that throws gives ERROR for exactly that rule × resource; the rest goes on', () => {
    const found = run(
      [
        resource('k1', { KeyMetadata: customer, KeyRotationEnabled: true }),
        resource('k2', { KeyMetadata: customer, KeyRotationEnabled: true }),
      ],
      [rotation, throwing],
    );
    const byKey = found.map((f) => `${f.ruleId}:${f.resource.uid}:${f.status}`);
    assert.deepEqual(byKey, [
      'test-rotation:k1:PASS',
      'test-throws:k1:PASS',
      'test-rotation:k2:PASS',
      'test-throws:k2:ERROR',
    ]);
    assert.match(found[3]!.cause!, /boom/);
  });

  it('a failed collection of a used type gives ERROR for the account-level rule', () => {
    const account = resource('acct', { AccountId: '111122223333' }, { type: 'aws.account', region: 'global' });
    const other = resource(
      'acct2',
      { AccountId: '444455556666' },
      { type: 'aws.account', region: 'global', account: '444455556666' },
    );
    const found = run(
      [account, other],
      [usesTrails],
      [
        {
          account: '111122223333',
          region: 'eu-west-1',
          service: 'cloudtrail',
          operation: 'DescribeTrails',
          code: 'AccessDenied',
          message: 'denied',
        },
      ],
    );
    assert.deepEqual(
      found.map((f) => f.status),
      ['ERROR', 'PASS'],
    );
    assert.match(found[0]!.cause!, /DescribeTrails/);
  });

  it('a failed listing gives ERROR findings for every rule of that type in that account and region', () => {
    const found = run(
      [],
      [rotation],
      [
        {
          account: '111122223333',
          region: 'ap-northeast-1',
          service: 'kms',
          operation: 'ListKeys',
          resourceType: 'aws.kms.key',
          code: 'ThrottlingException',
          message: 'Rate exceeded',
        },
      ],
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.status, 'ERROR');
    assert.equal(found[0]!.resource.region, 'ap-northeast-1');
    assert.match(found[0]!.cause!, /ThrottlingException/);
  });

  it('finding ids are stable hashes of rule id and resource uid', () => {
    const a = run([resource('k1', { KeyMetadata: customer, KeyRotationEnabled: true })])[0]!;
    const b = run([resource('k1', { KeyMetadata: customer, KeyRotationEnabled: false })])[0]!;
    assert.equal(a.id, b.id);
    assert.equal(a.id, findingId('test-rotation', 'k1'));
    assert.notEqual(findingId('test-rotation', 'k1'), findingId('test-rotation', 'k2'));
    assert.match(a.id, /^[0-9a-f]{24}$/);
  });

  it('streams parts: a resource judged with lookups waits for a part read later', () => {
    const bucketRule = defineRule<Record<string, unknown>>({
      id: 'test-reads-account',
      resourceType: 'aws.s3.bucket',
      category: 'network',
      severity: 'high',
      reads: ['aws.account'],
      text: ruleText,
      evaluate: ({ resource, lookups }) =>
        lookups.ofType('aws.account', resource.account).length === 1 ? pass() : fail('Name', text),
      fixtures,
    });
    const out: Finding[] = [];
    const evaluator = new Evaluator([bucketRule, rotation], (f) => out.push(f));
    evaluator.add([
      resource('b1', {}, { type: 'aws.s3.bucket' }),
      resource('k1', { KeyMetadata: customer, KeyRotationEnabled: true }),
    ]);
    // The key needs nothing else: judged at once. The bucket waits for the account record.
    assert.deepEqual(
      out.map((f) => f.resource.uid),
      ['k1'],
    );
    evaluator.add([resource('acct', {}, { type: 'aws.account', region: 'global' })]);
    evaluator.finish();
    assert.equal(out.find((f) => f.resource.uid === 'b1')?.status, 'PASS');
  });

  it('a rule that looks up a type it did not declare gets ERROR, so the omission shows in its fixtures', () => {
    const sneaky = defineRule<Record<string, unknown>>({
      id: 'test-undeclared',
      resourceType: 'aws.kms.key',
      category: 'encryption',
      severity: 'low',
      uses: ['aws.cloudtrail.trail'],
      text: ruleText,
      evaluate: ({ resource, lookups }) => (lookups.ofType('aws.iam.user', resource.account).length ? pass() : pass()),
      fixtures,
    });
    const [f] = run([resource('k1', {})], [sneaky]);
    assert.equal(f!.status, 'ERROR');
    assert.match(f!.cause!, /reads aws.iam.user without declaring it/);
  });

  it('judges each part as of its own time', () => {
    const age = defineRule<{ CreateDate: string }>({
      id: 'test-age',
      resourceType: 'aws.kms.key',
      category: 'encryption',
      severity: 'low',
      needs: ['CreateDate'],
      text: ruleText,
      evaluate: ({ props, now }) =>
        now.getTime() - Date.parse(props.CreateDate) > 90 * 86_400_000 ? fail('CreateDate', text) : pass(),
      fixtures,
    });
    const out: Finding[] = [];
    const evaluator = new Evaluator([age], (f) => out.push(f));
    const key = (uid: string) => resource(uid, { CreateDate: '2026-01-01T00:00:00Z' });
    evaluator.add([key('early')], new Date('2026-02-01T00:00:00Z'));
    evaluator.add([key('late')], new Date('2026-11-01T00:00:00Z'));
    evaluator.finish();
    assert.deepEqual(
      out.map((f) => `${f.resource.uid}:${f.status}`),
      ['early:PASS', 'late:FAIL'],
    );
  });
});
