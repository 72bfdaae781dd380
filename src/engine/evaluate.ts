import type { Finding, FindingResource } from '../core/finding.js';
import { findingId } from '../core/finding.js';
import { getPath } from '../core/path.js';
import type { Resource } from '../core/resource.js';
import type { AnyRule, CollectionError, Lookups, Verdict } from '../core/rule.js';
import type { Status } from '../core/status.js';
import { CollectionErrorIndex, describeCollectionError } from './collection-errors.js';
import { buildLookups } from './lookups.js';
import { checkScope, unreadable } from './scope.js';

export type Params = Readonly<Record<string, number | string | boolean>>;

export interface EvaluateOptions {
  /** Per-rule parameter overrides (from a framework or the config file). */
  params?: ReadonlyMap<string, Params>;
  now?: Date;
  /** Called now and then with the number of resources done. */
  onProgress?: (done: number, total: number) => void;
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
}

/**
 * Evaluates every rule on every resource of its type and emits one finding per rule × resource.
 * ERROR is decided here, before a rule runs, from scope, `needs` and `uses`; a throwing rule is ERROR too.
 */
export function evaluate(
  resources: readonly Resource[],
  errors: readonly CollectionError[],
  rules: readonly AnyRule[],
  emit: (finding: Finding) => void,
  options: EvaluateOptions = {},
): EvaluationStats {
  const now = options.now ?? new Date();
  const byType = new Map<string, PreparedRule[]>();
  for (const rule of rules) {
    const prepared = { rule, params: { ...rule.params, ...options.params?.get(rule.id) } };
    const list = byType.get(rule.resourceType);
    if (list) list.push(prepared);
    else byType.set(rule.resourceType, [prepared]);
  }
  const lookups = buildLookups(resources);
  const errorIndex = new CollectionErrorIndex(errors);
  const stats: EvaluationStats = { resources: resources.length, evaluations: 0, unjudgedTypes: new Set() };
  const progressEvery = 10_000;

  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i]!;
    const prepared = byType.get(resource.type);
    if (prepared === undefined) {
      stats.unjudgedTypes.add(resource.type);
      continue;
    }
    const ref = findingResource(resource);
    for (const p of prepared) {
      emit(judge(p, resource, ref, lookups, errorIndex, now));
      stats.evaluations++;
    }
    if (options.onProgress && i % progressEvery === 0) options.onProgress(i, resources.length);
  }
  options.onProgress?.(resources.length, resources.length);

  // A listing that failed hides every resource it would have returned: each rule of that type is ERROR there.
  for (const e of errors) {
    if (e.resourceType === undefined) continue;
    for (const p of byType.get(e.resourceType) ?? []) {
      const ref = unseenResource(e);
      emit(finding(p.rule, ref, { status: 'ERROR', cause: describeCollectionError(e) }));
      stats.evaluations++;
    }
  }
  return stats;
}

function judge(
  p: PreparedRule,
  resource: Resource,
  ref: FindingResource,
  lookups: Lookups,
  errorIndex: CollectionErrorIndex,
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
  if (rule.uses !== undefined) {
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
