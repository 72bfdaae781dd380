import { cfnTemplate, tfConfig } from '../rds/templates.js';

/** A realistic redshift:DescribeClusters item with redshift:DescribeLoggingStatus, protections on. */
export const REDSHIFT_LIVE = {
  ClusterIdentifier: 'analytics',
  ClusterNamespaceArn: 'arn:aws:redshift:us-east-1:111122223333:namespace:5d3c1a2b-1111-2222-3333-444455556666',
  NodeType: 'ra3.xlplus',
  NumberOfNodes: 2,
  ClusterStatus: 'available',
  DBName: 'analytics',
  MasterUsername: 'awsuser',
  Endpoint: { Address: 'analytics.abc123xyz789.us-east-1.redshift.amazonaws.com', Port: 5439 },
  VpcId: 'vpc-0abc1234def567890',
  ClusterSubnetGroupName: 'analytics-private',
  PubliclyAccessible: false,
  Encrypted: true,
  KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  EnhancedVpcRouting: true,
  AutomatedSnapshotRetentionPeriod: 7,
  LoggingStatus: {
    LoggingEnabled: true,
    LogDestinationType: 'cloudwatch',
    LogExports: ['connectionlog', 'userlog', 'useractivitylog'],
  },
};

const CFN_BASE = [
  'ClusterIdentifier: analytics',
  'ClusterType: multi-node',
  'NodeType: ra3.xlplus',
  'NumberOfNodes: 2',
  'DBName: analytics',
  'MasterUsername: awsuser',
  'ManageMasterPassword: true',
];
const TF_BASE = [
  'cluster_identifier     = "analytics"',
  'cluster_type           = "multi-node"',
  'node_type              = "ra3.xlplus"',
  'number_of_nodes        = 2',
  'database_name          = "analytics"',
  'master_username        = "awsuser"',
  'manage_master_password = true',
];

export const redshiftCfn = (lines: string[], params?: string[]) =>
  cfnTemplate('AWS::Redshift::Cluster', [...CFN_BASE, ...lines], {
    logicalId: 'Warehouse',
    ...(params ? { params } : {}),
  });

export const redshiftTf = (lines: string[], opts: { variables?: string[]; extra?: string } = {}) =>
  tfConfig('aws_redshift_cluster', 'analytics', [...TF_BASE, ...lines], opts);
