// `html`: one self-contained page (inline CSS, inline SVG, a small hashed script; nothing loaded from anywhere).
// Every value that came from the cloud goes through html`` and so through the one escape function.
import { createHash } from 'node:crypto';
import { CATEGORIES, CATEGORY_TEXT } from '../core/category.js';
import { FINDING_SOURCE_NAMES, FINDING_SOURCES, type Finding } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang } from '../core/text.js';
import { describeCollectionError } from '../engine/collection-errors.js';
import type { ScanResult } from '../engine/scan.js';
import { scoreOf, type Tally } from '../engine/summary.js';
import { type ExceptionUse, scopeText } from '../exceptions/model.js';
import { formatNumber, msg, severityLabel, statusLabel } from '../i18n/index.js';
import {
  cmp,
  compareFindings,
  evidenceText,
  exceptionLine,
  exceptionStateLabel,
  exceptionsAttention,
  exceptionsSummary,
  iacLocation,
  RuleText,
  STATUS_ORDER,
  sentences,
  sourceName,
} from './common.js';
import { CSS, SCRIPT } from './html-assets.js';
import { html, type Markup, trusted } from './html-template.js';
import type { Reporter } from './reporter.js';

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Nothing may load: no fetch, image, font, frame or form target; only the page's own style and script run. */
export const CSP = [
  "default-src 'none'",
  `style-src ${sha256(CSS)}`,
  `script-src ${sha256(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const ACTION_STATUSES: readonly Status[] = ['FAIL', 'ERROR', 'EXCEPTED', 'MANUAL'];
const statusClass = (s: Status): string => (s === 'N/A' ? 'NA' : s);
const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);
/** 2026-11-01T09:30:00.000Z → 2026-11-01 09:30:00 UTC */
const displayTime = (iso: string): string =>
  iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/, '$1 $2 UTC');
const fix = (n: number): string => (Math.round(n * 100) / 100).toString();

/** A horizontal stacked bar (viewBox 0..100) from [class, value] segments. */
function stackedBar(segments: ReadonlyArray<[string, number]>, total: number, label: string): Markup {
  let x = 0;
  const rects: Markup[] = [];
  for (const [cls, value] of segments) {
    if (value <= 0 || total <= 0) continue;
    const w = pct(value, total);
    rects.push(html`<rect class="${cls}" x="${fix(x)}" y="0" width="${fix(w)}" height="10"/>`);
    x += w;
  }
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}"><rect class="track" x="0" y="0" width="100" height="10"/>${rects}</svg>`;
}

function gauge(score: number | null, lang: Lang): Markup {
  const r = 52;
  const c = 2 * Math.PI * r;
  const cls = score === null ? 's-none' : score >= 80 ? 's-good' : score >= 50 ? 's-warn' : 's-bad';
  const dash = score === null ? 0 : (c * score) / 100;
  const text = score === null ? msg(lang, 'scoreNone') : score.toFixed(1);
  return html`<svg class="gauge" viewBox="0 0 140 140" role="img" aria-label="${msg(lang, 'score')}: ${text}">
<circle class="track-ring" cx="70" cy="70" r="${r}"/>
<circle class="${cls}" cx="70" cy="70" r="${r}" stroke-dasharray="${fix(dash)} ${fix(c)}" stroke-linecap="round" transform="rotate(-90 70 70)"/>
<text class="value" x="70" y="76" text-anchor="middle">${text}</text>
<text class="unit" x="70" y="96" text-anchor="middle">/ 100</text></svg>`;
}

const tallyBar = (t: Tally, lang: Lang): Markup =>
  stackedBar(
    [
      ['c-PASS', t.pass],
      ['c-FAIL', t.fail],
      ['c-ERROR', t.error],
    ],
    t.pass + t.fail + t.error,
    `${statusLabel('PASS', lang)} ${t.pass}, ${statusLabel('FAIL', lang)} ${t.fail}, ${statusLabel('ERROR', lang)} ${t.error}`,
  );

const badgeStatus = (s: Status, lang: Lang): Markup =>
  html`<span class="badge bg-${statusClass(s)}">${statusLabel(s, lang)}</span>`;
