import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../src/core/text.js';
import { en } from '../src/i18n/en.js';
import { MESSAGES, msg } from '../src/i18n/index.js';
import { ja } from '../src/i18n/ja.js';
import { FORMATS, REPORTERS, renderReports } from '../src/report/index.js';
import { scan } from './report.fixture.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report strings (src/i18n)', () => {
  it('en and ja have the same keys and the same placeholders', () => {
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      assert.ok(ja[key].trim().length > 0, key);
      assert.deepEqual(placeholders(ja[key]), placeholders(en[key]), key);
    }
  });
  it('uses the glossary words for statuses and severities', () => {
    assert.deepEqual(
      ['PASS', 'FAIL', 'ERROR', 'MANUAL', 'EXCEPTED', 'N/A'].map((s) => MESSAGES.ja[`status.${s}` as keyof typeof en]),
      ['準拠', '違反', '判定不能', '手動確認', '例外', '該当なし'],
    );
    assert.deepEqual(
      ['critical', 'high', 'medium', 'low', 'info'].map((s) => MESSAGES.ja[`severity.${s}` as keyof typeof en]),
      ['重大', '高', '中', '低', '情報'],
    );
    assert.equal(msg('ja', 'score'), 'セキュリティスコア');
    assert.equal(msg('en', 'andMore', { n: 3 }), '… and 3 more');
    assert.equal(msg('en', 'andMore'), '… and {n} more');
  });
});

describe('report registry', () => {
  const result = scan();
  it('REPORTERS holds every format, each with a distinct file name', () => {
    assert.deepEqual(Object.keys(REPORTERS), [...FORMATS]);
    for (const [name, r] of Object.entries(REPORTERS)) assert.equal(r.format, name);
    const exts = Object.values(REPORTERS).map((r) => r.ext);
    assert.equal(new Set(exts).size, exts.length);
  });

  for (const lang of LANGS) {
    it(`${lang}: renderReports renders each requested format once, in order`, () => {
      const out = renderReports(result, ['html', 'json', 'html', 'csv'], lang);
      assert.deepEqual(
        out.map((o) => o.fileName),
        ['mamori.html', 'mamori.json', 'mamori.csv'],
      );
      for (const o of out) assert.ok(o.content.length > 0);
    });
  }

  it('every format differs between en and ja', () => {
    for (const f of FORMATS) assert.notEqual(REPORTERS[f]!.render(result, 'en'), REPORTERS[f]!.render(result, 'ja'), f);
  });

  it('an unknown format is an error', () => {
    assert.throws(() => renderReports(result, ['pdf'], 'en'), /unknown report format 'pdf'/);
  });

  it('rendering is deterministic and does not change the scan result', () => {
    const before = JSON.stringify(result.findings);
    for (const f of FORMATS) assert.equal(REPORTERS[f]!.render(result, 'ja'), REPORTERS[f]!.render(result, 'ja'), f);
    assert.equal(JSON.stringify(result.findings), before);
  });
});
