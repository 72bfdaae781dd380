import type { Finding as GuardDutyFinding } from '@aws-sdk/client-guardduty';
import type { Finding as InspectorFinding } from '@aws-sdk/client-inspector2';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { RegionProps } from '../../../../src/inventory/aws/region.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

/**
 * The findings each detector holds, by the account and Region that own them. Empty unless a test fills it: the
 * demo organisation has none, so a scan of it imports nothing. Tests may change it while the fake runs.
 */
export interface FindingsStore {
  guardduty: GuardDutyFinding[];
  inspector: InspectorFinding[];
  securityhub: AwsSecurityFinding[];
}

export const emptyFindings = (): FindingsStore => ({ guardduty: [], inspector: [], securityhub: [] });

export interface FindingsHandlerOptions {
  /** Most items a page holds; the caller's MaxResults lowers it. Default: each API's maximum. */
  pageSize?: number;
}

/**
 * GuardDuty ListFindings / GetFindings (restJson1), Inspector ListFindings (restJson1) and Security Hub GetFindings
 * (restJson1), answered from `store` with each API's filtering, ordering and pagination as the API references
 * describe them. GuardDuty's detectors come from the demo's aws.region resources (ListDetectors is the region
 * handlers'); Security Hub answers InvalidAccessException where the demo's hub is off.
 */
export function findingsHandlers(
  inv: DemoIndex,
  store: FindingsStore = emptyFindings(),
  options: FindingsHandlerOptions = {},
): FakeHandlers {
  const region = (ctx: FakeContext) =>
    inv.ofType<RegionProps>('aws.region', ctx.account).find((r) => r.region === ctx.region)?.props;
  const detector = (input: FakeInput, ctx: FakeContext) => {
    const id = String(input.DetectorId);
    if (!(region(ctx)?.GuardDutyDetectors ?? []).some((d) => d.DetectorId === id)) {
      throw fakeError(
        'BadRequestException',
        'The request is rejected because the input detectorId is not owned by the current account.',
      );
    }
    return id;
  };
  /** GuardDuty findings of the detector's account and Region. */
  const guardDuty = (ctx: FakeContext) =>
    store.guardduty.filter((f) => f.AccountId === ctx.account && f.Region === ctx.region);

  return {
    guardduty: {
      ListFindings: (input, ctx) => {
        detector(input, ctx);
        const criteria = (input.FindingCriteria as { Criterion?: Record<string, Condition> } | undefined)?.Criterion;
        let found = guardDuty(ctx).filter((f) => matchesCriteria(f, criteria ?? {}));
        const sort = input.SortCriteria as { AttributeName?: string; OrderBy?: string } | undefined;
        if (sort?.AttributeName === 'severity') {
          found = [...found].sort((a, b) => (a.Severity ?? 0) - (b.Severity ?? 0));
          if (sort.OrderBy === 'DESC') found.reverse();
        }
        const max = Number(input.MaxResults ?? 50);
        if (max > 50) throw fakeError('BadRequestException', 'The MaxResults value must be at most 50.');
        return page(
          found.map((f) => f.Id),
          input,
          { itemsKey: 'FindingIds', tokenIn: 'NextToken', maxKey: 'MaxResults', pageSize: options.pageSize ?? 50 },
        );
      },
      GetFindings: (input, ctx) => {
        detector(input, ctx);
        const ids = Array.isArray(input.FindingIds) ? input.FindingIds.map(String) : [];
        if (ids.length > 50) {
          throw fakeError('BadRequestException', 'The request is rejected because the findingIds list is too long.');
        }
        const byId = new Map(guardDuty(ctx).map((f) => [f.Id, f]));
        return { Findings: ids.map((id) => byId.get(id)).filter((f) => f !== undefined) };
      },
    },
    inspector2: {
      ListFindings: (input, ctx) => {
        const criteria = (input.filterCriteria ?? {}) as Record<string, InspectorFilter[]>;
        let found = store.inspector.filter(
          (f) =>
            f.awsAccountId === ctx.account &&
            (f.resources?.[0]?.region ?? ctx.region) === ctx.region &&
            matchesInspector(f, criteria),
        );
        const sort = input.sortCriteria as { field?: string; sortOrder?: string } | undefined;
        if (sort?.field === 'SEVERITY') {
          found = [...found].sort(
            (a, b) => INSPECTOR_RANK.indexOf(b.severity ?? '') - INSPECTOR_RANK.indexOf(a.severity ?? ''),
          );
          if (sort.sortOrder === 'ASC') found.reverse();
        }
        return page(found, input, {
          itemsKey: 'findings',
          tokenIn: 'nextToken',
          maxKey: 'maxResults',
          pageSize: options.pageSize ?? 100,
          invalidTokenCode: 'ValidationException',
        });
      },
    },
    securityhub: {
      GetFindings: (input, ctx) => {
        if (!region(ctx)?.SecurityHub) {
          throw fakeError('InvalidAccessException', `Account ${ctx.account} is not subscribed to AWS Security Hub`);
        }
        const filters = (input.Filters ?? {}) as Record<string, HubStringFilter[]>;
        let found = store.securityhub.filter((f) => (f.Region ?? ctx.region) === ctx.region && matchesHub(f, filters));
        const sort = (input.SortCriteria as Array<{ Field?: string; SortOrder?: string }> | undefined)?.[0];
        if (sort?.Field === 'SeverityNormalized') {
          found = [...found].sort((a, b) => hubNormalized(a) - hubNormalized(b));
          if (sort.SortOrder === 'desc') found.reverse();
        }
        return page(found, input, {
          itemsKey: 'Findings',
          tokenIn: 'NextToken',
          maxKey: 'MaxResults',
          pageSize: options.pageSize ?? 100,
          invalidTokenCode: 'InvalidInputException',
        });
      },
    },
  };
}

