// `html` (and the page printed to PDF): one self-contained, printable page. No script at all; inline CSS allowed
// by hash; every value that came from the cloud, a framework file or an attestation file goes through html``.
import { createHash } from 'node:crypto';
import type { Status } from '../../core/status.js';
import type { Lang } from '../../core/text.js';
import { ATTESTATION_STATUS_TEXT } from '../../frameworks/attestations.js';
import { CLOUDS, PRIORITY_TEXT, TIER_TEXT } from '../../frameworks/model.js';
import { formatNumber, statusLabel } from '../../i18n/index.js';
import { CSS } from '../html-assets.js';
import { html, type Markup, trusted } from '../html-template.js';
import type { AccountCell, ComplianceReport, RequirementResult, SectionResult, Tally } from './build.js';
import { word } from './text.js';

const EXTRA_CSS = `
.grid.two { grid-template-columns: 260px 1fr; }
.req td { font-size: 13px; }
.req .st { white-space: nowrap; }
.acc { display: block; margin: 2px 0; }
.acc .badge { margin-right: 4px; }
.acc .mono { font-size: 11.5px; color: var(--muted); }
.att { font-size: 12px; color: var(--muted); margin: 2px 0 6px; white-space: normal; }
.gl td { font-size: 12px; overflow-wrap: anywhere; }
table.gl { table-layout: fixed; min-width: 1100px; }
table.gl th:nth-child(1) { width: 21%; } table.gl th:nth-child(2) { width: 13%; } table.gl th:nth-child(3) { width: 11%; }
table.gl th:nth-child(4) { width: 11%; } table.gl th:nth-child(5) { width: 10%; } table.gl th:last-child { width: 15%; }
table.gl th:nth-last-child(2) { width: 7%; }
table.tally th:first-child { width: 26%; } table.tally th { white-space: nowrap; }
.kv.attack { grid-template-columns: 1fr; } .kv.attack dt { font-weight: 600; margin-top: 4px; }
.gl th { font-size: 11.5px; }
.gl .body { margin-top: 4px; }
.gl .why { margin-top: 4px; color: var(--muted); }
.ids div { white-space: nowrap; }
.ids .nm { white-space: normal; color: var(--muted); font-size: 11.5px; }
.prio { font-weight: 600; }
.prio.must-now, .prio.must-before-use { color: var(--fail); }
.sec h3 { font-size: 15px; margin: 22px 0 8px; }
details.req-d { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 10px; }
details.req-d > summary { cursor: pointer; padding: 10px 14px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
details.req-d > summary .t { font-weight: 600; flex: 1 1 320px; }
details.req-d .b { padding: 0 14px 12px; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12.5px; margin: 6px 0; }
.kv dt { color: var(--muted); } .kv dd { margin: 0; }
.pct { font-variant-numeric: tabular-nums; }
a.id { color: inherit; }
@page { size: A4; margin: 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  table { page-break-inside: auto; } tr { break-inside: avoid; }
  details.req-d { break-inside: avoid; }
  .grid { grid-template-columns: 220px 1fr; }
  .grid2 { grid-template-columns: 1fr; }
}
`;

export const COMPLIANCE_CSS = CSS + EXTRA_CSS;
const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Nothing may load or run: no script at all, only the page's own style. */
export const COMPLIANCE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(COMPLIANCE_CSS)}`,
  "script-src 'none'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const statusClass = (s: Status): string => (s === 'N/A' ? 'NA' : s);
const badge = (s: Status, lang: Lang): Markup =>
  html`<span class="badge bg-${statusClass(s)}">${statusLabel(s, lang)}</span>`;
const fix = (n: number): string => (Math.round(n * 100) / 100).toString();
const pctText = (v: number | null, lang: Lang): string => (v === null ? word('none', lang) : `${v.toFixed(1)}%`);
const displayTime = (iso: string): string =>
  iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/, '$1 $2 UTC');
const anchor = (id: string): string => `req-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
const STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'MANUAL', 'EXCEPTED', 'PASS', 'N/A'];

function stackedBar(counts: Record<Status, number>, label: string): Markup {
  const total = STATUS_ORDER.reduce((a, s) => a + counts[s], 0);
  let x = 0;
  const rects: Markup[] = [];
  for (const s of STATUS_ORDER) {
    if (counts[s] <= 0 || total <= 0) continue;
    const w = (100 * counts[s]) / total;
    rects.push(html`<rect class="c-${statusClass(s)}" x="${fix(x)}" y="0" width="${fix(w)}" height="10"/>`);
    x += w;
  }
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}"><rect class="track" x="0" y="0" width="100" height="10"/>${rects}</svg>`;
}

