import {
  GetFindingsCommand as GetGuardDutyFindingsCommand,
  GuardDutyClient,
  type Finding as GuardDutyFinding,
  paginateListDetectors,
  paginateListFindings as paginateListGuardDutyFindings,
} from '@aws-sdk/client-guardduty';
import {
  Inspector2Client,
  type Finding as InspectorFinding,
  paginateListFindings as paginateListInspectorFindings,
} from '@aws-sdk/client-inspector2';
import {
  type AwsSecurityFinding,
  paginateGetFindings as paginateGetSecurityHubFindings,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { FINDING_SOURCE_NAMES, type FindingSourceKind, type ImportedFinding } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import { ASFF_RESOURCE_TYPES } from '../../inventory/asff-types.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { Collector } from './runtime/collector.js';
import type { CollectContext } from './runtime/context.js';
import { type CallFailure, classify } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

/** Most findings imported per source and region; the most severe first, with a warning when more exist. */
export const FINDINGS_CAP = 1000;
/** GuardDuty GetFindings takes at most 50 ids per call. */
const GUARDDUTY_BATCH = 50;

type Item = Omit<ImportedFinding, 'account' | 'status' | 'region'> & { region?: string };
type ItemResource = ImportedFinding['resource'];

/**
 * Findings AWS's own detectors already hold, imported read-only beside mamori's rule findings: GuardDuty
 * (ListDetectors → ListFindings of unarchived findings → GetFindings), Inspector (ListFindings of ACTIVE findings:
 * EC2 instances, ECR images, Lambda functions) and Security Hub (GetFindings of ACTIVE, NEW or NOTIFIED findings).
 * Only the scanned account's findings of the Region are read (a delegated administrator's view of its members is
 * left to the members' own scans). Security Hub findings that GuardDuty or Inspector produced are left out (they are
 * read from their source), and so are mamori's own findings imported from its ASFF report, so none comes back twice.
 * A service that is not enabled has no findings; a call that fails is a collection error of service 'findings'
 * naming the API (e.g. guardduty:ListFindings), never an empty success.
 */
export const findingsCollector: Collector = {
  service: 'findings',
  scope: 'regional',
  types: [],
  async collect(ctx) {
    await Promise.all([
      readSource(ctx, 'guardduty', readGuardDuty),
      readSource(ctx, 'inspector', readInspector),
      readSource(ctx, 'securityhub', readSecurityHub),
    ]);
  },
};

/** A failed call, with the API that failed. */
class CallError extends Error {
  constructor(
    readonly operation: string,
    readonly failure: CallFailure,
  ) {
    super(`${operation}: ${failure.code}`);
  }
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new CallError(operation, classify(e));
  }
}

async function readSource(
  ctx: CollectContext,
  source: FindingSourceKind,
  read: (ctx: CollectContext, out: (item: Item) => void) => Promise<boolean>,
): Promise<void> {
  try {
    const capped = await read(ctx, (item) => ctx.finding(item));
    if (capped) {
      ctx.warn(
        `${ctx.account}/${ctx.region}: ${FINDING_SOURCE_NAMES[source]} holds more than ${FINDINGS_CAP} active findings; the ${FINDINGS_CAP} most severe were imported`,
      );
    }
  } catch (e) {
    if (e instanceof CallError) {
      if (!notEnabled(source, e.failure)) ctx.failed(e.operation, e.failure);
    } else {
      ctx.failed(`${source}:collect`, classify(e));
    }
  }
}

/** "The service is off here" answers: no findings, not a failure. */
function notEnabled(source: FindingSourceKind, f: CallFailure): boolean {
  // Security Hub: InvalidAccessException "Account … is not subscribed to AWS Security Hub".
  if (source === 'securityhub') return f.code === 'InvalidAccessException';
  // Inspector in an account that never activated it.
  if (source === 'inspector') return f.code === 'AccessDeniedException' && /not (enabled|activated)/i.test(f.message);
  return false;
}

