// The compliance report: a scan's findings read through one framework or guideline, per requirement and account,
// with MANUAL items answered by attestation files. Renderers (JSON, CSV, HTML, PDF) only format this model.
import { CATEGORIES, CATEGORY_TEXT } from '../../core/category.js';
import type { Finding, FindingException } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import { STATUSES, type Status } from '../../core/status.js';
import type { Text } from '../../core/text.js';
import type { ScanResult } from '../../engine/scan.js';
import { type ExceptionsOutcome, scopeText } from '../../exceptions/model.js';
import {
  ATTESTED_REQUIREMENT_STATUS,
  type Attestation,
  type AttestationSet,
  emptyAttestations,
} from '../../frameworks/attestations.js';
import {
  CLOUDS,
  type Cloud,
  type Framework,
  type FrameworkKind,
  frameworkKind,
  type GuidelineItem,
  type Requirement,
  ruleRefId,
} from '../../frameworks/model.js';
import { compareFindings } from '../common.js';

export const COMPLIANCE_REPORT_SCHEMA = 'mamori.compliance-report';
export const COMPLIANCE_REPORT_VERSION = 1;

/** How many findings a requirement lists as evidence; the rest are counted. */
export const EVIDENCE_LIMIT = 20;

/** Worst first, when accounts are combined into one requirement status. */
export const REQUIREMENT_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'MANUAL', 'EXCEPTED', 'PASS', 'N/A'];

export type Counts = Record<Status, number>;
const zero = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;

export interface EvidenceItem {
  findingId: string;
  ruleId: string;
  status: Status;
  severity: Severity;
  account: string;
  region: string;
  resource: { uid: string; name: string; type: string };
  reason?: Text;
  cause?: string;
  evidencePath?: string;
  exception?: FindingException;
}

/** One requirement in one account. */
export interface AccountCell {
  account: string;
  status: Status;
  /** Findings of the requirement's rules in this account, by status. */
  counts: Counts;
  /** The answer to a MANUAL item, when an attestation file gives one. */
  attestation?: Omit<Attestation, 'account'>;
}

export interface RequirementResult {
  id: string;
  title: Text;
  section: string;
  /** The section in both languages: a guideline's category name; else the section as written. */
  sectionTitle: Text;
  /** Decided by rules (true) or attested by a person (false). */
  automated: boolean;
  rules: Array<{ id: string; title: Text; params?: Record<string, number | string | boolean> }>;
  /** Worst over the accounts. */
  status: Status;
  counts: Counts;
  accounts: AccountCell[];
  /** The findings behind the status, worst first, at most EVIDENCE_LIMIT. */
  evidence: EvidenceItem[];
  evidenceOmitted: number;
  rationale?: Text;
  guidance?: Text;
  attributes?: Record<string, string | number | boolean>;
  guideline?: GuidelineItem;
}

export interface Tally {
  requirements: number;
  automated: number;
  /** Requirements by their (worst over accounts) status. */
  byStatus: Counts;
  /** Requirement × account cells by status. */
  cells: Counts;
  /** Share (%) of applicable cells with an answer: PASS, FAIL or EXCEPTED (not MANUAL, not ERROR). */
  coverage: number | null;
  /** Share (%) of judged cells that comply: (PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR). */
  score: number | null;
}

export interface SectionResult extends Tally {
  section: string;
  sectionTitle: Text;
}

export interface ComplianceReport {
  schema: typeof COMPLIANCE_REPORT_SCHEMA;
  version: typeof COMPLIANCE_REPORT_VERSION;
  tool: ScanResult['tool'];
  generatedAt: string;
  asOf: string;
  inputs: string[];
  framework: {
    id: string;
    kind: FrameworkKind;
    title: Text;
    version: string;
    description: Text;
    source?: string;
  };
  accounts: string[];
  resources: number;
  overall: Tally;
  sections: SectionResult[];
  byAccount: Record<string, Tally>;
  /** The scan's severity-weighted posture score over the framework's rules. */
  postureScore: number | null;
  requirements: RequirementResult[];
  /** Names of cited ids (ATT&CK, CIS Controls, Well-Architected, `<cloud>:<CIS Benchmark id>`). */
  references: Record<string, Text>;
  attestations: { files: string[]; answered: number; unanswered: number };
  /** What the exceptions file did, when one was given: expired and unused exceptions are listed apart. */
  exceptions?: {
    file: string;
    date: string;
    applied: number;
    expired: ExceptionNote[];
    unused: ExceptionNote[];
    expiringSoon: ExceptionNote[];
  };
  collectionErrors: ScanResult['collectionErrors'];
  warnings: string[];
}

