import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../src/core/text.js';
import { msg } from '../src/i18n/index.js';
import { REPORTERS } from '../src/report/index.js';
import { displayWidth, padEnd, padStart, printable, truncate } from '../src/report/text-width.js';
import { scan } from './report.fixture.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

describe('width helpers', () => {
  it('counts East Asian wide characters as two columns', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('日本語'), 6);
    assert.equal(displayWidth('ｱ'), 1, 'halfwidth katakana is narrow');
    assert.equal(displayWidth('Ａ'), 2, 'fullwidth latin is wide');
    assert.equal(padEnd('準拠', 6), '準拠  ');
    assert.equal(padStart('12', 4), '  12');
  });
  it('truncates to a display width, never splitting a wide character', () => {
    assert.equal(truncate('セキュリティグループ', 9), 'セキュ...');
    assert.equal(truncate('セキュリティグループ', 8), 'セキ...');
    assert.equal(displayWidth(truncate('セキュリティグループ', 10)), 9);
    assert.equal(truncate('short', 10), 'short');
  });
  it('removes terminal control sequences', () => {
    assert.equal(printable('a\u001b[2Jb\u0007c\u202e'), 'a [2Jb c ');
  });
});

describe('table reporter', () => {
  const result = scan();
  for (const lang of LANGS) {
    it(`${lang}: score, statuses, severities, accounts, top rules, errors and the hint`, () => {
      const out = REPORTERS.table!.render(result, lang, { color: false });
      assert.ok(!out.includes('\u001b'), 'no escape sequences without colour (the hostile warning is neutralised)');
      assert.ok(out.includes(msg(lang, 'score')));
      assert.ok(out.includes('36.4 / 100'));
      for (const word of lang === 'ja'
        ? ['違反 4', '判定不能 3', '準拠 3', '例外 1', '手動確認 2', '該当なし 1', '重大 1']
        : ['FAIL 4', 'ERROR 3', 'PASS 3', 'EXCEPTED 1', 'MANUAL 2', 'N/A 1', 'Critical 1']) {
        assert.ok(out.includes(word), `${word} in\n${out}`);
      }
      assert.match(out, /111122223333\s+17\.9\s+4\s+2/);
      assert.match(out, /222233334444\s+68\.8\s+0\s+1/);
      assert.ok(out.includes('test-ec2-security-group-no-open-ssh'));
      assert.ok(
        out.includes(
          lang === 'ja'
            ? 'セキュリティグループで SSH が全開放されていない'
            : 'Security groups do not allow SSH from anywhere',
        ),
      );
      assert.ok(out.includes(msg(lang, 'collectionErrors')) && out.includes('ListBuckets'));
      assert.ok(out.includes(msg(lang, 'warnings')));
      assert.ok(out.includes('--format') && out.includes('--out'));
      // Top rules are ordered worst severity first.
      assert.ok(out.indexOf('test-ec2-security-group-no-open-ssh') < out.indexOf('test-iam-user-mfa'));
    });

    it(`${lang}: every line fits in 100 columns, and in 60 when asked`, () => {
      for (const width of [100, 60]) {
        const out = REPORTERS.table!.render(result, lang, { color: true, width });
        for (const line of out.split('\n')) {
          assert.ok(
            displayWidth(line.replace(ANSI, '')) <= width,
            `${displayWidth(line.replace(ANSI, ''))} > ${width}: ${line}`,
          );
        }
      }
    });

    it(`${lang}: colour only when asked`, () => {
      const out = REPORTERS.table!.render(result, lang, { color: true });
      assert.match(out, ANSI);
      assert.equal(out.replace(ANSI, ''), REPORTERS.table!.render(result, lang, { color: false }));
    });
  }
});
