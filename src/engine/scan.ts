import type { Finding, FindingResource, ImportedFinding } from '../core/finding.js';
import { findingId, importedRuleId } from '../core/finding.js';
import { InputError } from '../core/input-error.js';
import type { Resource } from '../core/resource.js';
import type { AnyRule, CollectionError } from '../core/rule.js';
import type { Text } from '../core/text.js';
import { ExceptionApplier } from '../exceptions/apply.js';
import type { Exceptions, ExceptionsOutcome } from '../exceptions/model.js';
import type { Framework } from '../frameworks/model.js';
import { ruleRefId } from '../frameworks/model.js';
import type { InventoryPart, InventoryStream, LoadedInventory } from '../inventory/snapshot.js';
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
  /** What the exceptions file did (applied, expired, unused), when one was given. */
  exceptions?: ExceptionsOutcome;
}

export interface ScanOptions {
  framework?: Framework;
  /** Judge ages as of this time; default: each snapshot part's generatedAt, else the current time. */
  now?: Date;
  /** Called after each snapshot part with the index of the part done. */
  onPart?: (index: number) => void;
  /**
   * The last say on each rule finding before it is counted: inline suppressions of `mamori iac` (and exceptions)
   * turn a FAIL into EXCEPTED here, so the summary and every report agree.
   */
  adjust?: (finding: Finding) => Finding;
  /**
   * An exceptions file: after `adjust`, FAIL / ERROR findings (imported ones too) inside an active exception's scope
   * become EXCEPTED, and ScanResult.exceptions tells what each exception did.
   */
  exceptions?: Exceptions;
  /** The day exceptions' expiry dates are judged against; default: the current time (not the snapshot's). */
  exceptionsNow?: Date;
}

/** Selects the rules (all, or the framework's), evaluates the inventory and summarises. */
export function runScan(
  source: LoadedInventory | InventoryStream,
  allRules: readonly AnyRule[],
  options: ScanOptions = {},
): ScanResult {
  const inventory = 'parts' in source ? source : inMemory(source);
  const scan = new Scan(allRules, options);
  for (const part of inventory.parts()) scan.add(part);
  return scan.finish(inventory.files, inventory.warnings);
}

/** The same for parts that arrive asynchronously (a live collection, one account at a time). */
export async function runScanAsync(
  parts: AsyncIterable<InventoryPart>,
  allRules: readonly AnyRule[],
  options: ScanOptions & { inputs: string[] },
): Promise<ScanResult> {
  const scan = new Scan(allRules, options);
  for await (const part of parts) scan.add(part);
  return scan.finish(options.inputs, []);
}

/** One scan in progress: parts go in as they come; the result comes out once, at the end. */
class Scan {
  private readonly framework: Framework | undefined;
  private readonly rules: readonly AnyRule[];
  private readonly manual: ManualItem[] = [];
  private readonly findings: Finding[] = [];
  private readonly summary = new SummaryBuilder();
  private notApplicable = 0;
  private readonly evaluator: Evaluator;
  private readonly accounts = new Set<string>();
  private readonly accountResources = new Map<string, Resource>();
  private readonly collectionErrors: CollectionError[] = [];
  private readonly partWarnings: string[] = [];
  /** Ids of imported findings already added (an organisation's parts may repeat one). */
  private readonly importedIds = new Set<string>();
  private resources = 0;
  private readonly exceptions: ExceptionApplier | undefined;
  private asOf: Date | undefined;
  private index = 0;

  constructor(
    allRules: readonly AnyRule[],
    private readonly options: ScanOptions,
  ) {
    this.framework = options.framework;
    this.asOf = options.now;
    const byId = new Map(allRules.map((r) => [r.id, r]));
    let rules: readonly AnyRule[] = allRules;
    const params = new Map<string, Params>();
    const framework = this.framework;
    if (framework) {
      const selected = new Map<string, AnyRule>();
      for (const req of framework.requirements) {
        for (const ref of req.rules ?? []) {
          const rule = byId.get(ruleRefId(ref));
          if (!rule) {
            throw new InputError(
              `framework ${framework.id}`,
              `requirement ${req.id}`,
              `unknown rule ${ruleRefId(ref)}`,
            );
          }
          selected.set(rule.id, rule);
          if (typeof ref !== 'string' && ref.params) params.set(rule.id, { ...params.get(rule.id), ...ref.params });
        }
        if (req.manual) this.manual.push({ requirementId: req.id, title: req.title, guidance: req.manual.guidance });
      }
      rules = [...selected.values()];
    }
    this.rules = rules;
    this.exceptions = options.exceptions
      ? new ExceptionApplier(options.exceptions, options.exceptionsNow ?? new Date())
      : undefined;
    this.evaluator = new Evaluator(
      rules,
      (judged) => {
        const adjusted = options.adjust ? options.adjust(judged) : judged;
        const f = this.exceptions ? this.exceptions.apply(adjusted) : adjusted;
        this.summary.add(f);
        if (f.status === 'N/A') this.notApplicable++;
        else this.findings.push(f);
      },
      { params, ...(options.now ? { now: options.now } : {}) },
    );
  }

