// The live collection's conduct: time-outs, the read-only guard, budgets, denied member accounts, no secrets out.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { cloudtrailCollector } from '../src/collect/aws/cloudtrail.js';
import { kmsCollector } from '../src/collect/aws/kms.js';
import { ClientFactory } from '../src/collect/aws/runtime/clients.js';
import { Limiter, Limiters } from '../src/collect/aws/runtime/limiter.js';
import { NotReadOnlyError } from '../src/collect/aws/runtime/read-only.js';
import { collectAws } from '../src/collect/aws/scan.js';
import { runScan } from '../src/engine/scan.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { accessKeyFor, credentialsFor, demoIndex, demoKeys } from './support/fake-aws/demo-index.js';
import { demoOrgHandlers } from './support/fake-aws/handlers/all.js';
import { type FakeAws, startFakeAws } from './support/fake-aws/index.js';
import type { FakeFault } from './support/fake-aws/types.js';

const inv = demoIndex();
const MANAGEMENT = inv.resources.find((r) => r.type === 'aws.organizations.organization')!.account;
const DEV = '456789012345';
const SECRET = 'fake-secret-for-tests-only-9f8e7d';

describe('live collection conduct', () => {
  let fake: FakeAws;
  const faults: FakeFault[] = [];
  let latency: (c: { operation: string }) => number = () => 0;
  before(async () => {
    fake = await startFakeAws({
      handlers: demoOrgHandlers(inv),
      accounts: demoKeys(inv.accounts),
      defaultAccount: MANAGEMENT,
      faults,
      latencyMs: (c) => latency(c),
    });
  });
  after(() => fake.close());

  it('a call slower than the timeout becomes a collection error, and the scan finishes', async () => {
    latency = (c) => (c.operation === 'ListKeys' ? 1_500 : 0);
    const parts = [];
    for await (const p of collectAws({
      regions: ['ap-northeast-1'],
      endpointUrl: fake.url,
      credentials: credentialsFor(DEV),
      collectors: [kmsCollector],
      maxAttempts: 1,
      requestTimeoutMs: 300,
    })) {
      parts.push(p);
    }
    latency = () => 0;
    const errors = parts.flatMap((p) => p.errors);
    assert.equal(parts[0]?.resources.length, 0);
    assert.ok(
      errors.some((e) => e.resourceType === 'aws.kms.key' && /Timeout/i.test(`${e.code} ${e.message}`)),
      JSON.stringify(errors),
    );
  });

  it('refuses a write operation before it leaves the process', async () => {
    const factory = new ClientFactory(
      {
        credentials: credentialsFor(DEV),
        endpointUrl: fake.url,
        maxAttempts: 1,
        connectTimeoutMs: 1_000,
        requestTimeoutMs: 1_000,
      },
      new Limiters(() => 2),
    );
    const kms = factory.get(KMSClient, 'ap-northeast-1');
    const before = fake.calls.length;
    await assert.rejects(
      kms.send(new PutKeyPolicyCommand({ KeyId: 'k', Policy: '{}', PolicyName: 'default' })),
      NotReadOnlyError,
    );
    assert.equal(fake.calls.length, before, 'nothing was sent');
  });

  it('a budget never runs more than its limit at once', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
  });

  it('a member account whose role cannot be assumed: its checks are ERROR, the others are judged', async () => {
    faults.length = 0;
    faults.push({
      service: 'sts',
      operation: 'AssumeRole',
      error: { code: 'AccessDenied', status: 403, message: `not authorized to assume role in ${DEV}` },
    });
    // fromTemporaryCredentials assumes lazily; the fault hits every AssumeRole, so both members fail alike.
    const parts = [];
    for await (const p of collectAws({
      regions: ['ap-northeast-1'],
      endpointUrl: fake.url,
      credentials: credentialsFor(MANAGEMENT),
      org: { roleName: 'MamoriReadOnly' },
      accounts: [MANAGEMENT, DEV],
      collectors: [kmsCollector],
      maxAttempts: 1,
    })) {
      parts.push(p);
    }
    faults.length = 0;
    const dev = parts.find((p) => p.name === DEV)!;
    assert.equal(dev.resources.length, 0);
    assert.ok(dev.errors.some((e) => e.operation === 'AssumeRole' && e.resourceType === 'aws.kms.key'));
    const result = runScan(
      { resources: parts.flatMap((p) => p.resources), errors: parts.flatMap((p) => p.errors), files: [], warnings: [] },
      BUILTIN_RULES,
    );
    const devKms = result.findings.filter(
      (f) => f.resource.account === DEV && f.ruleId === 'aws-kms-key-rotation-enabled',
    );
    assert.ok(devKms.length > 0 && devKms.every((f) => f.status === 'ERROR' && /AccessDenied/.test(f.cause ?? '')));
    assert.ok(result.findings.some((f) => f.resource.account === MANAGEMENT && f.status === 'PASS'));
  });

  it('credentials never reach the output, the logs or the saved snapshot', async () => {
    const saveEnv = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = accessKeyFor(MANAGEMENT);
    process.env.AWS_SECRET_ACCESS_KEY = SECRET;
    process.env.AWS_REGION = 'us-east-1';
    let text = '';
    const io: Io = {
      out: (t) => {
        text += t;
      },
      err: (t) => {
        text += t;
      },
      color: false,
      exitCode: 0,
    };
    const dir = mkdtempSync(join(tmpdir(), 'mamori-secrets-'));
    try {
      const code = await main(
        [
          'scan',
          'aws',
          '--regions',
          'ap-northeast-1',
          '--endpoint-url',
          fake.url,
          '--save',
          join(dir, 'snap.json'),
          '--format',
          'table,json,csv,html',
          '--out',
          dir,
        ],
        io,
      );
      assert.equal(code, 0, text);
    } finally {
      process.env = saveEnv;
    }
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const content of [text, ...files]) assert.ok(!content.includes(SECRET), 'secret key leaked');
    assert.ok(loadSnapshot(join(dir, 'snap.json')).resources.length > 0);
  });

  it('a multi-region trail homed in a region not scanned is still collected, with its home region', async () => {
    const trail = inv
      .ofType('aws.cloudtrail.trail', MANAGEMENT)
      .find((t) => (t.props as { IsMultiRegionTrail?: boolean }).IsMultiRegionTrail);
    assert.ok(trail, 'the demo has a multi-region trail in the management account');
    const elsewhere = inv
      .ofType('aws.region', MANAGEMENT)
      .map((r) => r.region)
      .find((r) => r !== trail.region)!;
    const parts = [];
    for await (const p of collectAws({
      regions: [elsewhere],
      endpointUrl: fake.url,
      credentials: credentialsFor(MANAGEMENT),
      collectors: [cloudtrailCollector],
      maxAttempts: 2,
    })) {
      parts.push(p);
    }
    const got = parts.flatMap((p) => p.resources).find((r) => r.uid === trail.uid);
    assert.equal(got?.region, trail.region);
    assert.deepEqual(JSON.parse(JSON.stringify(got?.props)), JSON.parse(JSON.stringify(trail.props)));
  });

  it('throttled past every retry: ERROR findings with the cause, never PASS', async () => {
    faults.length = 0;
    faults.push({
      service: 'kms',
      operation: 'ListKeys',
      error: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
    });
    const parts = [];
    for await (const p of collectAws({
      regions: ['ap-northeast-1'],
      endpointUrl: fake.url,
      credentials: credentialsFor(DEV),
      collectors: [kmsCollector],
      maxAttempts: 2,
    })) {
      parts.push(p);
    }
    faults.length = 0;
    const result = runScan(
      { resources: parts.flatMap((p) => p.resources), errors: parts.flatMap((p) => p.errors), files: [], warnings: [] },
      BUILTIN_RULES,
    );
    const kms = result.findings.filter((f) => f.ruleId === 'aws-kms-key-rotation-enabled');
    assert.ok(kms.length > 0);
    assert.ok(
      kms.every((f) => f.status === 'ERROR' && /ThrottlingException/.test(f.cause ?? '')),
      JSON.stringify(kms),
    );
  });
});
