// `table`: the terminal summary printed after a scan. Readable at 100 columns, Japanese counted as 2 columns.
import { styleText } from 'node:util';
import { FINDING_SOURCE_NAMES, FINDING_SOURCES } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang } from '../core/text.js';
import { describeCollectionError } from '../engine/collection-errors.js';
import type { ScanResult } from '../engine/scan.js';
import { formatNumber, msg, severityLabel, statusLabel } from '../i18n/index.js';
import { cmp, exceptionsAttention, exceptionsSummary, iacLocation, isIac, RuleText } from './common.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { displayWidth, padEnd, padStart, printable, truncate } from './text-width.js';

type Style = Parameters<typeof styleText>[0];

const STATUS_STYLE: Record<Status, Style> = {
  FAIL: 'red',
  ERROR: 'yellow',
  PASS: 'green',
  EXCEPTED: 'cyan',
  MANUAL: 'blue',
  'N/A': 'gray',
};
const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: ['bold', 'magenta'],
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};
/** Order of the results line: what needs action first. */
const LINE_STATUSES: readonly Status[] = ['FAIL', 'ERROR', 'PASS', 'EXCEPTED', 'MANUAL', 'N/A'];
const MAX_ACCOUNTS = 20;
const MAX_LINES = 10;
/** FAIL and ERROR lines listed for templates before `…and N more`. */
const MAX_TEMPLATE_LINES = 30;
const DEFAULT_WIDTH = 100;

export const tableReporter: Reporter = {
  format: 'table',
  ext: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  render: (result, lang, options) => renderTable(result, lang, options),
};

