// Issue 4's proof: serve the bundled demo organisation through a fake AWS endpoint, scan it live with --org and
// --save through the real SDK and the CLI, and get back an equivalent snapshot and the same findings.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { Resource } from '../src/core/resource.js';
import { runScan } from '../src/engine/scan.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { accessKeyFor, demoIndex, demoKeys } from './support/fake-aws/demo-index.js';
import { demoOrgHandlers } from './support/fake-aws/handlers/all.js';
import { type FakeAws, startFakeAws } from './support/fake-aws/index.js';

const inv = demoIndex();
const MANAGEMENT = inv.resources.find((r) => r.type === 'aws.organizations.organization')!.account;
const comparable = (r: Resource) =>
  JSON.parse(
    JSON.stringify({
      uid: r.uid,
      type: r.type,
      name: r.name,
      account: r.account,
      region: r.region,
      tags: r.tags,
      props: r.props,
      gaps: r.gaps ?? {},
    }),
  );

describe('scan aws --org --save round trip over the demo organisation', () => {
  let fake: FakeAws;
  const out = mkdtempSync(join(tmpdir(), 'mamori-roundtrip-'));
  const saved = join(out, 'snapshot');
  let code = -1;
  let stderr = '';
  const saveEnv = { ...process.env };

  before(async () => {
    fake = await startFakeAws({
      handlers: demoOrgHandlers(inv),
      accounts: demoKeys(inv.accounts),
      defaultAccount: MANAGEMENT,
    });
    process.env.AWS_ACCESS_KEY_ID = accessKeyFor(MANAGEMENT);
    process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests-only';
    process.env.AWS_REGION = 'us-east-1';
    delete process.env.AWS_PROFILE;
    const io: Io = {
      out: () => {},
      err: (t) => {
        stderr += `${t}\n`;
      },
      color: false,
      exitCode: 0,
    };
    code = await main(
      [
        'scan',
        'aws',
        '--org',
        '--role-name',
        'MamoriReadOnly',
        '--regions',
        'all',
        '--endpoint-url',
        fake.url,
        '--save',
        saved,
        '--max-attempts',
        '3',
        '--format',
        'json',
        '--out',
        out,
      ],
      io,
    );
  });
  after(async () => {
    process.env = saveEnv;
    await fake.close();
  });

  it('exits 0 and writes one snapshot part per account', () => {
    assert.equal(code, 0, stderr);
    const live = loadSnapshot(saved);
    assert.deepEqual([...new Set(live.resources.map((r) => r.account))].sort(), [...inv.accounts]);
  });

  it('gives back an equivalent snapshot: every resource, prop, tag and gap', () => {
    const live = loadSnapshot(saved);
    const byUid = new Map(live.resources.map((r) => [r.uid, r]));
    const missing = inv.resources.filter((r) => !byUid.has(r.uid)).map((r) => r.uid);
    assert.deepEqual(missing, [], 'resources of the demo not collected');
    const extra = live.resources.filter((r) => !inv.byUid(r.uid)).map((r) => r.uid);
    assert.deepEqual(extra, [], 'resources collected that the demo does not have');
    for (const r of inv.resources) assert.deepEqual(comparable(byUid.get(r.uid)!), comparable(r), r.uid);
  });

  it('gives the same findings as scan --from the demo', () => {
    const now = new Date('2026-11-20T03:00:00Z');
    const key = (f: { ruleId: string; resource: { uid: string }; status: string }) =>
      `${f.ruleId} ${f.resource.uid} ${f.status}`;
    const fromDemo = runScan(loadSnapshot(packagePath('examples', 'demo-org')), BUILTIN_RULES, { now })
      .findings.map(key)
      .sort();
    const fromLive = runScan(loadSnapshot(saved), BUILTIN_RULES, { now }).findings.map(key).sort();
    assert.deepEqual(fromLive, fromDemo);
    const json = JSON.parse(readFileSync(join(out, 'mamori.json'), 'utf8'));
    assert.ok(json.findings.length > 0);
  });

  it('called only read-only operations', () => {
    const ops = [...new Set(fake.calls.map((c) => c.operation))];
    for (const op of ops) assert.match(op, /^(List|Get|Describe|GenerateCredentialReport$|AssumeRole$)/, op);
  });
});