/** An exception the report lists apart (expired, unused, expiring soon). */
export interface ExceptionNote {
  id: string;
  kind: FindingException['kind'];
  reason: string;
  approver?: string;
  expires?: string;
  scope: string;
}

export interface BuildOptions {
  attestations?: AttestationSet;
  /** Finds a framework by id (for guideline benchmark titles); returns undefined when unknown. */
  resolveFramework?: (id: string) => Framework | undefined;
  evidenceLimit?: number;
}

function exceptionsOf(outcome: ExceptionsOutcome | undefined): ComplianceReport['exceptions'] {
  if (!outcome) return undefined;
  const byId = new Map(outcome.exceptions.map((e) => [e.id, e]));
  const notes = (ids: readonly string[]): ExceptionNote[] =>
    ids.flatMap((id) => {
      const e = byId.get(id);
      if (!e) return [];
      return [
        {
          id,
          kind: e.kind,
          reason: e.reason,
          ...(e.approver ? { approver: e.approver } : {}),
          ...(e.expires ? { expires: e.expires } : {}),
          scope: scopeText(e.scope),
        },
      ];
    });
  return {
    file: outcome.file,
    date: outcome.date,
    applied: outcome.applied,
    expired: notes(outcome.expired),
    unused: notes(outcome.unused),
    expiringSoon: notes(outcome.expiringSoon),
  };
}

const worst = (statuses: Iterable<Status>): Status => {
  let out: Status = 'N/A';
  for (const s of statuses) if (REQUIREMENT_ORDER.indexOf(s) < REQUIREMENT_ORDER.indexOf(out)) out = s;
  return out;
};

/** An automated requirement's status in one account, from its findings there. */
export function statusOfFindings(counts: Counts): Status {
  if (counts.FAIL > 0) return 'FAIL';
  if (counts.ERROR > 0) return 'ERROR';
  if (counts.EXCEPTED > 0) return 'EXCEPTED';
  if (counts.PASS > 0) return 'PASS';
  return 'N/A';
}

const pct = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

function tallyOf(reqs: readonly RequirementResult[], account?: string): Tally {
  const byStatus = zero();
  const cells = zero();
  for (const r of reqs) {
    const own = account === undefined ? r.accounts : r.accounts.filter((c) => c.account === account);
    byStatus[account === undefined ? r.status : worst(own.map((c) => c.status))]++;
    for (const c of own) cells[c.status]++;
  }
  const applicable = STATUSES.reduce((a, s) => a + (s === 'N/A' ? 0 : cells[s]), 0);
  return {
    requirements: reqs.length,
    automated: reqs.filter((r) => r.automated).length,
    byStatus,
    cells,
    coverage: pct(cells.PASS + cells.FAIL + cells.EXCEPTED, applicable),
    score: pct(cells.PASS + cells.EXCEPTED, cells.PASS + cells.EXCEPTED + cells.FAIL + cells.ERROR),
  };
}

function evidenceItem(f: Finding): EvidenceItem {
  return {
    findingId: f.id,
    ruleId: f.ruleId,
    status: f.status,
    severity: f.severity,
    account: f.resource.account,
    region: f.resource.region,
    resource: { uid: f.resource.uid, name: f.resource.name, type: f.resource.type },
    ...(f.reason ? { reason: f.reason } : {}),
    ...(f.cause ? { cause: f.cause } : {}),
    ...(f.evidencePath !== undefined ? { evidencePath: f.evidencePath } : {}),
    ...(f.exception ? { exception: f.exception } : {}),
  };
}