const badgeSeverity = (s: Severity, lang: Lang): Markup =>
  html`<span class="badge bg-${s}">${severityLabel(s, lang)}</span>`;

function resourceCell(f: Finding, lang: Lang): Markup {
  const r = f.resource;
  const tags = Object.entries(r.tags).sort(([a], [b]) => cmp(a, b));
  const src = iacLocation(f);
  return html`<div class="rname">${r.name}</div>${r.name !== r.uid ? html`<div class="uid mono">${r.uid}</div>` : ''}<div class="uid">${r.type}</div>${
    src ? html`<div class="src">${msg(lang, 'source')}: <span class="mono">${src}</span></div>` : ''
  }${
    tags.length > 0
      ? html`<div class="tags" title="${msg(lang, 'tags')}">${tags.map(([k, v]) => html`<span class="tag">${k}=${v}</span>`)}</div>`
      : ''
  }`;
}

/** An imported finding: its own title, who holds it, the provider's severity and recommendation, and its link. */
function importedCell(f: Finding, groupTitle: string, lang: Lang): Markup {
  const src = f.source!;
  const title = f.title?.[lang];
  const url = src.url && /^https:\/\//.test(src.url) ? src.url : undefined;
  const facts = [
    `${msg(lang, 'findingSource')}: ${sourceName(f)}`,
    ...(src.providerSeverity !== undefined ? [`${msg(lang, 'severity')}: ${src.providerSeverity}`] : []),
    ...(src.lastSeen ? [src.lastSeen] : []),
  ].join(' · ');
  return html`${title && title !== groupTitle ? html`<div><strong>${title}</strong></div>` : ''}<div>${f.reason?.[lang] ?? ''}</div><div class="path">${facts}</div>${
    src.remediation ? html`<div class="path">${msg(lang, 'remediation')}: ${src.remediation}</div>` : ''
  }${url ? html`<div class="path"><a href="${url}" rel="noopener noreferrer">${url}</a></div>` : ''}`;
}

function explanationCell(f: Finding, lang: Lang, groupTitle = ''): Markup {
  if (f.source) return importedCell(f, groupTitle, lang);
  switch (f.status) {
    case 'FAIL': {
      const ev = evidenceText(f.evidence, lang);
      return html`<div>${f.reason?.[lang] ?? ''}</div>${
        f.evidencePath !== undefined
          ? html`<div class="path">${msg(lang, 'evidencePath')}: <code>${f.evidencePath}</code></div>`
          : ''
      }${ev ? html`<details class="ev"><summary>${msg(lang, 'evidence')}</summary><pre>${ev}</pre></details>` : ''}`;
    }
    case 'ERROR':
      return html`<div><strong>${msg(lang, 'cause')}:</strong> <span class="mono">${f.cause ?? ''}</span></div>`;
    case 'EXCEPTED':
      return html`<div class="exc">${f.exception ? exceptionLine(f.exception, lang) : ''}</div>`;
    default:
      return html`<div>${f.reason?.[lang] ?? ''}</div>`;
  }
}

function findingRow(f: Finding, ruleKey: string, lang: Lang, groupTitle = ''): Markup {
  return html`<tr class="f" data-status="${f.status}" data-severity="${f.severity}" data-rule="${ruleKey}" id="f-${f.id}">
<td>${badgeStatus(f.status, lang)}</td><td>${resourceCell(f, lang)}</td>
<td><span class="mono">${f.resource.account}</span><br><span class="uid">${f.resource.region}</span></td>
<td>${explanationCell(f, lang, groupTitle)}</td></tr>`;
}

function remediationBlock(ruleId: string, text: RuleText, lang: Lang): Markup {
  const rule = text.rule(ruleId);
  if (!rule) {
    const m = text.manualItem(ruleId);
    return m ? html`<div class="remed"><h4>${msg(lang, 'guidance')}</h4><p>${m.guidance[lang]}</p></div>` : html``;
  }
  const r = rule.text.remediation;
  const url = r.url && /^https:\/\//.test(r.url) ? r.url : undefined;
  return html`<div class="remed"><h4>${msg(lang, 'remediation')}</h4><p>${r.text[lang]}</p>${
    r.console ? html`<h5>${msg(lang, 'console')}</h5><p>${r.console[lang]}</p>` : ''
  }${r.cli ? html`<h5>${msg(lang, 'cli')}</h5><pre><code>${r.cli}</code></pre>` : ''}${
    r.cloudformation ? html`<h5>${msg(lang, 'cloudformation')}</h5><pre><code>${r.cloudformation}</code></pre>` : ''
  }${r.terraform ? html`<h5>${msg(lang, 'terraform')}</h5><pre><code>${r.terraform}</code></pre>` : ''}${
    url ? html`<h5>${msg(lang, 'documentation')}</h5><p><a href="${url}" rel="noopener noreferrer">${url}</a></p>` : ''
  }</div>`;
}

