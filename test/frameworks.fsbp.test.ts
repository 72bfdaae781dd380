// The AWS Foundational Security Best Practices framework file: it loads, every Security Hub control id that a rule
// names in its `fsbp` field is a requirement that lists that rule, every mapped rule exists, control ids are unique
// and well formed, every requirement is decided by rules or left to a person, and a scan of the demo runs with it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATEGORIES } from '../src/core/category.js';
import { runScan } from '../src/engine/scan.js';
import {
  BUILTIN_FRAMEWORK_DIR,
  frameworkCoverage,
  frameworkParamIssues,
  listFrameworks,
  loadFramework,
  loadFrameworkFile,
} from '../src/frameworks/load.js';
import { ruleRefId } from '../src/frameworks/model.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const NOW = new Date('2026-11-01T00:00:00Z');
/** A Security Hub control id: service prefix, a dot, a number (S3.8, Opensearch.1, GuardDuty.11). */
const CONTROL_ID = /^[A-Za-z][A-Za-z0-9]*\.[1-9][0-9]*$/;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
/** Security Hub controls that rules name but that belong to other standards (CIS, NIST, PCI), not to FSBP. */
const NOT_IN_STANDARD = ['EC2.13', 'EC2.14', 'ELB.16', 'KMS.4', 'S3.14', 'S3.17', 'S3.20', 'SNS.1'];

const fw = loadFrameworkFile(join(BUILTIN_FRAMEWORK_DIR, 'aws-fsbp.yaml'));
const byId = new Map(fw.requirements.map((r) => [r.id, r]));
const ruleIds = new Set(BUILTIN_RULES.map((r) => r.id));

describe('AWS Foundational Security Best Practices framework (aws-fsbp)', () => {
  it('loads by id, is listed, and says which words are its own', () => {
    assert.equal(fw.id, 'aws-fsbp');
    assert.equal(fw.version, '1.0.0');
    assert.equal(loadFramework('aws-fsbp').id, 'aws-fsbp');
    const info = listFrameworks().find((f) => f.id === 'aws-fsbp');
    assert.ok(info, 'aws-fsbp is listed');
    assert.equal(info.kind, 'framework');
    assert.ok(info.requirements >= 200, `${info.requirements} requirements`);
    assert.equal(info.requirements, info.automated + info.manual);
    assert.ok(fw.source?.includes("mamori's own"), 'source says which words are our own');
    assert.ok(fw.description.en.trim() && JAPANESE.test(fw.description.ja));
  });

  it("every rule's fsbp control is a requirement that lists the rule", () => {
    const missing: string[] = [];
    for (const rule of BUILTIN_RULES) {
      for (const control of rule.fsbp ?? []) {
        const req = byId.get(control);
        if (!req) missing.push(`${control} (named by ${rule.id}) is not a requirement`);
        else if (!(req.rules ?? []).some((ref) => ruleRefId(ref) === rule.id))
          missing.push(`${control} does not list ${rule.id}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('every mapped rule exists and its params are declared by the rule', () => {
    const { unknown, referenced } = frameworkCoverage(fw, ruleIds);
    assert.deepEqual(unknown, []);
    assert.ok(referenced.length >= 100, `${referenced.length} distinct rules referenced`);
    assert.deepEqual(frameworkParamIssues(fw, BUILTIN_RULES), []);
  });

  it('control ids are unique and well formed, each in the section of its service', () => {
    const ids = fw.requirements.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    for (const r of fw.requirements) {
      assert.match(r.id, CONTROL_ID);
      const service = r.id.split('.')[0];
      assert.ok(r.section.startsWith(`${service} `), `${r.id} in section '${r.section}'`);
      assert.ok(r.title.en.trim() && JAPANESE.test(r.title.ja), `${r.id}: title in en and ja`);
      const severity = r.attributes?.severity;
      if (severity !== undefined) assert.ok(SEVERITIES.includes(String(severity)), `${r.id}: severity ${severity}`);
    }
  });

  it('every requirement has rules with a rationale, or a manual item with guidance', () => {
    for (const r of fw.requirements) {
      if (r.rules) {
        assert.equal(r.manual, undefined, r.id);
        assert.ok(r.rules.length > 0, r.id);
        assert.ok(r.rationale?.en.trim() && JAPANESE.test(r.rationale.ja), `${r.id}: rationale in en and ja`);
      } else {
        assert.ok(r.manual, `${r.id}: rules or manual`);
        assert.ok(r.manual.guidance.en.trim() && JAPANESE.test(r.manual.guidance.ja), `${r.id}: guidance`);
        assert.ok((CATEGORIES as readonly string[]).includes(r.manual.category), r.id);
      }
    }
  });

  it('marks exactly the controls of other Security Hub standards with inFsbpStandard: false', () => {
    const marked = fw.requirements.filter((r) => r.attributes?.inFsbpStandard === false).map((r) => r.id);
    assert.deepEqual(marked.sort(), [...NOT_IN_STANDARD].sort());
    for (const id of NOT_IN_STANDARD) assert.ok(byId.get(id)?.rules?.length, `${id} is decided by rules`);
  });

  it('a scan of the demo gives findings only for its rules and one MANUAL finding per manual item and account', () => {
    const inventory = loadSnapshot(packagePath('examples', 'demo-org'));
    const result = runScan(inventory, BUILTIN_RULES, { framework: fw, now: NOW });
    const referenced = new Set(fw.requirements.flatMap((r) => (r.rules ?? []).map(ruleRefId)));
    const manualIds = new Set(fw.requirements.filter((r) => r.manual).map((r) => `${fw.id}:${r.id}`));
    const accounts = new Set(inventory.resources.map((r) => r.account));
    const manual = result.findings.filter((f) => f.status === 'MANUAL');
    assert.equal(manual.length, manualIds.size * accounts.size);
    for (const f of result.findings) {
      assert.ok(referenced.has(f.ruleId) || manualIds.has(f.ruleId), `unexpected finding for ${f.ruleId}`);
    }
    assert.ok(
      result.findings.some((f) => f.status === 'PASS') && result.findings.some((f) => f.status === 'FAIL'),
      'the demo has passing and failing checks',
    );
  });
});
