import type { Category } from '../core/category.js';
import type { Text } from '../core/text.js';

/** A rule reference in a requirement, optionally with parameter overrides (e.g. { maxDays: 45 }). */
export type RuleRef = string | { id: string; params?: Record<string, number | string | boolean> };

/** What a framework file describes: a public framework, or an organisation's own cloud guideline (seed 003). */
export const FRAMEWORK_KINDS = ['framework', 'guideline'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

/**
 * Priority tiers of a guideline item (seed 003): 必須 (required) now / before go-live, 追加 (additional) when the
 * account holds confidential data / worth considering.
 */
export const PRIORITIES = ['must-now', 'must-before-use', 'if-confidential', 'consider'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_TEXT: Record<Priority, Text> = {
  'must-now': { en: 'Required: do it now', ja: '必須（すぐやる）' },
  'must-before-use': { en: 'Required: before the account goes live', ja: '必須（利用開始までにやる）' },
  'if-confidential': { en: 'Additional: when confidential data is held', ja: '追加（機密情報があればやる）' },
  consider: { en: 'Additional: consider', ja: '追加（実施を検討する）' },
};

/** The three layers of a guideline (seed 003): the organisation's own rules, each cloud's best practice, CIS Benchmark. */
export const TIERS = ['own-rule', 'best-practice', 'cis-benchmark'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_TEXT: Record<Tier, Text> = {
  'own-rule': { en: 'Own rule', ja: '独自ルール' },
  'best-practice': { en: 'Cloud best practice', ja: 'クラウドのベストプラクティス' },
  'cis-benchmark': { en: 'CIS Benchmark', ja: 'CIS Benchmark' },
};

/** Clouds a guideline item may give an implementation for; AWS is the one mamori checks today. */
export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];

/** How one cloud implements a guideline item (seed 003: 個別ガイドライン, CIS Benchmark, Well-Architected). */
export interface CloudImplementation {
  /** The measure on this cloud (対策 / 対策例). */
  measure: Text;
  /** Services involved, by their console names (e.g. IAM, CloudTrail). */
  services?: string[];
  /** Recommendation ids in the benchmark the framework names in `benchmarks` for this cloud (e.g. "2.4"). */
  cisBenchmark?: string[];
  /** Well-Architected best practice ids (e.g. SEC02-BP01). */
  wellArchitected?: string[];
}

/** The fields an organisation guideline adds to a requirement (seed 003's table). */
export interface GuidelineItem {
  /** 本文: what the guideline requires, as a sentence. */
  body: Text;
  /** 根拠: why the guideline requires it. */
  rationale: Text;
  priority: Priority;
  tier: Tier;
  category: Category;
  /** MITRE ATT&CK ids: tactics (TA0001), techniques (T1078, T1078.004), mitigations (M1032). */
  attack?: { tactics?: string[]; techniques?: string[]; mitigations?: string[] };
  /** CIS Controls v8 safeguards (e.g. "6.5"). */
  cisControls?: string[];
  /** Per-cloud implementation; aws first. */
  implementation: Partial<Record<Cloud, CloudImplementation>>;
}

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
  /** Guideline items only (kind: guideline). */
  guideline?: GuidelineItem;
}

export interface Framework {
  id: string;
  /** Absent means 'framework'. */
  kind?: FrameworkKind;
  title: Text;
  version: string;
  description: Text;
  /** Where the text comes from, and what is our own. */
  source?: string;
  /** Guidelines: the framework id of the CIS Benchmark each cloud's `cisBenchmark` ids refer to. */
  benchmarks?: Partial<Record<Cloud, string>>;
  /** Names of the ids a file cites (ATT&CK, CIS Controls, Well-Architected), for reports: id → text. */
  references?: Record<string, Text>;
  requirements: Requirement[];
}

export const ruleRefId = (r: RuleRef): string => (typeof r === 'string' ? r : r.id);
export const frameworkKind = (f: Pick<Framework, 'kind'>): FrameworkKind => f.kind ?? 'framework';
