// `csv`: one row per finding, for spreadsheets. UTF-8 with BOM (so Excel reads Japanese), CRLF, RFC 4180 quoting.
import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import { msg, severityLabel, statusLabel } from '../i18n/index.js';
import {
  cmp,
  explanation,
  importedRemediationLines,
  RuleText,
  remediationLines,
  sortedFindings,
  sourceName,
} from './common.js';
import type { Reporter } from './reporter.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR before one) as a formula. Resource names and
 * tags are chosen by whoever controls the account, so such cells get a leading apostrophe and are read as text.
 * Fullwidth ＝＋－＠ are included: Japanese Excel may convert them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export const neutraliseFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** RFC 4180: quote a field that holds a comma, quote, CR or LF; double the quotes inside. */
export const quoteField = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export const csvCell = (value: string): string => quoteField(neutraliseFormula(value));

export function renderCsv(result: ScanResult, lang: Lang): string {
  const text = new RuleText(result);
  const header = [
    msg(lang, 'findingId'),
    msg(lang, 'status'),
    msg(lang, 'severity'),
    msg(lang, 'ruleId'),
    msg(lang, 'title'),
    msg(lang, 'account'),
    msg(lang, 'region'),
    msg(lang, 'resourceType'),
    msg(lang, 'resourceId'),
    msg(lang, 'resourceName'),
    msg(lang, 'csv.explanation'),
    msg(lang, 'evidencePath'),
    msg(lang, 'remediation'),
    msg(lang, 'tags'),
    msg(lang, 'findingSource'),
  ];
  const rows = [header];
  for (const f of sortedFindings(result)) {
    const rule = text.rule(f.ruleId);
    // What to change: for FAIL and EXCEPTED the rule's remediation, for MANUAL what to check. An ERROR needs the
    // cause fixed (permissions, an unresolved value), not the rule's remediation, and a PASS needs nothing.
    let remediation = '';
    if (rule && (f.status === 'FAIL' || f.status === 'EXCEPTED')) {
      remediation = remediationLines(rule.text.remediation, lang).join('\n');
    } else if (f.status === 'MANUAL') remediation = text.manualItem(f.ruleId)?.guidance[lang] ?? '';
    else if (f.source) remediation = importedRemediationLines(f.source).join('\n');
    rows.push([
      f.id,
      statusLabel(f.status, lang),
      severityLabel(f.severity, lang),
      f.ruleId,
      text.findingTitle(f, lang),
      f.resource.account,
      f.resource.region,
      f.resource.type,
      f.resource.uid,
      f.resource.name,
      explanation(f, lang),
      f.evidencePath ?? '',
      remediation,
      Object.entries(f.resource.tags)
        .sort(([a], [b]) => cmp(a, b))
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      sourceName(f),
    ]);
  }
  return csvDocument(rows);
}

/** Rows as a CSV document for Excel: BOM, CRLF, quoted and formula-safe cells. */
export const csvDocument = (rows: readonly (readonly string[])[]): string =>
  BOM + rows.map((r) => r.map(csvCell).join(',')).join(CRLF) + CRLF;

export const csvReporter: Reporter = {
  format: 'csv',
  ext: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  render: (result, lang) => renderCsv(result, lang),
};
