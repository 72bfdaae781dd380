import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import { bool, cfnTags, compact, engine, literal, locate, num, type Props, str, strList, tfTags } from './values.js';

/*
 * RDS instances and clusters (Aurora, Multi-AZ DB clusters), Neptune and DocumentDB clusters, in the shape of
 * rds:DescribeDBInstances / rds:DescribeDBClusters (Neptune and DocumentDB clusters are listed there too, with
 * Engine 'neptune' / 'docdb'). Defaults are those of the create APIs when a property is absent:
 * - StorageEncrypted false (CreateDBInstance, CreateDBCluster; DocumentDB and Neptune alike) except Aurora
 *   Serverless v1, which is always encrypted; a restore from a snapshot or a replica inherits its source → Unknown.
 * - BackupRetentionPeriod 1 (all four create APIs); read replicas inherit → Unknown.
 * - DeletionProtection false (RDS, Aurora, DocumentDB). Neptune's create API does not state its default for
 *   API callers (its console turns protection on), so an absent value is Unknown there.
 * - IAM database authentication off, CopyTagsToSnapshot false, no log exports, AutoMinorVersionUpgrade true.
 * - PubliclyAccessible (CloudFormation): depends on the subnet group (or the default VPC's internet gateway) →
 *   Unknown. Terraform's aws_db_instance sends `publicly_accessible = false` unless set.
 */

const CLUSTER_ENGINE_DEFAULT: Record<string, string> = {
  'AWS::Neptune::DBCluster': 'neptune',
  'AWS::DocDB::DBCluster': 'docdb',
  aws_neptune_cluster: 'neptune',
  aws_docdb_cluster: 'docdb',
};

/** The cluster block an instance's cluster id points at (a reference, or the literal identifier). */
function clusterOf(ctx: MapContext, v: unknown, types: string[], idProp: string): IacBlock | undefined {
  if (isRef(v)) return ctx.byAddress(v.$ref);
  if (typeof v !== 'string') return undefined;
  return ctx.blocks.find((b) => types.includes(b.type) && b.props[idProp] === v);
}

/** Storage encryption of a cluster block, as its mapper would report it. */
function clusterEncryption(c: IacBlock | undefined, cfn: boolean): boolean | Unknown | undefined {
  if (!c) return unknown('inherited from a DB cluster outside the template');
  const p = c.props;
  if (cfn) {
    if (p.SnapshotIdentifier !== undefined || p.SourceDBClusterIdentifier !== undefined) {
      return bool(p.StorageEncrypted, unknown('inherited from the source snapshot or cluster'));
    }
    return bool(p.StorageEncrypted, p.EngineMode === 'serverless');
  }
  if (p.snapshot_identifier !== undefined || p.replication_source_identifier !== undefined) {
    return bool(p.storage_encrypted, unknown('inherited from the source snapshot or cluster'));
  }
  return bool(p.storage_encrypted, p.engine_mode === 'serverless');
}

const CFN_INSTANCE_LOCATIONS = {
  StorageEncrypted: 'StorageEncrypted',
  KmsKeyId: 'KmsKeyId',
  PubliclyAccessible: 'PubliclyAccessible',
  MultiAZ: 'MultiAZ',
  BackupRetentionPeriod: 'BackupRetentionPeriod',
  DeletionProtection: 'DeletionProtection',
  IAMDatabaseAuthenticationEnabled: 'EnableIAMDatabaseAuthentication',
  EnabledCloudwatchLogsExports: 'EnableCloudwatchLogsExports',
  CopyTagsToSnapshot: 'CopyTagsToSnapshot',
  AutoMinorVersionUpgrade: 'AutoMinorVersionUpgrade',
  DBClusterIdentifier: 'DBClusterIdentifier',
};

