import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../src/core/input-error.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';

const dir = () => mkdtempSync(join(tmpdir(), 'mamori-snap-'));
const resource = (uid: string, type = 'aws.kms.key') => ({
  uid,
  provider: 'aws',
  account: '111122223333',
  region: 'us-east-1',
  type,
  props: {},
});

describe('snapshot loading', () => {
  it('merges the parts of a directory and keeps collection errors', () => {
    const d = dir();
    writeFileSync(
      join(d, 'a.json'),
      JSON.stringify({ format: 'mamori.snapshot', version: 1, resources: [resource('k1')] }),
    );
    writeFileSync(
      join(d, 'b.json'),
      JSON.stringify({
        format: 'mamori.snapshot',
        version: 1,
        generatedAt: '2026-11-20T03:00:00Z',
        resources: [resource('k2')],
        errors: [
          {
            account: '1',
            region: 'us-east-1',
            service: 'kms',
            operation: 'ListKeys',
            code: 'AccessDenied',
            message: 'x',
          },
        ],
      }),
    );
    writeFileSync(join(d, 'notes.txt'), 'ignored');
    const inv = loadSnapshot(d);
    assert.deepEqual(
      inv.resources.map((r) => r.uid),
      ['k1', 'k2'],
    );
    assert.equal(inv.errors.length, 1);
    assert.equal(inv.generatedAt, '2026-11-20T03:00:00Z');
  });

  it('names the file, line and column of malformed JSON', () => {
    const f = join(dir(), 'bad.json');
    writeFileSync(f, '{\n  "format": "mamori.snapshot",\n  "version": 1,\n  "resources": [ { "uid": "x", } ]\n}\n');
    assert.throws(
      () => loadSnapshot(f),
      (e: unknown) => e instanceof InputError && e.file === f && /line 4, column \d+/.test(e.message),
    );
  });

  it('names the JSON path and line of a schema violation', () => {
    const f = join(dir(), 'schema.json');
    const doc = {
      format: 'mamori.snapshot',
      version: 1,
      resources: [resource('k1'), { ...resource('k2'), account: 7 }],
    };
    writeFileSync(f, JSON.stringify(doc, null, 2));
    assert.throws(
      () => loadSnapshot(f),
      (e: unknown) =>
        e instanceof InputError && /\/resources\/1\/account/.test(e.message) && /line \d+/.test(e.message),
    );
  });

  it('rejects another format or version', () => {
    const f = join(dir(), 'v2.json');
    writeFileSync(f, JSON.stringify({ format: 'mamori.snapshot', version: 2, resources: [] }));
    assert.throws(() => loadSnapshot(f), /\/version/);
  });

  it('warns about unknown resource types and duplicate uids, and skips them', () => {
    const f = join(dir(), 'warn.json');
    writeFileSync(
      f,
      JSON.stringify({
        format: 'mamori.snapshot',
        version: 1,
        resources: [
          resource('k1'),
          resource('f1', 'aws.future.thing'),
          resource('f2', 'aws.future.thing'),
          resource('k1'),
        ],
      }),
    );
    const inv = loadSnapshot(f);
    assert.equal(inv.resources.length, 1);
    assert.ok(inv.warnings.some((w) => w.includes("unknown resource type 'aws.future.thing' (2 resources)")));
    assert.ok(inv.warnings.some((w) => w.includes('duplicate resource uid k1')));
  });

  it('reports a missing path clearly', () => {
    assert.throws(() => loadSnapshot('/nonexistent/snap.json'), /nonexistent\/snap.json: cannot read: ENOENT/);
  });
});
