// Helpers shared by the report formats: rule text lookup, ordering, the one-line explanation, evidence truncation.

import { FINDING_SOURCE_NAMES, type Finding, type FindingException, type FindingSource } from '../core/finding.js';
import { locate } from '../core/locate.js';
import type { AnyRule, Remediation } from '../core/rule.js';
import { SEVERITIES } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang, Text } from '../core/text.js';
import type { ManualItem, ScanResult } from '../engine/scan.js';
import { EXPIRES_SOON_DAYS, type ExceptionsOutcome, type ExceptionUse, scopeText } from '../exceptions/model.js';
import { formatNumber, msg } from '../i18n/index.js';

/** Worst first: what needs action, then what could not be judged, then the rest. */
export const STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'EXCEPTED', 'MANUAL', 'PASS', 'N/A'];

const statusRank = (s: Status) => STATUS_ORDER.indexOf(s);
const sevRank = (s: Finding['severity']) => SEVERITIES.indexOf(s);

/** Status, then severity (worst first), rule id, account, resource uid: stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    sevRank(a.severity) - sevRank(b.severity) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.resource.account, b.resource.account) ||
    cmp(a.resource.uid, b.resource.uid)
  );
}

/** Code-point order (not locale order), so output does not depend on the machine's locale. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sortedFindings = (result: ScanResult): Finding[] => [...result.findings].sort(compareFindings);

export const sortedRules = (result: ScanResult): AnyRule[] =>
  [...result.rules.values()].sort((a, b) => cmp(a.id, b.id));

/** MANUAL findings carry `<framework id>:<requirement id>` as their rule id; this maps them back to the item. */
export function manualItems(result: ScanResult): Map<string, ManualItem> {
  const out = new Map<string, ManualItem>();
  const fw = result.framework?.id;
  if (fw === undefined) return out;
  for (const m of result.manual) out.set(`${fw}:${m.requirementId}`, m);
  return out;
}

/**
 * Looks up what a finding's rule id names: a rule that ran, or a framework's manual item; for a finding imported
 * from an AWS detector (no rule), the provider's own title.
 */
export class RuleText {
  private readonly manual: Map<string, ManualItem>;
  /** The first imported finding of each imported rule id, for the words of a group of them. */
  private readonly imported = new Map<string, Finding>();
  constructor(private readonly result: ScanResult) {
    this.manual = manualItems(result);
    for (const f of result.findings) if (f.source && !this.imported.has(f.ruleId)) this.imported.set(f.ruleId, f);
  }
  rule(ruleId: string): AnyRule | undefined {
    return this.result.rules.get(ruleId);
  }
  manualItem(ruleId: string): ManualItem | undefined {
    return this.manual.get(ruleId);
  }
  /** An imported finding of this rule id (its source and words), when the id names no rule. */
  importedOf(ruleId: string): Finding | undefined {
    return this.imported.get(ruleId);
  }
  title(ruleId: string, lang: Lang): string {
    return this.titleText(ruleId)[lang];
  }
  titleText(ruleId: string): Text {
    const r = this.rule(ruleId);
    if (r) return r.text.title;
    return this.manual.get(ruleId)?.title ?? this.imported.get(ruleId)?.title ?? { en: ruleId, ja: ruleId };
  }
  /** One finding's title: its rule's, or an imported finding's own. */
  findingTitle(f: Finding, lang: Lang): string {
    return f.title && !this.rule(f.ruleId) ? f.title[lang] : this.title(f.ruleId, lang);
  }
}

/** Who found it: 'mamori' for rule findings, the AWS detector's name (GuardDuty, Inspector, Security Hub) else. */
export const sourceName = (f: Finding): string => (f.source ? FINDING_SOURCE_NAMES[f.source.kind] : 'mamori');

/** An imported finding's remediation: the provider's recommendation and link (GuardDuty gives only the link). */
export function importedRemediationLines(s: FindingSource): string[] {
  return [s.remediation, s.url].filter((l): l is string => l !== undefined && l !== '');
}

export function exceptionLine(e: FindingException, lang: Lang): string {
  const parts = [`${msg(lang, `exception.${e.kind}`)}: ${e.reason}`];
  if (e.approver) parts.push(`${msg(lang, 'approver')}: ${e.approver}`);
  if (e.expires) parts.push(`${msg(lang, 'expires')}: ${e.expires}`);
  if (e.id) parts.push(`${msg(lang, 'exceptionId')}: ${e.id}`);
  return parts.join(lang === 'ja' ? '、' : '; ');
}

/** An exception's state in the report's language; an active one that matched nothing is 'unused'. */
export const exceptionStateLabel = (e: ExceptionUse, lang: Lang): string =>
  msg(lang, `exceptions.state.${e.state === 'active' && e.matched === 0 ? 'unused' : e.state}`);

