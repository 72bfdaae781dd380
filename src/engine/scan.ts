import type { Finding, FindingResource } from '../core/finding.js';
import { findingId } from '../core/finding.js';
import { InputError } from '../core/input-error.js';
import type { Resource } from '../core/resource.js';
import type { AnyRule, CollectionError } from '../core/rule.js';
import type { Text } from '../core/text.js';
import type { Framework } from '../frameworks/model.js';
import { ruleRefId } from '../frameworks/model.js';
import type { InventoryStream, LoadedInventory } from '../inventory/snapshot.js';
import { Evaluator, type Params } from './evaluate.js';
import { type Summary, SummaryBuilder } from './summary.js';

export const TOOL = { name: 'mamori', version: '0.1.0' };

/** A requirement a person must attest to, per account. */
export interface ManualItem {
  requirementId: string;
  title: Text;
  guidance: Text;
}

export interface ScanResult {
  tool: typeof TOOL;
  generatedAt: string;
  /** The time the inventory describes (the newest snapshot part), against which ages were judged. */
  asOf: string;
  inputs: string[];
  framework?: { id: string; title: Text; version: string };
  /** Every judged rule × resource, MANUAL items included; N/A is only counted. */
  findings: Finding[];
  notApplicable: number;
  resources: number;
  accounts: string[];
  manual: ManualItem[];
  collectionErrors: CollectionError[];
  warnings: string[];
  /** Metadata of the rules that ran, for reports (they read text, never code). */
  rules: ReadonlyMap<string, AnyRule>;
  summary: Summary;
}

export interface ScanOptions {
  framework?: Framework;
  /** Judge ages as of this time; default: each snapshot part's generatedAt, else the current time. */
  now?: Date;
  /** Called after each snapshot part with the index of the part done. */
  onPart?: (index: number) => void;
}

/** Selects the rules (all, or the framework's), evaluates the inventory and summarises. */
export function runScan(
  source: LoadedInventory | InventoryStream,
  allRules: readonly AnyRule[],
  options: ScanOptions = {},
): ScanResult {
  const inventory = 'parts' in source ? source : inMemory(source);
  const { framework } = options;
  const byId = new Map(allRules.map((r) => [r.id, r]));
  let rules: readonly AnyRule[] = allRules;
  const params = new Map<string, Params>();
  const manual: ManualItem[] = [];
  if (framework) {
    const selected = new Map<string, AnyRule>();
    for (const req of framework.requirements) {
      for (const ref of req.rules ?? []) {
        const rule = byId.get(ruleRefId(ref));
        if (!rule)
          throw new InputError(`framework ${framework.id}`, `requirement ${req.id}`, `unknown rule ${ruleRefId(ref)}`);
        selected.set(rule.id, rule);
        if (typeof ref !== 'string' && ref.params) params.set(rule.id, { ...params.get(rule.id), ...ref.params });
      }
      if (req.manual) manual.push({ requirementId: req.id, title: req.title, guidance: req.manual.guidance });
    }
    rules = [...selected.values()];
  }

  const findings: Finding[] = [];
  const summary = new SummaryBuilder();
  let notApplicable = 0;
  const evaluator = new Evaluator(
    rules,
    (f) => {
      summary.add(f);
      if (f.status === 'N/A') notApplicable++;
      else findings.push(f);
    },
    { params, ...(options.now ? { now: options.now } : {}) },
  );
  const accounts = new Set<string>();
  const accountResources = new Map<string, Resource>();
  const collectionErrors: CollectionError[] = [];
  let resources = 0;
  let asOf = options.now;
  let index = 0;
  for (const part of inventory.parts()) {
    const partTime = options.now ?? (part.generatedAt ? new Date(part.generatedAt) : new Date());
    if (!asOf || partTime > asOf) asOf = partTime;
    for (const r of part.resources) {
      accounts.add(r.account);
      if (r.type === 'aws.account' && !accountResources.has(r.account)) accountResources.set(r.account, r);
    }
    resources += part.resources.length;
    collectionErrors.push(...part.errors);
    evaluator.addErrors(part.errors);
    evaluator.add(part.resources, partTime);
    options.onPart?.(index++);
  }
  evaluator.finish(asOf);

  const sortedAccounts = [...accounts].sort();
  if (framework) {
    for (const account of sortedAccounts) {
      const resource = accountResource(accountResources.get(account), account);
      for (const req of framework.requirements) {
        if (!req.manual) continue;
        const f: Finding = {
          id: findingId(`${framework.id}:${req.id}`, resource.uid),
          ruleId: `${framework.id}:${req.id}`,
          status: 'MANUAL',
          severity: 'info',
          category: req.manual.category,
          resource,
          reason: req.manual.guidance,
        };
        findings.push(f);
        summary.add(f);
      }
    }
  }

  return {
    tool: TOOL,
    generatedAt: new Date().toISOString(),
    asOf: (asOf ?? new Date()).toISOString(),
    inputs: inventory.files,
    ...(framework ? { framework: { id: framework.id, title: framework.title, version: framework.version } } : {}),
    findings,
    notApplicable,
    resources,
    accounts: sortedAccounts,
    manual,
    collectionErrors,
    warnings: inventory.warnings,
    rules: new Map(rules.map((r) => [r.id, r])),
    summary: summary.build(),
  };
}

function accountResource(r: Resource | undefined, account: string): FindingResource {
  return {
    uid: r?.uid ?? `arn:aws:iam::${account}:root`,
    type: 'aws.account',
    name: r?.name ?? account,
    account,
    region: 'global',
    tags: r?.tags ?? {},
    source: r?.source ?? { kind: 'snapshot' },
  };
}

/** An inventory already in memory, seen as a one-part stream. */
function inMemory(inv: LoadedInventory): InventoryStream {
  return {
    files: inv.files,
    sizes: [],
    warnings: inv.warnings,
    *parts() {
      yield {
        file: inv.files[0] ?? 'memory',
        resources: inv.resources,
        errors: inv.errors,
        ...(inv.generatedAt ? { generatedAt: inv.generatedAt } : {}),
      };
    },
  };
}