const cfnDbInstance: BlockMapper = {
  source: 'AWS::RDS::DBInstance',
  map(b, ctx): Mapped {
    const p = b.props;
    const member = p.DBClusterIdentifier !== undefined;
    const replica = p.SourceDBInstanceIdentifier !== undefined || p.SourceDBClusterIdentifier !== undefined;
    const restored = p.DBSnapshotIdentifier !== undefined || p.SourceDbiResourceId !== undefined;
    const cluster = member
      ? clusterOf(ctx, p.DBClusterIdentifier, ['AWS::RDS::DBCluster'], 'DBClusterIdentifier')
      : undefined;
    const inherited = unknown('inherited from the source instance or snapshot');
    const props = compact({
      DBInstanceIdentifier: str(p.DBInstanceIdentifier),
      DBInstanceClass: str(p.DBInstanceClass),
      Engine: engine(p.Engine, member && cluster ? engine(cluster.props.Engine) : undefined),
      EngineVersion: str(p.EngineVersion),
      DBClusterIdentifier: str(p.DBClusterIdentifier),
      ReadReplicaSourceDBInstanceIdentifier: str(p.SourceDBInstanceIdentifier),
      AvailabilityZone: str(p.AvailabilityZone),
      StorageEncrypted: member
        ? clusterEncryption(cluster, true)
        : bool(p.StorageEncrypted, replica || restored ? inherited : false),
      KmsKeyId: str(p.KmsKeyId),
      PubliclyAccessible: bool(
        p.PubliclyAccessible,
        unknown('the default depends on the DB subnet group (or the default VPC) the instance lands in'),
      ),
      MultiAZ: bool(p.MultiAZ, false),
      BackupRetentionPeriod: member
        ? num(cluster?.props.BackupRetentionPeriod, cluster ? 1 : unknown('set on the DB cluster'))
        : num(p.BackupRetentionPeriod, replica ? inherited : 1),
      DeletionProtection: bool(p.DeletionProtection, false),
      IAMDatabaseAuthenticationEnabled: bool(p.EnableIAMDatabaseAuthentication, false),
      EnabledCloudwatchLogsExports: strList(p.EnableCloudwatchLogsExports),
      CopyTagsToSnapshot: bool(p.CopyTagsToSnapshot, false),
      AutoMinorVersionUpgrade: bool(p.AutoMinorVersionUpgrade, true),
    });
    return {
      type: 'aws.rds.db_instance',
      name: typeof p.DBInstanceIdentifier === 'string' ? p.DBInstanceIdentifier : b.address,
      props,
      tags: cfnTags(p.Tags),
      locations: locate(b, CFN_INSTANCE_LOCATIONS),
    };
  },
};

const TF_INSTANCE_LOCATIONS = {
  StorageEncrypted: 'storage_encrypted',
  KmsKeyId: 'kms_key_id',
  PubliclyAccessible: 'publicly_accessible',
  MultiAZ: 'multi_az',
  BackupRetentionPeriod: 'backup_retention_period',
  DeletionProtection: 'deletion_protection',
  IAMDatabaseAuthenticationEnabled: 'iam_database_authentication_enabled',
  EnabledCloudwatchLogsExports: 'enabled_cloudwatch_logs_exports',
  CopyTagsToSnapshot: 'copy_tags_to_snapshot',
  AutoMinorVersionUpgrade: 'auto_minor_version_upgrade',
  DBClusterIdentifier: 'cluster_identifier',
};

const tfDbInstance: BlockMapper = {
  source: 'aws_db_instance',
  map(b): Mapped {
    const p = b.props;
    const replica = p.replicate_source_db !== undefined;
    const restored = p.snapshot_identifier !== undefined;
    const inherited = unknown('inherited from the source instance or snapshot');
    const props = compact({
      DBInstanceIdentifier: str(p.identifier),
      DBInstanceClass: str(p.instance_class),
      Engine: engine(p.engine, replica || restored ? inherited : undefined),
      EngineVersion: str(p.engine_version),
      ReadReplicaSourceDBInstanceIdentifier: str(p.replicate_source_db),
      AvailabilityZone: str(p.availability_zone),
      // The provider documents "The default is false if not specified".
      StorageEncrypted: bool(p.storage_encrypted, replica || restored ? inherited : false),
      KmsKeyId: str(p.kms_key_id),
      // The provider sends false unless the attribute is set.
      PubliclyAccessible: bool(p.publicly_accessible, false),
      MultiAZ: bool(p.multi_az, false),
      BackupRetentionPeriod: num(p.backup_retention_period, replica ? inherited : 1),
      DeletionProtection: bool(p.deletion_protection, false),
      IAMDatabaseAuthenticationEnabled: bool(p.iam_database_authentication_enabled, false),
      EnabledCloudwatchLogsExports: strList(p.enabled_cloudwatch_logs_exports),
      CopyTagsToSnapshot: bool(p.copy_tags_to_snapshot, false),
      AutoMinorVersionUpgrade: bool(p.auto_minor_version_upgrade, true),
    });
    return {
      type: 'aws.rds.db_instance',
      name: typeof p.identifier === 'string' ? p.identifier : b.address,
      props,
      tags: tfTags(p.tags),
      locations: locate(b, TF_INSTANCE_LOCATIONS),
    };
  },
};