function gauge(score: number | null, lang: Lang): Markup {
  const r = 52;
  const c = 2 * Math.PI * r;
  const cls = score === null ? 's-none' : score >= 80 ? 's-good' : score >= 50 ? 's-warn' : 's-bad';
  const text = score === null ? word('none', lang) : `${score.toFixed(1)}`;
  return html`<svg class="gauge" viewBox="0 0 140 140" role="img" aria-label="${word('score', lang)}: ${text}">
<circle class="track-ring" cx="70" cy="70" r="${r}"/>
<circle class="${cls}" cx="70" cy="70" r="${r}" stroke-dasharray="${fix(score === null ? 0 : (c * score) / 100)} ${fix(c)}" stroke-linecap="round" transform="rotate(-90 70 70)"/>
<text class="value" x="70" y="76" text-anchor="middle">${text}</text>
<text class="unit" x="70" y="96" text-anchor="middle">%</text></svg>`;
}

const legend = (counts: Record<Status, number>, lang: Lang): Markup =>
  html`<div class="legend">${STATUS_ORDER.map(
    (s) =>
      html`<span><i class="bg-${statusClass(s)}"></i>${statusLabel(s, lang)} <b>${formatNumber(counts[s], lang)}</b></span>`,
  )}</div>`;

function tallyRow(name: Markup | string, t: Tally, lang: Lang): Markup {
  const n = (x: number) => formatNumber(x, lang);
  return html`<tr><td>${name}</td><td class="n">${n(t.requirements)}</td><td class="n">${n(t.automated)}</td>${STATUS_ORDER.map(
    (s) => html`<td class="n">${n(t.byStatus[s])}</td>`,
  )}<td class="barcell">${stackedBar(t.byStatus, word('byStatus', lang))}</td><td class="n pct">${pctText(t.coverage, lang)}</td><td class="n pct"><strong>${pctText(t.score, lang)}</strong></td></tr>`;
}

