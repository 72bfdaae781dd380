/**
 * `asff`: the findings in the AWS Security Finding Format (ASFF, schema 2018-10-08), as a JSON array of
 * AwsSecurityFinding objects ready for securityhub:BatchImportFindings. mamori never calls Security Hub: the user
 * imports the file. Field names, values and length limits follow the AWS Security Hub API reference
 * (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html).
 *
 * Importing. Every finding names the custom-integration product of its account,
 * `arn:<partition>:securityhub:<region>:<account>:product/<account>/default`, and Security Hub accepts a finding
 * only from the account in its AwsAccountId, in the Region of its ProductArn, at most 100 findings per call.
 * For a scan of one account and one Region with up to 100 findings:
 *
 *   aws securityhub batch-import-findings --findings file://mamori.asff.json
 *
 * Otherwise split the file by ProductArn and into batches of 100, and run each batch with that account's
 * credentials in that Region, e.g.
 *
 *   jq -c --arg arn "$ARN" '[.[] | select(.ProductArn == $arn)] | range(0; length; 100) as $i | .[$i:$i+100]' \
 *     mamori.asff.json | split -l 1 - batch-
 *   for f in batch-*; do aws securityhub batch-import-findings --region "$REGION" --findings "file://$f"; done
 *
 * Re-importing a later scan updates the findings in place (same Id, later UpdatedAt). Security Hub keeps its own
 * Workflow and Note of a finding that already exists, so an exception added after the first import must be
 * applied there too (BatchUpdateFindings or the console).
 *
 * Mapping (mamori status → Compliance.Status / Workflow.Status / Severity.Label):
 *   FAIL     → FAILED        / NEW        / the rule's severity
 *   EXCEPTED → FAILED        / SUPPRESSED / the rule's severity, with the exception in Note
 *   ERROR    → NOT_AVAILABLE / NEW        / INFORMATIONAL, with the cause in StatusReasons
 *   MANUAL   → WARNING       / NEW        / INFORMATIONAL, guidance as Description, RelatedRequirements
 *   PASS     → PASSED        / RESOLVED   / INFORMATIONAL
 *   N/A      → left out
 * As Security Hub does for its own control findings: a check that could not run (access denied, throttled) is
 * NOT_AVAILABLE, and only a finding that shows a weakness carries the rule's severity label; Severity.Original
 * always keeps mamori's severity, and ProductFields['mamori/Status'] the mamori status.
 *
 * Findings imported from GuardDuty, Inspector and Security Hub are left out: they are Security Hub's already (GuardDuty
 * and Inspector send their findings there themselves), and importing them again under mamori's product would only
 * duplicate them, or, for Security Hub's own, loop. mamori's collector, in turn, does not read mamori's findings back
 * from Security Hub (ProductName mamori, a mamori rule as GeneratorId).
 */
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang, Text } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import { msg } from '../i18n/index.js';
import { ASFF_RESOURCE_TYPES } from '../inventory/asff-types.js';
import { boundedEvidence, exceptionLine, RuleText, remediationLines, sortedFindings } from './common.js';
import type { Reporter } from './reporter.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';

/** Length limits of the AwsSecurityFinding fields mamori fills (characters). */
export const ASFF_LIMITS = {
  id: 512,
  generatorId: 512,
  title: 256,
  description: 1024,
  recommendationText: 512,
  noteText: 512,
  severityOriginal: 64,
  productFieldKey: 128,
  productFieldValue: 2048,
  productFields: 50,
  resourceType: 256,
  region: 16,
  tagKey: 128,
  tagValue: 256,
  tags: 50,
  otherKey: 127,
  otherValue: 1023,
  relatedRequirements: 32,
  statusReasonDescription: 2048,
} as const;

export type AsffSeverityLabel = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type AsffComplianceStatus = 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE';
export type AsffWorkflowStatus = 'NEW' | 'NOTIFIED' | 'RESOLVED' | 'SUPPRESSED';