/** aws_rds_cluster_instance: an instance of a cluster (Aurora); most settings live on the cluster. */
const tfClusterInstance: BlockMapper = {
  source: 'aws_rds_cluster_instance',
  map(b, ctx): Mapped {
    const p = b.props;
    const cluster = clusterOf(ctx, p.cluster_identifier, ['aws_rds_cluster'], 'cluster_identifier');
    const props = compact({
      DBInstanceIdentifier: str(p.identifier),
      DBInstanceClass: str(p.instance_class),
      Engine: engine(p.engine, cluster ? engine(cluster.props.engine) : undefined),
      EngineVersion: str(p.engine_version),
      DBClusterIdentifier: str(p.cluster_identifier, unknown('cluster_identifier not set')),
      AvailabilityZone: str(p.availability_zone),
      StorageEncrypted: clusterEncryption(cluster, false),
      PubliclyAccessible: bool(p.publicly_accessible, false),
      MultiAZ: false,
      BackupRetentionPeriod: num(cluster?.props.backup_retention_period, cluster ? 1 : unknown('set on the cluster')),
      IAMDatabaseAuthenticationEnabled: bool(cluster?.props.iam_database_authentication_enabled, false),
      CopyTagsToSnapshot: bool(p.copy_tags_to_snapshot, false),
      AutoMinorVersionUpgrade: bool(p.auto_minor_version_upgrade, true),
    });
    return {
      type: 'aws.rds.db_instance',
      name: typeof p.identifier === 'string' ? p.identifier : b.address,
      props,
      tags: tfTags(p.tags),
      locations: locate(b, {
        PubliclyAccessible: 'publicly_accessible',
        AutoMinorVersionUpgrade: 'auto_minor_version_upgrade',
        CopyTagsToSnapshot: 'copy_tags_to_snapshot',
        DBClusterIdentifier: 'cluster_identifier',
      }),
    };
  },
};

/**
 * MultiAZ of a cluster from the instances the template gives it: a Multi-AZ DB cluster (an instance class on the
 * cluster itself) always spans three zones; otherwise two or more member instances in distinct, written zones.
 * Members without a written zone are placed by RDS, so the answer is Unknown then.
 */
function clusterMultiAz(members: IacBlock[], azProp: string, multiAzCluster: boolean): boolean | Unknown {
  if (multiAzCluster) return true;
  if (members.length < 2) return false;
  const zones = members.map((m) => m.props[azProp]);
  if (zones.some((z) => typeof z !== 'string')) {
    return unknown('RDS chooses the Availability Zone of instances created without one');
  }
  return new Set(zones).size > 1;
}

const CFN_CLUSTER_LOCATIONS = {
  StorageEncrypted: 'StorageEncrypted',
  KmsKeyId: 'KmsKeyId',
  BackupRetentionPeriod: 'BackupRetentionPeriod',
  DeletionProtection: 'DeletionProtection',
  IAMDatabaseAuthenticationEnabled: 'EnableIAMDatabaseAuthentication',
  EnabledCloudwatchLogsExports: 'EnableCloudwatchLogsExports',
  CopyTagsToSnapshot: 'CopyTagsToSnapshot',
  EngineMode: 'EngineMode',
  PubliclyAccessible: 'PubliclyAccessible',
};

function cfnCluster(source: string): BlockMapper {
  const neptune = source === 'AWS::Neptune::DBCluster';
  return {
    source,
    map(b, ctx): Mapped {
      const p: Props = b.props;
      const fixedEngine = CLUSTER_ENGINE_DEFAULT[source];
      const restored =
        p.SnapshotIdentifier !== undefined || p.SourceDBClusterIdentifier !== undefined || p.RestoreType !== undefined;
      const engineMode = str(p.EngineMode, fixedEngine ? undefined : 'provisioned');
      const members =
        source === 'AWS::RDS::DBCluster'
          ? ctx.referrers('AWS::RDS::DBInstance', 'DBClusterIdentifier', b, literal(p.DBClusterIdentifier))
          : [];
      const inherited = unknown('inherited from the source snapshot or cluster');
      const props = compact({
        DBClusterIdentifier: str(p.DBClusterIdentifier),
        Engine: fixedEngine ?? engine(p.Engine, unknown('Engine not set')),
        EngineVersion: str(p.EngineVersion),
        EngineMode: engineMode,
        StorageEncrypted: bool(p.StorageEncrypted, restored ? inherited : engineMode === 'serverless'),
        KmsKeyId: str(p.KmsKeyId),
        BackupRetentionPeriod: num(p.BackupRetentionPeriod, 1),
        DeletionProtection: bool(
          p.DeletionProtection,
          neptune ? unknown('Neptune does not document its default for DeletionProtection') : false,
        ),
        IAMDatabaseAuthenticationEnabled: bool(neptune ? p.IamAuthEnabled : p.EnableIAMDatabaseAuthentication, false),
        EnabledCloudwatchLogsExports: strList(p.EnableCloudwatchLogsExports),
        CopyTagsToSnapshot: bool(p.CopyTagsToSnapshot, false),
        PubliclyAccessible: p.DBClusterInstanceClass !== undefined ? bool(p.PubliclyAccessible) : undefined,
        MultiAZ: fixedEngine
          ? undefined
          : clusterMultiAz(members, 'AvailabilityZone', p.DBClusterInstanceClass !== undefined),
        DBClusterMembers:
          members.length > 0
            ? members.map((m) => compact({ DBInstanceIdentifier: str(m.props.DBInstanceIdentifier, m.address) }))
            : undefined,
      });
      const locations = locate(b, {
        ...CFN_CLUSTER_LOCATIONS,
        ...(neptune ? { IAMDatabaseAuthenticationEnabled: 'IamAuthEnabled' } : {}),
      });
      return {
        type: 'aws.rds.db_cluster',
        name: typeof p.DBClusterIdentifier === 'string' ? p.DBClusterIdentifier : b.address,
        props,
        tags: cfnTags(p.Tags),
        locations,
      };
    },
  };
}