interface Group {
  ruleId: string;
  findings: Finding[];
  worst: Status;
  severity: Severity;
  counts: Partial<Record<Status, number>>;
}

function groupsOf(findings: readonly Finding[]): Group[] {
  const map = new Map<string, Group>();
  for (const f of findings) {
    let g = map.get(f.ruleId);
    if (!g) {
      g = { ruleId: f.ruleId, findings: [], worst: f.status, severity: f.severity, counts: {} };
      map.set(f.ruleId, g);
    }
    g.findings.push(f);
    g.counts[f.status] = (g.counts[f.status] ?? 0) + 1;
    if (STATUS_ORDER.indexOf(f.status) < STATUS_ORDER.indexOf(g.worst)) g.worst = f.status;
  }
  const groups = [...map.values()];
  for (const g of groups) g.findings.sort(compareFindings);
  return groups.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.worst) - STATUS_ORDER.indexOf(b.worst) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (b.counts[b.worst] ?? 0) - (a.counts[a.worst] ?? 0) ||
      cmp(a.ruleId, b.ruleId),
  );
}

function groupBlock(g: Group, text: RuleText, lang: Lang): Markup {
  const rule = text.rule(g.ruleId);
  const title = text.title(g.ruleId, lang);
  const imported = rule ? undefined : text.importedOf(g.ruleId);
  const ruleKey = `${g.ruleId} ${title}`;
  const open = g.worst === 'FAIL' || g.worst === 'ERROR';
  const pills = ACTION_STATUSES.filter((s) => g.counts[s]).map(
    (s) => html`<span class="pill t-${s}">${statusLabel(s, lang)} ${formatNumber(g.counts[s]!, lang)}</span>`,
  );
  return html`<details class="group sev-${g.severity}" data-group="${g.ruleId}"${open ? trusted(' open') : ''}>
<summary>${badgeSeverity(g.severity, lang)}<span class="title">${title}</span><code>${g.ruleId}</code>${
    imported ? html`<span class="pill" title="${msg(lang, 'findingSource')}">${sourceName(imported)}</span>` : ''
  }${pills}</summary>
<div class="group-body">${rule ? html`<p class="desc">${sentences(lang, rule.text.description[lang], rule.text.rationale[lang])}</p>` : ''}
${remediationBlock(g.ruleId, text, lang)}
<div class="scroll"><table class="ft"><thead><tr><th>${msg(lang, 'status')}</th><th>${msg(lang, 'resource')}</th><th>${msg(lang, 'account')} / ${msg(lang, 'region')}</th><th>${msg(lang, 'reason')} / ${msg(lang, 'cause')}</th></tr></thead>
<tbody>${g.findings.map((f) => findingRow(f, ruleKey, lang, title))}</tbody></table></div></div></details>`;
}

function passedBlock(passed: readonly Finding[], text: RuleText, lang: Lang): Markup {
  if (passed.length === 0) return html``;
  const rows = [...passed].sort(compareFindings).map((f) => {
    const title = text.title(f.ruleId, lang);
    return html`<tr class="f" data-status="PASS" data-severity="${f.severity}" data-rule="${f.ruleId} ${title}" id="f-${f.id}">
<td>${badgeSeverity(f.severity, lang)}</td><td><div>${title}</div><code class="uid">${f.ruleId}</code></td>
<td>${resourceCell(f, lang)}</td><td><span class="mono">${f.resource.account}</span><br><span class="uid">${f.resource.region}</span></td><td>${f.reason?.[lang] ?? ''}</td></tr>`;
  });
  return html`<h2>${msg(lang, 'html.passed')}</h2>
<details class="passed" data-group="PASS"><summary>${statusLabel('PASS', lang)} ${formatNumber(passed.length, lang)}</summary>
<div class="scroll"><table class="pt"><thead><tr><th>${msg(lang, 'severity')}</th><th>${msg(lang, 'rule')}</th><th>${msg(lang, 'resource')}</th><th>${msg(lang, 'account')} / ${msg(lang, 'region')}</th><th>${msg(lang, 'reason')}</th></tr></thead>
<tbody>${rows}</tbody></table></div></details>`;
}

