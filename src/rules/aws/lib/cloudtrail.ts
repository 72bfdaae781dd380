import type { Resource } from '../../../core/resource.js';
import type { FixtureResource, Lookups, RuleFixtures, Verdict } from '../../../core/rule.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { TrailProps } from '../../../inventory/aws/services.js';
import { relatedGap } from './related.js';

/** True when the trail records all management events, read and write, by basic or advanced selectors. */
export function managementEventsCovered(trail: TrailProps): boolean {
  if (trail.AdvancedEventSelectors && trail.AdvancedEventSelectors.length > 0) {
    return trail.AdvancedEventSelectors.some((s) => {
      const fields = s.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory');
      const readOnly = fields.find((f) => f.Field === 'readOnly');
      return category?.Equals?.includes('Management') === true && readOnly === undefined;
    });
  }
  // A trail without any selectors records all management events (the API default).
  const selectors = trail.EventSelectors ?? [{ ReadWriteType: 'All', IncludeManagementEvents: true }];
  return selectors.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All');
}

/** A trail that is logging and applies to all regions: the base of the account-wide CloudTrail checks. */
export const isLoggingMultiRegion = (trail: TrailProps): boolean =>
  trail.IsMultiRegionTrail === true && trail.Status?.IsLogging === true;

/**
 * Management event sources the trail leaves out: ExcludeManagementEventSources of a basic selector, or
 * eventSource NotEquals of an advanced management selector (only kms.amazonaws.com and rdsdata.amazonaws.com can be).
 */
export function excludedManagementSources(trail: TrailProps): string[] {
  if (trail.AdvancedEventSelectors && trail.AdvancedEventSelectors.length > 0) {
    const out: string[] = [];
    for (const s of trail.AdvancedEventSelectors) {
      const fields = s.FieldSelectors ?? [];
      if (!fields.some((f) => f.Field === 'eventCategory' && f.Equals?.includes('Management'))) continue;
      for (const f of fields) if (f.Field === 'eventSource') out.push(...(f.NotEquals ?? []));
    }
    return out;
  }
  return (trail.EventSelectors ?? []).flatMap((s) => s.ExcludeManagementEventSources ?? []);
}

export type ObjectEventDirection = 'read' | 'write';

/** "All current and future buckets" in a basic selector's DataResources Values: arn:aws:s3 (or arn:aws:s3:::). */
const ALL_BUCKETS = /^arn:aws(-[a-z]+)*:s3(:::)?$/;

/** Advanced selector fields that only say what kind of event it is; any other field narrows the selection. */
const S3_OBJECT_SELECTOR_FIELDS = new Set(['eventCategory', 'resources.type', 'readOnly']);

/**
 * True when the trail records S3 object-level data events of the given direction for all buckets:
 * a basic selector with DataResources AWS::S3::Object on arn:aws:s3 and ReadWriteType All or ReadOnly/WriteOnly,
 * or an advanced selector on eventCategory Data + resources.type AWS::S3::Object whose readOnly field (if any)
 * lets that direction through and that has no other field selectors (resources.ARN, eventName, ...) narrowing it.
 */
export function s3ObjectEventsCovered(trail: TrailProps, direction: ObjectEventDirection): boolean {
  if (trail.AdvancedEventSelectors && trail.AdvancedEventSelectors.length > 0) {
    return trail.AdvancedEventSelectors.some((s) => {
      const fields = s.FieldSelectors ?? [];
      const field = (name: string) => fields.find((f) => f.Field === name);
      if (field('eventCategory')?.Equals?.includes('Data') !== true) return false;
      if (field('resources.type')?.Equals?.includes('AWS::S3::Object') !== true) return false;
      if (fields.some((f) => f.Field !== undefined && !S3_OBJECT_SELECTOR_FIELDS.has(f.Field))) return false;
      const readOnly = field('readOnly');
      if (readOnly === undefined) return true;
      const wanted = direction === 'read' ? 'true' : 'false';
      const other = direction === 'read' ? 'false' : 'true';
      return readOnly.Equals?.includes(wanted) === true || readOnly.NotEquals?.includes(other) === true;
    });
  }
  const modes = direction === 'read' ? ['All', 'ReadOnly'] : ['All', 'WriteOnly'];
  return (trail.EventSelectors ?? []).some(
    (s) =>
      modes.includes(s.ReadWriteType ?? 'All') &&
      (s.DataResources ?? []).some(
        (d) => d.Type === 'AWS::S3::Object' && (d.Values ?? []).some((v) => ALL_BUCKETS.test(v)),
      ),
  );
}

/**
 * CIS 4.8 / 4.9 on aws.account: PASS when a logging, multi-region trail records S3 object-level events of the
 * direction for all buckets; ERROR when a trail that could have done so was not fully collected.
 */