export interface AsffResource {
  Type: string;
  Id: string;
  Partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
  Region?: string;
  Tags?: Record<string, string>;
  Details?: { Other: Record<string, string> };
}

export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: AsffSeverityLabel; Original: string };
  Title: string;
  Description: string;
  Remediation?: { Recommendation: { Text: string; Url?: string } };
  ProductFields: Record<string, string>;
  Resources: AsffResource[];
  Compliance: {
    Status: AsffComplianceStatus;
    StatusReasons?: Array<{ ReasonCode: string; Description: string }>;
    RelatedRequirements?: string[];
  };
  Workflow: { Status: AsffWorkflowStatus };
  RecordState: 'ACTIVE';
  Note?: { Text: string; UpdatedBy: string; UpdatedAt: string };
  FindingProviderFields: { Severity: { Label: AsffSeverityLabel; Original: string }; Types: string[] };
}

type Judged = Exclude<Status, 'N/A'>;

const SEVERITY_LABEL: Record<Severity, AsffSeverityLabel> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

const COMPLIANCE: Record<Judged, AsffComplianceStatus> = {
  PASS: 'PASSED',
  FAIL: 'FAILED',
  EXCEPTED: 'FAILED',
  ERROR: 'NOT_AVAILABLE',
  MANUAL: 'WARNING',
};

const WORKFLOW: Record<Judged, AsffWorkflowStatus> = {
  FAIL: 'NEW',
  ERROR: 'NEW',
  MANUAL: 'NEW',
  EXCEPTED: 'SUPPRESSED',
  // Security Hub itself resolves a finding whose Compliance.Status is PASSED.
  PASS: 'RESOLVED',
};

/** mamori's own reason codes in Compliance.StatusReasons (Security Hub's codes describe its AWS Config checks). */
export const REASON_CHECK_NOT_RUN = 'MAMORI_CHECK_NOT_RUN';
export const REASON_MANUAL = 'MAMORI_MANUAL_CHECK';

const MANUAL_REASON: Text = {
  en: 'A person must confirm this requirement; mamori does not judge it automatically.',
  ja: 'この要件は自動では判定できないため、担当者が確認する。',
};

export const TYPE_CIS =
  'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';
export const TYPE_BEST_PRACTICES = 'Software and Configuration Checks/AWS Security Best Practices';

export const asffResourceType = (type: string): string =>
  (Object.hasOwn(ASFF_RESOURCE_TYPES, type) ? ASFF_RESOURCE_TYPES[type] : undefined) ?? 'Other';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
type Partition = (typeof PARTITIONS)[number];
/** Where a global resource's finding goes: the partition's usual home Region for global services. */
const GLOBAL_REGION: Record<Partition, string> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

/** The ARN partition of a uid; 'aws' when the uid is not an ARN (IaC resources) or names another partition. */
function partitionOf(uid: string): Partition {
  const p = /^arn:(aws[a-z-]*):/.exec(uid)?.[1];
  return (PARTITIONS as readonly string[]).includes(p ?? '') ? (p as Partition) : 'aws';
}

