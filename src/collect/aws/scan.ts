import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { InputError } from '../../core/input-error.js';
import type { Resource } from '../../core/resource.js';
import type { CollectionError } from '../../core/rule.js';
import type { InventoryPart } from '../../inventory/snapshot.js';
import { AWS_COLLECTORS } from './index.js';
import { ClientFactory, type ClientSettings } from './runtime/clients.js';
import type { Collector } from './runtime/collector.js';
import { CollectContext } from './runtime/context.js';
import { classify } from './runtime/errors.js';
import { Limiter, Limiters } from './runtime/limiter.js';
import { allPages, toJson } from './runtime/pages.js';

export interface AwsScanRequest {
  profile?: string;
  /** 'all' = every region enabled in the account (ec2:DescribeRegions), else the list. */
  regions: 'all' | string[];
  /** Scan every active account of the Organization by assuming this role in each. */
  org?: { roleName: string; externalId?: string };
  /** Only these account ids (with --org). */
  accounts?: string[];
  endpointUrl?: string;
  /** Region for global services and STS (default: AWS_REGION, else us-east-1). */
  homeRegion?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** Base credentials; default: the SDK's default provider chain (env, shared config and SSO, container, instance). */
  credentials?: AwsCredentialIdentityProvider;
  collectors?: readonly Collector[];
  /** Accounts collected at once (memory stays bounded by this × one account's inventory). */
  accountConcurrency?: number;
  /** Concurrent calls per service × region. */
  callsPerService?: number;
  /** Concurrent calls of regional services per account (global services are bounded per service only). */
  callsPerAccount?: number;
  onEvent?: (event: CollectEvent) => void;
}

export type CollectEvent =
  | { kind: 'accounts'; accounts: string[] }
  | { kind: 'account-start'; account: string; regions: string[] }
  | { kind: 'collector-done'; account: string; region: string; service: string; resources: number; errors: number }
  | { kind: 'account-done'; account: string; resources: number; errors: number };

/** An account to collect, with the credentials to do it. */
interface Target {
  account: string;
  credentials: AwsCredentialIdentityProvider;
}

/**
 * Collects every account (one, or the Organization's), all regions and services in parallel under per-service
 * budgets, and yields one inventory part per account as soon as it is complete.
 */
export async function* collectAws(request: AwsScanRequest): AsyncGenerator<InventoryPart & { name: string }> {
  const homeRegion = request.homeRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const base = request.credentials ?? fromNodeProviderChain(request.profile ? { profile: request.profile } : {});
  const settings = (credentials: AwsCredentialIdentityProvider): ClientSettings => ({
    credentials,
    ...(request.endpointUrl ? { endpointUrl: request.endpointUrl } : {}),
    maxAttempts: request.maxAttempts ?? 8,
    connectTimeoutMs: 5_000,
    requestTimeoutMs: request.requestTimeoutMs ?? 30_000,
  });
  const limitsFor = () => new Limiters(() => request.callsPerService ?? 8, new Limiter(request.callsPerAccount ?? 64));
  const baseClients = new ClientFactory(settings(base), limitsFor());
  let self: string;
  try {
    const identity = await baseClients.get(STSClient, homeRegion).send(new GetCallerIdentityCommand({}));
    self = identity.Account!;
  } catch (e) {
    const f = classify(e);
    throw new InputError('AWS credentials', undefined, `sts:GetCallerIdentity failed: ${f.code}: ${f.message}`);
  }

  let targets: Target[] = [{ account: self, credentials: base }];
  /** The Organization's accounts (every state), kept in the scanning account's part for the account inventory. */
  const orgAccounts: Resource[] = [];
  if (request.org) {
    const org = baseClients.get(OrganizationsClient, homeRegion);
    const accounts = await allPages(paginateListAccounts({ client: org }, {}), (p) => p.Accounts ?? []);
    const collectedAt = new Date().toISOString();
    for (const a of accounts) {
      orgAccounts.push({
        uid: a.Arn!,
        provider: 'aws',
        account: self,
        region: 'global',
        type: 'aws.organizations.account',
        name: a.Name ?? a.Id!,
        tags: {},
        props: toJson(a),
        source: { kind: 'live', collectedAt },
      });
    }
    const wanted = new Set(request.accounts ?? []);
    const { roleName, externalId } = request.org;
    targets = accounts
      .filter((a) => (a.State ?? a.Status) === 'ACTIVE')
      .filter((a) => wanted.size === 0 || wanted.has(a.Id!))
      .map((a) => ({
        account: a.Id!,
        credentials:
          a.Id === self
            ? base
            : fromTemporaryCredentials({
                masterCredentials: base,
                params: {
                  RoleArn: `arn:aws:iam::${a.Id}:role/${roleName}`,
                  RoleSessionName: 'mamori-scan',
                  ...(externalId ? { ExternalId: externalId } : {}),
                },
                clientConfig: { region: homeRegion, ...(request.endpointUrl ? { endpoint: request.endpointUrl } : {}) },
              }),
      }));
  }
  request.onEvent?.({ kind: 'accounts', accounts: targets.map((t) => t.account) });

  const accountLimiter = new Limiter(request.accountConcurrency ?? 4);
  const pending = targets.map((t) =>
    accountLimiter.run(() =>
      collectAccount(t, request, homeRegion, new ClientFactory(settings(t.credentials), limitsFor())),
    ),
  );
  let orgAccountsPlaced = orgAccounts.length === 0;
  for (const p of pending) {
    const part = await p;
    if (!orgAccountsPlaced && part.name === self) {
      part.resources.push(...orgAccounts);
      orgAccountsPlaced = true;
    }
    yield part;
  }
  // The scanning account itself was left out (--accounts): its inventory still carries the account list.
  if (!orgAccountsPlaced) {
    yield {
      name: `${self}-organization`,
      file: `aws:${self}`,
      resources: orgAccounts,
      errors: [],
      generatedAt: new Date().toISOString(),
    };
  }
}