function tfCluster(source: string): BlockMapper {
  return {
    source,
    map(b, ctx): Mapped {
      const p: Props = b.props;
      const fixedEngine = CLUSTER_ENGINE_DEFAULT[source];
      const restored = p.snapshot_identifier !== undefined || p.replication_source_identifier !== undefined;
      const engineMode = str(p.engine_mode, fixedEngine ? undefined : 'provisioned');
      const members =
        source === 'aws_rds_cluster'
          ? ctx.referrers('aws_rds_cluster_instance', 'cluster_identifier', b, literal(p.cluster_identifier))
          : [];
      const multiAzCluster = p.db_cluster_instance_class !== undefined;
      const inherited = unknown('inherited from the source snapshot or cluster');
      const logs =
        source === 'aws_neptune_cluster' ? 'enable_cloudwatch_logs_exports' : 'enabled_cloudwatch_logs_exports';
      const eng = fixedEngine ? engine(p.engine, fixedEngine) : engine(p.engine, unknown('engine not set'));
      const props = compact({
        DBClusterIdentifier: str(p.cluster_identifier),
        Engine: eng,
        EngineVersion: str(p.engine_version),
        EngineMode: engineMode,
        // The provider: "The default is false for provisioned engine_mode and true for serverless engine_mode".
        StorageEncrypted: bool(p.storage_encrypted, restored ? inherited : engineMode === 'serverless'),
        KmsKeyId: str(source === 'aws_neptune_cluster' ? p.kms_key_arn : p.kms_key_id),
        BackupRetentionPeriod: num(p.backup_retention_period, 1),
        DeletionProtection: bool(
          p.deletion_protection,
          source === 'aws_neptune_cluster'
            ? unknown('Neptune does not document its default for deletion protection')
            : false,
        ),
        IAMDatabaseAuthenticationEnabled: bool(p.iam_database_authentication_enabled, false),
        EnabledCloudwatchLogsExports: strList(p[logs] ?? p.enabled_cloudwatch_logs_exports),
        CopyTagsToSnapshot: bool(p.copy_tags_to_snapshot, false),
        PubliclyAccessible: multiAzCluster ? bool(p.publicly_accessible, false) : undefined,
        MultiAZ: fixedEngine ? undefined : clusterMultiAz(members, 'availability_zone', multiAzCluster),
        DBClusterMembers:
          members.length > 0
            ? members.map((m) => compact({ DBInstanceIdentifier: str(m.props.identifier, m.address) }))
            : undefined,
      });
      if (isUnknown(props.Engine) && fixedEngine) props.Engine = fixedEngine;
      return {
        type: 'aws.rds.db_cluster',
        name: typeof p.cluster_identifier === 'string' ? p.cluster_identifier : b.address,
        props,
        tags: tfTags(p.tags),
        locations: locate(b, {
          StorageEncrypted: 'storage_encrypted',
          KmsKeyId: source === 'aws_neptune_cluster' ? 'kms_key_arn' : 'kms_key_id',
          BackupRetentionPeriod: 'backup_retention_period',
          DeletionProtection: 'deletion_protection',
          IAMDatabaseAuthenticationEnabled: 'iam_database_authentication_enabled',
          EnabledCloudwatchLogsExports: logs,
          CopyTagsToSnapshot: 'copy_tags_to_snapshot',
          EngineMode: 'engine_mode',
          PubliclyAccessible: 'publicly_accessible',
        }),
      };
    },
  };
}

export const rdsMappers: BlockMapper[] = [
  cfnDbInstance,
  tfDbInstance,
  tfClusterInstance,
  cfnCluster('AWS::RDS::DBCluster'),
  cfnCluster('AWS::Neptune::DBCluster'),
  cfnCluster('AWS::DocDB::DBCluster'),
  tfCluster('aws_rds_cluster'),
  tfCluster('aws_neptune_cluster'),
  tfCluster('aws_docdb_cluster'),
];