/** Items of pages until `cap`; capped when more were left. */
async function upTo<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
  more: (page: P) => boolean,
  cap = FINDINGS_CAP,
): Promise<{ items: T[]; capped: boolean }> {
  const out: T[] = [];
  for await (const page of pages) {
    const list = items(page) ?? [];
    for (const item of list) {
      if (out.length === cap) return { items: out, capped: true };
      out.push(item);
    }
    if (out.length === cap && more(page)) return { items: out, capped: true };
  }
  return { items: out, capped: false };
}

// ---------------------------------------------------------------------------------------------------- GuardDuty

/** GuardDuty's numeric severity: 9.0–10.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 1.0–3.9 low. */
export function guardDutySeverity(n: number | undefined): Severity {
  if (n === undefined || Number.isNaN(n)) return 'info';
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  if (n >= 1) return 'low';
  return 'info';
}

async function readGuardDuty(ctx: CollectContext, out: (item: Item) => void): Promise<boolean> {
  const client = ctx.client(GuardDutyClient);
  const detectors = await call('guardduty:ListDetectors', () =>
    allPages(paginateListDetectors({ client }, {}), (p) => p.DetectorIds ?? []),
  );
  let capped = false;
  for (const DetectorId of detectors) {
    const listed = await call('guardduty:ListFindings', () =>
      upTo(
        paginateListGuardDutyFindings(
          { client, pageSize: GUARDDUTY_BATCH },
          {
            DetectorId,
            FindingCriteria: {
              Criterion: { 'service.archived': { Equals: ['false'] }, accountId: { Equals: [ctx.account] } },
            },
            SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' },
          },
        ),
        (p) => p.FindingIds,
        (p) => p.NextToken !== undefined && p.NextToken !== '',
      ),
    );
    capped ||= listed.capped;
    for (let i = 0; i < listed.items.length; i += GUARDDUTY_BATCH) {
      const FindingIds = listed.items.slice(i, i + GUARDDUTY_BATCH);
      const got = await call('guardduty:GetFindings', () =>
        client.send(new GetGuardDutyFindingsCommand({ DetectorId, FindingIds })),
      );
      for (const f of got.Findings ?? []) {
        if (!f.Id || f.Service?.Archived === true) continue;
        out(fromGuardDuty(f, ctx));
      }
    }
  }
  return capped;
}

const tagList = (tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));

function fromGuardDuty(f: GuardDutyFinding, ctx: CollectContext): Item {
  const region = f.Region ?? ctx.region;
  const description = f.Description?.trim();
  const partition = f.Partition ?? 'aws';
  return {
    source: 'guardduty',
    id: f.Id!,
    title: f.Title?.trim() || f.Type || f.Id!,
    ...(description ? { description } : {}),
    severity: guardDutySeverity(f.Severity),
    providerSeverity: f.Severity ?? 0,
    ...(f.Type ? { type: f.Type } : {}),
    region,
    resource: guardDutyResource(f, partition, region, f.AccountId ?? ctx.account),
    ...(f.Service?.EventFirstSeen || f.CreatedAt ? { firstSeen: f.Service?.EventFirstSeen ?? f.CreatedAt } : {}),
    ...(f.Service?.EventLastSeen || f.UpdatedAt ? { lastSeen: f.Service?.EventLastSeen ?? f.UpdatedAt } : {}),
    // The finding in the GuardDuty console (commercial partition).
    ...(partition === 'aws'
      ? {
          url: `https://console.aws.amazon.com/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeURIComponent(f.Id!)}`,
        }
      : {}),
  };
}

/** A function ARN without its version or alias (…:function:name:$LATEST → …:function:name), as the inventory's. */
const unqualifiedFunction = (arn: string | undefined): string | undefined =>
  arn?.replace(/^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+):.*$/, '$1');

const accountResource = (partition: string, account: string): ItemResource => ({
  uid: `arn:${partition}:iam::${account}:root`,
  type: 'aws.account',
  name: account,
});

