// `sarif`: SARIF 2.1.0 for code-scanning and review tools. Results for FAIL and ERROR, and EXCEPTED ones with a
// suppression (kind external: the exceptions file) carrying the justification; the other statuses are counted.
import { isAbsolute, relative } from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding } from '../core/finding.js';
import { locate } from '../core/locate.js';
import type { AnyRule, Remediation } from '../core/rule.js';
import type { Severity } from '../core/severity.js';
import type { Lang } from '../core/text.js';
import { describeCollectionError } from '../engine/collection-errors.js';
import type { ScanResult } from '../engine/scan.js';
import { msg } from '../i18n/index.js';
import {
  boundedEvidence,
  exceptionLine,
  importedRemediationLines,
  isIac,
  sentences,
  sortedFindings,
  sortedRules,
} from './common.js';
import type { RenderOptions, Reporter } from './reporter.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub's security-severity scale (a string, 0.0–10.0): critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};
const LEVEL: Record<Severity, Sarif.Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** aws-kms-key-rotation-enabled → AwsKmsKeyRotationEnabled (SARIF's `name` is an identifier, not a sentence). */
const pascal = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

function helpText(r: Remediation, lang: Lang): string {
  const parts = [`${msg(lang, 'remediation')}: ${r.text[lang]}`];
  if (r.console) parts.push(`${msg(lang, 'console')}: ${r.console[lang]}`);
  if (r.cli) parts.push(`${msg(lang, 'cli')}:\n${r.cli}`);
  if (r.cloudformation) parts.push(`${msg(lang, 'cloudformation')}:\n${r.cloudformation}`);
  if (r.terraform) parts.push(`${msg(lang, 'terraform')}:\n${r.terraform}`);
  if (r.url) parts.push(`${msg(lang, 'documentation')}: ${r.url}`);
  return parts.join('\n\n');
}

const fence = (code: string, info: string): string => {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${code}\n${ticks}`;
};

function helpMarkdown(rule: AnyRule, lang: Lang): string {
  const r = rule.text.remediation;
  const parts = [
    rule.text.description[lang],
    `**${msg(lang, 'rationale')}**: ${rule.text.rationale[lang]}`,
    `**${msg(lang, 'remediation')}**: ${r.text[lang]}`,
  ];
  if (r.console) parts.push(`**${msg(lang, 'console')}**: ${r.console[lang]}`);
  if (r.cli) parts.push(`**${msg(lang, 'cli')}**\n\n${fence(r.cli, 'sh')}`);
  if (r.cloudformation) parts.push(`**${msg(lang, 'cloudformation')}**\n\n${fence(r.cloudformation, 'yaml')}`);
  if (r.terraform) parts.push(`**${msg(lang, 'terraform')}**\n\n${fence(r.terraform, 'hcl')}`);
  if (r.url) parts.push(`[${msg(lang, 'documentation')}](${r.url})`);
  return parts.join('\n\n');
}

function descriptor(rule: AnyRule, lang: Lang): Sarif.ReportingDescriptor {
  const r = rule.text.remediation;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.text.title[lang] },
    fullDescription: { text: sentences(lang, rule.text.description[lang], rule.text.rationale[lang]) },
    help: { text: helpText(r, lang), markdown: helpMarkdown(rule, lang) },
    ...(r.url ? { helpUri: r.url } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', rule.category],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      severity: rule.severity,
      category: rule.category,
      resourceType: rule.resourceType,
    },
  };
}

/**
 * A finding imported from an AWS detector has no rule: its rule id (`guardduty:<type>`, `inspector:<CVE>`,
 * `securityhub:<generator>`) gets a descriptor of its own from the provider's words (its most severe finding's).
 */
function importedDescriptor(f: Finding, lang: Lang): Sarif.ReportingDescriptor {
  const src = f.source!;
  const title = f.title?.[lang] ?? f.ruleId;
  const help = importedRemediationLines(src);
  return {
    id: f.ruleId,
    name: pascal(f.ruleId),
    shortDescription: { text: title },
    fullDescription: { text: f.reason?.[lang] ?? title },
    ...(help.length > 0 ? { help: { text: `${msg(lang, 'remediation')}: ${help.join('\n')}` } } : {}),
    ...(src.url && /^https:\/\//.test(src.url) ? { helpUri: src.url } : {}),
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: ['security', src.kind],
      'security-severity': SECURITY_SEVERITY[f.severity],
      severity: f.severity,
      category: f.category,
      source: src.kind,
      ...(src.type !== undefined ? { providerType: src.type } : {}),
    },
  };
}

/** A relative URI reference for an IaC file: relative to baseDir, '/' separators, each segment percent-encoded. */
export function artifactUri(file: string, baseDir: string): string {
  const rel = isAbsolute(file) ? relative(baseDir, file) : file;
  return rel
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .map(encodeURIComponent)
    .join('/');
}

function locationOf(f: Finding, baseDir: string): Sarif.Location {
  const logical: Sarif.LogicalLocation = {
    fullyQualifiedName: f.resource.uid,
    name: f.resource.name,
    kind: 'resource',
  };
  // The offending property's line where the template wrote one, else the resource's.
  const at = isIac(f) ? locate(f.resource, f.evidencePath) : undefined;
  if (at) {
    const physical: Sarif.PhysicalLocation = { artifactLocation: { uri: artifactUri(at.file, baseDir) } };
    if (at.line >= 1) physical.region = { startLine: at.line };
    return { physicalLocation: physical, logicalLocations: [logical] };
  }
  return { logicalLocations: [logical] };
}

const resourceLabel = (f: Finding): string => {
  const r = f.resource;
  const name = r.name && r.name !== r.uid ? `${r.name} (${r.uid})` : r.uid;
  return isIac(f) ? name : `${name}, ${r.account}/${r.region}`;
};

export function toSarif(result: ScanResult, lang: Lang, options: RenderOptions = {}): Sarif.Log {
  const baseDir = options.baseDir ?? process.cwd();
  const rules = sortedRules(result);
  const descriptors = rules.map((r) => descriptor(r, lang));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const findings = sortedFindings(result);
  // Imported findings' rule ids after the rules', each described by its most severe finding (findings come worst first).
  for (const f of findings) {
    if (!f.source || index.has(f.ruleId) || result.rules.has(f.ruleId)) continue;
    index.set(f.ruleId, descriptors.length);
    descriptors.push(importedDescriptor(f, lang));
  }
  const results: Sarif.Result[] = [];
  for (const f of findings) {
    if (f.status !== 'FAIL' && f.status !== 'ERROR' && f.status !== 'EXCEPTED') continue;
    // An excepted finding keeps what it was: an ERROR carries its cause, a FAIL its reason.
    const judged = f.status === 'EXCEPTED' ? (f.cause !== undefined && !f.reason ? 'ERROR' : 'FAIL') : f.status;
    const ruleIndex = index.get(f.ruleId);
    if (ruleIndex === undefined) continue;
    const props: Sarif.PropertyBag = {
      status: f.status,
      severity: f.severity,
      category: f.category,
      account: f.resource.account,
      region: f.resource.region,
      resourceType: f.resource.type,
    };
    let res: Sarif.Result;
    if (judged === 'FAIL') {
      const reason = f.reason?.[lang] ?? '';
      res = {
        ruleId: f.ruleId,
        ruleIndex,
        kind: 'fail',
        level: LEVEL[f.severity],
        message: { text: msg(lang, 'failMessage', { reason, resource: resourceLabel(f) }) },
      };
      if (f.evidencePath !== undefined) props.evidencePath = f.evidencePath;
      const evidence = boundedEvidence(f.evidence);
      if (evidence !== undefined) props.evidence = evidence;
      if (f.source) {
        props.source = f.source.kind;
        props.sourceId = f.source.id;
        if (f.source.providerSeverity !== undefined) props.providerSeverity = f.source.providerSeverity;
        if (f.source.url !== undefined) props.url = f.source.url;
      }
    } else {
      // SARIF §3.27.10: a result whose kind is not 'fail' must have level 'none'. 'review' says a person must look.
      res = {
        ruleId: f.ruleId,
        ruleIndex,
        kind: 'review',
        level: 'none',
        message: {
          text: msg(lang, 'failMessage', {
            reason: msg(lang, 'checkNotRun', { cause: f.cause ?? '' }),
            resource: resourceLabel(f),
          }),
        },
      };
      if (f.cause !== undefined) props.cause = f.cause;
    }
    if (f.status === 'EXCEPTED' && f.exception) {
      res.suppressions = [
        {
          kind: 'external',
          status: 'accepted',
          justification: exceptionLine(f.exception, lang),
          ...(f.exception.id !== undefined ? { properties: { exceptionId: f.exception.id } } : {}),
        },
      ];
      props.exception = f.exception;
    }
    res.locations = [locationOf(f, baseDir)];
    res.partialFingerprints = { 'mamori/v1': f.id };
    res.properties = props;
    results.push(res);
  }

  const notifications: Sarif.Notification[] = [
    ...result.collectionErrors.map(
      (e): Sarif.Notification => ({
        level: 'error',
        message: { text: describeCollectionError(e) },
        properties: { ...e },
      }),
    ),
    ...result.warnings.map((w): Sarif.Notification => ({ level: 'warning', message: { text: w } })),
    ...exceptionNotifications(result, lang),
  ];
  const invocation: Sarif.Invocation = { executionSuccessful: true, endTimeUtc: result.generatedAt };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: descriptors,
          },
        },
        language: lang === 'ja' ? 'ja-JP' : 'en-US',
        invocations: [invocation],
        results,
        properties: {
          score: result.summary.score,
          byStatus: result.summary.byStatus,
          ...(result.framework ? { framework: result.framework } : {}),
          ...(result.exceptions ? { exceptions: result.exceptions } : {}),
        },
      },
    ],
  };
}

/** Expired exceptions (warning: their findings are judged again) and unused ones (note), for the tool's log. */
function exceptionNotifications(result: ScanResult, lang: Lang): Sarif.Notification[] {
  const o = result.exceptions;
  if (!o) return [];
  const byId = new Map(o.exceptions.map((e) => [e.id, e]));
  return [
    ...o.expired.map(
      (id): Sarif.Notification => ({
        level: 'warning',
        message: {
          text: msg(lang, 'exceptions.expiredNote', {
            id,
            date: byId.get(id)?.expires ?? '',
            matched: byId.get(id)?.matched ?? 0,
          }),
        },
        properties: { exceptionId: id, state: 'expired' },
      }),
    ),
    ...o.unused.map(
      (id): Sarif.Notification => ({
        level: 'note',
        message: { text: msg(lang, 'exceptions.unusedNote', { id }) },
        properties: { exceptionId: id, state: 'unused' },
      }),
    ),
  ];
}

export const sarifReporter: Reporter = {
  format: 'sarif',
  ext: 'sarif',
  mediaType: 'application/sarif+json',
  render: (result, lang, options) => `${JSON.stringify(toSarif(result, lang, options), null, 2)}\n`,
};