/**
 * At most `max` UTF-16 code units (so at most `max` characters however they are counted), cut on a code point
 * boundary and marked with '…'.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
  return `${s.slice(0, end)}…`;
}

const hasText = (s: string | undefined): s is string => s !== undefined && /\S/.test(s);

const isCis = (fw: ScanResult['framework']): boolean =>
  fw !== undefined && (/^cis-aws\b/i.test(fw.id) || /\bCIS\b.*\bFoundations Benchmark\b/i.test(fw.title.en));

export function toAsffFindings(result: ScanResult, lang: Lang): AsffFinding[] {
  const text = new RuleText(result);
  const types = [isCis(result.framework) ? TYPE_CIS : TYPE_BEST_PRACTICES];
  const out: AsffFinding[] = [];
  for (const f of sortedFindings(result)) {
    if (f.status === 'N/A' || f.source) continue;
    out.push(toFinding(f, f.status, result, text, lang, types));
  }
  return out;
}

function toFinding(
  f: Finding,
  status: Judged,
  result: ScanResult,
  text: RuleText,
  lang: Lang,
  types: string[],
): AsffFinding {
  const rule = text.rule(f.ruleId);
  const manual = text.manualItem(f.ruleId);
  const partition = partitionOf(f.resource.uid);
  const region = f.resource.region === 'global' ? GLOBAL_REGION[partition] : f.resource.region;
  const account = f.resource.account;
  const weakness = status === 'FAIL' || status === 'EXCEPTED';
  const severity = {
    Label: weakness ? SEVERITY_LABEL[f.severity] : ('INFORMATIONAL' as const),
    Original: clip(f.severity, ASFF_LIMITS.severityOriginal),
  };
  const title = clip(text.title(f.ruleId, lang), ASFF_LIMITS.title);
  const ruleDescription = rule ? rule.text.description[lang] : manual?.guidance[lang];

  const compliance: AsffFinding['Compliance'] = { Status: COMPLIANCE[status] };
  if (status === 'ERROR') {
    compliance.StatusReasons = [
      {
        ReasonCode: REASON_CHECK_NOT_RUN,
        Description: clip(msg(lang, 'checkNotRun', { cause: f.cause ?? '' }), ASFF_LIMITS.statusReasonDescription),
      },
    ];
  } else if (status === 'MANUAL') {
    compliance.StatusReasons = [{ ReasonCode: REASON_MANUAL, Description: MANUAL_REASON[lang] }];
  }
  if (manual && result.framework) {
    compliance.RelatedRequirements = [clip(`${result.framework.id}/${manual.requirementId}`, 512)];
  }

  const finding: AsffFinding = {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: clip(f.id, ASFF_LIMITS.id),
    ProductArn: `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`,
    ProductName: result.tool.name,
    CompanyName: result.tool.name,
    GeneratorId: clip(f.ruleId, ASFF_LIMITS.generatorId),
    AwsAccountId: account,
    Types: types,
    CreatedAt: result.asOf,
    UpdatedAt: result.asOf,
    Severity: severity,
    Title: hasText(title) ? title : clip(f.ruleId, ASFF_LIMITS.title),
    Description: clip(description(f, status, lang, ruleDescription, title), ASFF_LIMITS.description),
    ProductFields: productFields(f, result, manual?.requirementId),
    Resources: [resourceOf(f, partition, region)],
    Compliance: compliance,
    Workflow: { Status: WORKFLOW[status] },
    RecordState: 'ACTIVE',
    FindingProviderFields: { Severity: { ...severity }, Types: [...types] },
  };

  // A recommendation only where the rule's fix applies: a FAIL (or an excepted one). An ERROR needs its cause
  // fixed, a PASS nothing; a manual item's guidance is already its Description.
  if (rule && weakness) {
    const r = rule.text.remediation;
    const lines = remediationLines({ ...r, url: undefined }, lang);
    const recommendation: { Text: string; Url?: string } = {
      Text: fitLines(lines, ASFF_LIMITS.recommendationText),
    };
    if (hasText(r.url)) recommendation.Url = r.url;
    finding.Remediation = { Recommendation: recommendation };
  }

  if (status === 'EXCEPTED' && f.exception) {
    finding.Note = {
      Text: clip(exceptionLine(f.exception, lang), ASFF_LIMITS.noteText),
      UpdatedBy: result.tool.name,
      UpdatedAt: result.asOf,
    };
  }
  return finding;
}

/** Why this finding: the FAIL reason, the ERROR cause, the manual guidance; else the rule's description. */
function description(
  f: Finding,
  status: Judged,
  lang: Lang,
  ruleDescription: string | undefined,
  title: string,
): string {
  const candidates =
    status === 'ERROR'
      ? [msg(lang, 'checkNotRun', { cause: f.cause ?? '' })]
      : [f.reason?.[lang], ruleDescription, title];
  return candidates.find(hasText) ?? f.ruleId;
}

