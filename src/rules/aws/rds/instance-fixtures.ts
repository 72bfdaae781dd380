import { isUnknown } from '../../../core/resource.js';
import type { DbInstanceProps } from '../../../inventory/aws/services.js';
import { cfnTemplate, tfConfig } from './templates.js';

/**
 * A DB instance that is not a member of a DB cluster: Aurora and Multi-AZ DB cluster members take backups,
 * deletion protection, IAM authentication and log exports from their cluster and are judged there.
 * An unresolved cluster id is an error (the scope check throws), not N/A.
 */
export const standalone = (p: DbInstanceProps): boolean => {
  if (isUnknown(p.DBClusterIdentifier as unknown)) throw new Error('unresolved value at DBClusterIdentifier');
  return p.DBClusterIdentifier === undefined;
};

/** A realistic rds:DescribeDBInstances item (settings under test overridden by each rule). */
export const INSTANCE_LIVE = {
  DBInstanceIdentifier: 'orders-db',
  DBInstanceArn: 'arn:aws:rds:us-east-1:111122223333:db:orders-db',
  DBInstanceClass: 'db.m7g.large',
  Engine: 'postgres',
  EngineVersion: '16.4',
  DBInstanceStatus: 'available',
  MultiAZ: true,
  AvailabilityZone: 'us-east-1a',
  PubliclyAccessible: false,
  StorageEncrypted: true,
  AutoMinorVersionUpgrade: true,
};

/** An Aurora writer: a cluster member (out of scope of the standalone-instance rules). */
export const AURORA_MEMBER_LIVE = {
  DBInstanceIdentifier: 'orders-aurora-instance-1',
  DBInstanceClass: 'db.r7g.large',
  Engine: 'aurora-postgresql',
  DBClusterIdentifier: 'orders-aurora',
  DBInstanceStatus: 'available',
  MultiAZ: false,
  BackupRetentionPeriod: 1,
  DeletionProtection: false,
  IAMDatabaseAuthenticationEnabled: false,
};

const CFN_BASE = [
  'DBInstanceIdentifier: orders-db',
  'DBInstanceClass: db.m7g.large',
  'AllocatedStorage: "100"',
  'MasterUsername: app_admin',
  'ManageMasterUserPassword: true',
];
const TF_BASE = [
  'identifier                  = "orders-db"',
  'instance_class              = "db.m7g.large"',
  'allocated_storage           = 100',
  'username                    = "app_admin"',
  'manage_master_user_password = true',
];

/** AWS::RDS::DBInstance (Engine postgres unless `lines` give one) with parameters without defaults. */
export const instanceCfn = (lines: string[], opts: { params?: string[]; engine?: string; extra?: string } = {}) =>
  cfnTemplate('AWS::RDS::DBInstance', [...CFN_BASE, `Engine: ${opts.engine ?? 'postgres'}`, ...lines], {
    logicalId: 'Database',
    ...(opts.params ? { params: opts.params } : {}),
    ...(opts.extra ? { extra: opts.extra } : {}),
  });

/** aws_db_instance with variables without defaults. */
export const instanceTf = (lines: string[], opts: { variables?: string[]; engine?: string; extra?: string } = {}) =>
  tfConfig(
    'aws_db_instance',
    'orders',
    [...TF_BASE, `engine                      = "${opts.engine ?? 'postgres'}"`, ...lines],
    opts,
  );

/** An Aurora cluster with one instance (CloudFormation), for N/A fixtures of standalone-instance rules. */
export const AURORA_MEMBER_CFN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app_admin
      ManageMasterUserPassword: true
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r7g.large
      Engine: aurora-postgresql
`;

/** The same in Terraform. */
export const AURORA_MEMBER_TF = `resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders-aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app_admin"
  manage_master_user_password = true
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "orders-aurora-1"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r7g.large"
  engine             = "aurora-postgresql"
}
`;
