import { isUnknown, type Unknown } from '../../../core/resource.js';
import { type IacBlock, renderRef } from '../../model.js';
import type { BlockMapper, Mapped } from '../mapper.js';
import { bool, compact, isCfn, Locations, list, nameOr, obj, setStr, str, tagsOf } from './util.js';

/**
 * aws.dynamodb.table from AWS::DynamoDB::Table, AWS::DynamoDB::GlobalTable (one table per replica) and
 * aws_dynamodb_table, in DescribeTable's shape with DescribeContinuousBackups. A new table is encrypted with an
 * AWS owned key (DescribeTable then has no SSEDescription), has point-in-time recovery off and deletion
 * protection off.
 */

/** SSEDescription from "SSE enabled" and an optional key: enabled means KMS (AWS managed key unless one is given). */
function sse(enabled: unknown, key: unknown): Record<string, unknown> | Unknown | undefined {
  const on = bool(enabled);
  if (on === undefined || on === false) return undefined;
  if (isUnknown(on)) return on;
  return compact({ Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: setStr(key) });
}

const pitr = (enabled: unknown): Record<string, unknown> => {
  const on = bool(enabled);
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: on === undefined ? 'DISABLED' : isUnknown(on) ? on : on ? 'ENABLED' : 'DISABLED',
    },
  };
};

const protection = (v: unknown): unknown => bool(v) ?? false;

function mapCfnTable(block: IacBlock): Mapped {
  const p = block.props;
  const spec = obj(p.SSESpecification);
  const pitrSpec = obj(p.PointInTimeRecoverySpecification);
  const loc = new Locations()
    .add('SSEDescription', block, 'SSESpecification')
    .add('ContinuousBackups', block, 'PointInTimeRecoverySpecification')
    .add('DeletionProtectionEnabled', block, 'DeletionProtectionEnabled');
  return {
    type: 'aws.dynamodb.table',
    name: nameOr(p.TableName, block),
    props: compact({
      TableName: str(p.TableName) ?? renderRef({ $ref: block.address }),
      BillingModeSummary: { BillingMode: str(p.BillingMode) ?? 'PROVISIONED' },
      DeletionProtectionEnabled: protection(p.DeletionProtectionEnabled),
      SSEDescription:
        spec === undefined ? undefined : isUnknown(spec) ? spec : sse(spec.SSEEnabled, spec.KMSMasterKeyId),
      ContinuousBackups:
        pitrSpec === undefined
          ? pitr(undefined)
          : isUnknown(pitrSpec)
            ? pitrSpec
            : pitr(pitrSpec.PointInTimeRecoveryEnabled),
    }),
    tags: tagsOf(block),
    locations: loc.map,
  };
}

/** AWS::DynamoDB::GlobalTable: one table per replica (PITR, deletion protection and the KMS key are per replica). */
function mapCfnGlobal(block: IacBlock): Mapped[] {
  const p = block.props;
  const spec = obj(p.SSESpecification);
  const replicas = list(p.Replicas);
  if (isUnknown(replicas)) return [];
  return replicas.map((r, i) => {
    const rep = obj(r);
    const o = rep === undefined || isUnknown(rep) ? {} : rep;
    const repSse = obj(o.SSESpecification);
    const key = repSse && !isUnknown(repSse) ? repSse.KMSMasterKeyId : undefined;
    const pitrSpec = obj(o.PointInTimeRecoverySpecification);
    const region = str(o.Region);
    const loc = new Locations()
      .add('SSEDescription', block, 'SSESpecification')
      .add('ContinuousBackups', block, `Replicas.${i}.PointInTimeRecoverySpecification`)
      .add('DeletionProtectionEnabled', block, `Replicas.${i}.DeletionProtectionEnabled`);
    if (loc.map.ContinuousBackups === undefined) loc.add('ContinuousBackups', block, `Replicas.${i}`);
    if (loc.map.DeletionProtectionEnabled === undefined) loc.add('DeletionProtectionEnabled', block, `Replicas.${i}`);
    const base = nameOr(p.TableName, block);
    return {
      type: 'aws.dynamodb.table',
      name: typeof region === 'string' ? `${base} (${region})` : base,
      props: compact({
        TableName: str(p.TableName) ?? renderRef({ $ref: block.address }),
        BillingModeSummary: { BillingMode: str(p.BillingMode) ?? 'PROVISIONED' },
        DeletionProtectionEnabled: protection(o.DeletionProtectionEnabled),
        SSEDescription: spec === undefined ? undefined : isUnknown(spec) ? spec : sse(spec.SSEEnabled, key),
        ContinuousBackups:
          pitrSpec === undefined
            ? pitr(undefined)
            : isUnknown(pitrSpec)
              ? pitrSpec
              : pitr(pitrSpec.PointInTimeRecoveryEnabled),
      }),
      tags: tagsOf({ ...block, props: o }),
      locations: loc.map,
    };
  });
}

function mapTf(block: IacBlock): Mapped {
  const p = block.props;
  const enc = obj(p.server_side_encryption);
  const rec = obj(p.point_in_time_recovery);
  const loc = new Locations()
    .add('SSEDescription', block, 'server_side_encryption')
    .add('ContinuousBackups', block, 'point_in_time_recovery')
    .add('DeletionProtectionEnabled', block, 'deletion_protection_enabled');
  return {
    type: 'aws.dynamodb.table',
    name: nameOr(p.name, block),
    props: compact({
      TableName: str(p.name),
      BillingModeSummary: { BillingMode: str(p.billing_mode) ?? 'PROVISIONED' },
      DeletionProtectionEnabled: protection(p.deletion_protection_enabled),
      SSEDescription: enc === undefined ? undefined : isUnknown(enc) ? enc : sse(enc.enabled, enc.kms_key_arn),
      ContinuousBackups: rec === undefined ? pitr(undefined) : isUnknown(rec) ? rec : pitr(rec.enabled),
    }),
    tags: tagsOf(block),
    locations: loc.map,
  };
}

export const dynamodbMappers: BlockMapper[] = [
  { source: 'AWS::DynamoDB::Table', map: (b) => (isCfn(b) ? mapCfnTable(b) : undefined) },
  { source: 'AWS::DynamoDB::GlobalTable', map: (b) => (isCfn(b) ? mapCfnGlobal(b) : undefined) },
  { source: 'aws_dynamodb_table', map: (b) => mapTf(b) },
];