function tallyTable(first: string, rows: Markup[], lang: Lang): Markup {
  return html`<div class="scroll"><table class="tally"><thead><tr><th>${first}</th><th class="n">${word('requirements', lang)}</th><th class="n">${word('automated', lang)}</th>${STATUS_ORDER.map(
    (s) => html`<th class="n">${statusLabel(s, lang)}</th>`,
  )}<th></th><th class="n">${word('coverage', lang)}</th><th class="n">${word('score', lang)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function attestationLines(c: AccountCell, lang: Lang): Markup {
  const a = c.attestation;
  if (!a) return html``;
  const parts: string[] = [];
  if (a.alternative) parts.push(`${word('alternative', lang)}: ${a.alternative}`);
  if (a.reason) parts.push(`${word('naReason', lang)}: ${a.reason}`);
  if (a.due) parts.push(`${word('due', lang)}: ${a.due}`);
  parts.push(`${word('attestedBy', lang)}: ${a.attestedBy} (${a.attestedOn})`);
  parts.push(
    a.reviewedBy
      ? `${word('reviewedBy', lang)}: ${a.reviewedBy}${a.reviewedOn ? ` (${a.reviewedOn})` : ''}`
      : `${word('reviewedBy', lang)}: ${word('notReviewed', lang)}`,
  );
  return html`<div class="att">${parts.join(' · ')}</div>`;
}

/** One account's status: the badge, the attested answer in words when there is one, and who answered. */
function cellStatus(c: AccountCell, lang: Lang, withAccount: boolean): Markup {
  const label = c.attestation
    ? html` ${ATTESTATION_STATUS_TEXT[c.attestation.status][lang]}`
    : c.status === 'MANUAL'
      ? html` <span class="uid">${word('unanswered', lang)}</span>`
      : html``;
  return html`<span class="acc">${withAccount ? html`<span class="mono">${c.account}</span> ` : ''}${badge(c.status, lang)}${label}</span>${attestationLines(c, lang)}`;
}

const sectionName = (report: ComplianceReport, section: string, lang: Lang): string =>
  report.sections.find((s) => s.section === section)?.sectionTitle[lang] ?? section;

function idList(ids: readonly string[], report: ComplianceReport, lang: Lang, key = (id: string) => id): Markup {
  if (ids.length === 0) return html`${word('none', lang)}`;
  return html`<div class="ids">${ids.map((id) => {
    const name = report.references[key(id)];
    return html`<div>${id}</div>${name ? html`<div class="nm">${name[lang]}</div>` : ''}`;
  })}</div>`;
}

function guidelineTable(report: ComplianceReport, lang: Lang): Markup {
  const clouds = CLOUDS.filter((c) => report.requirements.some((r) => r.guideline?.implementation[c]));
  const cloudName = (c: string) => (c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : 'Google Cloud');
  const sections = [...new Set(report.requirements.map((r) => r.section))];
  return html`${sections.map(
    (
      section,
    ) => html`<section class="sec"><h3>${sectionName(report, section, lang)}</h3><div class="scroll"><table class="gl"><thead><tr>
<th>${word('item', lang)}</th><th>${word('attack', lang)}</th><th>${word('cisControls', lang)}</th><th>${word('cisBenchmark', lang)}</th><th>${word('wellArchitected', lang)}</th>${clouds.map(
      (c) => html`<th>${word('measure', lang, { cloud: cloudName(c) })}</th>`,
    )}<th>${word('priority', lang)}</th><th>${word('status', lang)}</th></tr></thead><tbody>${report.requirements
      .filter((r) => r.section === section)
      .map((r) => {
        const g = r.guideline;
        if (!g) return html``;
        const attack = g.attack ?? {};
        return html`<tr id="${anchor(r.id)}">
<td><a class="id" href="#d-${anchor(r.id)}"><strong>${r.id}</strong></a> <strong>${r.title[lang]}</strong><div class="body">${g.body[lang]}</div><div class="why">${word('why', lang)}: ${g.rationale[lang]}</div><div class="uid">${TIER_TEXT[g.tier][lang]} · ${r.automated ? word('kindAutomated', lang) : word('kindManual', lang)}</div></td>
<td><dl class="kv attack"><dt>${word('tactic', lang)}</dt><dd>${idList(attack.tactics ?? [], report, lang)}</dd><dt>${word('technique', lang)}</dt><dd>${idList(attack.techniques ?? [], report, lang)}</dd><dt>${word('mitigation', lang)}</dt><dd>${idList(attack.mitigations ?? [], report, lang)}</dd></dl></td>
<td>${idList(g.cisControls ?? [], report, lang, (id) => `CIS:${id}`)}</td>
<td>${idList(g.implementation.aws?.cisBenchmark ?? [], report, lang, (id) => `aws:${id}`)}</td>
<td>${idList(
          clouds.flatMap((c) => g.implementation[c]?.wellArchitected ?? []),
          report,
          lang,
        )}</td>
${clouds.map((c) => {
  const impl = g.implementation[c];
  return html`<td>${impl ? html`${impl.measure[lang]}${impl.services?.length ? html`<div class="uid">${word('services', lang)}: ${impl.services.join(', ')}</div>` : ''}` : word('none', lang)}</td>`;
})}
<td><span class="prio ${g.priority}">${PRIORITY_TEXT[g.priority][lang]}</span></td>
<td class="st">${r.accounts.map((c) => cellStatus(c, lang, true))}</td></tr>`;
      })}</tbody></table></div></section>`,
  )}`;
}

function requirementTable(report: ComplianceReport, lang: Lang): Markup {
  const sections = [...new Set(report.requirements.map((r) => r.section))];
  const accounts = report.accounts;
  return html`${sections.map(
    (
      section,
    ) => html`<section class="sec"><h3>${sectionName(report, section, lang)}</h3><div class="scroll"><table class="req"><thead><tr>
<th>${word('id', lang)}</th><th>${word('titleCol', lang)}</th><th>${word('status', lang)}</th>${accounts.map(
      (a) => html`<th class="mono">${a}</th>`,
    )}<th class="n">FAIL</th><th class="n">PASS</th></tr></thead><tbody>${report.requirements
      .filter((r) => r.section === section)
      .map(
        (r) =>
          html`<tr id="${anchor(r.id)}"><td class="nw"><a class="id" href="#d-${anchor(r.id)}">${r.id}</a></td><td>${r.title[lang]}<div class="uid">${
            r.automated ? word('kindAutomated', lang) : word('kindManual', lang)
          }${r.attributes ? ` · ${Object.values(r.attributes).join(' · ')}` : ''}</div></td><td class="st">${badge(r.status, lang)}</td>${r.accounts.map(
            (c) => html`<td class="st">${cellStatus(c, lang, false)}</td>`,
          )}<td class="n">${formatNumber(r.counts.FAIL, lang)}</td><td class="n">${formatNumber(r.counts.PASS, lang)}</td></tr>`,
      )}</tbody></table></div></section>`,
  )}`;
}

function detailBlock(r: RequirementResult, lang: Lang, print: boolean): Markup {
  const open = print || r.status === 'FAIL' || r.status === 'ERROR';
  const ev = r.evidence;
  return html`<details class="req-d" id="d-${anchor(r.id)}"${open ? trusted(' open') : ''}><summary>${badge(r.status, lang)}<code>${r.id}</code><span class="t">${r.title[lang]}</span></summary><div class="b">
${
  r.rules.length > 0
    ? html`<dl class="kv"><dt>${word('rules', lang)}</dt><dd>${r.rules.map(
        (x) =>
          html`<div><code>${x.id}</code> ${x.title[lang]}${
            x.params
              ? html` <span class="uid">(${word('params', lang)}: ${Object.entries(x.params)
                  .map(([k, v]) => `${k}=${String(v)}`)
                  .join(', ')})</span>`
              : ''
          }</div>`,
      )}</dd>${r.rationale ? html`<dt>${word('rationale', lang)}</dt><dd>${r.rationale[lang]}</dd>` : ''}</dl>`
    : ''
}
${r.guidance ? html`<div class="remed"><h4>${word('guidance', lang)}</h4><p>${r.guidance[lang]}</p></div>` : ''}
${
  r.automated
    ? ev.length === 0
      ? html`<p class="uid">${word('evidenceNone', lang)}</p>`
      : html`<h4>${word('evidence', lang)}</h4><div class="scroll"><table class="ft"><thead><tr><th>${word('status', lang)}</th><th>${word('resource', lang)}</th><th>${word('account', lang)} / ${word('region', lang)}</th><th>${word('reason', lang)}</th></tr></thead><tbody>${ev.map(
          (e) =>
            html`<tr><td>${badge(e.status, lang)}</td><td><div class="rname">${e.resource.name}</div>${e.resource.name !== e.resource.uid ? html`<div class="uid mono">${e.resource.uid}</div>` : ''}<div class="uid">${e.resource.type} · <code>${e.ruleId}</code></div></td><td><span class="mono">${e.account}</span><br><span class="uid">${e.region}</span></td><td>${
              e.status === 'ERROR'
                ? html`<span class="mono">${e.cause ?? ''}</span>`
                : e.exception
                  ? html`${e.exception.reason}${e.exception.approver ? html`<div class="uid">${word('approver', lang)}: ${e.exception.approver}</div>` : ''}${e.exception.expires ? html`<div class="uid">${word('expires', lang)}: ${e.exception.expires}</div>` : ''}`
                  : html`${e.reason?.[lang] ?? ''}${e.evidencePath ? html`<div class="path"><code>${e.evidencePath}</code></div>` : ''}`
            }</td></tr>`,
        )}</tbody></table></div>${
          r.evidenceOmitted > 0
            ? html`<p class="uid">${word('evidenceOmitted', lang, { n: formatNumber(r.evidenceOmitted, lang) })}</p>`
            : ''
        }`
    : html`<h4>${word('attestations', lang)}</h4><div>${r.accounts.map((c) => cellStatus(c, lang, true))}</div>`
}
</div></details>`;
}

/** The page; `print` opens every details block (for PDF). */
export function renderComplianceHtml(report: ComplianceReport, lang: Lang, options: { print?: boolean } = {}): string {
  const n = (x: number) => formatNumber(x, lang);
  const guideline = report.framework.kind === 'guideline';
  const fw = report.framework;
  const name = fw.title[lang].includes(fw.version) ? fw.title[lang] : `${fw.title[lang]} ${fw.version}`;
  const title = `${word(guideline ? 'guidelineTitle' : 'title', lang)} — ${name}`;
  const o = report.overall;
  const scoreCard = html`<div class="card score"><h3>${word('score', lang)}</h3>${gauge(o.score, lang)}<p>${word('scoreHelp', lang)}</p></div>`;
  const statusCard = html`<div class="card"><h3>${word('byStatus', lang)}</h3>${stackedBar(o.byStatus, word('byStatus', lang))}${legend(o.byStatus, lang)}
<dl class="facts"><dt>${word(guideline ? 'items' : 'requirements', lang)}</dt><dd>${n(o.requirements)}</dd>
<dt>${word('automated', lang)} / ${word('manual', lang)}</dt><dd>${n(o.automated)} / ${n(o.requirements - o.automated)}</dd>
<dt>${word('coverage', lang)}</dt><dd>${pctText(o.coverage, lang)}</dd>
<dt>${word('postureScore', lang)}</dt><dd>${report.postureScore === null ? word('none', lang) : report.postureScore.toFixed(1)}</dd>
<dt>${word('accounts', lang)}</dt><dd>${n(report.accounts.length)}</dd>
<dt>${word('resources', lang)}</dt><dd>${n(report.resources)}</dd>
<dt>${word('attestations', lang)}</dt><dd>${word('attestationCounts', lang, { answered: n(report.attestations.answered), unanswered: n(report.attestations.unanswered) })}</dd></dl>
<p class="uid">${word('coverageHelp', lang)}</p></div>`;
  const sectionRows = report.sections.map((s: SectionResult) => tallyRow(s.sectionTitle[lang], s, lang));
  const accountRows = report.accounts.map((a) => {
    const t = report.byAccount[a];
    return t ? tallyRow(html`<span class="mono">${a}</span>`, t, lang) : html``;
  });
  const exc = report.exceptions;
  const exceptionsBlock = exc
    ? html`<h2>${word('exceptions', lang)}</h2><div class="card"><p>${word('exceptionsApplied', lang, { n: n(exc.applied) })} <span class="uid">(${exc.file}, ${exc.date})</span></p>${(
        [
          ['expiredExceptions', exc.expired],
          ['unusedExceptions', exc.unused],
          ['expiringExceptions', exc.expiringSoon],
        ] as const
      ).map(([key, list]) =>
        list.length === 0
          ? html``
          : html`<h3>${word(key, lang)} (${n(list.length)})</h3><div class="scroll"><table><thead><tr><th>ID</th><th>${word('scope', lang)}</th><th>${word('reason', lang)}</th><th>${word('approver', lang)}</th><th>${word('expires', lang)}</th></tr></thead><tbody>${list.map(
              (e) =>
                html`<tr><td class="nw mono">${e.id}</td><td class="mono">${e.scope}</td><td>${e.reason}</td><td>${e.approver ?? ''}</td><td class="nw">${e.expires ?? ''}</td></tr>`,
            )}</tbody></table></div>`,
      )}</div>`
    : html``;
  const problems =
    report.collectionErrors.length + report.warnings.length > 0
      ? html`<section class="card alert">${
          report.collectionErrors.length > 0
            ? html`<h2>${word('collectionErrors', lang)} (${n(report.collectionErrors.length)})</h2><ul>${report.collectionErrors.map(
                (e) =>
                  html`<li><span class="mono">${e.account} ${e.region} ${e.service}:${e.operation}</span> ${e.code}</li>`,
              )}</ul>`
            : ''
        }${
          report.warnings.length > 0
            ? html`<h3 class="sub">${word('warnings', lang)} (${n(report.warnings.length)})</h3><ul>${report.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
            : ''
        }</section>`
      : html``;

  const body = html`<header class="top"><div class="brand">${report.tool.name}</div><h1>${title}</h1>
<dl><div><dt>${word('generatedAt', lang)}</dt><dd>${displayTime(report.generatedAt)}</dd></div>
<div><dt>${word('asOf', lang)}</dt><dd>${displayTime(report.asOf)}</dd></div>
<div><dt>${word('framework', lang)}</dt><dd>${fw.id} ${fw.version}</dd></div>
<div><dt>${word('inputs', lang)}</dt><dd>${report.inputs.length > 3 ? `${report.inputs.slice(0, 3).join(', ')} …(${report.inputs.length})` : report.inputs.join(', ')}</dd></div>
<div><dt>${word('tool', lang)}</dt><dd>${report.tool.name} ${report.tool.version}</dd></div></dl></header>
<main>
<p>${fw.description[lang]}</p>${fw.source ? html`<p class="uid">${word('source', lang)}: ${fw.source}</p>` : ''}
<h2>${word('summary', lang)}</h2>
<div class="grid two">${scoreCard}${statusCard}</div>
<h2>${word('bySection', lang)}</h2><div class="card">${tallyTable(word('section', lang), sectionRows, lang)}</div>
<h2>${word('byAccount', lang)}</h2><div class="card">${tallyTable(word('account', lang), accountRows, lang)}</div>
${problems}
${exceptionsBlock}
<h2>${word(guideline ? 'guidelineTable' : 'requirementTable', lang)}</h2>
${guideline ? guidelineTable(report, lang) : requirementTable(report, lang)}
<h2>${word(guideline ? 'detailsGuideline' : 'details', lang)}</h2>
${report.requirements.map((r) => detailBlock(r, lang, options.print === true))}
<footer>${word('footer', lang, { tool: report.tool.name, version: report.tool.version })}</footer>
</main>`;
  return html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${COMPLIANCE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.tool.name} ${report.tool.version}">
<title>${title}</title>
<style>${trusted(COMPLIANCE_CSS)}</style>
</head>
<body>
${body}
</body>
</html>
`.value;
}