interface Condition {
  Equals?: string[];
  NotEquals?: string[];
}

/** The GuardDuty criteria the fake knows: accountId, region, type, severity, service.archived. Others match all. */
function matchesCriteria(f: GuardDutyFinding, criteria: Record<string, Condition>): boolean {
  const value = (key: string): string | undefined => {
    switch (key) {
      case 'accountId':
        return f.AccountId;
      case 'region':
        return f.Region;
      case 'type':
        return f.Type;
      case 'severity':
        return String(f.Severity);
      case 'service.archived':
        return String(f.Service?.Archived === true);
      default:
        return undefined;
    }
  };
  return Object.entries(criteria).every(([key, c]) => {
    const v = value(key);
    if (v === undefined) return true;
    if (c.Equals && !c.Equals.includes(v)) return false;
    if (c.NotEquals?.includes(v)) return false;
    return true;
  });
}

const INSPECTOR_RANK = ['UNTRIAGED', 'INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

interface InspectorFilter {
  comparison?: string;
  value?: string;
}

/** Inspector string filters on awsAccountId, findingStatus, findingType, severity, resourceType: OR within one. */
function matchesInspector(f: InspectorFinding, criteria: Record<string, InspectorFilter[]>): boolean {
  const fields: Record<string, string | undefined> = {
    awsAccountId: f.awsAccountId,
    findingStatus: f.status,
    findingType: f.type,
    severity: f.severity,
    resourceType: f.resources?.[0]?.type,
  };
  return Object.entries(criteria).every(([key, filters]) => {
    if (!(key in fields)) return true;
    return stringFilters(
      fields[key],
      filters.map((x) => ({ Value: x.value, Comparison: x.comparison })),
    );
  });
}

interface HubStringFilter {
  Value?: string;
  Comparison?: string;
}

/**
 * Security Hub's string filters: EQUALS and PREFIX values are combined with OR, NOT_EQUALS and PREFIX_NOT_EQUALS
 * with AND, and the two groups with AND.
 */
function stringFilters(value: string | undefined, filters: readonly HubStringFilter[]): boolean {
  const positive = filters.filter((x) => x.Comparison === 'EQUALS' || x.Comparison === 'PREFIX');
  const negative = filters.filter((x) => x.Comparison === 'NOT_EQUALS' || x.Comparison === 'PREFIX_NOT_EQUALS');
  const hit = (x: HubStringFilter) =>
    value !== undefined &&
    (x.Comparison?.startsWith('PREFIX') ? value.startsWith(x.Value ?? '') : value === (x.Value ?? ''));
  if (positive.length > 0 && !positive.some(hit)) return false;
  return negative.every((x) => !hit(x));
}

/** The Security Hub filter attributes the fake knows; others match every finding. */
function matchesHub(f: AwsSecurityFinding, filters: Record<string, HubStringFilter[]>): boolean {
  const fields: Record<string, string | undefined> = {
    AwsAccountId: f.AwsAccountId,
    Region: f.Region,
    RecordState: f.RecordState,
    WorkflowStatus: f.Workflow?.Status,
    ProductName: f.ProductName,
    CompanyName: f.CompanyName,
    GeneratorId: f.GeneratorId,
    SeverityLabel: f.Severity?.Label,
    ComplianceStatus: f.Compliance?.Status,
  };
  return Object.entries(filters).every(([key, list]) => !(key in fields) || stringFilters(fields[key], list));
}

const HUB_NORMALIZED: Record<string, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 40, HIGH: 70, CRITICAL: 90 };
const hubNormalized = (f: AwsSecurityFinding): number =>
  f.Severity?.Normalized ?? HUB_NORMALIZED[f.Severity?.Label ?? ''] ?? 0;
