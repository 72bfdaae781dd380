import { CATEGORIES, type Category } from '../core/category.js';
import { FINDING_SOURCES, type Finding, type FindingSourceKind } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { STATUSES, type Status } from '../core/status.js';

/**
 * Posture score (0–100): the severity-weighted share of judged checks that pass.
 *   score = 100 × Σ w(severity) × PASS / Σ w(severity) × (PASS + FAIL + ERROR)
 * with w = critical 10, high 5, medium 3, low 1, info 0. ERROR counts against the score (a check that could
 * not run proves nothing); EXCEPTED, MANUAL and N/A are left out. null when nothing was judged.
 * Findings imported from AWS's detectors (GuardDuty, Inspector, Security Hub) have no rule and no PASS to weigh
 * them against: they count in byStatus, failBySeverity and bySource, never in the score or its tallies.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

export interface Tally {
  pass: number;
  fail: number;
  error: number;
  /** Weighted sums for the score. */
  weightPass: number;
  weightAll: number;
}

export interface Summary {
  score: number | null;
  byStatus: Record<Status, number>;
  /** FAIL findings by severity. */
  failBySeverity: Record<Severity, number>;
  byCategory: Record<Category, Tally>;
  byAccount: Record<string, Tally & { score: number | null }>;
  /** Rules with the most FAIL findings, worst severity first. */
  topFailingRules: Array<{ ruleId: string; severity: Severity; fail: number }>;
  /** Findings imported from each of AWS's detectors. */
  bySource: Record<FindingSourceKind, number>;
}

const tally = (): Tally => ({ pass: 0, fail: 0, error: 0, weightPass: 0, weightAll: 0 });
export const scoreOf = (t: Tally): number | null =>
  t.weightAll === 0 ? null : Math.round((1000 * t.weightPass) / t.weightAll) / 10;

/** Accumulates findings one at a time, so a scan never needs to hold them twice. */
export class SummaryBuilder {
  private readonly byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  private readonly failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  private readonly byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, tally()])) as Record<Category, Tally>;
  private readonly byAccount = new Map<string, Tally>();
  private readonly total = tally();
  private readonly failsByRule = new Map<string, { severity: Severity; fail: number }>();
  private readonly bySource = Object.fromEntries(FINDING_SOURCES.map((s) => [s, 0])) as Record<
    FindingSourceKind,
    number
  >;

  add(f: Finding): void {
    this.byStatus[f.status]++;
    if (f.source) {
      // Imported: counted, not scored (no rule, no PASS to weigh them against).
      this.bySource[f.source.kind]++;
      if (f.status === 'FAIL') this.failBySeverity[f.severity]++;
      return;
    }
    if (f.status !== 'PASS' && f.status !== 'FAIL' && f.status !== 'ERROR') return;
    const w = SEVERITY_WEIGHT[f.severity];
    let account = this.byAccount.get(f.resource.account);
    if (!account) {
      account = tally();
      this.byAccount.set(f.resource.account, account);
    }
    for (const t of [this.total, this.byCategory[f.category], account]) {
      t.weightAll += w;
      if (f.status === 'PASS') {
        t.pass++;
        t.weightPass += w;
      } else if (f.status === 'FAIL') t.fail++;
      else t.error++;
    }
    if (f.status === 'FAIL') {
      this.failBySeverity[f.severity]++;
      const r = this.failsByRule.get(f.ruleId);
      if (r) r.fail++;
      else this.failsByRule.set(f.ruleId, { severity: f.severity, fail: 1 });
    }
  }

  build(topN = 10): Summary {
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    return {
      score: scoreOf(this.total),
      byStatus: { ...this.byStatus },
      failBySeverity: { ...this.failBySeverity },
      byCategory: structuredClone(this.byCategory),
      byAccount: Object.fromEntries(
        [...this.byAccount.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, t]) => [k, { ...t, score: scoreOf(t) }]),
      ),
      topFailingRules: [...this.failsByRule.entries()]
        .map(([ruleId, r]) => ({ ruleId, ...r }))
        .sort((a, b) => rank(a.severity) - rank(b.severity) || b.fail - a.fail || a.ruleId.localeCompare(b.ruleId))
        .slice(0, topN),
      bySource: { ...this.bySource },
    };
  }
}
