import { hash } from 'node:crypto';
import type { Category } from './category.js';
import type { ResourceSource } from './resource.js';
import type { Severity } from './severity.js';
import type { Status } from './status.js';
import type { Text } from './text.js';

/** Stable across scans, so a finding's life (new, open, resolved, reopened) can be followed. */
export const findingId = (ruleId: string, resourceUid: string): string =>
  hash('sha1', `${ruleId}\u0000${resourceUid}`, 'hex').slice(0, 24);

/** The part of a resource a finding carries; shared by all findings of one resource. */
export interface FindingResource {
  uid: string;
  type: string;
  name: string;
  account: string;
  region: string;
  tags: Record<string, string>;
  source: ResourceSource;
}

export interface FindingException {
  /** The exception's id in the exceptions file (EXC-0001); absent only on findings made before ids existed. */
  id?: string;
  kind: 'alternative-control' | 'not-applicable';
  reason: string;
  approver?: string;
  expires?: string;
  /** Where an inline suppression is written (`file:line`), for `mamori iac`; exceptions-file entries have `id`. */
  source?: string;
}

/** AWS services whose own findings mamori imports beside its rule findings. */
export const FINDING_SOURCES = ['guardduty', 'inspector', 'securityhub'] as const;
export type FindingSourceKind = (typeof FINDING_SOURCES)[number];

/** The provider's name of each source, as the AWS console shows it (the same in every language). */
export const FINDING_SOURCE_NAMES: Record<FindingSourceKind, string> = {
  guardduty: 'GuardDuty',
  inspector: 'Inspector',
  securityhub: 'Security Hub',
};

/**
 * A finding an AWS detector already holds (GuardDuty, Inspector, Security Hub), as a snapshot stores it: read-only,
 * active, in the provider's own words, with its severity mapped to mamori's.
 */
export interface ImportedFinding {
  source: FindingSourceKind;
  /** The provider's id: GuardDuty finding id, Inspector finding ARN, Security Hub finding Id. */
  id: string;
  title: string;
  description?: string;
  severity: Severity;
  /** The provider's own severity: GuardDuty's number (8.0), Inspector's or Security Hub's label (HIGH). */
  providerSeverity: string | number;
  /** Imported findings are active ones: FAIL. */
  status: 'FAIL';
  /** The provider's finding type or generator (GuardDuty type, CVE id, Security Hub GeneratorId). */
  type?: string;
  account: string;
  region: string;
  resource: { uid: string; type: string; name: string; tags?: Record<string, string> };
  firstSeen?: string;
  lastSeen?: string;
  url?: string;
  /** The provider's recommendation, when it gives one (Inspector, Security Hub). */
  remediation?: string;
}

/** Where an imported finding came from (rule findings have none). */
export interface FindingSource {
  kind: FindingSourceKind;
  /** The provider's finding id. */
  id: string;
  type?: string;
  url?: string;
  firstSeen?: string;
  lastSeen?: string;
  providerSeverity?: string | number;
  remediation?: string;
}

/** The rule id an imported finding carries: `<source>:<type or id>`. */
export const importedRuleId = (f: Pick<ImportedFinding, 'source' | 'type' | 'id'>): string =>
  `${f.source}:${f.type ?? f.id}`;

export interface Finding {
  id: string;
  /** A rule's id; `<framework>:<requirement>` for MANUAL items; `<source>:<type or id>` for imported findings. */
  ruleId: string;
  status: Status;
  severity: Severity;
  category: Category;
  resource: FindingResource;
  /** FAIL: why; N/A: why not in scope. */
  reason?: Text;
  /** FAIL: the prop path that shows the problem, and its value. */
  evidencePath?: string;
  evidence?: unknown;
  /** ERROR: what stopped the check. */
  cause?: string;
  exception?: FindingException;
  /** Imported findings: the detector that holds the finding; they have no rule. */
  source?: FindingSource;
  /** Imported findings: the provider's title (the same text in en and ja). Rule findings take the rule's. */
  title?: Text;
}
