// The MITRE ATT&CK IaaS, NIST SP 800-53 Rev. 5 and PCI DSS v4.0 framework files: they load, their ids are well
// formed and unique, every requirement is decided by existing rules or left to a person, ATT&CK keeps exactly the
// v18 → v19 renumberings of mamori's reference notes, and a scan of the demo organisation runs with each of them.
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
import { type Framework, ruleRefId } from '../src/frameworks/model.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const NOW = new Date('2026-11-01T00:00:00Z');
const ruleIds = new Set(BUILTIN_RULES.map((r) => r.id));

interface Expect {
  id: string;
  /** Requirement count, inclusive bounds. */
  count: [number, number];
  idPattern: RegExp;
  /** The section a requirement id belongs to, as the start of its `section`. */
  sectionOf: (id: string, fw: Framework) => string;
}

const NIST_FAMILIES = ['AC', 'AU', 'CM', 'CP', 'IA', 'IR', 'RA', 'SA', 'SC', 'SI'];
const PCI_PRINCIPALS = ['1', '2', '3', '4', '5', '6', '7', '8', '10', '11', '12'];

const FRAMEWORKS: Expect[] = [
  {
    id: 'mitre-attack-iaas',
    count: [104, 104],
    idPattern: /^T[0-9]{4}(\.[0-9]{3})?$/,
    sectionOf: (id, fw) => {
      const tactics = String(fw.requirements.find((r) => r.id === id)?.attributes?.tactics ?? '');
      return `${tactics.split(', ')[0]} `;
    },
  },
  {
    id: 'nist-800-53-r5',
    count: [80, 150],
    idPattern: new RegExp(`^(${NIST_FAMILIES.join('|')})-[1-9][0-9]?(\\([1-9][0-9]?\\))?$`),
    sectionOf: (id) => `${id.slice(0, 2)} `,
  },
  {
    id: 'pci-dss-4.0',
    count: [100, 180],
    idPattern: new RegExp(`^(${PCI_PRINCIPALS.join('|')})\\.[1-9][0-9]?\\.[1-9][0-9]?(\\.[1-9])?$`),
    sectionOf: (id) => `${id.split('.')[0]} `,
  },
];

const file = (id: string) => join(BUILTIN_FRAMEWORK_DIR, `${id}.yaml`);