function filters(lang: Lang): Markup {
  const statuses: Status[] = ['FAIL', 'ERROR', 'EXCEPTED', 'MANUAL', 'PASS'];
  return html`<div class="filters card" role="search">
<input type="search" id="q" placeholder="${msg(lang, 'html.filterPlaceholder')}" aria-label="${msg(lang, 'html.filter')}">
<fieldset><legend>${msg(lang, 'status')}</legend>${statuses.map(
    (s) => html`<label><input type="checkbox" name="status" value="${s}" checked> ${statusLabel(s, lang)}</label>`,
  )}</fieldset>
<fieldset><legend>${msg(lang, 'severity')}</legend>${SEVERITIES.map(
    (s) => html`<label><input type="checkbox" name="severity" value="${s}" checked> ${severityLabel(s, lang)}</label>`,
  )}</fieldset></div>`;
}

/** What the exceptions file did: the tally, what needs a person (expired, unused, expiring soon), every exception. */
function exceptionsSection(result: ScanResult, lang: Lang): Markup {
  const o = result.exceptions;
  if (!o) return html``;
  const { heading, summary } = exceptionsSummary(o, lang);
  const attention = exceptionsAttention(o, lang);
  const stateClass = (e: ExceptionUse) =>
    e.state === 'expired' ? 't-FAIL' : e.state === 'expires-soon' || e.matched === 0 ? 't-ERROR' : 't-EXCEPTED';
  return html`<section class="card${attention.length > 0 ? trusted(' alert') : ''}" id="exceptions"><h2>${heading}</h2><p>${summary}</p>${attention.map(
    (g) =>
      html`<h3 class="sub">${g.title} (${formatNumber(g.lines.length, lang)})</h3><ul>${g.lines.map((l) => html`<li>${l}</li>`)}</ul>`,
  )}<details><summary>${msg(lang, 'exception')} ${formatNumber(o.exceptions.length, lang)}</summary><div class="scroll"><table>
<thead><tr><th>${msg(lang, 'exceptionId')}</th><th>${msg(lang, 'exceptions.kind')}</th><th>${msg(lang, 'exceptions.scope')}</th><th>${msg(lang, 'reason')}</th><th>${msg(lang, 'approver')}</th><th>${msg(lang, 'expires')}</th><th>${msg(lang, 'exceptions.state')}</th><th class="n">${msg(lang, 'exceptions.appliedCount')}</th></tr></thead>
<tbody>${o.exceptions.map(
    (e) =>
      html`<tr><td class="mono nw">${e.id}</td><td class="nw">${msg(lang, `exception.${e.kind}`)}</td><td class="mono">${scopeText(e.scope)}</td><td>${e.reason}${
        e.ticket ? html`<div class="uid">${msg(lang, 'exceptions.ticket')}: ${e.ticket}</div>` : ''
      }</td><td>${e.approver ?? ''}</td><td class="nw">${e.expires ?? ''}</td><td class="nw"><span class="pill ${stateClass(e)}">${exceptionStateLabel(e, lang)}</span></td><td class="n">${formatNumber(e.applied, lang)}</td></tr>`,
  )}</tbody></table></div></details></section>`;
}

