import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { packagePath } from '../src/paths.js';

const DEMO = packagePath('examples', 'demo-org');
const EXAMPLE = packagePath('examples', 'exceptions.yaml');
const NOW = '2026-11-22';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    color: false,
    exitCode: 0,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'mamori-exc-cli-'));

describe('mamori scan --exceptions', () => {
  it('shows EXCEPTED findings and lists the expired and unused exceptions (en, ja)', async () => {
    const en = await run('scan', '--from', DEMO, '--exceptions', EXAMPLE, '--now', NOW, '--lang', 'en');
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /EXCEPTED [1-9]/);
    assert.match(en.out, /Exceptions \(.*exceptions\.yaml\)/);
    assert.match(en.out, /EXC-0004 expired on 2026-09-30/);
    assert.match(en.out, /Unused: matched no finding \(1\)\n {4}EXC-0005/);
    const ja = await run('scan', '--from', DEMO, '--exceptions', EXAMPLE, '--now', NOW, '--lang', 'ja');
    assert.match(ja.out, /例外 [1-9]/);
    assert.match(ja.out, /EXC-0004 は 2026-09-30 に期限切れ/);
    assert.match(ja.out, /未使用の例外/);
  });

  it('json output carries the exceptions block; --now decides expiry', async () => {
    const before = await run(
      'scan',
      '--from',
      DEMO,
      '--exceptions',
      EXAMPLE,
      '--now',
      '2026-09-30',
      '--format',
      'json',
    );
    const after = await run('scan', '--from', DEMO, '--exceptions', EXAMPLE, '--now', '2026-10-01', '--format', 'json');
    const b = JSON.parse(before.out);
    const a = JSON.parse(after.out);
    assert.deepEqual(b.exceptions.expired, []);
    assert.deepEqual(a.exceptions.expired, ['EXC-0004']);
    assert.ok(b.exceptions.applied > a.exceptions.applied);
    assert.ok(b.findings.some((f: { exception?: { id?: string } }) => f.exception?.id === 'EXC-0004'));
    assert.ok(!a.findings.some((f: { exception?: { id?: string } }) => f.exception?.id === 'EXC-0004'));
  });

  it('reads the exceptions file from --config (paths relative to it)', async () => {
    const d = tmp();
    copyFileSync(EXAMPLE, join(d, 'exc.yaml'));
    writeFileSync(join(d, 'mamori.yaml'), 'exceptions: exc.yaml\n');
    const r = await run('scan', '--from', DEMO, '--config', join(d, 'mamori.yaml'), '--now', NOW, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).exceptions.file, join(d, 'exc.yaml'));
  });

  it('a broken exceptions file: exit 2 with file and line, nothing scanned', async () => {
    const d = tmp();
    const bad = join(d, 'bad.yaml');
    writeFileSync(
      bad,
      'exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    reason: x\n    scope: { rule: r }\n',
    );
    const r = await run('scan', '--from', DEMO, '--exceptions', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.yaml: at \/exceptions\/0 \(line 2\): an alternative-control exception needs 'expires'/);
    assert.equal(r.out, '');
    assert.equal((await run('scan', '--from', DEMO, '--exceptions', join(d, 'none.yaml'))).code, 2);
    assert.equal((await run('scan', '--from', DEMO, '--exceptions', EXAMPLE, '--now', 'soon')).code, 2);
  });

  it('--fail-on ignores excepted findings', async () => {
    const d = tmp();
    const file = join(d, 'all.yaml');
    writeFileSync(
      file,
      "exceptions:\n  - id: ALL\n    kind: not-applicable\n    reason: everything\n    scope: { rule: '*' }\n",
    );
    const r = await run('scan', '--from', DEMO, '--exceptions', file, '--fail-on', 'info', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).summary.byStatus.FAIL, 0);
  });
});

