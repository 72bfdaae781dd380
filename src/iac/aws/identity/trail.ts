// CloudTrail trails (AWS::CloudTrail::Trail, aws_cloudtrail) in the live TrailProps shape: DescribeTrails fields,
// GetTrailStatus's IsLogging and GetEventSelectors' basic or advanced selectors.
import { isUnknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef, renderRef } from '../../model.js';
import { at, type BlockMapper, type MapContext, type Mapped } from '../mapper.js';
import { bool, boolOr, list, nameOf, nestedAll, setString, str, tagsOf, type Value } from './values.js';

/** A trail created without selectors logs all management events, read and write (GetEventSelectors' answer). */
const DEFAULT_SELECTORS = [
  { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
];

/** The trail's bucket: the literal name, or the name a bucket of the same template fixes, or the reference's stand-in. */
function bucketName(v: Value, ctx: MapContext): unknown {
  if (isRef(v)) {
    const target = ctx.byAddress(v.$ref);
    const fixed = target?.props.BucketName ?? target?.props.bucket;
    // Without attr, so that it equals the stand-in name the bucket's own mapper gives an unnamed bucket.
    return typeof fixed === 'string' ? fixed : renderRef({ $ref: v.$ref });
  }
  return str(v);
}

const strings = (v: Value): unknown => {
  const l = list(v);
  return isUnknown(l) ? l : l.map((x) => str(x) ?? unknown('not a string'));
};

interface TrailInput {
  name: string;
  bucket: Value;
  keyPrefix: Value;
  snsTopic: Value;
  globalEvents: Value;
  multiRegion: Value;
  organization: Value;
  validation: Value;
  kmsKey: Value;
  logGroup: Value;
  logRole: Value;
  logging: unknown;
  insight: boolean;
  eventSelectors: Record<string, unknown>[] | undefined;
  advancedSelectors: Record<string, unknown>[] | undefined;
  tags: Record<string, string>;
}

function trailProps(t: TrailInput, ctx: MapContext): Record<string, unknown> {
  const set = (k: string, v: unknown) => (v === undefined ? {} : { [k]: v });
  const advanced = t.advancedSelectors !== undefined && t.advancedSelectors.length > 0;
  return {
    Name: t.name,
    S3BucketName: bucketName(t.bucket, ctx) ?? unknown('no S3 bucket'),
    ...set('S3KeyPrefix', str(t.keyPrefix)),
    ...set('SnsTopicName', str(t.snsTopic)),
    IncludeGlobalServiceEvents: boolOr(t.globalEvents, true),
    IsMultiRegionTrail: boolOr(t.multiRegion, false),
    IsOrganizationTrail: boolOr(t.organization, false),
    LogFileValidationEnabled: boolOr(t.validation, false),
    ...set('KmsKeyId', setString(t.kmsKey)),
    ...set('CloudWatchLogsLogGroupArn', setString(t.logGroup)),
    ...set('CloudWatchLogsRoleArn', setString(t.logRole)),
    HasCustomEventSelectors: advanced || (t.eventSelectors !== undefined && t.eventSelectors.length > 0),
    HasInsightSelectors: t.insight,
    Status: { IsLogging: t.logging },
    ...(advanced ? { AdvancedEventSelectors: t.advancedSelectors } : {}),
    ...(!advanced ? { EventSelectors: t.eventSelectors?.length ? t.eventSelectors : DEFAULT_SELECTORS } : {}),
    Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

const FIELD_KEYS: Record<string, string> = {
  field: 'Field',
  equals: 'Equals',
  not_equals: 'NotEquals',
  starts_with: 'StartsWith',
  not_starts_with: 'NotStartsWith',
  ends_with: 'EndsWith',
  not_ends_with: 'NotEndsWith',
};

const cfnTrail: BlockMapper = {
  source: 'AWS::CloudTrail::Trail',
  map(block, ctx): Mapped {
    const p = block.props;
    const name = nameOf(block, 'TrailName');
    const logging = bool(p.IsLogging) ?? unknown('IsLogging is not set (it is required)');
    const eventSelectors = nestedAll(p.EventSelectors).map((s) => ({
      ReadWriteType: str(s.ReadWriteType) ?? 'All',
      IncludeManagementEvents: boolOr(s.IncludeManagementEvents, true),
      DataResources: nestedAll(s.DataResources).map((d) => ({ Type: str(d.Type), Values: strings(d.Values) })),
      ExcludeManagementEventSources: strings(s.ExcludeManagementEventSources),
    }));
    const advancedSelectors = nestedAll(p.AdvancedEventSelectors).map((s) => ({
      ...(s.Name !== undefined ? { Name: str(s.Name) } : {}),
      FieldSelectors: nestedAll(s.FieldSelectors).map((f) =>
        Object.fromEntries(Object.entries(f).map(([k, v]) => [k, k === 'Field' ? str(v) : strings(v)])),
      ),
    }));
    const tags = tagsOf(p.Tags);
    return {
      type: 'aws.cloudtrail.trail',
      name,
      props: trailProps(
        {
          name,
          bucket: p.S3BucketName,
          keyPrefix: p.S3KeyPrefix,
          snsTopic: p.SnsTopicName,
          globalEvents: p.IncludeGlobalServiceEvents,
          multiRegion: p.IsMultiRegionTrail,
          organization: p.IsOrganizationTrail,
          validation: p.EnableLogFileValidation,
          kmsKey: p.KMSKeyId,
          logGroup: p.CloudWatchLogsLogGroupArn,
          logRole: p.CloudWatchLogsRoleArn,
          logging,
          insight: nestedAll(p.InsightSelectors).length > 0,
          eventSelectors,
          advancedSelectors,
          tags,
        },
        ctx,
      ),
      tags,
      locations: locations(block, {
        S3BucketName: 'S3BucketName',
        IsMultiRegionTrail: 'IsMultiRegionTrail',
        LogFileValidationEnabled: 'EnableLogFileValidation',
        KmsKeyId: 'KMSKeyId',
        CloudWatchLogsLogGroupArn: 'CloudWatchLogsLogGroupArn',
        'Status.IsLogging': 'IsLogging',
        EventSelectors: 'EventSelectors',
        AdvancedEventSelectors: 'AdvancedEventSelectors',
      }),
    };
  },
};

const tfTrail: BlockMapper = {
  source: 'aws_cloudtrail',
  map(block, ctx): Mapped {
    const p = block.props;
    const name = nameOf(block, 'name');
    const eventSelectors = nestedAll(p.event_selector).map((s) => ({
      ReadWriteType: str(s.read_write_type) ?? 'All',
      IncludeManagementEvents: boolOr(s.include_management_events, true),
      DataResources: nestedAll(s.data_resource).map((d) => ({ Type: str(d.type), Values: strings(d.values) })),
      ExcludeManagementEventSources: strings(s.exclude_management_event_sources),
    }));
    const advancedSelectors = nestedAll(p.advanced_event_selector).map((s) => ({
      ...(s.name !== undefined ? { Name: str(s.name) } : {}),
      FieldSelectors: nestedAll(s.field_selector).map((f) =>
        Object.fromEntries(
          Object.entries(f)
            .filter(([k]) => FIELD_KEYS[k] !== undefined)
            .map(([k, v]) => [FIELD_KEYS[k], k === 'field' ? str(v) : strings(v)]),
        ),
      ),
    }));
    const tags = tagsOf(p.tags);
    return {
      type: 'aws.cloudtrail.trail',
      name,
      props: trailProps(
        {
          name,
          bucket: p.s3_bucket_name,
          keyPrefix: p.s3_key_prefix,
          snsTopic: p.sns_topic_name,
          globalEvents: p.include_global_service_events,
          multiRegion: p.is_multi_region_trail,
          organization: p.is_organization_trail,
          validation: p.enable_log_file_validation,
          kmsKey: p.kms_key_id,
          logGroup: p.cloud_watch_logs_group_arn,
          logRole: p.cloud_watch_logs_role_arn,
          logging: boolOr(p.enable_logging, true),
          insight: nestedAll(p.insight_selector).length > 0,
          eventSelectors,
          advancedSelectors,
          tags,
        },
        ctx,
      ),
      tags,
      locations: locations(block, {
        S3BucketName: 's3_bucket_name',
        IsMultiRegionTrail: 'is_multi_region_trail',
        LogFileValidationEnabled: 'enable_log_file_validation',
        KmsKeyId: 'kms_key_id',
        CloudWatchLogsLogGroupArn: 'cloud_watch_logs_group_arn',
        'Status.IsLogging': 'enable_logging',
        EventSelectors: 'event_selector',
        AdvancedEventSelectors: 'advanced_event_selector',
      }),
    };
  },
};

function locations(block: IacBlock, map: Record<string, string>) {
  return Object.fromEntries(Object.entries(map).map(([api, tpl]) => [api, at(block, tpl)]));
}

export const trailMappers: BlockMapper[] = [cfnTrail, tfTrail];