describe('ATT&CK, NIST 800-53 and PCI DSS framework files', () => {
  for (const x of FRAMEWORKS) {
    const fw = loadFrameworkFile(file(x.id));

    it(`${x.id}: loads by id, is listed, and has ${x.count[0]}–${x.count[1]} requirements`, () => {
      assert.equal(fw.id, x.id);
      assert.equal(loadFramework(x.id).id, x.id);
      const info = listFrameworks().find((f) => f.id === x.id);
      assert.ok(info, `${x.id} is listed`);
      assert.equal(info.kind, 'framework');
      const n = fw.requirements.length;
      assert.ok(n >= x.count[0] && n <= x.count[1], `${n} requirements`);
      assert.equal(info.requirements, info.automated + info.manual);
      assert.ok(info.automated / n >= 0.5, `at least half automated (${info.automated}/${n})`);
      assert.ok(fw.source?.includes("mamori's own"), 'source says which words are our own');
      assert.ok(fw.description.en.trim() && JAPANESE.test(fw.description.ja));
    });

    it(`${x.id}: ids unique and well formed, each in the section of its id`, () => {
      const ids = fw.requirements.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'unique ids');
      for (const r of fw.requirements) {
        assert.match(r.id, x.idPattern);
        assert.ok(r.section.startsWith(x.sectionOf(r.id, fw)), `${r.id} in section '${r.section}'`);
        assert.ok(r.title.en.trim() && JAPANESE.test(r.title.ja), `${r.id}: title in en and ja`);
      }
    });

    it(`${x.id}: every requirement has rules with a rationale, or a manual item with guidance`, () => {
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

    it(`${x.id}: every mapped rule exists and its params are declared by the rule`, () => {
      const { unknown, referenced } = frameworkCoverage(fw, ruleIds);
      assert.deepEqual(unknown, []);
      assert.ok(referenced.length >= 40, `${referenced.length} distinct rules referenced`);
      assert.deepEqual(frameworkParamIssues(fw, BUILTIN_RULES), []);
    });
  }

  it('NIST: every control enhancement comes with its base control', () => {
    const fw = loadFrameworkFile(file('nist-800-53-r5'));
    const ids = new Set(fw.requirements.map((r) => r.id));
    for (const id of ids) {
      const base = id.replace(/\(\d+\)$/, '');
      assert.ok(ids.has(base), `${id} without ${base}`);
    }
    assert.deepEqual(
      NIST_FAMILIES.filter((f) => !fw.requirements.some((r) => r.id.startsWith(`${f}-`))),
      [],
      'every family in scope has controls',
    );
  });

  it('PCI DSS: every principal requirement in scope is present, requirement 9 is not', () => {
    const fw = loadFrameworkFile(file('pci-dss-4.0'));
    const principals = new Set(fw.requirements.map((r) => r.id.split('.')[0]));
    assert.deepEqual([...principals].sort(), [...PCI_PRINCIPALS].sort());
    const thresholds = Object.fromEntries(
      fw.requirements.flatMap((r) =>
        (r.rules ?? []).flatMap((ref) => (typeof ref === 'string' ? [] : [[`${r.id} ${ref.id}`, ref.params]])),
      ),
    );
    assert.deepEqual(thresholds, {
      '8.2.6 aws-iam-user-unused-credentials-disabled': { maxDays: 90 },
      '8.3.6 aws-iam-password-policy-min-length': { minLength: 12 },
      '8.3.7 aws-iam-password-policy-reuse-prevention': { minReuse: 4 },
    });
  });
});

describe('MITRE ATT&CK IaaS: v19 ids, v18 ids kept where they changed', () => {
  const fw = loadFrameworkFile(file('mitre-attack-iaas'));
  const byId = new Map(fw.requirements.map((r) => [r.id, r]));

  // The v19 IaaS techniques and sub-techniques (mamori's reference notes, attack-cloud.md section 3), without the
  // parents that are not themselves IaaS (T1020, T1036, T1686).
  const V19_IAAS = [
    'T1020.001 T1021 T1021.007 T1021.008 T1036.010 T1040 T1046 T1048 T1049 T1059 T1059.009 T1069 T1069.003 T1074',
    'T1074.002 T1078 T1078.001 T1078.004 T1082 T1087 T1087.004 T1098 T1098.001 T1098.003 T1098.004 T1110 T1110.001',
    'T1110.003 T1110.004 T1119 T1136 T1136.003 T1190 T1199 T1201 T1204 T1204.003 T1211 T1213 T1213.006 T1485',
    'T1485.001 T1486 T1489 T1490 T1491 T1491.002 T1496 T1496.001 T1496.002 T1498 T1498.001 T1498.002 T1499',
    'T1499.002 T1499.003 T1499.004 T1518 T1518.001 T1525 T1526 T1528 T1530 T1531 T1535 T1537 T1538 T1546 T1548',
    'T1548.005 T1550 T1550.001 T1550.004 T1552 T1552.001 T1552.005 T1555 T1555.006 T1556 T1556.006 T1556.007',
    'T1556.009 T1578 T1578.001 T1578.002 T1578.003 T1578.004 T1578.005 T1580 T1606 T1606.001 T1606.002 T1614',
    'T1619 T1621 T1648 T1651 T1654 T1666 T1680 T1685 T1685.002 T1686.001 T1687',
  ]
    .join(' ')
    .split(' ');

  it('holds exactly the v19 IaaS techniques and sub-techniques', () => {
    assert.equal(V19_IAAS.length, 104);
    assert.deepEqual([...byId.keys()].sort(), [...V19_IAAS].sort());
  });

  it('previousId only where v19 renumbered a v18 technique, with attackVersion 19', () => {
    const previous = Object.fromEntries(
      fw.requirements.filter((r) => r.attributes?.previousId).map((r) => [r.id, r.attributes?.previousId]),
    );
    assert.deepEqual(previous, { T1685: 'T1562.001', 'T1685.002': 'T1562.008', 'T1686.001': 'T1562.007' });
    for (const id of Object.keys(previous)) assert.equal(byId.get(id)?.attributes?.attackVersion, '19', id);
    // New in v19 without a predecessor; every other technique has the same id in v18.1.
    assert.equal(byId.get('T1687')?.attributes?.attackVersion, '19');
    assert.equal(byId.get('T1687')?.attributes?.previousId, undefined);
    const versioned = fw.requirements.filter((r) => r.attributes?.attackVersion).map((r) => r.id);
    assert.deepEqual(versioned.sort(), ['T1685', 'T1685.002', 'T1686.001', 'T1687']);
    assert.ok(
      fw.requirements.every((r) => !r.id.startsWith('T1562')),
      'the revoked v18 ids are not requirement ids',
    );
  });

  it('tactics and mitigations are well formed and named in references', () => {
    const refs = fw.references ?? {};
    for (const r of fw.requirements) {
      const tactics = String(r.attributes?.tactics ?? '').split(', ');
      assert.ok(tactics.length > 0 && tactics.every((t) => /^TA[0-9]{4}$/.test(t) && refs[t]), `${r.id} tactics`);
      assert.ok(r.section.startsWith(`${tactics[0]} `), r.id);
      const mitigations = r.attributes?.mitigations;
      if (mitigations === undefined) continue;
      for (const m of String(mitigations).split(', ')) {
        assert.match(m, /^M[0-9]{4}$/, r.id);
        assert.ok(refs[m]?.en && JAPANESE.test(refs[m].ja), `${r.id}: ${m} named in references`);
      }
    }
    // v19 renamed Defense Evasion to Stealth (TA0005) and added Defense Impairment (TA0112).
    assert.equal(refs.TA0005?.en, 'Stealth');
    assert.equal(refs.TA0112?.en, 'Defense Impairment');
    assert.equal(byId.get('T1685.002')?.section, 'TA0112 Defense Impairment');
  });
});

describe('a scan of the demo organisation runs with each framework', () => {
  const inventory = loadSnapshot(packagePath('examples', 'demo-org'));
  for (const x of FRAMEWORKS) {
    it(`${x.id}: findings only for its rules, one MANUAL finding per manual item and account`, () => {
      const fw = loadFramework(x.id);
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
  }
});
