import type { Cluster as EksCluster } from '@aws-sdk/client-eks';
import type { ReplicationGroup } from '@aws-sdk/client-elasticache';
import type { DomainStatus } from '@aws-sdk/client-opensearch';
import type { LoggingStatus, Cluster as RedshiftCluster } from '@aws-sdk/client-redshift';
import type { Json } from '../json.js';

/**
 * aws.eks.cluster (regional; uid the cluster arn): eks:DescribeCluster `cluster`. The EKS API names its fields in
 * camelCase (`resourcesVpcConfig.endpointPublicAccess`, `logging.clusterLogging`, `encryptionConfig`).
 */
export type EksClusterProps = Json<EksCluster>;

/**
 * aws.redshift.cluster (regional; uid the cluster namespace arn): one redshift:DescribeClusters item, with
 * redshift:DescribeLoggingStatus as `LoggingStatus` (audit logging is not part of the DescribeClusters answer).
 */
export type RedshiftClusterProps = Json<RedshiftCluster> & {
  /** redshift:DescribeLoggingStatus */
  LoggingStatus?: Json<LoggingStatus>;
};

/** aws.elasticache.replication_group (regional; uid ARN): one elasticache:DescribeReplicationGroups item. */
export type ElastiCacheReplicationGroupProps = Json<ReplicationGroup>;

/**
 * aws.opensearch.domain (regional; uid ARN): opensearch:DescribeDomain `DomainStatus`. The OpenSearch API also
 * describes legacy Elasticsearch domains (EngineVersion `Elasticsearch_7.10`), so both kinds are this one type.
 */
export type OpenSearchDomainProps = Json<DomainStatus>;