/** The resource a GuardDuty finding is about, with mamori's uid and type where mamori has them. */
function guardDutyResource(f: GuardDutyFinding, partition: string, region: string, account: string): ItemResource {
  const r = f.Resource;
  const named = (uid: string | undefined, type: string, name: string | undefined, tags?: Record<string, string>) =>
    uid ? { uid, type, name: name || uid, ...(tags && Object.keys(tags).length > 0 ? { tags } : {}) } : undefined;
  let out: ItemResource | undefined;
  switch (r?.ResourceType) {
    case 'Instance': {
      const id = r.InstanceDetails?.InstanceId;
      const tags = tagList(r.InstanceDetails?.Tags);
      out = named(
        id && `arn:${partition}:ec2:${region}:${account}:instance/${id}`,
        'aws.ec2.instance',
        tags.Name ?? id,
        tags,
      );
      break;
    }
    case 'AccessKey': {
      const k = r.AccessKeyDetails;
      if (k?.UserType === 'Root') out = accountResource(partition, account);
      else if (k?.UserType === 'IAMUser' && k.UserName)
        out = named(`arn:${partition}:iam::${account}:user/${k.UserName}`, 'aws.iam.user', k.UserName);
      else if (k?.UserType === 'AssumedRole' && k.UserName)
        out = named(`arn:${partition}:iam::${account}:role/${k.UserName}`, 'aws.iam.role', k.UserName);
      else out = named(k?.AccessKeyId, 'aws.iam.access_key', k?.UserName ?? k?.AccessKeyId);
      break;
    }
    case 'S3Bucket': {
      const b = r.S3BucketDetails?.[0];
      out = named(b?.Name ? `arn:${partition}:s3:::${b.Name}` : b?.Arn, 'aws.s3.bucket', b?.Name, tagList(b?.Tags));
      break;
    }
    case 'EKSCluster':
      out = named(
        r.EksClusterDetails?.Arn,
        'aws.eks.cluster',
        r.EksClusterDetails?.Name,
        tagList(r.EksClusterDetails?.Tags),
      );
      break;
    case 'ECSCluster':
      out = named(
        r.EcsClusterDetails?.Arn,
        'aws.ecs.cluster',
        r.EcsClusterDetails?.Name,
        tagList(r.EcsClusterDetails?.Tags),
      );
      break;
    case 'Lambda':
      out = named(
        unqualifiedFunction(r.LambdaDetails?.FunctionArn),
        'aws.lambda.function',
        r.LambdaDetails?.FunctionName,
        tagList(r.LambdaDetails?.Tags),
      );
      break;
    case 'RDSDBInstance':
      out = named(
        r.RdsDbInstanceDetails?.DbInstanceArn,
        'aws.rds.db_instance',
        r.RdsDbInstanceDetails?.DbInstanceIdentifier,
        tagList(r.RdsDbInstanceDetails?.Tags),
      );
      break;
  }
  // Other kinds (containers, network interfaces, …) are pinned on the account.
  return out ?? accountResource(partition, account);
}

// ---------------------------------------------------------------------------------------------------- Inspector

const INSPECTOR_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'info',
  UNTRIAGED: 'info',
};

async function readInspector(ctx: CollectContext, out: (item: Item) => void): Promise<boolean> {
  const client = ctx.client(Inspector2Client);
  const listed = await call('inspector2:ListFindings', () =>
    upTo(
      paginateListInspectorFindings(
        { client, pageSize: 100 },
        {
          filterCriteria: {
            findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
            awsAccountId: [{ comparison: 'EQUALS', value: ctx.account }],
          },
          sortCriteria: { field: 'SEVERITY', sortOrder: 'DESC' },
        },
      ),
      (p) => p.findings,
      (p) => p.nextToken !== undefined && p.nextToken !== '',
    ),
  );
  for (const f of listed.items) {
    if (!f.findingArn || (f.status !== undefined && f.status !== 'ACTIVE')) continue;
    out(fromInspector(f, ctx));
  }
  return listed.capped;
}

/** AWS_ECR_CONTAINER_IMAGE → aws.ecr.container_image; types of other clouds → other. */
const inspectorType = (type: string | undefined): string => {
  const m = /^AWS_([A-Z0-9]+)_([A-Z0-9_]+)$/.exec(type ?? '');
  return m ? `aws.${m[1]!.toLowerCase()}.${m[2]!.toLowerCase()}` : 'other';
};

