import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../src/core/input-error.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { accountInventory, loadRegistry } from '../src/report/accounts.js';

const demo = loadSnapshot(packagePath('examples', 'demo-org')).resources;

describe('account inventory (アカウント棚卸)', () => {
  it('lists every organisation account with scan status and last activity, against the registry', () => {
    const rows = accountInventory(demo, loadRegistry(packagePath('examples', 'accounts.yaml')));
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(rows.length, 5);
    assert.equal(byId.get('210987654321')?.registry, 'approved');
    assert.equal(byId.get('210987654321')?.scanned, true);
    assert.match(byId.get('345678901234')?.lastActivity ?? '', /^2026-/);
    assert.equal(byId.get('567890123456')?.status, 'SUSPENDED');
    assert.equal(byId.get('567890123456')?.registry, 'not-in-registry');
    assert.equal(byId.get('567890123456')?.scanned, false);
    assert.equal(byId.get('678901234567')?.registry, 'missing-from-organization');
    assert.equal(byId.get('456789012345')?.emailDomain, 'kitsune-shoji.co.jp');
  });

  it('without an organisation list, lists the scanned accounts', () => {
    const rows = accountInventory(demo.filter((r) => r.type !== 'aws.organizations.account'));
    assert.deepEqual(
      rows.map((r) => [r.id, r.registry]),
      [
        ['210987654321', 'no-registry'],
        ['345678901234', 'no-registry'],
        ['456789012345', 'no-registry'],
      ],
    );
  });

  it('a bad registry names the file and where', () => {
    const d = mkdtempSync(join(tmpdir(), 'mamori-reg-'));
    const bad = join(d, 'bad.yaml');
    writeFileSync(bad, 'accounts:\n  - id: "12345"\n');
    assert.throws(
      () => loadRegistry(bad),
      (e: unknown) => e instanceof InputError && /\/accounts\/0\/id/.test(e.message),
    );
    const broken = join(d, 'broken.yaml');
    writeFileSync(broken, 'accounts: [\n  - id: x\n');
    assert.throws(
      () => loadRegistry(broken),
      (e: unknown) => e instanceof InputError && /line \d+/.test(e.message),
    );
  });
});
