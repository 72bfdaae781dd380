import { cfnTemplate, tfConfig } from '../rds/templates.js';

/** A realistic elasticache:DescribeReplicationGroups item (Valkey, cluster mode disabled), protections on. */
export const RG_LIVE = {
  ReplicationGroupId: 'sessions',
  Description: 'Session store',
  Status: 'available',
  Engine: 'valkey',
  MemberClusters: ['sessions-001', 'sessions-002'],
  NodeGroups: [{ NodeGroupId: '0001', Status: 'available' }],
  AutomaticFailover: 'enabled',
  MultiAZ: 'enabled',
  ClusterEnabled: false,
  CacheNodeType: 'cache.r7g.large',
  AuthTokenEnabled: false,
  UserGroupIds: ['sessions-users'],
  TransitEncryptionEnabled: true,
  TransitEncryptionMode: 'required',
  AtRestEncryptionEnabled: true,
  KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  SnapshotRetentionLimit: 7,
  ARN: 'arn:aws:elasticache:us-east-1:111122223333:replicationgroup:sessions',
};

export const rgCfn = (lines: string[], params?: string[]) =>
  cfnTemplate(
    'AWS::ElastiCache::ReplicationGroup',
    [
      'ReplicationGroupId: sessions',
      'ReplicationGroupDescription: Session store',
      'Engine: valkey',
      'CacheNodeType: cache.r7g.large',
      'NumCacheClusters: 2',
      'CacheSubnetGroupName: sessions-private',
      ...lines,
    ],
    { logicalId: 'Sessions', ...(params ? { params } : {}) },
  );

export const rgTf = (lines: string[], variables?: string[]) =>
  tfConfig(
    'aws_elasticache_replication_group',
    'sessions',
    [
      'replication_group_id = "sessions"',
      'description          = "Session store"',
      'engine               = "valkey"',
      'node_type            = "cache.r7g.large"',
      'num_cache_clusters   = 2',
      'subnet_group_name    = "sessions-private"',
      ...lines,
    ],
    variables ? { variables } : {},
  );
