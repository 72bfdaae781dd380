import type { Finding, FindingResource } from '../core/finding.js';
import { findingId } from '../core/finding.js';
import { InputError } from '../core/input-error.js';
import type { AnyRule, CollectionError } from '../core/rule.js';
import type { Text } from '../core/text.js';
import type { Framework } from '../frameworks/model.js';
import { ruleRefId } from '../frameworks/model.js';
import type { LoadedInventory } from '../inventory/snapshot.js';
import { evaluate, type Params } from './evaluate.js';
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
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** Selects the rules (all, or the framework's), evaluates the inventory and summarises. */
export function runScan(
  inventory: LoadedInventory,
  allRules: readonly AnyRule[],
  options: ScanOptions = {},
): ScanResult {
  const now = options.now ?? new Date();
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
  evaluate(
    inventory.resources,
    inventory.errors,
    rules,
    (f) => {
      summary.add(f);
      if (f.status === 'N/A') notApplicable++;
      else findings.push(f);
    },
    { params, now, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );

  const accounts = [...new Set(inventory.resources.map((r) => r.account))].sort();
  if (framework) {
    for (const account of accounts) {
      const resource = accountResource(inventory, account);
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
    generatedAt: now.toISOString(),
    inputs: inventory.files,
    ...(framework ? { framework: { id: framework.id, title: framework.title, version: framework.version } } : {}),
    findings,
    notApplicable,
    resources: inventory.resources.length,
    accounts,
    manual,
    collectionErrors: inventory.errors,
    warnings: inventory.warnings,
    rules: new Map(rules.map((r) => [r.id, r])),
    summary: summary.build(),
  };
}

function accountResource(inventory: LoadedInventory, account: string): FindingResource {
  const r = inventory.resources.find((x) => x.type === 'aws.account' && x.account === account);
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
