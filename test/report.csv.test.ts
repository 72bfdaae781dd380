import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../src/core/text.js';
import { msg } from '../src/i18n/index.js';
import { csvCell, neutraliseFormula } from '../src/report/csv.js';
import { REPORTERS } from '../src/report/index.js';
import { HOSTILE_NAME, HOSTILE_TAG, scan } from './report.fixture.js';

/** RFC 4180 reader: records end with CRLF; a bare LF or CR outside quotes is an error here. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      assert.ok(c !== '\r' && c !== '\n' && c !== '"', `unquoted ${JSON.stringify(c)} at ${i}`);
      cell += c;
      i++;
    }
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

describe('csv reporter', () => {
  const result = scan();
  it('neutralises formula cells and quotes per RFC 4180', () => {
    assert.equal(neutraliseFormula(HOSTILE_TAG), `'${HOSTILE_TAG}`);
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1']) assert.equal(neutraliseFormula(s)[0], "'");
    assert.equal(neutraliseFormula('safe=1'), 'safe=1');
    assert.equal(csvCell('a,"b"'), '"a,""b"""');
    assert.equal(csvCell('=A1,B'), `"'=A1,B"`);
  });

  for (const lang of LANGS) {
    it(`${lang}: BOM, CRLF, a header in the language and one row per finding`, () => {
      const text = REPORTERS.csv!.render(result, lang);
      assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
      const rows = parseCsv(text.slice(1));
      assert.equal(rows.length, result.findings.length + 1);
      const header = rows[0]!;
      assert.equal(header.length, 15);
      assert.equal(header[0], msg(lang, 'findingId'));
      assert.equal(header[12], msg(lang, 'remediation'));
      for (const r of rows) assert.equal(r.length, header.length);
      const statuses = rows.slice(1).map((r) => r[1]);
      assert.equal(statuses[0], lang === 'ja' ? '違反' : 'FAIL');
      assert.ok(statuses.includes(lang === 'ja' ? '判定不能' : 'ERROR'));
    });

    it(`${lang}: no cell starts a formula; hostile strings survive as text`, () => {
      const rows = parseCsv(REPORTERS.csv!.render(result, lang).slice(1));
      for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
      const flat = rows.flat();
      assert.ok(flat.includes(HOSTILE_NAME));
      assert.ok(
        flat.some((c) => c.startsWith("'-1+1 ")),
        'a name starting with - is neutralised',
      );
      assert.ok(flat.includes("'@admin-sg"));
      assert.ok(flat.some((c) => c.includes(`Owner=${HOSTILE_TAG}`)));
      const error = rows.find((r) => r[8]!.endsWith('key/2222'))!;
      assert.match(error[10]!, /AccessDenied/);
      assert.equal(error[12], '', 'an ERROR row carries no rule remediation');
      const fail = rows.find((r) => r[8]!.endsWith('key/1111'))!;
      assert.match(fail[12]!, /aws kms enable-key-rotation/);
    });
  }
});