/** Whole lines while they fit (a cut CLI command would mislead); the first line is clipped if it alone is too long. */
function fitLines(lines: string[], max: number): string {
  let out = clip(lines[0] ?? '', max);
  for (const line of lines.slice(1)) {
    const next = `${out}\n${line}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

function productFields(f: Finding, result: ScanResult, requirementId: string | undefined): Record<string, string> {
  const fields: Array<[string, string | undefined]> = [
    ['mamori/RuleId', f.ruleId],
    ['mamori/Status', f.status],
    ['mamori/Severity', f.severity],
    ['mamori/Category', f.category],
    ['mamori/ResourceType', f.resource.type],
    ['mamori/ResourceName', f.resource.name],
    ['mamori/Region', f.resource.region],
    ['mamori/Version', result.tool.version],
  ];
  if (result.framework) fields.push(['mamori/Framework', `${result.framework.id} ${result.framework.version}`]);
  if (requirementId !== undefined) fields.push(['mamori/Requirement', requirementId]);
  if (f.evidencePath !== undefined) fields.push(['mamori/EvidencePath', f.evidencePath]);
  const evidence = boundedEvidence(f.evidence);
  if (evidence !== undefined) fields.push(['mamori/Evidence', JSON.stringify(evidence)]);
  if (f.cause !== undefined) fields.push(['mamori/Cause', f.cause]);
  if (f.exception) {
    fields.push(['mamori/ExceptionKind', f.exception.kind], ['mamori/ExceptionReason', f.exception.reason]);
    fields.push(['mamori/ExceptionApprover', f.exception.approver], ['mamori/ExceptionExpires', f.exception.expires]);
    fields.push(['mamori/ExceptionId', f.exception.id]);
  }
  const src = f.resource.source;
  fields.push(['mamori/SourceKind', src.kind], ['mamori/SourceFile', src.file]);
  if (typeof src.line === 'number') fields.push(['mamori/SourceLine', String(src.line)]);

  const out: Record<string, string> = {};
  for (const [key, value] of fields) {
    if (!hasText(value) || Object.keys(out).length >= ASFF_LIMITS.productFields) continue;
    out[clip(key, ASFF_LIMITS.productFieldKey)] = clip(value, ASFF_LIMITS.productFieldValue);
  }
  return out;
}

function resourceOf(f: Finding, partition: Partition, region: string): AsffResource {
  const type = asffResourceType(f.resource.type);
  // Security Hub names an account by this pseudo-id in its own findings, so both land on the same resource.
  const id = type === 'AwsAccount' ? `AWS::::Account:${f.resource.account}` : f.resource.uid;
  const resource: AsffResource = { Type: type, Id: id, Partition: partition };
  if (region.length <= ASFF_LIMITS.region) resource.Region = region;
  const tags = resourceTags(f.resource.tags);
  if (tags) resource.Tags = tags;
  if (type === 'Other') {
    resource.Details = {
      Other: {
        'mamori/ResourceType': clip(f.resource.type, ASFF_LIMITS.otherValue),
        ...(hasText(f.resource.name) ? { 'mamori/ResourceName': clip(f.resource.name, ASFF_LIMITS.otherValue) } : {}),
      },
    };
  }
  return resource;
}

/** AWS tag limits: up to 50 tags, keys of 1–128 and values of up to 256 characters; others are left out or clipped. */
function resourceTags(tags: Record<string, string>): Record<string, string> | undefined {
  // Entries, not assignment, so a key such as '__proto__' stays an ordinary tag.
  const kept: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (kept.length >= ASFF_LIMITS.tags) break;
    if (!hasText(key) || key.length > ASFF_LIMITS.tagKey || typeof value !== 'string') continue;
    kept.push([key, clip(value, ASFF_LIMITS.tagValue)]);
  }
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export const asffReporter: Reporter = {
  format: 'asff',
  ext: 'asff.json',
  mediaType: 'application/json',
  render: (result, lang) => `${JSON.stringify(toAsffFindings(result, lang), null, 2)}\n`,
};