/** The heading and one-line tally of an exceptions outcome. */
export function exceptionsSummary(o: ExceptionsOutcome, lang: Lang): { heading: string; summary: string } {
  return {
    heading: msg(lang, 'exceptions.heading', { file: o.file }),
    summary: msg(lang, 'exceptions.summary', {
      applied: formatNumber(o.applied, lang),
      alternative: formatNumber(o.byKind['alternative-control'], lang),
      notApplicable: formatNumber(o.byKind['not-applicable'], lang),
      total: formatNumber(o.exceptions.length, lang),
      date: o.date,
    }),
  };
}

/** The exceptions that need a person's attention, each group with its lines: expired, unused, expiring soon. */
export function exceptionsAttention(o: ExceptionsOutcome, lang: Lang): Array<{ title: string; lines: string[] }> {
  const byId = new Map(o.exceptions.map((e) => [e.id, e]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is ExceptionUse => e !== undefined);
  const groups = [
    {
      title: msg(lang, 'exceptions.expired'),
      lines: pick(o.expired).map((e) =>
        msg(lang, 'exceptions.expiredLine', {
          id: e.id,
          date: e.expires ?? '',
          matched: formatNumber(e.matched, lang),
          reason: e.reason,
        }),
      ),
    },
    {
      title: msg(lang, 'exceptions.unused'),
      lines: pick(o.unused).map((e) =>
        msg(lang, 'exceptions.unusedLine', { id: e.id, scope: scopeText(e.scope), reason: e.reason }),
      ),
    },
    {
      title: msg(lang, 'exceptions.expiringSoon', { days: EXPIRES_SOON_DAYS }),
      lines: pick(o.expiringSoon).map((e) =>
        msg(lang, 'exceptions.soonLine', {
          id: e.id,
          date: e.expires ?? '',
          applied: formatNumber(e.applied, lang),
          reason: e.reason,
        }),
      ),
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/** Why a finding has its status, in one line: FAIL/N-A/PASS reason, ERROR cause, exception, manual guidance. */
export function explanation(f: Finding, lang: Lang): string {
  if (f.status === 'ERROR') return f.cause ?? '';
  if (f.status === 'EXCEPTED' && f.exception) return exceptionLine(f.exception, lang);
  return f.reason ? f.reason[lang] : '';
}

/** Remediation as plain text lines (text, console, CLI, IaC snippets, link). */
export function remediationLines(r: Remediation, lang: Lang): string[] {
  const lines = [r.text[lang]];
  if (r.console) lines.push(`${msg(lang, 'console')}: ${r.console[lang]}`);
  if (r.cli) lines.push(`${msg(lang, 'cli')}: ${r.cli}`);
  if (r.cloudformation) lines.push(`${msg(lang, 'cloudformation')}: ${r.cloudformation}`);
  if (r.terraform) lines.push(`${msg(lang, 'terraform')}: ${r.terraform}`);
  if (r.url) lines.push(r.url);
  return lines;
}

/** Above this size (bytes of JSON) evidence is replaced by a marker with a preview. */
export const EVIDENCE_LIMIT = 4096;

export interface TruncatedEvidence {
  $truncated: true;
  /** Size of the full value as JSON, in bytes (UTF-8). */
  bytes: number;
  /** The first EVIDENCE_LIMIT characters of that JSON. */
  preview: string;
}

/** The evidence value, or a marker in its place when its JSON is larger than `limit` bytes. */
export function boundedEvidence(value: unknown, limit = EVIDENCE_LIMIT): unknown {
  if (value === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return { $truncated: true, bytes: 0, preview: String(value).slice(0, limit) } satisfies TruncatedEvidence;
  }
  if (json === undefined) return undefined;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= limit) return value;
  return { $truncated: true, bytes, preview: json.slice(0, limit) } satisfies TruncatedEvidence;
}

export const isTruncated = (v: unknown): v is TruncatedEvidence =>
  typeof v === 'object' && v !== null && (v as { $truncated?: unknown }).$truncated === true;

/** Evidence as indented JSON for people; a truncated value shows its marker line and preview. */
export function evidenceText(value: unknown, lang: Lang): string {
  const v = boundedEvidence(value);
  if (v === undefined) return '';
  if (isTruncated(v)) return `${msg(lang, 'truncated', { bytes: v.bytes })}\n${v.preview} …`;
  return JSON.stringify(v, null, 2);
}

/** Is the resource from an IaC file (so it has a file, maybe a line)? */
export const isIac = (f: Finding): boolean =>
  (f.resource.source.kind === 'cloudformation' || f.resource.source.kind === 'terraform') &&
  typeof f.resource.source.file === 'string';

/** `file:line` of an IaC finding: the offending property's line where the template wrote one. */
export const iacLocation = (f: Finding): string | undefined => {
  if (!isIac(f)) return undefined;
  const at = locate(f.resource, f.evidencePath);
  return at ? `${at.file}:${at.line}` : undefined;
};

/** Sentences joined as the language writes them: a space between English ones, nothing after 。 */
export const sentences = (lang: Lang, ...parts: string[]): string =>
  parts.filter((p) => p !== '').join(lang === 'ja' ? '' : ' ');
