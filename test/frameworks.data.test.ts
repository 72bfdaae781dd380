// The CIS Controls v8.1 and ISO/IEC 27001:2022 (+ 27017) framework files: the published ids are all there exactly
// once, each requirement is decided by existing rules (with a reason) or is a MANUAL item, and the attributes hold
// the facts the files claim (implementation groups, asset types, security functions, the 27017 marker).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATEGORIES } from '../src/core/category.js';
import {
  BUILTIN_FRAMEWORK_DIR,
  frameworkCoverage,
  frameworkParamIssues,
  loadFramework,
  loadFrameworkFile,
} from '../src/frameworks/load.js';
import { type Framework, ruleRefId } from '../src/frameworks/model.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const load = (id: string): Framework => loadFrameworkFile(join(BUILTIN_FRAMEWORK_DIR, `${id}.yaml`));
const cis = load('cis-controls-8.1');
const iso = load('iso-27001-2022');
const ruleIds = new Set(BUILTIN_RULES.map((r) => r.id));

/** "1.1" … "1.n" for each count. */
const numbered = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);

/** Safeguards per CIS Control in v8.1 (153 in all). */
const CIS_SAFEGUARDS: Record<number, number> = {
  1: 5,
  2: 7,
  3: 14,
  4: 12,
  5: 6,
  6: 8,
  7: 7,
  8: 12,
  9: 7,
  10: 7,
  11: 5,
  12: 8,
  13: 11,
  14: 9,
  15: 7,
  16: 14,
  17: 9,
  18: 5,
};

const ISO_THEMES: Record<string, { section: string; count: number }> = {
  '5': { section: '5 Organizational controls', count: 37 },
  '6': { section: '6 People controls', count: 8 },
  '7': { section: '7 Physical controls', count: 14 },
  '8': { section: '8 Technological controls', count: 34 },
};
const CLOUD_CONTROLS = ['CLD.6.3.1', 'CLD.8.1.5', 'CLD.9.5.1', 'CLD.9.5.2', 'CLD.12.1.5', 'CLD.12.4.5', 'CLD.13.1.4'];