export function renderTable(result: ScanResult, lang: Lang, options: RenderOptions = {}): string {
  const width = Math.max(60, options.width ?? DEFAULT_WIDTH);
  const paint = (style: Style, s: string): string =>
    options.color ? styleText(style, s, { validateStream: false }) : s;
  const n = (x: number) => formatNumber(x, lang);
  const { summary } = result;
  const text = new RuleText(result);
  const out: string[] = [];
  const fit = (s: string) => truncate(printable(s), width);

  const headingVars = {
    tool: result.tool.name,
    version: result.tool.version,
    resources: n(result.resources),
    accounts: n(result.accounts.length),
    framework: result.framework ? `${result.framework.title[lang]} ${result.framework.version}` : '',
    files: n(result.inputs.length),
  };
  // Templates (mamori iac): files and lines matter, accounts do not exist yet.
  const templates = result.findings.length > 0 && result.findings.every(isIac);
  const heading = templates ? 'table.headingIac' : result.framework ? 'table.headingFramework' : 'table.heading';
  out.push(paint('bold', fit(msg(lang, heading, headingVars))));
  out.push('');

  // Score and tallies, labels aligned.
  const imported = FINDING_SOURCES.reduce((a, src) => a + summary.bySource[src], 0);
  const labels = [msg(lang, 'score'), msg(lang, 'table.byStatus'), msg(lang, 'table.failBySeverity')];
  if (imported > 0) labels.push(msg(lang, 'importedFindings'));
  const labelWidth = Math.max(...labels.map(displayWidth)) + 2;
  const label = (s: string) => paint('bold', padEnd(s, labelWidth));
  const score = summary.score;
  const scoreStyle: Style = score === null ? 'gray' : score >= 80 ? 'green' : score >= 50 ? 'yellow' : 'red';
  const scoreText =
    score === null ? `${msg(lang, 'scoreNone')} (${msg(lang, 'scoreNoneHint')})` : `${score.toFixed(1)} / 100`;
  const bar = score === null ? '' : `  [${'#'.repeat(Math.round(score / 5))}${'.'.repeat(20 - Math.round(score / 5))}]`;
  out.push(label(labels[0]!) + paint(['bold', scoreStyle], scoreText) + paint(scoreStyle, bar));
  // Cells separated by two spaces, wrapped under the first cell when the line would pass the width.
  const cellsLine = (title: string, cells: Array<{ text: string; style: Style | undefined }>) => {
    const lines: string[] = [];
    let line = label(title);
    let used = labelWidth;
    let first = true;
    for (const c of cells) {
      const w = displayWidth(c.text) + (first ? 0 : 2);
      if (!first && used + w > width) {
        lines.push(line);
        line = ' '.repeat(labelWidth);
        used = labelWidth;
        first = true;
      }
      line += (first ? '' : '  ') + (c.style ? paint(c.style, c.text) : c.text);
      used += displayWidth(c.text) + (first ? 0 : 2);
      first = false;
    }
    lines.push(line);
    return lines;
  };
  out.push(
    ...cellsLine(
      labels[1]!,
      LINE_STATUSES.map((st) => ({
        text: `${statusLabel(st, lang)} ${n(summary.byStatus[st])}`,
        style: summary.byStatus[st] > 0 ? STATUS_STYLE[st] : undefined,
      })),
    ),
    ...cellsLine(
      labels[2]!,
      SEVERITIES.map((sv) => ({
        text: `${severityLabel(sv, lang)} ${n(summary.failBySeverity[sv])}`,
        style: summary.failBySeverity[sv] > 0 ? SEVERITY_STYLE[sv] : undefined,
      })),
    ),
  );
  // Findings AWS's detectors hold, imported beside the rules' (counted above, not in the score).
  if (imported > 0) {
    out.push(
      ...cellsLine(
        labels[3]!,
        FINDING_SOURCES.map((src) => ({
          text: `${FINDING_SOURCE_NAMES[src]} ${n(summary.bySource[src])}`,
          style: undefined,
        })),
      ),
    );
  }

  // Templates: every FAIL and ERROR at its file and line, in file order.
  if (templates) {
    const open = result.findings
      .filter((f) => f.status === 'FAIL' || f.status === 'ERROR')
      .map((f) => ({ f, at: iacLocation(f) ?? f.resource.uid }))
      .sort(
        (a, b) =>
          cmp(
            a.at.replace(/:(\d+)$/, (_, l: string) => `:${l.padStart(8, '0')}`),
            b.at.replace(/:(\d+)$/, (_, l: string) => `:${l.padStart(8, '0')}`),
          ) || cmp(a.f.ruleId, b.f.ruleId),
      );
    out.push('', paint('bold', `${msg(lang, 'table.inTemplates')} (${n(open.length)})`));
    if (open.length === 0) out.push(`  ${paint('green', msg(lang, 'table.noFail'))}`);
    const sevWidth = Math.max(...SEVERITIES.map((sv) => displayWidth(severityLabel(sv, lang))));
    const shown = open.slice(0, MAX_TEMPLATE_LINES);
    // The rule id is kept whole; the location gets the rest and, when long, keeps its end (file name and line).
    const idWidth = Math.min(48, Math.max(0, ...shown.map((x) => x.f.ruleId.length)));
    const atWidth = Math.max(
      12,
      Math.min(width - 2 - 2 - sevWidth - 2 - idWidth, Math.max(0, ...shown.map((x) => displayWidth(x.at)))),
    );
    const tail = (t: string) => (displayWidth(t) <= atWidth ? t : `…${t.slice(-(atWidth - 1))}`);
    for (const { f, at } of shown) {
      const sev = f.status === 'ERROR' ? statusLabel('ERROR', lang) : severityLabel(f.severity, lang);
      const style = f.status === 'ERROR' ? STATUS_STYLE.ERROR : SEVERITY_STYLE[f.severity];
      const cell = padEnd(sev, sevWidth);
      out.push(
        `  ${padEnd(tail(printable(at)), atWidth)}  ${style ? paint(style, cell) : cell}  ${truncate(f.ruleId, idWidth)}`,
      );
    }
    if (open.length > MAX_TEMPLATE_LINES) {
      out.push(`  ${msg(lang, 'andMore', { n: n(open.length - MAX_TEMPLATE_LINES) })}`);
    }
  }

  // Per account, worst score first.
  const accounts = (templates ? [] : [...new Set([...result.accounts, ...Object.keys(summary.byAccount)])]).map(
    (account) => {
      const t = summary.byAccount[account];
      return { account, score: t?.score ?? null, fail: t?.fail ?? 0, error: t?.error ?? 0 };
    },
  );
  accounts.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || b.fail - a.fail || cmp(a.account, b.account));
  if (accounts.length > 0) {
    out.push('', paint('bold', msg(lang, 'table.perAccount')));
    const accWidth = Math.min(
      40,
      Math.max(displayWidth(msg(lang, 'account')), ...accounts.map((a) => displayWidth(a.account))),
    );
    const cols = [msg(lang, 'scoreShort'), msg(lang, 'status.FAIL'), msg(lang, 'status.ERROR')];
    const colWidths = cols.map((c) => Math.max(7, displayWidth(c)));
    const row = (cells: string[], styles: Array<Style | undefined> = []) =>
      `  ${padEnd(truncate(printable(cells[0]!), accWidth), accWidth)}  ${cells
        .slice(1)
        .map((c, i) => {
          const cell = padStart(c, colWidths[i]!);
          const style = styles[i];
          return style ? paint(style, cell) : cell;
        })
        .join('  ')}`;
    out.push(paint('dim', row([msg(lang, 'account'), ...cols])));
    for (const a of accounts.slice(0, MAX_ACCOUNTS)) {
      const scoreCell = a.score === null ? msg(lang, 'scoreNone') : a.score.toFixed(1);
      out.push(
        row(
          [a.account, scoreCell, n(a.fail), n(a.error)],
          [undefined, a.fail > 0 ? 'red' : undefined, a.error > 0 ? 'yellow' : undefined],
        ),
      );
    }
    if (accounts.length > MAX_ACCOUNTS) out.push(`  ${msg(lang, 'andMore', { n: n(accounts.length - MAX_ACCOUNTS) })}`);
  }

  // Top failing rules: severity, count, id, title (on the next line when the row is too narrow for it).
  out.push('', paint('bold', msg(lang, 'table.topRules')));
  const top = summary.topFailingRules;
  if (result.findings.length === 0) out.push(`  ${msg(lang, 'table.noFindings')}`);
  else if (top.length === 0) out.push(`  ${paint('green', msg(lang, 'table.noFail'))}`);
  else {
    const head = [msg(lang, 'severity'), msg(lang, 'status.FAIL'), msg(lang, 'ruleId'), msg(lang, 'title')];
    const sevWidth = Math.max(displayWidth(head[0]!), ...top.map((r) => displayWidth(severityLabel(r.severity, lang))));
    const countWidth = Math.max(displayWidth(head[1]!), ...top.map((r) => n(r.fail).length));
    const idWidth = Math.min(48, Math.max(displayWidth(head[2]!), ...top.map((r) => r.ruleId.length)));
    const indent = 2 + sevWidth + 2 + countWidth + 2;
    const titleRoom = width - indent - idWidth - 2;
    const titles = top.map((r) => printable(text.title(r.ruleId, lang)));
    // One line per rule when every title fits beside its id; otherwise every title goes on its own line below.
    const oneLine = titles.every((t) => displayWidth(t) <= titleRoom);
    const prefix = (sev: string, count: string, id: string, style?: Style) =>
      `  ${style ? paint(style, padEnd(sev, sevWidth)) : padEnd(sev, sevWidth)}  ${padStart(count, countWidth)}  ${oneLine ? padEnd(truncate(id, idWidth), idWidth) : id}`;
    out.push(
      paint(
        'dim',
        oneLine ? `${prefix(head[0]!, head[1]!, head[2]!)}  ${head[3]}` : prefix(head[0]!, head[1]!, head[2]!),
      ),
    );
    top.forEach((r, i) => {
      const line = prefix(severityLabel(r.severity, lang), n(r.fail), r.ruleId, SEVERITY_STYLE[r.severity]);
      if (oneLine) out.push(`${line}  ${titles[i]}`);
      else out.push(line, `${' '.repeat(indent)}${truncate(titles[i]!, width - indent)}`);
    });
  }

  // Exceptions: how many findings they covered, and those that need a person (expired, unused, expiring soon).
  if (result.exceptions) {
    const o = result.exceptions;
    const { heading, summary: tallyLine } = exceptionsSummary(o, lang);
    out.push('', paint('bold', fit(heading)), `  ${truncate(printable(tallyLine), width - 2)}`);
    for (const g of exceptionsAttention(o, lang)) {
      out.push(paint(['bold', 'yellow'], `  ${g.title} (${n(g.lines.length)})`));
      for (const line of g.lines.slice(0, MAX_LINES)) out.push(`    ${truncate(printable(line), width - 4)}`);
      if (g.lines.length > MAX_LINES) out.push(`    ${msg(lang, 'andMore', { n: n(g.lines.length - MAX_LINES) })}`);
    }
  }

  // What could not be read, and other warnings: these decide how far the score can be trusted.
  if (result.collectionErrors.length > 0) {
    out.push('', paint(['bold', 'yellow'], `${msg(lang, 'collectionErrors')} (${n(result.collectionErrors.length)})`));
    for (const e of result.collectionErrors.slice(0, MAX_LINES))
      out.push(`  ${truncate(printable(describeCollectionError(e)), width - 2)}`);
    if (result.collectionErrors.length > MAX_LINES) {
      out.push(`  ${msg(lang, 'andMore', { n: n(result.collectionErrors.length - MAX_LINES) })}`);
    }
  }
  if (result.warnings.length > 0) {
    out.push('', paint(['bold', 'yellow'], `${msg(lang, 'warnings')} (${n(result.warnings.length)})`));
    for (const w of result.warnings.slice(0, MAX_LINES)) out.push(`  ${truncate(printable(w), width - 2)}`);
    if (result.warnings.length > MAX_LINES)
      out.push(`  ${msg(lang, 'andMore', { n: n(result.warnings.length - MAX_LINES) })}`);
  }

  out.push('', paint('dim', fit(msg(lang, 'table.hint'))));
  return `${out.join('\n')}\n`;
}
