import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { writeOutputsAtomically } from '../src/cli/write-outputs.js';
import { packagePath } from '../src/paths.js';

const DEMO = packagePath('examples', 'demo-org');

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

const tmp = () => mkdtempSync(join(tmpdir(), 'mamori-cli-'));

describe('mamori CLI', () => {
  it('scan --from the demo prints the summary and exits 0', async () => {
    const r = await run('scan', '--from', DEMO, '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /score/i);
  });

  it('prints the summary in Japanese with --lang ja', async () => {
    const r = await run('scan', '--from', DEMO, '--lang', 'ja');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /セキュリティスコア/);
  });

  it('exits 1 when a FAIL is at or above --fail-on, 0 when none is', async () => {
    assert.equal((await run('scan', '--from', DEMO, '--fail-on', 'high')).code, 1);
    const clean = join(tmp(), 'clean.json');
    writeFileSync(clean, JSON.stringify({ format: 'mamori.snapshot', version: 1, resources: [] }));
    assert.equal((await run('scan', '--from', clean, '--fail-on', 'info')).code, 0);
  });

  it('writes one file per format into --out and nothing else', async () => {
    const out = tmp();
    const r = await run('scan', '--from', DEMO, '--format', 'table,json,sarif,csv,junit,ocsf,html', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), [
      'mamori.csv',
      'mamori.html',
      'mamori.json',
      'mamori.junit.xml',
      'mamori.ocsf.json',
      'mamori.sarif',
    ]);
    const json = JSON.parse(readFileSync(join(out, 'mamori.json'), 'utf8'));
    assert.ok(Array.isArray(json.findings) && json.findings.length > 0);
    for (const key of ['id', 'ruleId', 'status', 'severity', 'resource']) assert.ok(key in json.findings[0], key);
  });

  it('malformed input: exit 2 with the file and line, and nothing written to --out', async () => {
    const d = tmp();
    const bad = join(d, 'bad.json');
    writeFileSync(bad, '{\n "format": "mamori.snapshot",\n "version": 1,\n "resources": [\n');
    const out = join(d, 'out');
    const r = await run('scan', '--from', bad, '--format', 'json', '--out', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.json: line \d+, column \d+: malformed JSON/);
    assert.throws(() => readdirSync(out), /ENOENT/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await run('scan')).code, 2);
    assert.equal((await run('scan', '--from', DEMO, '--format', 'pdfx')).code, 2);
    assert.equal((await run('scan', '--from', DEMO, '--lang', 'fr')).code, 2);
    assert.equal((await run('scan', '--from', DEMO, '--fail-on', 'severe')).code, 2);
    assert.equal((await run('scan', '--from', DEMO, '--format', 'json,sarif')).code, 2);
    assert.equal((await run('nosuchcommand')).code, 2);
  });

  it('a failed write leaves no partial files behind', () => {
    const d = tmp();
    assert.throws(() =>
      writeOutputsAtomically(d, [
        { name: 'mamori.json', content: '{}' },
        { name: `${'x'.repeat(300)}.csv`, content: 'x' },
      ]),
    );
    assert.deepEqual(readdirSync(d), []);
  });

  it('rules list --json gives id, title {en, ja}, severity, category, resourceType', async () => {
    const r = await run('rules', 'list', '--json');
    const rules = JSON.parse(r.out);
    assert.ok(rules.length > 50);
    for (const rule of rules) {
      assert.ok(rule.id && rule.title.en && rule.title.ja && rule.severity && rule.category && rule.resourceType);
    }
  });

  it('frameworks list and show', async () => {
    const list = JSON.parse((await run('frameworks', 'list', '--json')).out);
    assert.ok(list.some((f: { id: string }) => f.id === 'cis-aws-6.0.0'));
    assert.ok(list.some((f: { id: string }) => f.id === 'cis-aws-7.0.0'));
    const shown = JSON.parse((await run('frameworks', 'show', 'cis-aws-6.0.0', '--json')).out);
    assert.equal(shown.requirements.length, 63);
    assert.equal((await run('frameworks', 'show', 'no-such-framework')).code, 2);
  });

  it('scan --framework adds the manual items as MANUAL findings', async () => {
    const out = tmp();
    const r = await run('scan', '--from', DEMO, '--framework', 'cis-aws-6.0.0', '--format', 'json', '--out', out);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(readFileSync(join(out, 'mamori.json'), 'utf8'));
    assert.ok(json.findings.some((f: { status: string }) => f.status === 'MANUAL'));
  });

  it('bin/mamori runs after the build', () => {
    const v = execFileSync(packagePath('bin', 'mamori'), ['--version'], { encoding: 'utf8' });
    assert.match(v, /^\d+\.\d+\.\d+/);
  });
});
