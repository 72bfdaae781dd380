// The bundled demo organisation (examples/demo-org): loads cleanly, covers every resource type, and is exactly
// what scripts/gen-demo.ts generates (run `node dist/scripts/gen-demo.js` after changing the generator).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildDemo, DEMO_DIR } from '../scripts/gen-demo.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { RESOURCE_TYPES, TEMPLATE_ONLY_TYPES } from '../src/inventory/types.js';
import { packagePath } from '../src/paths.js';

const dir = packagePath(...DEMO_DIR);
const inventory = loadSnapshot(dir);

describe('demo organisation (examples/demo-org)', () => {
  it('loads without warnings: three accounts, 300+ resources', () => {
    assert.deepEqual(inventory.warnings, []);
    const accounts = new Set(inventory.resources.map((r) => r.account));
    assert.deepEqual([...accounts].sort(), ['210987654321', '345678901234', '456789012345']);
    assert.ok(inventory.resources.length >= 300, `${inventory.resources.length} resources`);
  });

  it('covers at least two regions per account', () => {
    for (const account of new Set(inventory.resources.map((r) => r.account))) {
      const regions = inventory.resources.filter((r) => r.account === account && r.type === 'aws.region');
      assert.ok(regions.length >= 2, `${account}: ${regions.length} regions`);
      for (const r of regions) assert.equal(r.uid, `arn:aws:ec2:${r.region}:${account}:region/${r.region}`);
    }
  });

  it('has every resource type a live scan collects at least once', () => {
    const present = new Set(inventory.resources.map((r) => r.type));
    const missing = [...RESOURCE_TYPES].filter((t) => !present.has(t) && !TEMPLATE_ONLY_TYPES.has(t as never));
    assert.deepEqual(missing, []);
  });

  it('reads as live collection, with only the deliberate collection problems', () => {
    for (const r of inventory.resources) {
      assert.equal(r.source.kind, 'live', r.uid);
      assert.ok(r.source.collectedAt, r.uid);
    }
    const gaps = inventory.resources.flatMap((r) => Object.keys(r.gaps ?? {}).map((path) => `${r.type} ${path}`));
    assert.deepEqual(gaps.sort(), [
      'aws.kms.key KeyRotationEnabled',
      'aws.region MacieSession',
      'aws.s3.bucket Policy',
    ]);
    assert.deepEqual(
      inventory.errors.map((e) => `${e.account} ${e.region} ${e.service}:${e.operation}`),
      ['345678901234 ap-northeast-3 macie2:GetMacieSession'],
    );
  });

  it('is exactly what scripts/gen-demo.ts generates', () => {
    const generated = buildDemo();
    const committed = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    assert.deepEqual(committed, generated.map((f) => f.name).sort());
    for (const f of generated) {
      assert.equal(
        readFileSync(join(dir, f.name), 'utf8'),
        f.text,
        `${f.name} is stale: run node dist/scripts/gen-demo.js`,
      );
    }
  });

  it('stays small enough to ship in the package (< 3 MB)', () => {
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    assert.ok(bytes < 3_000_000, `${bytes} bytes`);
  });
});
