import type { Finding, FindingResource } from '../core/finding.js';
import { findingId } from '../core/finding.js';
import { getPath } from '../core/path.js';
import type { Resource } from '../core/resource.js';
import type { AnyRule, CollectionError, Lookups, Verdict } from '../core/rule.js';
import type { Status } from '../core/status.js';
import { CollectionErrorIndex, describeCollectionError } from './collection-errors.js';
import { buildLookups, restrictLookups } from './lookups.js';
import { checkScope, unreadable } from './scope.js';

const NO_LOOKUPS = restrictLookups(buildLookups([]), []);

export type Params = Readonly<Record<string, number | string | boolean>>;

export interface EvaluateOptions {
  /** Per-rule parameter overrides (from a framework or the config file). */
  params?: ReadonlyMap<string, Params>;
  now?: Date;
  /** Called after each batch with the number of resources seen so far. */
  onProgress?: (done: number) => void;
}

export interface EvaluationStats {
  resources: number;
  evaluations: number;
  /** Resource types present in the inventory that no rule judges. */
  unjudgedTypes: Set<string>;
}

interface PreparedRule {
  rule: AnyRule;
  params: Params;
  /** Only the types the rule declared (uses + reads); set when the lookups exist. */
  lookups?: Lookups;
}

/**
 * Evaluates every rule on every resource of its type and emits one finding per rule × resource.
 * ERROR is decided here, before a rule runs, from scope, `needs` and `uses`; a throwing rule is ERROR too.
 *
 * Resources arrive in batches (snapshot parts). Memory stays bounded: a resource whose rules read nothing else
 * is judged at once and can be dropped; only the types that some rule looks up, and the resources judged by
 * rules that look things up, are held until `finish()`, when their lookups are complete.
 */
export class Evaluator {
  private readonly now: Date;
  private readonly byType = new Map<string, PreparedRule[]>();
  /** Types held until finish(): looked up by a rule, or judged by a rule that looks things up. */
  private readonly heldTypes = new Set<string>();
  private readonly held: Resource[] = [];
  private readonly errors: CollectionError[] = [];
  private readonly stats: EvaluationStats = { resources: 0, evaluations: 0, unjudgedTypes: new Set() };

  constructor(
    rules: readonly AnyRule[],
    private readonly emit: (finding: Finding) => void,
    private readonly options: EvaluateOptions = {},
  ) {
    this.now = options.now ?? new Date();
    for (const rule of rules) {
      const prepared: PreparedRule = { rule, params: { ...rule.params, ...options.params?.get(rule.id) } };
      const list = this.byType.get(rule.resourceType);
      if (list) list.push(prepared);
      else this.byType.set(rule.resourceType, [prepared]);
      const reads = [...(rule.uses ?? []), ...(rule.reads ?? [])];
      if (reads.length > 0) this.heldTypes.add(rule.resourceType);
      for (const t of reads) this.heldTypes.add(t);
    }
  }

  addErrors(errors: readonly CollectionError[]): void {
    for (const e of errors) this.errors.push(e);
  }

  /**
   * Judges what can be judged now and holds the rest; the caller may drop the batch afterwards.
   * `asOf` is the time the batch describes (its snapshot's generatedAt), for age checks.
   */
  add(resources: readonly Resource[], asOf: Date = this.now): void {
    for (const resource of resources) {
      this.stats.resources++;
      if (this.heldTypes.has(resource.type)) {
        this.held.push(resource);
        continue;
      }
      const prepared = this.byType.get(resource.type);
      if (prepared === undefined) {
        this.stats.unjudgedTypes.add(resource.type);
        continue;
      }
      const ref = findingResource(resource);
      for (const p of prepared) {
        if (!judgesSource(p.rule, resource)) continue;
        this.emit(judge(p, resource, ref, NO_LOOKUPS, undefined, asOf));
        this.stats.evaluations++;
      }
    }
    this.options.onProgress?.(this.stats.resources);
  }