describe('CIS Controls v8.1 and ISO/IEC 27001:2022 framework files', () => {
  for (const fw of [cis, iso]) {
    it(`${fw.id}: loads by id, a plain framework, every requirement decided by rules or a manual item`, () => {
      assert.equal(loadFramework(fw.id), fw, 'found among the shipped frameworks');
      assert.equal(fw.kind ?? 'framework', 'framework');
      assert.ok(fw.source?.includes("mamori's own words"), 'source says which text is our own');
      const ids = fw.requirements.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      for (const r of fw.requirements) {
        assert.ok(r.title.en.trim() && JAPANESE.test(r.title.ja), `${r.id}: title in en and ja`);
        const hasRules = (r.rules?.length ?? 0) > 0;
        assert.notEqual(hasRules, r.manual !== undefined, `${r.id}: rules or manual, exactly one`);
        if (hasRules) {
          assert.ok(r.rationale?.en.trim() && JAPANESE.test(r.rationale.ja), `${r.id}: why the rules serve it`);
        } else {
          const g = r.manual?.guidance;
          assert.ok(g?.en.trim() && JAPANESE.test(g.ja), `${r.id}: guidance in en and ja`);
          assert.ok((CATEGORIES as readonly string[]).includes(r.manual?.category ?? ''), `${r.id}: category`);
        }
      }
    });

    it(`${fw.id}: every mapped rule exists and takes the params given`, () => {
      assert.deepEqual(frameworkCoverage(fw, ruleIds).unknown, []);
      assert.deepEqual(frameworkParamIssues(fw, BUILTIN_RULES), []);
      for (const r of fw.requirements) {
        for (const ref of r.rules ?? []) assert.ok(ruleIds.has(ruleRefId(ref)), `${r.id}: ${ruleRefId(ref)} exists`);
      }
    });
  }

  it('cis-controls-8.1: 153 safeguards, numbered per control, in order, with the control as section', () => {
    assert.equal(cis.requirements.length, 153);
    const expected = Object.entries(CIS_SAFEGUARDS).flatMap(([n, count]) => numbered(n, count));
    assert.deepEqual(
      cis.requirements.map((r) => r.id),
      expected,
    );
    const sections = new Set<string>();
    for (const r of cis.requirements) {
      assert.match(r.id, /^(1[0-8]|[1-9])\.(1[0-4]|[1-9])$/);
      assert.match(r.section, new RegExp(`^${r.id.split('.')[0]} [A-Z]`), `${r.id}: section is its control`);
      sections.add(r.section);
    }
    assert.equal(sections.size, 18);
    assert.ok(sections.has('3 Data Protection'));
  });

  it('cis-controls-8.1: implementation groups nest (IG1 ⊂ IG2 ⊂ IG3); asset type and security function are known values', () => {
    const assetTypes = new Set(['Devices', 'Software', 'Data', 'Users', 'Network', 'Documentation']);
    const functions = new Set(['Govern', 'Identify', 'Protect', 'Detect', 'Respond', 'Recover']);
    const byGroup: Record<string, number> = {};
    for (const r of cis.requirements) {
      const a = r.attributes ?? {};
      const groups = String(a.implementationGroups);
      assert.ok(['IG1, IG2, IG3', 'IG2, IG3', 'IG3'].includes(groups), `${r.id}: groups ${groups}`);
      byGroup[groups] = (byGroup[groups] ?? 0) + 1;
      assert.ok(assetTypes.has(String(a.assetType)), `${r.id}: asset type ${String(a.assetType)}`);
      assert.ok(functions.has(String(a.securityFunction)), `${r.id}: security function ${String(a.securityFunction)}`);
    }
    // v8.1: 56 safeguards in IG1, 130 in IG2, all 153 in IG3.
    assert.equal(byGroup['IG1, IG2, IG3'], 56);
    assert.equal((byGroup['IG1, IG2, IG3'] ?? 0) + (byGroup['IG2, IG3'] ?? 0), 130);
    for (const [id, title] of [
      ['3.11', 'Encrypt Sensitive Data at Rest'],
      ['6.5', 'Require MFA for Administrative Access'],
      ['8.2', 'Collect Audit Logs'],
      ['18.5', 'Perform Periodic Internal Penetration Tests'],
    ] as const) {
      assert.equal(cis.requirements.find((r) => r.id === id)?.title.en, title, `${id} title`);
    }
  });

  it('cis-controls-8.1: processes and training stay manual; encryption and logging are automated', () => {
    const req = (id: string) => cis.requirements.find((r) => r.id === id);
    for (const id of ['2.1', '3.1', '14.1', '14.9', '17.4', '18.1']) assert.ok(req(id)?.manual, `${id} is manual`);
    for (const id of ['3.10', '3.11', '4.4', '8.2', '11.2', '13.6'])
      assert.ok(req(id)?.rules?.length, `${id} is automated`);
    assert.ok(req('13.6')?.rules?.includes('aws-ec2-vpc-flow-logs-enabled'));
  });

  it('iso-27001-2022: the 93 Annex A controls in four themes, then the 7 ISO/IEC 27017 cloud controls', () => {
    assert.equal(iso.requirements.length, 100);
    const annex = iso.requirements.filter((r) => !r.id.startsWith('CLD.'));
    assert.equal(annex.length, 93);
    assert.deepEqual(
      annex.map((r) => r.id),
      Object.entries(ISO_THEMES).flatMap(([n, t]) => numbered(n, t.count)),
    );
    for (const r of annex) {
      assert.match(r.id, /^[5-8]\.[1-9][0-9]?$/);
      assert.equal(r.section, ISO_THEMES[r.id.split('.')[0] ?? '']?.section, `${r.id}: section is its theme`);
    }
    const cloud = iso.requirements.filter((r) => r.id.startsWith('CLD.'));
    assert.deepEqual(
      cloud.map((r) => r.id),
      CLOUD_CONTROLS,
    );
    for (const r of cloud) {
      assert.match(r.id, /^CLD\.[0-9]+(\.[0-9]+){2}$/);
      assert.equal(r.attributes?.standard, 'ISO/IEC 27017:2015', `${r.id}: marked as ISO/IEC 27017`);
      assert.equal(r.section, cloud[0]?.section, 'the cloud controls share one section');
    }
    assert.ok(!Object.values(ISO_THEMES).some((t) => t.section === cloud[0]?.section));
  });

  it('iso-27001-2022: short titles of well-known controls', () => {
    const title = (id: string) => iso.requirements.find((r) => r.id === id)?.title.en;
    assert.equal(title('5.23'), 'Information security for use of cloud services');
    assert.equal(title('8.16'), 'Monitoring activities');
    assert.equal(title('8.28'), 'Secure coding');
    assert.equal(title('CLD.9.5.2'), 'Virtual machine hardening');
    // Physical controls are AWS's part in its data centres: none is decided by a rule.
    for (const r of iso.requirements.filter((x) => x.id.startsWith('7.'))) assert.ok(r.manual, `${r.id} is manual`);
  });
});