  add(part: InventoryPart): void {
    const partTime = this.options.now ?? (part.generatedAt ? new Date(part.generatedAt) : new Date());
    if (!this.asOf || partTime > this.asOf) this.asOf = partTime;
    for (const r of part.resources) {
      this.accounts.add(r.account);
      if (r.type === 'aws.account' && !this.accountResources.has(r.account)) this.accountResources.set(r.account, r);
    }
    this.resources += part.resources.length;
    this.collectionErrors.push(...part.errors);
    this.evaluator.addErrors(part.errors);
    this.evaluator.add(part.resources, partTime);
    // A framework's report covers its requirements only: detectors' findings are not among them.
    if (part.findings && part.findings.length > 0 && !this.framework) this.addImported(part);
    if (part.warnings) this.partWarnings.push(...part.warnings);
    this.options.onPart?.(this.index++);
  }

  /** Findings AWS's detectors hold: added as they are (FAIL, their own severity), beside the rules' findings. */
  private addImported(part: InventoryPart): void {
    const byUid = new Map(part.resources.map((r) => [r.uid, r]));
    const partSource = part.resources[0]?.source ?? { kind: 'snapshot' as const, file: part.file };
    for (const i of part.findings ?? []) {
      const imported = importedFinding(i, byUid.get(i.resource.uid), partSource);
      if (this.importedIds.has(imported.id)) continue;
      this.importedIds.add(imported.id);
      const f = this.exceptions ? this.exceptions.apply(imported) : imported;
      this.accounts.add(i.account);
      this.findings.push(f);
      this.summary.add(f);
    }
  }

  finish(inputs: string[], warnings: string[]): ScanResult {
    const asOf = this.asOf ?? new Date();
    this.evaluator.finish(asOf);
    const accounts = [...this.accounts].sort();
    const framework = this.framework;
    if (framework) {
      for (const account of accounts) {
        const resource = accountResource(this.accountResources.get(account), account);
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
          this.findings.push(f);
          this.summary.add(f);
        }
      }
    }
    return {
      tool: TOOL,
      generatedAt: new Date().toISOString(),
      asOf: asOf.toISOString(),
      inputs,
      ...(framework ? { framework: { id: framework.id, title: framework.title, version: framework.version } } : {}),
      findings: this.findings,
      notApplicable: this.notApplicable,
      resources: this.resources,
      accounts,
      manual: this.manual,
      collectionErrors: this.collectionErrors,
      warnings: [...warnings, ...this.partWarnings],
      rules: new Map(this.rules.map((r) => [r.id, r])),
      summary: this.summary.build(),
      ...(this.exceptions ? { exceptions: this.exceptions.outcome() } : {}),
    };
  }
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

/**
 * An imported finding as a Finding: its rule id is `<source>:<type or id>`, its id stable across scans
 * (`<source>:<provider id>` × resource uid), its title and reason the provider's words. The resource's name, tags and
 * type come from the inventory when it holds the resource, so both kinds of finding name it alike.
 */
export function importedFinding(
  i: ImportedFinding,
  known: Resource | undefined,
  partSource: Resource['source'] = { kind: 'snapshot' },
): Finding {
  const resource: FindingResource = {
    uid: i.resource.uid,
    type: known?.type ?? i.resource.type,
    name: known?.name ?? i.resource.name,
    account: i.account,
    region: i.region,
    tags: known?.tags ?? i.resource.tags ?? {},
    source: known?.source ?? partSource,
  };
  const words = (s: string): Text => ({ en: s, ja: s });
  return {
    id: findingId(`${i.source}:${i.id}`, i.resource.uid),
    ruleId: importedRuleId(i),
    status: i.status,
    severity: i.severity,
    category: 'logging-monitoring',
    resource,
    reason: words(i.description !== undefined && i.description.trim() !== '' ? i.description : i.title),
    title: words(i.title),
    source: {
      kind: i.source,
      id: i.id,
      ...(i.type !== undefined ? { type: i.type } : {}),
      ...(i.url !== undefined ? { url: i.url } : {}),
      ...(i.firstSeen !== undefined ? { firstSeen: i.firstSeen } : {}),
      ...(i.lastSeen !== undefined ? { lastSeen: i.lastSeen } : {}),
      providerSeverity: i.providerSeverity,
      ...(i.remediation !== undefined ? { remediation: i.remediation } : {}),
    },
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
        ...(inv.findings ? { findings: inv.findings } : {}),
        ...(inv.generatedAt ? { generatedAt: inv.generatedAt } : {}),
      };
    },
  };
}
