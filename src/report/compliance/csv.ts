// `csv`: one row per requirement and account (the seed's table per account), for spreadsheets.
// UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-looking cells neutralised (see ../csv.ts).
import { CATEGORY_TEXT } from '../../core/category.js';
import type { Lang } from '../../core/text.js';
import { ATTESTATION_STATUS_TEXT } from '../../frameworks/attestations.js';
import { PRIORITY_TEXT, TIER_TEXT } from '../../frameworks/model.js';
import { statusLabel } from '../../i18n/index.js';
import { csvDocument } from '../csv.js';
import type { ComplianceReport } from './build.js';
import { word } from './text.js';

export function renderComplianceCsv(report: ComplianceReport, lang: Lang): string {
  const guideline = report.framework.kind === 'guideline';
  const ref = (id: string) => {
    const t = report.references[id];
    return t ? `${id} ${t[lang]}` : id;
  };
  const header = [
    word('framework', lang),
    word('section', lang),
    word('id', lang),
    word('titleCol', lang),
    `${word('automated', lang)} / ${word('manual', lang)}`,
    word('account', lang),
    word('status', lang),
    'PASS',
    'FAIL',
    'ERROR',
    'EXCEPTED',
    word('rules', lang),
    word('attestation', lang),
    `${word('alternative', lang)} / ${word('naReason', lang)}`,
    word('attestedBy', lang),
    word('attestedOn', lang),
    word('reviewedBy', lang),
    word('reviewedOn', lang),
    ...(guideline
      ? [
          word('priority', lang),
          word('tier', lang),
          word('category', lang),
          word('tactic', lang),
          word('technique', lang),
          word('mitigation', lang),
          word('cisControls', lang),
          word('cisBenchmark', lang),
          word('wellArchitected', lang),
          word('measure', lang, { cloud: 'AWS' }),
          word('body', lang),
          word('why', lang),
        ]
      : []),
  ];
  const rows: string[][] = [header];
  for (const r of report.requirements) {
    for (const c of r.accounts) {
      const a = c.attestation;
      const g = r.guideline;
      const aws = g?.implementation.aws;
      rows.push([
        report.framework.id,
        r.sectionTitle[lang],
        r.id,
        r.title[lang],
        r.automated ? word('kindAutomated', lang) : word('kindManual', lang),
        c.account,
        statusLabel(c.status, lang),
        String(c.counts.PASS),
        String(c.counts.FAIL),
        String(c.counts.ERROR),
        String(c.counts.EXCEPTED),
        r.rules.map((x) => x.id).join(' '),
        a ? ATTESTATION_STATUS_TEXT[a.status][lang] : r.automated ? '' : word('unanswered', lang),
        a?.alternative ?? a?.reason ?? '',
        a?.attestedBy ?? '',
        a?.attestedOn ?? '',
        a?.reviewedBy ?? '',
        a?.reviewedOn ?? '',
        ...(g
          ? [
              PRIORITY_TEXT[g.priority][lang],
              TIER_TEXT[g.tier][lang],
              CATEGORY_TEXT[g.category][lang],
              (g.attack?.tactics ?? []).map(ref).join('\n'),
              (g.attack?.techniques ?? []).map(ref).join('\n'),
              (g.attack?.mitigations ?? []).map(ref).join('\n'),
              (g.cisControls ?? []).map((x) => ref(`CIS:${x}`).replace(/^CIS:/, '')).join('\n'),
              (aws?.cisBenchmark ?? []).map((x) => ref(`aws:${x}`).replace(/^aws:/, '')).join('\n'),
              (aws?.wellArchitected ?? []).map(ref).join('\n'),
              aws?.measure[lang] ?? '',
              g.body[lang],
              g.rationale[lang],
            ]
          : guideline
            ? Array.from({ length: 12 }, () => '')
            : []),
      ]);
    }
  }
  return csvDocument(rows);
}