export function judgeS3ObjectEvents(
  direction: ObjectEventDirection,
  resource: Resource<unknown>,
  lookups: Lookups,
): Verdict {
  const trails = lookups.ofType<TrailProps>('aws.cloudtrail.trail', resource.account);
  const good = trails.find((t) => isLoggingMultiRegion(t.props) && s3ObjectEventsCovered(t.props, direction));
  if (good) {
    return pass({
      en: `Trail ${good.props.Name ?? good.name} records S3 object-level ${direction} events for all buckets`,
      ja: `証跡 ${good.props.Name ?? good.name} がすべてのバケットの S3 オブジェクトレベルの${direction === 'read' ? '読み取り' : '書き込み'}イベントを記録している`,
    });
  }
  const blind = trails
    .map((t) => relatedGap(t, ['IsMultiRegionTrail', 'Status', 'EventSelectors', 'AdvancedEventSelectors']))
    .find((g) => g !== undefined);
  if (blind) return error(blind);
  const recording = trails.filter((t) => s3ObjectEventsCovered(t.props, direction));
  const dir = direction === 'read' ? { en: 'read', ja: '読み取り' } : { en: 'write', ja: '書き込み' };
  if (recording.length > 0) {
    const names = recording.map((t) => t.props.Name ?? t.name).join(', ');
    return fail('AccountId', {
      en: `Trail(s) ${names} select S3 object-level ${dir.en} events, but none of them is both multi-region and logging`,
      ja: `証跡 ${names} は S3 オブジェクトレベルの${dir.ja}イベントを選択しているが、マルチリージョンかつログ記録中のものがない`,
    });
  }
  if (trails.length === 0) {
    return fail('AccountId', { en: 'The account has no CloudTrail trail', ja: 'アカウントに CloudTrail の証跡がない' });
  }
  const names = trails.map((t) => t.props.Name ?? t.name);
  return fail('AccountId', {
    en: `None of the trails (${names.join(', ')}) records S3 object-level ${dir.en} events for all buckets`,
    ja: `いずれの証跡（${names.join('、')}）も、すべてのバケットの S3 オブジェクトレベルの${dir.ja}イベントを記録していない`,
  });
}

const FIXTURE_TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events';
const MANAGEMENT_ADVANCED = {
  Name: 'Management events',
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
};

function fixtureTrail(
  selectors: Record<string, unknown>,
  over: Record<string, unknown> = {},
  gaps?: Record<string, string>,
) {
  return {
    type: 'aws.cloudtrail.trail',
    uid: FIXTURE_TRAIL_ARN,
    name: 'management-events',
    props: {
      Name: 'management-events',
      TrailARN: FIXTURE_TRAIL_ARN,
      HomeRegion: 'us-east-1',
      S3BucketName: 'aws-cloudtrail-logs-111122223333-3f2a9c1e',
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: true,
      HasInsightSelectors: false,
      Status: { IsLogging: true, LatestDeliveryTime: '2026-10-31T23:55:12Z' },
      ...selectors,
      ...over,
    },
    ...(gaps ? { gaps } : {}),
  };
}

/** Fixtures for the two S3 object-level event rules (CIS 4.8 write, 4.9 read). */
export function s3ObjectEventFixtures(direction: ObjectEventDirection): RuleFixtures {
  const account = { AccountId: '111122223333' };
  const withTrail = (...related: ReturnType<typeof fixtureTrail>[]): FixtureResource => ({ props: account, related });
  const basic = (readWrite: string, values = ['arn:aws:s3']) => ({
    EventSelectors: [
      {
        ReadWriteType: readWrite,
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
        ExcludeManagementEventSources: [],
      },
    ],
  });
  const advanced = (...extra: Array<Record<string, unknown>>) => ({
    AdvancedEventSelectors: [
      MANAGEMENT_ADVANCED,
      {
        Name: 'S3 object events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          ...extra,
        ],
      },
    ],
  });
  const same = direction === 'read' ? 'ReadOnly' : 'WriteOnly';
  const opposite = direction === 'read' ? 'WriteOnly' : 'ReadOnly';
  const sameFlag = direction === 'read' ? 'true' : 'false';
  const oppositeFlag = direction === 'read' ? 'false' : 'true';
  return {
    live: {
      pass: [
        withTrail(fixtureTrail(basic('All'))),
        withTrail(
          fixtureTrail({
            EventSelectors: [
              {
                ReadWriteType: 'All',
                IncludeManagementEvents: true,
                DataResources: [],
                ExcludeManagementEventSources: [],
              },
              {
                ReadWriteType: same,
                IncludeManagementEvents: false,
                DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }],
                ExcludeManagementEventSources: [],
              },
            ],
          }),
        ),
        withTrail(fixtureTrail(advanced({ Field: 'readOnly', Equals: [sameFlag] }))),
        withTrail(fixtureTrail(advanced())),
      ],
      fail: [
        { props: account },
        withTrail(
          fixtureTrail({
            EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
            HasCustomEventSelectors: false,
          }),
        ),
        withTrail(fixtureTrail(basic('All', ['arn:aws:s3:::app-data-bucket/']))),
        withTrail(fixtureTrail(basic(opposite))),
        withTrail(fixtureTrail(advanced({ Field: 'readOnly', Equals: [oppositeFlag] }))),
        withTrail(fixtureTrail(advanced({ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::app-data-bucket/'] }))),
        withTrail(fixtureTrail(basic('All'), { IsMultiRegionTrail: false })),
        withTrail(fixtureTrail(basic('All'), { Status: { IsLogging: false } })),
      ],
      error: [
        withTrail(
          fixtureTrail(
            {},
            {},
            {
              EventSelectors: 'AccessDenied: cloudtrail:GetEventSelectors',
              AdvancedEventSelectors: 'AccessDenied: cloudtrail:GetEventSelectors',
            },
          ),
        ),
        {
          props: account,
          errors: [
            {
              service: 'cloudtrail',
              operation: 'DescribeTrails',
              code: 'AccessDenied',
              resourceType: 'aws.cloudtrail.trail',
            },
          ],
        },
      ],
    },
  };
}
