import type { ImportedFinding } from '../../../core/finding.js';
import type { Resource } from '../../../core/resource.js';
import type { CollectionError } from '../../../core/rule.js';
import type { ResourceType, ResourceTypes } from '../../../inventory/types.js';
import type { ClientFactory } from './clients.js';
import { type CallFailure, classify, describeFailure } from './errors.js';

// biome-ignore lint/suspicious/noExplicitAny: SDK client classes differ in their config types
type ClientClass<C> = new (config: any) => C;

/** What one collector run sees: one account, one region (or 'global'), and helpers that keep it truthful. */
export class CollectContext {
  readonly resources: Resource[] = [];
  readonly errors: CollectionError[] = [];
  /** Findings AWS's detectors hold, imported as they are (collectors of findings emit these, not resources). */
  readonly findings: ImportedFinding[] = [];
  /** Non-fatal notes for the scan's warnings (e.g. a source's findings capped). */
  readonly warnings: string[] = [];

  constructor(
    readonly account: string,
    /** The region collected, or 'global' for global services. */
    readonly region: string,
    /** The region SDK clients use (for global services: the home region, e.g. us-east-1). */
    readonly callRegion: string,
    private readonly clients: ClientFactory,
    private readonly collectedAt: string,
    /** The service key in type names and errors (iam, ec2, s3, …). */
    readonly service: string,
    /** Memo shared by the collectors of one account (e.g. the credential report, read once). */
    private readonly memo: Map<string, Promise<unknown>>,
    /** Every region this scan collects in the account (a resource homed elsewhere would otherwise go unseen). */
    readonly scannedRegions: readonly string[] = [],
  ) {}

  /** Runs `fn` once per account for `key` and shares its promise (e.g. the credential report). */
  shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn();
      this.memo.set(key, p);
    }
    return p;
  }

  /** An SDK client for this account and region; its send() is read-only, budgeted, retried and timed out. */
  client<C>(Client: ClientClass<C>, region = this.callRegion): C {
    return this.clients.get(Client, region);
  }

  /**
   * Lists every item of a resource type (all pages). On failure the listing is recorded as a collection error for
   * that type, which turns every rule of the type into ERROR for this account and region, and undefined is returned.
   */
  async list<T>(resourceType: ResourceType, operation: string, fetchAll: () => Promise<T[]>): Promise<T[] | undefined> {
    try {
      return await fetchAll();
    } catch (e) {
      this.failed(operation, classify(e), resourceType);
      return undefined;
    }
  }

  /**
   * One detail of a resource (a policy, a setting). When the API says "none" with one of `absent.codes`, the
   * value is `absent.value` (usually null); any other failure leaves the prop unset and records a gap on `path`,
   * so rules that need it give ERROR.
   */
  async detail<T>(
    resource: Resource<unknown>,
    path: string,
    call: () => Promise<T>,
    absent?: { codes: readonly string[]; value: T },
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (e) {
      const failure = classify(e);
      if (absent?.codes.includes(failure.code)) return absent.value;
      resource.gaps ??= {};
      resource.gaps[path] = describeFailure(failure);
      return undefined;
    }
  }

  /** A call that failed without a resource to pin it on (`service`: for collectors that call several). */
  failed(operation: string, failure: CallFailure, resourceType?: ResourceType, service = this.service): void {
    this.errors.push({
      account: this.account,
      region: this.region,
      service,
      operation,
      ...(resourceType ? { resourceType } : {}),
      code: failure.code,
      message: failure.message,
    });
  }

  /** A new resource of this account; region defaults to the context's. Emit it when its details are in. */
  resource<T extends ResourceType>(
    type: T,
    init: { uid: string; name: string; props: ResourceTypes[T]; region?: string; tags?: Record<string, string> },
  ): Resource<ResourceTypes[T]> {
    return {
      uid: init.uid,
      provider: 'aws',
      account: this.account,
      region: init.region ?? this.region,
      type,
      name: init.name,
      tags: init.tags ?? {},
      props: init.props,
      source: { kind: 'live', collectedAt: this.collectedAt },
    };
  }

  emit(resource: Resource<unknown>): void {
    this.resources.push(resource as Resource);
  }

  /** An active finding of an AWS detector in this account; region defaults to the context's. */
  finding(f: Omit<ImportedFinding, 'account' | 'status' | 'region'> & { region?: string }): void {
    this.findings.push({ ...f, status: 'FAIL', account: this.account, region: f.region ?? this.region });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Runs `fn` over items concurrently; the per-service budget in send() bounds the calls actually in flight. */
  async each<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
    await Promise.all(items.map(fn));
  }
}

/** AWS tag lists ([{Key, Value}]) as a string map. */
export const tagMap = (tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
