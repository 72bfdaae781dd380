// `json`: the full scan result for machines, described by schema/findings.v1.schema.json.
import type { Category } from '../core/category.js';
import type { FindingException, FindingResource, FindingSource } from '../core/finding.js';
import type { CollectionError, Remediation } from '../core/rule.js';
import type { Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang, Text } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import type { Summary } from '../engine/summary.js';
import type { ExceptionsOutcome } from '../exceptions/model.js';
import { boundedEvidence, RuleText, sortedFindings, sortedRules } from './common.js';
import type { Reporter } from './reporter.js';

export const FINDINGS_FORMAT = 'mamori.findings';
export const FINDINGS_VERSION = 1;

export interface JsonRule {
  id: string;
  title: Text;
  severity: Severity;
  category: Category;
  resourceType: string;
  description: Text;
  rationale: Text;
  remediation: Remediation;
}

export interface JsonManualItem {
  /** The rule id its MANUAL findings carry: `<framework id>:<requirement id>`. */
  ruleId: string;
  requirementId: string;
  title: Text;
  guidance: Text;
}

export interface JsonFinding {
  id: string;
  ruleId: string;
  status: Status;
  severity: Severity;
  category: Category;
  /** The rule's title in the report's language (both languages are in `rules`); an imported finding's own title. */
  title: string;
  resource: FindingResource;
  /** Imported findings: the AWS detector that holds it (GuardDuty, Inspector, Security Hub), with its id and words. */
  source?: FindingSource;
  reason?: Text;
  evidencePath?: string;
  /** The value at evidencePath; values over 4 KB of JSON are replaced by { $truncated, bytes, preview }. */
  evidence?: unknown;
  cause?: string;
  exception?: FindingException;
}

export interface FindingsDocument {
  format: typeof FINDINGS_FORMAT;
  version: typeof FINDINGS_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  asOf: string;
  lang: Lang;
  inputs: string[];
  framework?: { id: string; title: Text; version: string };
  summary: Summary;
  accounts: string[];
  resources: number;
  notApplicable: number;
  collectionErrors: CollectionError[];
  warnings: string[];
  rules: JsonRule[];
  manual: JsonManualItem[];
  findings: JsonFinding[];
  /** When an exceptions file was given: findings excepted, and every exception's state and use (expired, unused). */
  exceptions?: ExceptionsOutcome;
}

export function toFindingsDocument(result: ScanResult, lang: Lang): FindingsDocument {
  const text = new RuleText(result);
  const doc: FindingsDocument = {
    format: FINDINGS_FORMAT,
    version: FINDINGS_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    generatedAt: result.generatedAt,
    asOf: result.asOf,
    lang,
    inputs: result.inputs,
    ...(result.framework ? { framework: result.framework } : {}),
    summary: result.summary,
    accounts: result.accounts,
    resources: result.resources,
    notApplicable: result.notApplicable,
    collectionErrors: result.collectionErrors,
    warnings: result.warnings,
    rules: sortedRules(result).map((r) => ({
      id: r.id,
      title: r.text.title,
      severity: r.severity,
      category: r.category,
      resourceType: r.resourceType,
      description: r.text.description,
      rationale: r.text.rationale,
      remediation: r.text.remediation,
    })),
    manual: result.framework
      ? result.manual.map((m) => ({
          ruleId: `${result.framework!.id}:${m.requirementId}`,
          requirementId: m.requirementId,
          title: m.title,
          guidance: m.guidance,
        }))
      : [],
    findings: sortedFindings(result).map((f) => {
      const out: JsonFinding = {
        id: f.id,
        ruleId: f.ruleId,
        status: f.status,
        severity: f.severity,
        category: f.category,
        title: text.findingTitle(f, lang),
        resource: f.resource,
      };
      if (f.source) out.source = f.source;
      if (f.reason) out.reason = f.reason;
      if (f.evidencePath !== undefined) out.evidencePath = f.evidencePath;
      const evidence = boundedEvidence(f.evidence);
      if (evidence !== undefined) out.evidence = evidence;
      if (f.cause !== undefined) out.cause = f.cause;
      if (f.exception) out.exception = f.exception;
      return out;
    }),
    ...(result.exceptions ? { exceptions: result.exceptions } : {}),
  };
  return doc;
}

export const jsonReporter: Reporter = {
  format: 'json',
  ext: 'json',
  mediaType: 'application/json',
  render: (result, lang) => `${JSON.stringify(toFindingsDocument(result, lang), null, 2)}\n`,
};