export function renderHtml(result: ScanResult, lang: Lang): string {
  const text = new RuleText(result);
  const s = result.summary;
  const n = (x: number) => formatNumber(x, lang);
  const judged = s.byStatus.PASS + s.byStatus.FAIL + s.byStatus.ERROR;
  const title = result.framework
    ? `${msg(lang, 'html.title')} — ${result.framework.title[lang]} ${result.framework.version}`
    : msg(lang, 'html.title');

  const imported = FINDING_SOURCES.reduce((a, src) => a + s.bySource[src], 0);
  // Summary cards: score, status, severity.
  const statusOrder: Status[] = ['FAIL', 'ERROR', 'PASS', 'EXCEPTED', 'MANUAL', 'N/A'];
  const statusTotal = statusOrder.reduce((a, st) => a + s.byStatus[st], 0);
  const statusCard = html`<div class="card"><h3>${msg(lang, 'html.statusChart')}</h3>
${stackedBar(
  statusOrder.map((st): [string, number] => [`c-${statusClass(st)}`, s.byStatus[st]]),
  statusTotal,
  msg(lang, 'html.statusChart'),
)}
<div class="legend">${statusOrder.map(
    (st) =>
      html`<span><i class="bg-${statusClass(st)}"></i>${statusLabel(st, lang)} <b>${n(s.byStatus[st])}</b></span>`,
  )}</div>
<dl class="facts"><dt>${msg(lang, 'accounts')}</dt><dd>${n(result.accounts.length)}</dd>
<dt>${msg(lang, 'resources')}</dt><dd>${n(result.resources)}</dd>
<dt>${msg(lang, 'html.rulesRun')}</dt><dd>${n(result.rules.size)}</dd>
<dt>${msg(lang, 'collectionErrors')}</dt><dd>${n(result.collectionErrors.length)}</dd>${
    imported > 0
      ? html`<dt>${msg(lang, 'importedFindings')}</dt><dd>${FINDING_SOURCES.map((src) => `${FINDING_SOURCE_NAMES[src]} ${n(s.bySource[src])}`).join(' · ')}</dd>`
      : ''
  }</dl></div>`;
  const maxSev = Math.max(1, ...SEVERITIES.map((sv) => s.failBySeverity[sv]));
  const severityCard = html`<div class="card"><h3>${msg(lang, 'html.severityChart')}</h3><div class="rows">${SEVERITIES.map(
    (sv) =>
      html`<span class="label">${badgeSeverity(sv, lang)}</span>${stackedBar(
        [[`c-${sv}`, s.failBySeverity[sv]]],
        maxSev,
        `${severityLabel(sv, lang)} ${s.failBySeverity[sv]}`,
      )}<span class="num"><strong>${n(s.failBySeverity[sv])}</strong></span>`,
  )}</div></div>`;
  const scoreCard = html`<div class="card score"><h3>${msg(lang, 'score')}</h3>${gauge(s.score, lang)}
<p><strong>${msg(lang, 'html.judged', { n: n(judged) })}</strong><br>${msg(lang, 'html.scoreHelp')}</p></div>`;

  // By category (all nine, in the guideline's order) and by account (worst first).
  const scoreText = (score: number | null) => (score === null ? msg(lang, 'scoreNone') : score.toFixed(1));
  const categoryCard = html`<div class="card"><h3>${msg(lang, 'html.categoryChart')}</h3><div class="rows"><span></span><span></span><span class="num head">${msg(lang, 'scoreShort')}</span>${CATEGORIES.map(
    (c) => {
      const t = s.byCategory[c];
      const score = scoreOf(t);
      return html`<span class="label">${CATEGORY_TEXT[c][lang]}</span>${tallyBar(t, lang)}<span class="num" title="${msg(lang, 'score')}"><strong>${scoreText(score)}</strong></span>`;
    },
  )}</div>
<div class="legend">${(['PASS', 'FAIL', 'ERROR'] as const).map(
    (st) => html`<span><i class="bg-${st}"></i>${statusLabel(st, lang)}</span>`,
  )}</div></div>`;
  const accounts = [...new Set([...result.accounts, ...Object.keys(s.byAccount)])]
    .map((a) => ({ account: a, t: s.byAccount[a] }))
    .sort(
      (a, b) =>
        (a.t?.score ?? 101) - (b.t?.score ?? 101) || (b.t?.fail ?? 0) - (a.t?.fail ?? 0) || cmp(a.account, b.account),
    );
  const accountCard = html`<div class="card"><h3>${msg(lang, 'html.accountChart')}</h3><div class="scroll"><table>
<thead><tr><th>${msg(lang, 'account')}</th><th class="n">${msg(lang, 'scoreShort')}</th><th></th><th class="n">${statusLabel('FAIL', lang)}</th><th class="n">${statusLabel('ERROR', lang)}</th></tr></thead>
<tbody>${accounts.map(
    ({ account, t }) =>
      html`<tr><td class="mono">${account}</td><td class="n"><strong>${scoreText(t?.score ?? null)}</strong></td><td class="barcell">${
        t ? tallyBar(t, lang) : ''
      }</td><td class="n">${n(t?.fail ?? 0)}</td><td class="n">${n(t?.error ?? 0)}</td></tr>`,
  )}</tbody></table></div></div>`;

  // Collection errors and warnings: they limit what the score means.
  const problems =
    result.collectionErrors.length + result.warnings.length > 0
      ? html`<section class="card alert">${
          result.collectionErrors.length > 0
            ? html`<h2>${msg(lang, 'collectionErrors')} (${n(result.collectionErrors.length)})</h2><div class="scroll"><table>
<thead><tr><th>${msg(lang, 'account')}</th><th>${msg(lang, 'region')}</th><th>${msg(lang, 'resourceType')}</th><th>${msg(lang, 'cause')}</th></tr></thead><tbody>${result.collectionErrors.map(
                (e) =>
                  html`<tr><td class="mono">${e.account}</td><td class="nw">${e.region}</td><td class="mono">${e.resourceType ?? e.service}</td><td class="mono">${describeCollectionError(e)}</td></tr>`,
              )}</tbody></table></div>`
            : ''
        }${
          result.warnings.length > 0
            ? html`<h3 class="sub">${msg(lang, 'warnings')} (${n(result.warnings.length)})</h3><ul>${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
            : ''
        }</section>`
      : html``;

  const actionable = result.findings.filter((f) => f.status !== 'PASS' && f.status !== 'N/A');
  const passed = result.findings.filter((f) => f.status === 'PASS');
  const groups = groupsOf(actionable);
  const body = html`<header class="top"><div class="brand">${result.tool.name}</div><h1>${title}</h1>
<dl><div><dt>${msg(lang, 'generatedAt')}</dt><dd>${displayTime(result.generatedAt)}</dd></div>
<div><dt>${msg(lang, 'resources')}</dt><dd>${msg(lang, 'html.resourcesInAccounts', { resources: n(result.resources), accounts: n(result.accounts.length) })}</dd></div>
${result.framework ? html`<div><dt>${msg(lang, 'framework')}</dt><dd>${result.framework.title[lang]} ${result.framework.version}</dd></div>` : ''}
<div><dt>${msg(lang, 'inputs')}</dt><dd>${result.inputs.length > 3 ? `${result.inputs.slice(0, 3).join(', ')} …(${result.inputs.length})` : result.inputs.join(', ')}</dd></div>
<div><dt>${msg(lang, 'tool')}</dt><dd>${result.tool.name} ${result.tool.version}</dd></div></dl></header>
<main>
<h2>${msg(lang, 'html.summary')}</h2>
<div class="grid">${scoreCard}${statusCard}${severityCard}</div>
<div class="grid2">${categoryCard}${accountCard}</div>
${problems}
${exceptionsSection(result, lang)}
<h2>${msg(lang, 'html.findings')}</h2>
${filters(lang)}
${groups.length === 0 ? html`<p class="card">${msg(lang, 'html.noFindings')}</p>` : groups.map((g) => groupBlock(g, text, lang))}
<p id="nomatch" class="nomatch">${msg(lang, 'html.noMatch')}</p>
${passedBlock(passed, text, lang)}
${result.notApplicable > 0 ? html`<p class="uid">${msg(lang, 'notApplicableCount', { n: n(result.notApplicable) })}</p>` : ''}
<footer>${msg(lang, 'html.footer', { tool: result.tool.name, version: result.tool.version })}</footer>
</main>`;

  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${result.tool.name} ${result.tool.version}">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
${body}
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

export const htmlReporter: Reporter = {
  format: 'html',
  ext: 'html',
  mediaType: 'text/html; charset=utf-8',
  render: (result, lang) => renderHtml(result, lang),
};