async function collectAccount(
  target: Target,
  request: AwsScanRequest,
  homeRegion: string,
  clients: ClientFactory,
): Promise<InventoryPart & { name: string }> {
  const collectedAt = new Date().toISOString();
  const memo = new Map<string, Promise<unknown>>();
  const errors: CollectionError[] = [];
  let regions: string[] = [];
  const context = (region: string, service: string) =>
    new CollectContext(
      target.account,
      region,
      region === 'global' ? homeRegion : region,
      clients,
      collectedAt,
      service,
      memo,
      regions,
    );

  const collectors = request.collectors ?? AWS_COLLECTORS;
  // Credentials first (an assumed role may be missing or refuse us): without them nothing in the account can be
  // read, and every check of every collected type there is ERROR with that cause.
  try {
    await clients.get(STSClient, homeRegion).send(new GetCallerIdentityCommand({}));
  } catch (e) {
    const failure = classify(e);
    // One error per type the collectors would have read (ERROR for its rules); a collector without types (imported
    // findings) gets one of its own, so its loss is said too, never an empty success.
    const lost = new Map<string, { service: string; resourceType?: string }>();
    for (const c of collectors) {
      if (c.types.length === 0) lost.set(c.service, { service: c.service });
      for (const type of c.types) lost.set(type, { service: type.split('.')[1]!, resourceType: type });
    }
    for (const { service, resourceType } of lost.values()) {
      errors.push({
        account: target.account,
        region: 'global',
        service,
        operation: 'AssumeRole',
        ...(resourceType ? { resourceType } : {}),
        code: failure.code,
        message: failure.message,
      });
    }
    request.onEvent?.({ kind: 'account-done', account: target.account, resources: 0, errors: errors.length });
    return { name: target.account, file: `aws:${target.account}`, resources: [], errors, generatedAt: collectedAt };
  }

  if (request.regions === 'all') {
    try {
      const out = await clients.get(EC2Client, homeRegion).send(new DescribeRegionsCommand({ AllRegions: false }));
      regions = (out.Regions ?? []).map((r) => r.RegionName!).sort();
    } catch (e) {
      // Cannot list the regions (denied, or credentials refused): say so, and collect the home region only.
      const ctx = context(homeRegion, 'ec2');
      ctx.failed('DescribeRegions', classify(e));
      errors.push(...ctx.errors);
      regions = [homeRegion];
    }
  } else {
    regions = request.regions;
  }
  request.onEvent?.({ kind: 'account-start', account: target.account, regions });

  const runs: CollectContext[] = [];
  const tasks: Promise<void>[] = [];
  for (const collector of collectors) {
    for (const region of collector.scope === 'global' ? ['global'] : regions) {
      const ctx = context(region, collector.service);
      runs.push(ctx);
      tasks.push(
        collector.collect(ctx).then(
          () => {
            request.onEvent?.({
              kind: 'collector-done',
              account: target.account,
              region,
              service: collector.service,
              resources: ctx.resources.length,
              errors: ctx.errors.length,
            });
          },
          // A collector that throws loses only its own service in this region, and says so.
          (e) => ctx.failed('collect', classify(e)),
        ),
      );
    }
  }
  await Promise.all(tasks);
  const resources = runs.flatMap((r) => r.resources);
  const findings = runs.flatMap((r) => r.findings);
  const warnings = runs.flatMap((r) => r.warnings);
  for (const r of runs) errors.push(...r.errors);
  request.onEvent?.({
    kind: 'account-done',
    account: target.account,
    resources: resources.length,
    errors: errors.length,
  });
  return {
    name: target.account,
    file: `aws:${target.account}`,
    resources,
    errors,
    ...(findings.length > 0 ? { findings } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    generatedAt: collectedAt,
  };
}