describe('mamori exceptions list | add | expire', () => {
  it('list: columns with the state as of --now; --json', async () => {
    const r = await run('exceptions', 'list', '--file', EXAMPLE, '--now', NOW, '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0]!, /^id\s+Kind\s+Scope\s+Reason\s+Approver\s+Expires\s+State$/);
    assert.match(
      r.out,
      /EXC-0004\s+Alternative control\s+rule=aws-s3-bucket-\* resource=arn:aws:s3:::kitsune-dev-public-share/,
    );
    assert.match(lines.find((l) => l.startsWith('EXC-0004'))!, /expired$/);
    assert.match(lines.find((l) => l.startsWith('EXC-0001'))!, /active$/);
    const ja = await run('exceptions', 'list', '--file', EXAMPLE, '--now', '2027-03-10', '--lang', 'ja');
    assert.match(ja.out, /EXC-0001\s+代替策.*まもなく期限切れ/);
    assert.match(ja.out, /EXC-0002\s+対象外/);
    const json = JSON.parse((await run('exceptions', 'list', '--file', EXAMPLE, '--now', NOW, '--json')).out);
    assert.equal(json.date, NOW);
    assert.deepEqual(
      json.exceptions.map((e: { id: string; state: string }) => `${e.id}:${e.state}`),
      ['EXC-0001:active', 'EXC-0002:active', 'EXC-0003:active', 'EXC-0004:expired', 'EXC-0005:active'],
    );
  });

  it('add creates the file, prints the id, and the scan uses it; expire ends it', async () => {
    const file = join(tmp(), 'exceptions.yaml');
    const add = await run(
      'exceptions',
      'add',
      '--file',
      file,
      '--rule',
      'aws-iam-user-console-mfa',
      '--account',
      '456789012345',
      '--resource',
      'arn:aws:iam::456789012345:user/*',
      '--tag',
      '用途=*',
      '--kind',
      'alternative-control',
      '--reason',
      'IAM Identity Center への移行中。移行完了まで SCP でコンソールログインを制限している',
      '--approver',
      'sec',
      '--expires',
      '2027-01-31',
      '--ticket',
      'SEC-1',
      '--now',
      NOW,
      '--lang',
      'ja',
    );
    assert.equal(add.code, 0, add.err);
    assert.equal(add.out.trim(), 'EXC-0001');
    assert.match(add.err, /に EXC-0001 を追加した/);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /created: 2026-11-22/);
    assert.match(text, /account: "456789012345"|account: '456789012345'/);

    const second = await run(
      ...['exceptions', 'add', '--file', file, '--resource', 'arn:aws:s3:::x', '--kind', 'not-applicable'],
      ...['--reason', 'r', '--approver', 'a', '--now', NOW],
    );
    assert.equal(second.out.trim(), 'EXC-0002');

    const scanned = JSON.parse(
      (await run('scan', '--from', DEMO, '--exceptions', file, '--now', NOW, '--format', 'json')).out,
    );
    const used = scanned.exceptions.exceptions.find((e: { id: string }) => e.id === 'EXC-0001');
    assert.ok(used.applied > 0, 'users tagged 用途 are excepted');
    assert.deepEqual(scanned.exceptions.unused, ['EXC-0002']);

    const expire = await run('exceptions', 'expire', 'EXC-0001', '--file', file, '--now', NOW);
    assert.equal(expire.code, 0, expire.err);
    assert.match(expire.out, /EXC-0001 now expires on 2026-11-22/);
    const nextDay = JSON.parse(
      (await run('scan', '--from', DEMO, '--exceptions', file, '--now', '2026-11-23', '--format', 'json')).out,
    );
    assert.deepEqual(nextDay.exceptions.expired, ['EXC-0001']);
    await run('exceptions', 'expire', 'EXC-0002', '--file', file, '--date', '2026-12-24');
    assert.match(readFileSync(file, 'utf8'), /expires: 2026-12-24/);
  });

  it('bad input exits 2: no scope, alternative control without expiry, past expiry, unknown id, bad kind', async () => {
    const file = join(tmp(), 'exceptions.yaml');
    const base = ['exceptions', 'add', '--file', file, '--reason', 'r', '--approver', 'a', '--now', NOW];
    const noScope = await run(...base, '--kind', 'not-applicable', '--lang', 'en');
    assert.equal(noScope.code, 2);
    assert.match(noScope.err, /needs --rule or --resource/);
    const noExpiry = await run(...base, '--rule', 'r', '--kind', 'alternative-control', '--lang', 'ja');
    assert.equal(noExpiry.code, 2);
    assert.match(noExpiry.err, /--expires YYYY-MM-DD が必要/);
    const past = await run(...base, '--rule', 'r', '--kind', 'alternative-control', '--expires', '2026-01-01');
    assert.equal(past.code, 2);
    assert.equal((await run(...base, '--rule', 'r', '--kind', 'accepted')).code, 2);
    assert.equal((await run(...base, '--rule', 'r', '--kind', 'not-applicable', '--expires', '2027-13-01')).code, 2);
    assert.equal((await run('exceptions', 'expire', 'EXC-0001', '--file', file)).code, 2, 'no file yet');
    await run(...base, '--rule', 'r', '--kind', 'not-applicable');
    const unknown = await run('exceptions', 'expire', 'EXC-0042', '--file', file);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no exception with id 'EXC-0042' \(ids: EXC-0001\)/);
    assert.equal((await run('exceptions', 'list', '--file', join(tmp(), 'none.yaml'))).code, 2);
  });
});
