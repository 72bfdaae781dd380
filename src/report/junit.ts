// `junit`: JUnit XML for CI test views. One testsuite per rule, one testcase per resource.
import type { Finding } from '../core/finding.js';
import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import { msg, severityLabel, statusLabel } from '../i18n/index.js';
import {
  cmp,
  evidenceText,
  exceptionLine,
  explanation,
  iacLocation,
  importedRemediationLines,
  isIac,
  RuleText,
  remediationLines,
  sourceName,
} from './common.js';
import type { Reporter } from './reporter.js';

/** Characters XML 1.0 does not allow at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and double-quoted attributes, dropping characters XML cannot carry. */
export const xmlEscape = (s: string): string =>
  s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Attribute values also keep their line breaks (a parser would fold raw ones into spaces). */
const attr = (s: string): string => xmlEscape(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function body(f: Finding, text: RuleText, lang: Lang): string {
  const r = f.resource;
  const lines = [
    `${msg(lang, 'resource')}: ${r.name} (${r.uid})`,
    `${msg(lang, 'resourceType')}: ${r.type}`,
    `${msg(lang, 'account')}: ${r.account}  ${msg(lang, 'region')}: ${r.region}`,
  ];
  const at = iacLocation(f);
  if (at) lines.push(`${msg(lang, 'source')}: ${at}`);
  if (f.source) {
    lines.push(`${msg(lang, 'findingSource')}: ${sourceName(f)} (${f.source.id})`);
    if (f.title) lines.push(`${msg(lang, 'title')}: ${f.title[lang]}`);
  }
  if (f.status === 'FAIL') {
    if (f.reason) lines.push(`${msg(lang, 'reason')}: ${f.reason[lang]}`);
    if (f.evidencePath !== undefined) lines.push(`${msg(lang, 'evidencePath')}: ${f.evidencePath}`);
    const ev = evidenceText(f.evidence, lang);
    if (ev) lines.push(`${msg(lang, 'evidence')}:`, ev);
  }
  if (f.status === 'ERROR') lines.push(`${msg(lang, 'cause')}: ${f.cause ?? ''}`);
  const rule = text.rule(f.ruleId);
  if (rule && f.status === 'FAIL') {
    lines.push('', `${msg(lang, 'remediation')}:`, ...remediationLines(rule.text.remediation, lang));
  } else if (f.source && f.status === 'FAIL') {
    const imported = importedRemediationLines(f.source);
    if (imported.length > 0) lines.push('', `${msg(lang, 'remediation')}:`, ...imported);
  }
  return lines.join('\n');
}

export function renderJunit(result: ScanResult, lang: Lang): string {
  const text = new RuleText(result);
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.status === 'N/A') continue;
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const ruleId of [...byRule.keys()].sort(cmp)) {
    const findings = byRule.get(ruleId)!.sort((a, b) => cmp(a.resource.uid, b.resource.uid));
    const count = { tests: findings.length, failures: 0, errors: 0, skipped: 0 };
    const cases: string[] = [];
    for (const f of findings) {
      const open = `    <testcase name="${attr(f.resource.uid)}" classname="${attr(ruleId)}" time="0"${
        isIac(f) ? ` file="${attr(f.resource.source.file ?? '')}"` : ''
      }`;
      switch (f.status) {
        case 'FAIL':
          count.failures++;
          cases.push(
            `${open}>\n      <failure message="${attr(explanation(f, lang))}" type="${attr(f.severity)}">${xmlEscape(body(f, text, lang))}</failure>\n    </testcase>`,
          );
          break;
        case 'ERROR':
          count.errors++;
          cases.push(
            `${open}>\n      <error message="${attr(msg(lang, 'checkNotRun', { cause: f.cause ?? '' }))}" type="${attr(statusLabel('ERROR', lang))}">${xmlEscape(body(f, text, lang))}</error>\n    </testcase>`,
          );
          break;
        case 'EXCEPTED':
        case 'MANUAL': {
          count.skipped++;
          const why =
            f.status === 'EXCEPTED' && f.exception ? exceptionLine(f.exception, lang) : (f.reason?.[lang] ?? '');
          cases.push(
            `${open}>\n      <skipped message="${attr(`${statusLabel(f.status, lang)}: ${why}`)}"/>\n    </testcase>`,
          );
          break;
        }
        default:
          cases.push(`${open}/>`);
      }
    }
    total.tests += count.tests;
    total.failures += count.failures;
    total.errors += count.errors;
    total.skipped += count.skipped;
    const rule = text.rule(ruleId);
    const severity = rule?.severity ?? findings[0]!.severity;
    const props = [
      ['title', text.title(ruleId, lang)],
      ['severity', severityLabel(severity, lang)],
      ['category', rule?.category ?? findings[0]!.category],
      ...(rule ? [['resourceType', rule.resourceType]] : []),
      ...(!rule && findings[0]!.source ? [['source', sourceName(findings[0]!)]] : []),
    ]
      .map(([k, v]) => `      <property name="${attr(k!)}" value="${attr(v!)}"/>`)
      .join('\n');
    suites.push(
      `  <testsuite name="${attr(ruleId)}" tests="${count.tests}" failures="${count.failures}" errors="${count.errors}" skipped="${count.skipped}" time="0" timestamp="${attr(result.generatedAt.replace(/(\.\d+)?Z$/, ''))}">\n    <properties>\n${props}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  // Expired and unused exceptions: one skipped case each, so a CI view lists them beside the findings.
  const o = result.exceptions;
  const attention = o ? o.exceptions.filter((e) => o.expired.includes(e.id) || o.unused.includes(e.id)) : [];
  if (o && attention.length > 0) {
    const cases = attention.map((e) => {
      const why = o.expired.includes(e.id)
        ? msg(lang, 'exceptions.expiredNote', { id: e.id, date: e.expires ?? '', matched: e.matched })
        : msg(lang, 'exceptions.unusedNote', { id: e.id });
      return `    <testcase name="${attr(e.id)}" classname="mamori.exceptions" time="0">\n      <skipped message="${attr(`${why}: ${e.reason}`)}"/>\n    </testcase>`;
    });
    total.tests += cases.length;
    total.skipped += cases.length;
    suites.push(
      `  <testsuite name="mamori.exceptions" tests="${cases.length}" failures="0" errors="0" skipped="${cases.length}" time="0" timestamp="${attr(result.generatedAt.replace(/(\.\d+)?Z$/, ''))}">\n    <properties>\n      <property name="file" value="${attr(o.file)}"/>\n      <property name="date" value="${attr(o.date)}"/>\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites name="${attr(result.tool.name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="0">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

export const junitReporter: Reporter = {
  format: 'junit',
  ext: 'junit.xml',
  mediaType: 'application/xml',
  render: (result, lang) => renderJunit(result, lang),
};