function fromInspector(f: InspectorFinding, ctx: CollectContext): Item {
  const r = f.resources?.[0];
  const region = r?.region ?? ctx.region;
  const partition = r?.partition ?? 'aws';
  const account = f.awsAccountId ?? ctx.account;
  const id = r?.id ?? f.findingArn!;
  const tags = r?.tags ?? {};
  let resource: ItemResource;
  if (r?.type === 'AWS_EC2_INSTANCE') {
    const uid = id.startsWith('arn:') ? id : `arn:${partition}:ec2:${region}:${account}:instance/${id}`;
    resource = { uid, type: 'aws.ec2.instance', name: tags.Name ?? id.replace(/^.*\//, '') };
  } else if (r?.type === 'AWS_ECR_CONTAINER_IMAGE') {
    const image = r.details?.awsEcrContainerImage;
    const tag = image?.imageTags?.[0];
    const name = image?.repositoryName ? `${image.repositoryName}${tag ? `:${tag}` : `@${image.imageHash ?? ''}`}` : id;
    resource = { uid: id, type: 'aws.ecr.container_image', name };
  } else if (r?.type === 'AWS_LAMBDA_FUNCTION') {
    const uid = unqualifiedFunction(id) ?? id;
    resource = { uid, type: 'aws.lambda.function', name: r.details?.awsLambdaFunction?.functionName ?? uid };
  } else {
    resource = { uid: id, type: inspectorType(r?.type), name: id.replace(/^.*[/:]/, '') || id };
  }
  if (Object.keys(tags).length > 0) resource.tags = tags;
  const vulnerability = f.packageVulnerabilityDetails;
  const recommendation = f.remediation?.recommendation;
  const description = f.description?.trim();
  const url = recommendation?.Url ?? vulnerability?.sourceUrl;
  const dates = toJson<{ firstObservedAt?: string; lastObservedAt?: string }>({
    firstObservedAt: f.firstObservedAt,
    lastObservedAt: f.lastObservedAt,
  });
  return {
    source: 'inspector',
    id: f.findingArn!,
    title: f.title?.trim() || vulnerability?.vulnerabilityId || f.type || f.findingArn!,
    ...(description ? { description } : {}),
    severity: INSPECTOR_SEVERITY[f.severity ?? ''] ?? 'info',
    providerSeverity: f.severity ?? 'UNTRIAGED',
    // Findings of one vulnerability (or code detector) share a rule id across the resources it affects.
    type: vulnerability?.vulnerabilityId ?? f.codeVulnerabilityDetails?.detectorId ?? f.type ?? 'UNKNOWN',
    region,
    resource,
    ...(dates.firstObservedAt ? { firstSeen: dates.firstObservedAt } : {}),
    ...(dates.lastObservedAt ? { lastSeen: dates.lastObservedAt } : {}),
    ...(url ? { url } : {}),
    ...(recommendation?.text?.trim() ? { remediation: recommendation.text.trim() } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------- Security Hub

const SECURITY_HUB_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'info',
};

/** Severity.Label; a finding with only the (deprecated) Normalized score is mapped as Security Hub labels it. */
export function securityHubSeverity(s: AwsSecurityFinding['Severity']): Severity {
  const label = s?.Label ? SECURITY_HUB_SEVERITY[s.Label] : undefined;
  if (label) return label;
  const n = s?.Normalized;
  if (n === undefined) return 'info';
  return n >= 90 ? 'critical' : n >= 70 ? 'high' : n >= 40 ? 'medium' : n >= 1 ? 'low' : 'info';
}

/** Products whose findings Security Hub only relays: mamori reads them at their source. */
const RELAYED_PRODUCTS = ['GuardDuty', 'Inspector'];
const MAMORI = 'mamori';
let ruleIds: ReadonlySet<string> | undefined;

/** mamori's own findings, imported into Security Hub from its ASFF report: never read back. */
export function isMamoriFinding(f: AwsSecurityFinding): boolean {
  ruleIds ??= new Set(BUILTIN_RULES.map((r) => r.id));
  return (
    f.ProductName?.toLowerCase() === MAMORI ||
    f.CompanyName?.toLowerCase() === MAMORI ||
    Object.keys(f.ProductFields ?? {}).some((k) => k.startsWith(`${MAMORI}/`)) ||
    (f.GeneratorId !== undefined && ruleIds.has(f.GeneratorId))
  );
}

async function readSecurityHub(ctx: CollectContext, out: (item: Item) => void): Promise<boolean> {
  const client = ctx.client(SecurityHubClient);
  const equals = (...values: string[]) => values.map((Value) => ({ Value, Comparison: 'EQUALS' as const }));
  const listed = await call('securityhub:GetFindings', () =>
    upTo(
      paginateGetSecurityHubFindings(
        { client, pageSize: 100 },
        {
          Filters: {
            RecordState: equals('ACTIVE'),
            WorkflowStatus: equals('NEW', 'NOTIFIED'),
            AwsAccountId: equals(ctx.account),
            // This Region's own findings: with cross-Region aggregation the home Region also lists the others'.
            Region: equals(ctx.region),
            // NOT_EQUALS filters on one attribute are combined with AND.
            ProductName: [MAMORI, ...RELAYED_PRODUCTS].map((Value) => ({ Value, Comparison: 'NOT_EQUALS' as const })),
          },
          SortCriteria: [{ Field: 'SeverityNormalized', SortOrder: 'desc' }],
        },
      ),
      (p) => p.Findings,
      (p) => p.NextToken !== undefined && p.NextToken !== '',
    ),
  );
  for (const f of listed.items) {
    if (!f.Id || isMamoriFinding(f) || RELAYED_PRODUCTS.includes(f.ProductName ?? '')) continue;
    // A passed control needs nothing (Security Hub resolves those itself; this is a guard).
    if (f.Compliance?.Status === 'PASSED' || f.RecordState === 'ARCHIVED') continue;
    out(fromSecurityHub(f, ctx));
  }
  return listed.capped;
}

/** ASFF Resources[].Type → mamori type: mamori's own mapping back, else AwsLambdaFunction → aws.lambda.function. */
const ASFF_TO_MAMORI = new Map(Object.entries(ASFF_RESOURCE_TYPES).map(([mamori, asff]) => [asff, mamori]));
function securityHubType(type: string | undefined): string {
  const known = type ? ASFF_TO_MAMORI.get(type) : undefined;
  if (known) return known;
  const m = /^Aws([A-Z][a-z0-9]*)([A-Z][A-Za-z0-9]*)$/.exec(type ?? '');
  if (!m) return 'other';
  return `aws.${m[1]!.toLowerCase()}.${m[2]!.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`;
}

function fromSecurityHub(f: AwsSecurityFinding, ctx: CollectContext): Item {
  const r = f.Resources?.[0];
  const partition = r?.Partition ?? 'aws';
  const account = f.AwsAccountId ?? ctx.account;
  const region = f.Region ?? r?.Region ?? ctx.region;
  const type = securityHubType(r?.Type);
  const tags = r?.Tags ?? {};
  let resource: ItemResource;
  if (!r?.Id || type === 'aws.account' || /^AWS::::Account:\d+$/.test(r.Id)) {
    resource = accountResource(partition, account);
  } else {
    resource = { uid: r.Id, type, name: tags.Name ?? (r.Id.replace(/^.*[/:]/, '') || r.Id) };
    if (Object.keys(tags).length > 0) resource.tags = tags;
  }
  const description = f.Description?.trim();
  const recommendation = f.Remediation?.Recommendation;
  const url = f.SourceUrl ?? recommendation?.Url;
  const firstSeen = f.FirstObservedAt ?? f.CreatedAt;
  const lastSeen = f.LastObservedAt ?? f.UpdatedAt;
  return {
    source: 'securityhub',
    id: f.Id!,
    title: f.Title?.trim() || f.GeneratorId || f.Id!,
    ...(description ? { description } : {}),
    severity: securityHubSeverity(f.Severity),
    providerSeverity: f.Severity?.Label ?? f.Severity?.Original ?? f.Severity?.Normalized ?? 'INFORMATIONAL',
    ...(f.GeneratorId ? { type: f.GeneratorId } : {}),
    region,
    resource,
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    ...(url ? { url } : {}),
    ...(recommendation?.Text?.trim() ? { remediation: recommendation.Text.trim() } : {}),
  };
}
