// Compliance reports (mamori report): every shipped framework in both languages from the demo, the guideline's table
// with attestations, self-contained escaped HTML opened in Chromium, PDF, attestation errors, and a copied framework.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { CATEGORIES } from '../src/core/category.js';
import { InputError } from '../src/core/input-error.js';
import { STATUSES } from '../src/core/status.js';
import { LANGS } from '../src/core/text.js';
import { runScan } from '../src/engine/scan.js';
import { checkAttestations, loadAttestations, parseAttestations } from '../src/frameworks/attestations.js';
import { listFrameworks, loadFramework } from '../src/frameworks/load.js';
import { PRIORITIES } from '../src/frameworks/model.js';
import { streamSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import {
  buildComplianceReport,
  type ComplianceReport,
  renderComplianceCsv,
  renderComplianceHtml,
  renderComplianceJson,
} from '../src/report/compliance/index.js';
import { esc } from '../src/report/html-template.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { FRAMEWORK, HOSTILE_NAME, SCRIPT_TAG, scan } from './report.fixture.js';

const DEMO = packagePath('examples', 'demo-org');
const ATTESTATIONS = packagePath('examples', 'attestations');
const GUIDELINE = 'org-cloud-guideline-example';
const PROD = '345678901234';
const CHROMIUM = process.env.MAMORI_CHROMIUM ?? '/usr/bin/chromium';
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const tmp = mkdtempSync(join(tmpdir(), 'mamori-compliance-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const dir = (name: string): string => mkdtempSync(join(tmp, `${name}-`));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    color: false,
    exitCode: 0,
  };
  return { code: await main(argv, io), out, err };
}

/** One scan of the demo per framework, shared by the tests. */
const reports = new Map<string, ComplianceReport>();
function demoReport(id: string): ComplianceReport {
  let r = reports.get(id);
  if (!r) {
    const framework = loadFramework(id);
    const attestations = loadAttestations([ATTESTATIONS]);
    checkAttestations(framework, attestations);
    const result = runScan(streamSnapshot(DEMO), BUILTIN_RULES, { framework });
    r = buildComplianceReport(result, framework, {
      attestations,
      resolveFramework: (x) => {
        try {
          return loadFramework(x);
        } catch {
          return undefined;
        }
      },
    });
    reports.set(id, r);
  }
  return r;
}

function checkPage(page: string, lang: string): void {
  assert.ok(page.startsWith('<!DOCTYPE html>'));
  assert.ok(page.includes(`<html lang="${lang}">`));
  const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1]?.replace(/&#39;/g, "'");
  assert.ok(csp, 'CSP meta present');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  const style = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  assert.ok(csp.includes(`style-src ${sha256(style)}`), 'the inline style is the one the CSP allows');
  assert.doesNotMatch(page, /<script|\ssrc=["']|<img|<iframe|<object|<embed|<link|<base/i);
  for (const m of page.matchAll(/\shref="([^"]*)"/g)) assert.match(m[1]!, /^#/, 'only links inside the page');
}

describe('mamori report: every shipped framework, both languages, from the demo', () => {
  for (const info of listFrameworks()) {
    it(`${info.id}: a requirement row per requirement and account, scored by section`, () => {
      const report = demoReport(info.id);
      const framework = loadFramework(info.id);
      assert.equal(report.requirements.length, framework.requirements.length);
      assert.deepEqual(report.accounts, ['210987654321', PROD, '456789012345']);
      for (const r of report.requirements) {
        assert.ok(STATUSES.includes(r.status), r.id);
        assert.equal(r.accounts.length, 3);
        assert.equal(r.automated, !framework.requirements.find((x) => x.id === r.id)?.manual);
        assert.ok(r.evidence.length <= 20 && r.evidenceOmitted >= 0);
        const total = STATUSES.reduce((a, s) => a + r.counts[s], 0);
        assert.equal(r.evidence.length + r.evidenceOmitted, total, `${r.id}: evidence bounded, the rest counted`);
      }
      const sectionSum = report.sections.reduce((a, s) => a + s.requirements, 0);
      assert.equal(sectionSum, report.requirements.length);
      assert.equal(report.overall.requirements, framework.requirements.length);
      for (const s of [report.overall, ...report.sections]) {
        assert.ok(s.score === null || (s.score >= 0 && s.score <= 100));
        assert.ok(s.coverage === null || (s.coverage >= 0 && s.coverage <= 100));
      }
      for (const lang of LANGS) {
        checkPage(renderComplianceHtml(report, lang), lang);
        const csv = renderComplianceCsv(report, lang);
        assert.ok(csv.startsWith('\uFEFF'));
        assert.equal(csv.split('\r\n').filter(Boolean).length, 1 + 3 * report.requirements.length);
      }
      const json = JSON.parse(renderComplianceJson(report));
      assert.equal(json.schema, 'mamori.compliance-report');
      assert.equal(json.framework.id, info.id);
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: the CLI writes report-<framework>.<ext> for CIS AWS and the guideline`, async () => {
      for (const id of ['cis-aws-6.0.0', GUIDELINE]) {
        const out = dir('cli');
        const r = await run(
          'report',
          '--framework',
          id,
          '--from',
          DEMO,
          '--format',
          'html,csv,json',
          '--out',
          out,
          '--lang',
          lang,
          '--attestations',
          ATTESTATIONS,
        );
        assert.equal(r.code, 0, r.err);
        assert.deepEqual(readdirSync(out).sort(), [`report-${id}.csv`, `report-${id}.html`, `report-${id}.json`]);
        assert.match(r.out, lang === 'ja' ? /準拠率: \d+\.\d%/ : /Compliance score: \d+\.\d%/);
      }
    });
  }
});

describe('exceptions in a report', () => {
  it('--exceptions turns matching findings into EXCEPTED and lists expired and unused exceptions', async () => {
    const out = dir('exceptions');
    const file = join(out, 'exceptions.yaml');
    writeFileSync(
      file,
      [
        'exceptions:',
        '  - id: EXC-1',
        '    kind: alternative-control',
        '    scope: { rule: aws-ec2-instance-imdsv2-required, account: "456789012345" }',
        '    reason: "Host firewall blocks the metadata service <b>"',
        '    approver: sec-team',
        '    expires: "2099-12-31"',
        '  - id: EXC-2',
        '    kind: not-applicable',
        '    scope: { rule: aws-rds-instance-not-public, resource: arn:aws:rds:*:*:db:no-such-db }',
        '    reason: Never used',
        '  - id: EXC-3',
        '    kind: alternative-control',
        '    scope: { rule: aws-iam-user-console-mfa }',
        '    reason: Expired long ago',
        '    approver: sec-team',
        '    expires: "2020-01-01"',
        '',
      ].join('\n'),
    );
    const r = await run(
      'report',
      ...['--framework', 'cis-aws-6.0.0', '--from', DEMO, '--format', 'json,html', '--out', out, '--lang', 'en'],
      ...['--exceptions', file],
    );
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(readFileSync(join(out, 'report-cis-aws-6.0.0.json'), 'utf8')) as ComplianceReport;
    const imds = report.requirements.find((x) => x.id === '6.7');
    assert.ok((imds?.counts.EXCEPTED ?? 0) > 0, 'IMDSv2 findings of the development account are excepted');
    assert.equal(imds?.accounts.find((c) => c.account === '456789012345')?.status, 'EXCEPTED');
    assert.ok(imds?.evidence.some((e) => e.exception?.id === 'EXC-1' && e.exception.approver === 'sec-team'));
    assert.deepEqual(
      report.exceptions?.expired.map((e) => e.id),
      ['EXC-3'],
    );
    assert.deepEqual(
      report.exceptions?.unused.map((e) => e.id),
      ['EXC-2'],
    );
    const page = readFileSync(join(out, 'report-cis-aws-6.0.0.html'), 'utf8');
    assert.ok(page.includes('Expired exceptions') && page.includes('EXC-3') && page.includes('&#60;b&#62;'));
  });
});

describe('the example guideline (seed 003)', () => {
  const fw = loadFramework(GUIDELINE);

  it('is a guideline of at least 30 items over all nine categories, each with the seed fields', () => {
    assert.equal(fw.kind, 'guideline');
    assert.ok(fw.requirements.length >= 30, `${fw.requirements.length} items`);
    const categories = new Set(fw.requirements.map((r) => r.guideline?.category));
    assert.deepEqual(
      [...CATEGORIES].filter((c) => !categories.has(c)),
      [],
    );
    for (const r of fw.requirements) {
      const g = r.guideline;
      assert.ok(g, r.id);
      assert.ok(PRIORITIES.includes(g.priority));
      assert.ok(g.implementation.aws?.measure.ja, `${r.id}: the AWS measure`);
      assert.ok(g.body.ja && g.rationale.ja && g.body.en && g.rationale.en);
    }
    assert.ok(fw.requirements.some((r) => r.manual) && fw.requirements.some((r) => r.rules));
    for (const p of PRIORITIES)
      assert.ok(
        fw.requirements.some((r) => r.guideline?.priority === p),
        p,
      );
    const title = (cat: string) => fw.requirements.filter((r) => r.guideline?.category === cat).map((r) => r.id);
    assert.ok(title('account-separation').length > 0 && title('cost').length > 0);
  });

  it('the report reproduces the seed table with attested statuses, who answered and the reviewer', () => {
    const report = demoReport(GUIDELINE);
    const cell = (id: string, account = PROD) =>
      report.requirements.find((r) => r.id === id)?.accounts.find((c) => c.account === account);
    assert.equal(cell('IDN-09')?.status, 'PASS');
    assert.equal(cell('IDN-09')?.attestation?.reviewedBy, '山本 健 (情報セキュリティ部)');
    assert.equal(cell('NET-06')?.status, 'EXCEPTED');
    assert.equal(cell('CST-02')?.status, 'EXCEPTED');
    assert.equal(cell('BKP-03')?.status, 'FAIL', 'planned is not done yet');
    assert.equal(cell('IDN-09', '456789012345')?.status, 'MANUAL', 'another account has not answered');
    assert.equal(report.attestations.answered, 9);
    assert.equal(report.attestations.unanswered, 18);
    assert.equal(report.references['aws:2.9']?.en.startsWith('Ensure multi-factor'), true, 'benchmark titles');
    const ja = renderComplianceHtml(report, 'ja');
    for (const h of [
      'ガイドライン項目',
      '戦術',
      '技術',
      '緩和策',
      'CIS Controls',
      'CIS Benchmark',
      'Well-Architected',
    ]) {
      assert.ok(ja.includes(`>${h}<`), h);
    }
    for (const s of ['対策（AWS）', '優先度', '必須（すぐやる）', '代替策 実施済', '実施予定', '対象外', '審査者']) {
      assert.ok(ja.includes(s), s);
    }
    assert.ok(ja.includes('T1078.004') && ja.includes('M1032') && ja.includes('SEC02-BP01'));
    assert.ok(ja.includes('1 アイデンティティ（認証・認可）') && ja.includes('9 予算・利用金額アラート'));
    const en = renderComplianceHtml(report, 'en');
    assert.ok(en.includes('Required: do it now') && en.includes('Alternative control in place'));
    const csv = renderComplianceCsv(report, 'ja');
    assert.ok(
      csv.includes('山本 健') && csv.includes('必須（すぐやる）') && csv.includes('強力なサインインメカニズム'),
    );
  });
});

describe('HTML safety and Chromium', () => {
  it('escapes hostile resource names and attestation text', () => {
    const file = join(dir('hostile'), 'a.yaml');
    writeFileSync(
      file,
      [
        'framework: test-fw',
        'account: "111122223333"',
        'items:',
        '  - id: "1.2"',
        '    status: alternative-done',
        `    alternative: ${JSON.stringify(SCRIPT_TAG)}`,
        `    attestedBy: ${JSON.stringify(HOSTILE_NAME)}`,
        '    attestedOn: "2026-11-01"',
        '',
      ].join('\n'),
    );
    const report = buildComplianceReport(scan(), FRAMEWORK, { attestations: loadAttestations([file]) });
    for (const lang of LANGS) {
      const page = renderComplianceHtml(report, lang);
      checkPage(page, lang);
      assert.ok(!page.includes(HOSTILE_NAME) && page.includes(esc(HOSTILE_NAME)));
      assert.ok(!page.includes(SCRIPT_TAG));
    }
  });

  it('CIS AWS and the guideline open in Chromium without running or loading anything; the PDF starts with %PDF', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`chromium not installed: ${CHROMIUM} is missing (apt-get install -y chromium)`);
      return;
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    const out = dir('chromium');
    try {
      const pages: Array<[string, string]> = [
        ['hostile', renderComplianceHtml(buildComplianceReport(scan(), FRAMEWORK), 'en')],
        ...LANGS.flatMap(
          (lang): Array<[string, string]> => [
            [`cis-${lang}`, renderComplianceHtml(demoReport('cis-aws-6.0.0'), lang)],
            [`guideline-${lang}`, renderComplianceHtml(demoReport(GUIDELINE), lang)],
          ],
        ),
      ];
      for (const [name, content] of pages) {
        const file = join(out, `${name}.html`);
        writeFileSync(file, content);
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        const problems: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        page.on('request', (r) => {
          if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
        });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        assert.deepEqual(dialogs, [], `${name}: no dialog`);
        assert.deepEqual(requests, [], `${name}: no request`);
        assert.deepEqual(problems, [], `${name}: no CSP violation`);
        // The hashed stylesheet applied.
        assert.equal(
          await page.evaluate('getComputedStyle(document.querySelector("header.top")).backgroundColor'),
          'rgb(13, 27, 42)',
        );
        await page.close();
      }
      // PDF through the CLI: every format in one run.
      const pdfDir = dir('pdf');
      const r = await run(
        'report',
        '--framework',
        GUIDELINE,
        '--from',
        DEMO,
        '--format',
        'pdf,html',
        '--out',
        pdfDir,
        '--lang',
        'ja',
        '--attestations',
        ATTESTATIONS,
      );
      assert.equal(r.code, 0, r.err);
      const pdf = readFileSync(join(pdfDir, `report-${GUIDELINE}.pdf`));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdf.length > 10_000);
    } finally {
      await browser.close();
    }
  });

  it('without Chromium the PDF is skipped with a message, the other formats are written, exit 4', async () => {
    const before = process.env.MAMORI_CHROMIUM;
    process.env.MAMORI_CHROMIUM = join(tmp, 'no-chromium-here');
    try {
      const out = dir('nopdf');
      const r = await run(
        'report',
        '--framework',
        'cis-aws-6.0.0',
        '--from',
        DEMO,
        '--format',
        'pdf,json',
        '--out',
        out,
      );
      assert.equal(r.code, 4);
      assert.match(r.err, /PDF not written: Chromium was not found|PDF は作成しなかった/);
      assert.deepEqual(readdirSync(out), ['report-cis-aws-6.0.0.json']);
    } finally {
      if (before === undefined) delete process.env.MAMORI_CHROMIUM;
      else process.env.MAMORI_CHROMIUM = before;
    }
  });
});

describe('attestation files', () => {
  const head = ['framework: test-fw', 'account: "111122223333"', 'items:'];
  const item = (...lines: string[]) => ['  - id: "1.2"', ...lines.map((l) => `    ${l}`)];
  const who = ['attestedBy: someone', 'attestedOn: "2026-11-01"'];
  const parseError = (lines: string[]): InputError => {
    try {
      parseAttestations([...lines, ''].join('\n'), 'att.yaml');
    } catch (e) {
      assert.ok(e instanceof InputError, String(e));
      return e;
    }
    assert.fail('expected an InputError');
  };

  it('the shipped example validates against the schema and answers only manual items', () => {
    const set = loadAttestations([ATTESTATIONS]);
    checkAttestations(loadFramework(GUIDELINE), set);
    assert.equal(set.forFramework(GUIDELINE).length, 9);
  });

  it('schema errors name the file, the path and the line', () => {
    let e = parseError([...head, ...item('status: finished', ...who)]);
    assert.equal(e.file, 'att.yaml');
    assert.match(e.message, /at \/items\/0\/status \(line 5\).*must be one of: done, planned/);
    e = parseError([...head, ...item('status: alternative-done', ...who)]);
    assert.match(e.message, /\/items\/0.*missing property 'alternative'/);
    e = parseError([...head, ...item('status: not-applicable', ...who)]);
    assert.match(e.message, /missing property 'reason'/);
    e = parseError([...head, ...item('status: done', 'attestedBy: x', 'attestedOn: "2026-13-01"')]);
    assert.match(e.message, /\/items\/0\/attestedOn \(line 7\): "2026-13-01" must be a date written YYYY-MM-DD/);
    e = parseError([...head, ...item('status: done', ...who, 'reviewedOn: "2026-11-02"')]);
    assert.match(e.message, /missing property 'reviewedBy'/);
    e = parseError([...head, ...item('status: done', ...who, 'reviwer: x')]);
    assert.match(e.message, /unknown property 'reviwer'/);
    e = parseError(['framework: test-fw', 'account: 111122223333', 'items:', ...item('status: done', ...who)]);
    assert.match(e.message, /\/account.*must be string/);
    e = parseError([...head, ...item('status: done', ...who), ...item('status: done', ...who)]);
    assert.match(e.message, /answered twice/);
  });

  it('an answer to an unknown or automated requirement is an error with its line', () => {
    const d = dir('att');
    writeFileSync(
      join(d, 'a.yaml'),
      [
        ...head.map((l) => l.replace('test-fw', GUIDELINE)),
        '  - id: IDN-01',
        '    status: done',
        ...who.map((l) => `    ${l}`),
        '',
      ].join('\n'),
    );
    assert.throws(() => checkAttestations(loadFramework(GUIDELINE), loadAttestations([d])), /IDN-01.*decided by rules/);
    writeFileSync(join(d, 'a.yaml'), readFileSync(join(d, 'a.yaml'), 'utf8').replace('IDN-01', 'NOPE-1'));
    assert.throws(
      () => checkAttestations(loadFramework(GUIDELINE), loadAttestations([d])),
      (e: unknown) => e instanceof InputError && /line 4/.test(e.where ?? '') && /not a requirement/.test(e.message),
    );
  });
});

describe('frameworks copy → edit → validate → report', () => {
  it('a copy of CIS AWS v6, with a requirement dropped and a threshold changed, validates and reports', async () => {
    const d = dir('custom');
    const file = join(d, 'acme-cis.yaml');
    let r = await run('frameworks', 'copy', 'cis-aws-6.0.0', 'acme-cis', '--out', file);
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=/);
    assert.match(text, /^source: .*Copied from cis-aws-6\.0\.0 6\.0\.0/m);
    assert.equal((await run('frameworks', 'copy', 'cis-aws-6.0.0', 'acme-cis', '--out', file)).code, 2, 'no overwrite');
    assert.equal(
      (await run('frameworks', 'copy', 'cis-aws-6.0.0', 'cis-aws-7.0.0', '--out', join(d, 'x.yaml'))).code,
      2,
    );

    // Edit: drop 2.1 (the manual contact item) and lower the password length of 2.7 to 12.
    const doc = parseDocument(text);
    const reqs = doc.get('requirements') as { items: unknown[] };
    reqs.items.splice(0, 1);
    doc.setIn(['requirements', 5, 'rules', 0, 'params', 'minLength'], 12);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    r = await run('frameworks', 'validate', file);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /OK: .*acme-cis .*62 requirements/);

    const out = dir('custom-report');
    r = await run(
      'report',
      '--framework',
      'acme-cis',
      '--frameworks',
      d,
      '--from',
      DEMO,
      '--format',
      'json',
      '--out',
      out,
    );
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(readFileSync(join(out, 'report-acme-cis.json'), 'utf8')) as ComplianceReport;
    assert.equal(report.requirements.length, 62);
    assert.ok(!report.requirements.some((x) => x.id === '2.1'));
    assert.deepEqual(report.requirements.find((x) => x.id === '2.7')?.rules[0]?.params, { minLength: 12 });
  });

  it('validate names the file, path and line of each problem and exits 2', async () => {
    const d = dir('invalid');
    const file = join(d, 'bad.yaml');
    await run('frameworks', 'copy', 'cis-aws-6.0.0', 'bad-cis', '--out', file);
    const text = readFileSync(file, 'utf8')
      .replace('- aws-iam-root-no-access-keys', '- aws-iam-root-no-such-rule')
      .replace('id: "2.5"', 'id: "2.4"');
    writeFileSync(file, text);
    let r = await run('frameworks', 'validate', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.yaml: at \/requirements\/\d+\/id \(line \d+\): requirement id '2\.4' is used twice/);
    writeFileSync(
      file,
      text.replace(
        'id: "2.4"\n    title:\n      en: "Ensure hardware',
        'id: "2.5"\n    title:\n      en: "Ensure hardware',
      ),
    );
    r = await run('frameworks', 'validate', file);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /bad\.yaml: at \/requirements\/2\/rules\/0 \(line \d+\): unknown rule 'aws-iam-root-no-such-rule'/,
    );
    writeFileSync(
      file,
      text.replace(/^kind: .*$/m, '').replace('version: "6.0.0"', 'version: "6.0.0"\nkind: checklist'),
    );
    r = await run('frameworks', 'validate', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /at \/kind \(line \d+\): must be one of: framework, guideline/);
  });
});
