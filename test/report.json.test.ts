import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { LANGS } from '../src/core/text.js';
import { packagePath } from '../src/paths.js';
import { EVIDENCE_LIMIT } from '../src/report/common.js';
import { REPORTERS } from '../src/report/index.js';
import type { FindingsDocument } from '../src/report/json.js';
import { HOSTILE_NAME, scan } from './report.fixture.js';

const schema = JSON.parse(readFileSync(packagePath('schema', 'findings.v1.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

describe('json reporter', () => {
  const result = scan();
  for (const lang of LANGS) {
    it(`${lang}: validates against schema/findings.v1.schema.json`, () => {
      const doc = JSON.parse(REPORTERS.json!.render(result, lang)) as FindingsDocument;
      assert.ok(validate(doc), ajv.errorsText(validate.errors));
      assert.equal(doc.format, 'mamori.findings');
      assert.equal(doc.version, 1);
      assert.equal(doc.lang, lang);
      assert.equal(doc.findings.length, result.findings.length);
      assert.equal(doc.notApplicable, 1);
      assert.deepEqual(
        doc.rules.map((r) => r.id),
        [...result.rules.keys()].sort(),
      );
      assert.equal(doc.manual.length, 1);
      assert.equal(doc.manual[0]!.ruleId, 'test-fw:1.2');
    });

    it(`${lang}: titles in the language, findings ordered FAIL first, resources intact`, () => {
      const doc = JSON.parse(REPORTERS.json!.render(result, lang)) as FindingsDocument;
      const sg = doc.findings.find((f) => f.ruleId === 'test-ec2-security-group-no-open-ssh' && f.status === 'FAIL')!;
      assert.equal(
        sg.title,
        lang === 'ja'
          ? 'セキュリティグループで SSH が全開放されていない'
          : 'Security groups do not allow SSH from anywhere',
      );
      const manual = doc.findings.find((f) => f.status === 'MANUAL')!;
      assert.equal(
        manual.title,
        lang === 'ja' ? '環境ごとにアカウントを分割している' : 'Accounts are separated by environment',
      );
      assert.deepEqual(
        doc.findings.map((f) => f.status),
        [
          'FAIL',
          'FAIL',
          'FAIL',
          'FAIL',
          'ERROR',
          'ERROR',
          'ERROR',
          'EXCEPTED',
          'MANUAL',
          'MANUAL',
          'PASS',
          'PASS',
          'PASS',
        ],
      );
      assert.equal(
        doc.findings.find((f) => f.resource.name === HOSTILE_NAME)?.resource.tags.Owner,
        '=HYPERLINK("http://x")',
      );
    });
  }

  it('truncates evidence over 4 KB with a marker; small evidence stays as is', () => {
    const doc = JSON.parse(REPORTERS.json!.render(result, 'en')) as FindingsDocument;
    const sg = doc.findings.find((f) => f.ruleId === 'test-ec2-security-group-no-open-ssh' && f.status === 'FAIL')!;
    const ev = sg.evidence as { $truncated: boolean; bytes: number; preview: string };
    assert.equal(ev.$truncated, true);
    assert.ok(ev.bytes > EVIDENCE_LIMIT);
    assert.equal(ev.preview.length, EVIDENCE_LIMIT);
    const kms = doc.findings.find((f) => f.ruleId === 'aws-kms-key-rotation-enabled' && f.status === 'FAIL')!;
    assert.equal(kms.evidence, false);
    assert.equal(kms.evidencePath, 'KeyRotationEnabled');
  });

  it('the schema rejects a finding without its status fields', () => {
    const doc = JSON.parse(REPORTERS.json!.render(result, 'en')) as FindingsDocument;
    const bad = structuredClone(doc);
    delete bad.findings.find((f) => f.status === 'ERROR')!.cause;
    assert.equal(validate(bad), false);
  });
});
