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
  kind: 'alternative-control' | 'not-applicable';
  reason: string;
  approver?: string;
  expires?: string;
}

export interface Finding {
  id: string;
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
}