/** Reads a scan (run with this framework) as a compliance report. */
export function buildComplianceReport(
  result: ScanResult,
  framework: Framework,
  options: BuildOptions = {},
): ComplianceReport {
  const attestations = options.attestations ?? emptyAttestations();
  const limit = options.evidenceLimit ?? EVIDENCE_LIMIT;
  const accounts = [...result.accounts].sort();
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.source || f.status === 'MANUAL') continue;
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  let answered = 0;
  let unanswered = 0;
  const requirements = framework.requirements.map((req: Requirement): RequirementResult => {
    const ruleIds = (req.rules ?? []).map(ruleRefId);
    const findings = ruleIds.flatMap((id) => byRule.get(id) ?? []).sort(compareFindings);
    const counts = zero();
    for (const f of findings) counts[f.status]++;
    const cells = accounts.map((account): AccountCell => {
      const own = zero();
      for (const f of findings) if (f.resource.account === account) own[f.status]++;
      if (!req.manual) return { account, status: statusOfFindings(own), counts: own };
      const a = attestations.get(framework.id, account, req.id);
      if (!a) {
        unanswered++;
        return { account, status: 'MANUAL', counts: own };
      }
      answered++;
      const { account: _account, ...attestation } = a;
      return { account, status: ATTESTED_REQUIREMENT_STATUS[a.status], counts: own, attestation };
    });
    const evidence = findings.filter((f) => f.status !== 'PASS');
    const shown = [...evidence, ...findings.filter((f) => f.status === 'PASS')].slice(0, limit);
    const cat = req.guideline?.category;
    return {
      id: req.id,
      title: req.title,
      section: req.section,
      sectionTitle: cat
        ? {
            en: `${CATEGORIES.indexOf(cat) + 1} ${CATEGORY_TEXT[cat].en}`,
            ja: `${CATEGORIES.indexOf(cat) + 1} ${CATEGORY_TEXT[cat].ja}`,
          }
        : { en: req.section, ja: req.section },
      automated: !req.manual,
      rules: (req.rules ?? []).map((ref) => {
        const id = ruleRefId(ref);
        const rule = result.rules.get(id);
        return {
          id,
          title: rule?.text.title ?? { en: id, ja: id },
          ...(typeof ref !== 'string' && ref.params ? { params: ref.params } : {}),
        };
      }),
      status: worst(cells.map((c) => c.status)),
      counts,
      accounts: cells,
      evidence: shown.map(evidenceItem),
      evidenceOmitted: findings.length - shown.length,
      ...(req.rationale ? { rationale: req.rationale } : {}),
      ...(req.manual ? { guidance: req.manual.guidance } : {}),
      ...(req.attributes ? { attributes: req.attributes } : {}),
      ...(req.guideline ? { guideline: req.guideline } : {}),
    };
  });
  const sectionNames = [...new Set(requirements.map((r) => r.section))];
  const references: Record<string, Text> = { ...(framework.references ?? {}) };
  for (const cloud of CLOUDS) {
    const id = framework.benchmarks?.[cloud];
    const benchmark = id ? options.resolveFramework?.(id) : undefined;
    if (!benchmark) continue;
    const wanted = new Set(
      requirements.flatMap((r) => r.guideline?.implementation[cloud as Cloud]?.cisBenchmark ?? []),
    );
    for (const rec of benchmark.requirements) if (wanted.has(rec.id)) references[`${cloud}:${rec.id}`] = rec.title;
  }
  return {
    schema: COMPLIANCE_REPORT_SCHEMA,
    version: COMPLIANCE_REPORT_VERSION,
    tool: result.tool,
    generatedAt: result.generatedAt,
    asOf: result.asOf,
    inputs: result.inputs,
    framework: {
      id: framework.id,
      kind: frameworkKind(framework),
      title: framework.title,
      version: framework.version,
      description: framework.description,
      ...(framework.source ? { source: framework.source } : {}),
    },
    accounts,
    resources: result.resources,
    overall: tallyOf(requirements),
    sections: sectionNames.map((section) => {
      const reqs = requirements.filter((r) => r.section === section);
      return { section, sectionTitle: reqs[0]?.sectionTitle ?? { en: section, ja: section }, ...tallyOf(reqs) };
    }),
    byAccount: Object.fromEntries(accounts.map((a) => [a, tallyOf(requirements, a)])),
    postureScore: result.summary.score,
    requirements,
    references,
    attestations: { files: attestations.files, answered, unanswered },
    ...(result.exceptions ? { exceptions: exceptionsOf(result.exceptions) } : {}),
    collectionErrors: result.collectionErrors,
    warnings: result.warnings,
  };
}