  /** Judges the held resources with complete lookups (as of `asOf`), then the listings that failed. */
  finish(asOf: Date = this.now): EvaluationStats {
    const lookups = buildLookups(this.held);
    const errorIndex = new CollectionErrorIndex(this.errors);
    for (const list of this.byType.values()) {
      for (const p of list) p.lookups = restrictLookups(lookups, [...(p.rule.uses ?? []), ...(p.rule.reads ?? [])]);
    }
    for (const resource of this.held) {
      const prepared = this.byType.get(resource.type);
      if (prepared === undefined) {
        this.stats.unjudgedTypes.add(resource.type);
        continue;
      }
      const ref = findingResource(resource);
      for (const p of prepared) {
        if (!judgesSource(p.rule, resource)) continue;
        this.emit(judge(p, resource, ref, p.lookups!, errorIndex, asOf));
        this.stats.evaluations++;
      }
    }
    // A listing that failed hides every resource it would have returned: each rule of that type is ERROR there.
    for (const e of this.errors) {
      if (e.resourceType === undefined) continue;
      for (const p of this.byType.get(e.resourceType) ?? []) {
        this.emit(finding(p.rule, unseenResource(e), { status: 'ERROR', cause: describeCollectionError(e) }));
        this.stats.evaluations++;
      }
    }
    this.options.onProgress?.(this.stats.resources);
    return this.stats;
  }
}

/** Evaluates an inventory held in memory (one batch). */
export function evaluate(
  resources: readonly Resource[],
  errors: readonly CollectionError[],
  rules: readonly AnyRule[],
  emit: (finding: Finding) => void,
  options: EvaluateOptions = {},
): EvaluationStats {
  const evaluator = new Evaluator(rules, emit, options);
  evaluator.addErrors(errors);
  evaluator.add(resources);
  return evaluator.finish();
}

/**
 * Whether a rule judges a resource of this source: a rule narrowed to some template formats (`iac: ['terraform']`,
 * because the other format cannot express the setting) leaves the other format's resources alone, rather than
 * fail them for a property they cannot have.
 */
function judgesSource(rule: AnyRule, resource: Resource): boolean {
  const kind = resource.source.kind;
  if (kind !== 'cloudformation' && kind !== 'terraform') return true;
  return rule.iac === undefined || (rule.iac !== false && rule.iac.includes(kind));
}

function judge(
  p: PreparedRule,
  resource: Resource,
  ref: FindingResource,
  lookups: Lookups,
  errorIndex: CollectionErrorIndex | undefined,
  now: Date,
): Finding {
  const rule = p.rule;
  const scope = checkScope(resource, rule.appliesTo);
  if ('error' in scope) return finding(rule, ref, { status: 'ERROR', cause: scope.error });
  if (!scope.inScope) return finding(rule, ref, { status: 'N/A' });
  if (rule.needs !== undefined) {
    for (const path of rule.needs) {
      const why = unreadable(resource, path);
      if (why !== undefined) return finding(rule, ref, { status: 'ERROR', cause: why });
    }
  }
  if (rule.uses !== undefined && errorIndex !== undefined) {
    const global = resource.region === 'global';
    for (const type of rule.uses) {
      const e = errorIndex.affecting(resource.account, type, global ? undefined : resource.region);
      if (e !== undefined) return finding(rule, ref, { status: 'ERROR', cause: describeCollectionError(e) });
    }
  }
  let verdict: Verdict;
  try {
    verdict = rule.evaluate({ resource, props: resource.props, params: p.params, lookups, now });
  } catch (e) {
    verdict = { status: 'ERROR', cause: `rule ${rule.id} threw: ${(e as Error)?.message ?? String(e)}` };
  }
  if (verdict.status === 'FAIL') {
    return finding(rule, ref, verdict, getPath(resource.props, verdict.path));
  }
  return finding(rule, ref, verdict);
}

function finding(rule: AnyRule, resource: FindingResource, verdict: Verdict, evidence?: unknown): Finding {
  const status: Status = verdict.status;
  const f: Finding = {
    id: findingId(rule.id, resource.uid),
    ruleId: rule.id,
    status,
    severity: rule.severity,
    category: rule.category,
    resource,
  };
  switch (verdict.status) {
    case 'FAIL':
      f.reason = verdict.reason;
      f.evidencePath = verdict.path;
      f.evidence = evidence;
      break;
    case 'ERROR':
      f.cause = verdict.cause;
      break;
    case 'N/A':
      if (verdict.reason) f.reason = verdict.reason;
      break;
    case 'PASS':
      if (verdict.note) f.reason = verdict.note;
      break;
  }
  return f;
}

export const findingResource = (r: Resource): FindingResource => ({
  uid: r.uid,
  type: r.type,
  name: r.name,
  account: r.account,
  region: r.region,
  tags: r.tags,
  source: r.source,
});

const unseenResource = (e: CollectionError): FindingResource => ({
  uid: `${e.account}/${e.region}/${e.resourceType}/*`,
  type: e.resourceType ?? e.service,
  name: `${e.resourceType} (${e.region})`,
  account: e.account,
  region: e.region,
  tags: {},
  source: { kind: 'live' },
});
