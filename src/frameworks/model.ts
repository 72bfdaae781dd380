import type { Category } from '../core/category.js';
import type { Text } from '../core/text.js';

/** A rule reference in a requirement, optionally with parameter overrides (e.g. { maxDays: 45 }). */
export type RuleRef = string | { id: string; params?: Record<string, number | string | boolean> };

export interface Requirement {
  /** The framework's own id, kept as a string ("2.1.1", "AC-2"). */
  id: string;
  title: Text;
  /** Section id and title, e.g. "2 Identity and Access Management". */
  section: string;
  /** Automated: rules whose findings decide the requirement. */
  rules?: RuleRef[];
  /** Why these rules serve the requirement. */
  rationale?: Text;
  /** Present when a person must attest: what to check and where. */
  manual?: { guidance: Text; category: Category };
  /** Extra facts from the framework (assessment status, profile level, …). */
  attributes?: Record<string, string | number | boolean>;
}

export interface Framework {
  id: string;
  title: Text;
  version: string;
  description: Text;
  /** Where the text comes from, and what is our own. */
  source?: string;
  requirements: Requirement[];
}

export const ruleRefId = (r: RuleRef): string => (typeof r === 'string' ? r : r.id);
