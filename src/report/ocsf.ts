// `ocsf`: OCSF 1.3.0 Compliance Finding events (class 2003), one per judged rule x resource, as a JSON array.
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { Status } from '../core/status.js';
import type { Lang } from '../core/text.js';
import type { ScanResult } from '../engine/scan.js';
import { msg } from '../i18n/index.js';
import {
  boundedEvidence,
  exceptionLine,
  importedRemediationLines,
  RuleText,
  remediationLines,
  sortedFindings,
  sourceName,
} from './common.js';
import type { Reporter } from './reporter.js';

export const OCSF_VERSION = '1.3.0';

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
  info: { id: 1, name: 'Informational' },
};

/** compliance.status_id (OCSF 1.x): 1 Pass, 2 Warning (no result: missing information), 3 Fail, 99 Other. */
const COMPLIANCE: Record<Exclude<Status, 'N/A'>, { id: number; name: string }> = {
  PASS: { id: 1, name: 'Pass' },
  FAIL: { id: 3, name: 'Fail' },
  ERROR: { id: 2, name: 'Warning' },
  MANUAL: { id: 2, name: 'Warning' },
  EXCEPTED: { id: 99, name: 'Excepted' },
};

/** Finding status_id: 1 New, 3 Suppressed, 4 Resolved (a passing check needs no work, as Security Hub does). */
const FINDING_STATUS: Record<Exclude<Status, 'N/A'>, { id: number; name: string }> = {
  FAIL: { id: 1, name: 'New' },
  ERROR: { id: 1, name: 'New' },
  MANUAL: { id: 1, name: 'New' },
  EXCEPTED: { id: 3, name: 'Suppressed' },
  PASS: { id: 4, name: 'Resolved' },
};

const AWS_ACCOUNT = { type: 'AWS Account', type_id: 10 };

/** The ARN partition (aws, aws-cn, aws-us-gov), 'aws' when the uid is not an ARN. */
const partitionOf = (uid: string): string => /^arn:(aws[a-z-]*):/.exec(uid)?.[1] ?? 'aws';

export function toOcsfEvents(result: ScanResult, lang: Lang): Record<string, unknown>[] {
  const text = new RuleText(result);
  const time = Date.parse(result.asOf);
  const standards = result.framework
    ? [`${result.framework.title[lang]} ${result.framework.version}`]
    : [msg(lang, 'ocsf.standard', { tool: result.tool.name })];
  const events: Record<string, unknown>[] = [];
  for (const f of sortedFindings(result)) {
    if (f.status === 'N/A') continue;
    events.push(toEvent(f, f.status, result, text, lang, time, standards));
  }
  return events;
}

function toEvent(
  f: Finding,
  status: Exclude<Status, 'N/A'>,
  result: ScanResult,
  text: RuleText,
  lang: Lang,
  time: number,
  standards: string[],
): Record<string, unknown> {
  const rule = text.rule(f.ruleId);
  const manual = text.manualItem(f.ruleId);
  const compliance: Record<string, unknown> = {
    control: manual ? manual.requirementId : f.ruleId,
    standards,
    status: COMPLIANCE[status].name,
    status_id: COMPLIANCE[status].id,
  };
  if (manual) compliance.requirements = [manual.requirementId];
  const detail = statusDetail(f, lang);
  if (detail) compliance.status_detail = detail;

  const region = f.resource.region === 'global' ? undefined : f.resource.region;
  const account = { uid: f.resource.account, ...AWS_ACCOUNT };
  const resource: Record<string, unknown> = {
    uid: f.resource.uid,
    type: f.resource.type,
    name: f.resource.name,
    cloud_partition: partitionOf(f.resource.uid),
    owner: { account },
    data: { tags: f.resource.tags, source: f.resource.source },
  };
  if (region) resource.region = region;

  const findingInfo: Record<string, unknown> = {
    uid: f.id,
    title: text.findingTitle(f, lang),
    types: [f.category],
    created_time: time,
  };
  const desc = rule
    ? rule.text.description[lang]
    : (manual?.guidance[lang] ?? (f.source ? f.reason?.[lang] : undefined));
  if (desc) findingInfo.desc = desc;
  // An imported finding carries its provider's type, link and times, and names the detector that holds it.
  if (f.source) {
    if (f.source.type !== undefined) findingInfo.types = [f.category, f.source.type];
    if (f.source.url !== undefined) findingInfo.src_url = f.source.url;
    const first = f.source.firstSeen ? Date.parse(f.source.firstSeen) : Number.NaN;
    const last = f.source.lastSeen ? Date.parse(f.source.lastSeen) : Number.NaN;
    if (!Number.isNaN(first)) findingInfo.first_seen_time = first;
    if (!Number.isNaN(last)) findingInfo.last_seen_time = last;
    findingInfo.product_uid = sourceName(f);
  }

  const unmapped: Record<string, unknown> = { status: f.status, rule_id: f.ruleId };
  if (f.reason) unmapped.reason = f.reason;
  if (f.evidencePath !== undefined) unmapped.evidence_path = f.evidencePath;
  const evidence = boundedEvidence(f.evidence);
  if (evidence !== undefined) unmapped.evidence = evidence;
  if (f.cause !== undefined) unmapped.cause = f.cause;
  if (f.exception) unmapped.exception = f.exception;
  if (f.source) unmapped.source = f.source;

  const event: Record<string, unknown> = {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    type_uid: 200301,
    type_name: 'Compliance Finding: Create',
    time,
    severity_id: SEVERITY[f.severity].id,
    severity: SEVERITY[f.severity].name,
    status_id: FINDING_STATUS[status].id,
    status: FINDING_STATUS[status].name,
    message: detail ?? text.findingTitle(f, lang),
    finding_info: findingInfo,
    compliance,
    resources: [resource],
    cloud: { provider: 'AWS', account, ...(region ? { region } : {}) },
    metadata: {
      product: { name: result.tool.name, vendor_name: 'mamori', version: result.tool.version },
      version: OCSF_VERSION,
      profiles: ['cloud'],
    },
    unmapped,
  };
  // Remediation only where the rule's fix applies: an ERROR needs its cause fixed, a PASS needs nothing.
  if (rule && (status === 'FAIL' || status === 'EXCEPTED')) {
    const r = rule.text.remediation;
    event.remediation = { desc: remediationLines(r, lang).join('\n'), ...(r.url ? { references: [r.url] } : {}) };
  } else if (manual) {
    event.remediation = { desc: manual.guidance[lang] };
  } else if (f.source) {
    const lines = importedRemediationLines(f.source);
    if (f.source.remediation) {
      event.remediation = { desc: lines.join('\n'), ...(f.source.url ? { references: [f.source.url] } : {}) };
    }
  }
  return event;
}

/** Why the status: the FAIL reason, the ERROR cause (named: the check did not run), the exception, the guidance. */
function statusDetail(f: Finding, lang: Lang): string | undefined {
  if (f.status === 'ERROR') return msg(lang, 'checkNotRun', { cause: f.cause ?? '' });
  if (f.status === 'EXCEPTED' && f.exception) return exceptionLine(f.exception, lang);
  return f.reason?.[lang];
}

export const ocsfReporter: Reporter = {
  format: 'ocsf',
  ext: 'ocsf.json',
  mediaType: 'application/json',
  render: (result, lang) => `${JSON.stringify(toOcsfEvents(result, lang), null, 2)}\n`,
};
