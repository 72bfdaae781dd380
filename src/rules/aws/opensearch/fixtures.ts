import { cfnTemplate, tfConfig } from '../rds/templates.js';

/** A realistic opensearch:DescribeDomain `DomainStatus` of a VPC domain with the protections on. */
export const DOMAIN_LIVE = {
  DomainId: '111122223333/search',
  DomainName: 'search',
  ARN: 'arn:aws:es:us-east-1:111122223333:domain/search',
  Created: true,
  Deleted: false,
  Processing: false,
  EngineVersion: 'OpenSearch_2.17',
  Endpoints: { vpc: 'vpc-search-abcdefghijklmnop.us-east-1.es.amazonaws.com' },
  ClusterConfig: { InstanceType: 'r6g.large.search', InstanceCount: 3, ZoneAwarenessEnabled: true },
  VPCOptions: {
    VPCId: 'vpc-0abc1234def567890',
    SubnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
    AvailabilityZones: ['us-east-1a', 'us-east-1b'],
    SecurityGroupIds: ['sg-0123456789abcdef0'],
  },
  EncryptionAtRestOptions: {
    Enabled: true,
    KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  NodeToNodeEncryptionOptions: { Enabled: true },
  DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
  AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: false },
  LogPublishingOptions: {
    AUDIT_LOGS: {
      CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/search/audit',
      Enabled: true,
    },
  },
};

/** A legacy Elasticsearch domain as the OpenSearch API describes it (public, nothing turned on). */
export const ES_PUBLIC_LIVE = {
  DomainId: '111122223333/legacy-logs',
  DomainName: 'legacy-logs',
  ARN: 'arn:aws:es:us-east-1:111122223333:domain/legacy-logs',
  EngineVersion: 'Elasticsearch_7.10',
  Endpoint: 'search-legacy-logs-abcdefghijklmnop.us-east-1.es.amazonaws.com',
  EncryptionAtRestOptions: { Enabled: false },
  NodeToNodeEncryptionOptions: { Enabled: false },
  DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
};

/** AWS::OpenSearchService::Domain with `lines` (YAML, under Properties) and parameters without defaults. */
export const domainCfn = (lines: string[], params?: string[]) =>
  cfnTemplate(
    'AWS::OpenSearchService::Domain',
    [
      'DomainName: search',
      'EngineVersion: OpenSearch_2.17',
      'ClusterConfig:',
      '  InstanceType: r6g.large.search',
      ...lines,
    ],
    { logicalId: 'Search', ...(params ? { params } : {}) },
  );

/** AWS::Elasticsearch::Domain (legacy resource type). */
export const esDomainCfn = (lines: string[]) =>
  cfnTemplate('AWS::Elasticsearch::Domain', ['DomainName: legacy-logs', 'ElasticsearchVersion: "7.10"', ...lines], {
    logicalId: 'Legacy',
  });

/** aws_opensearch_domain with `lines` and variables without defaults. */
export const domainTf = (lines: string[], variables?: string[]) =>
  tfConfig(
    'aws_opensearch_domain',
    'search',
    [
      'domain_name    = "search"',
      'engine_version = "OpenSearch_2.17"',
      'cluster_config {',
      '  instance_type = "r6g.large.search"',
      '}',
      ...lines,
    ],
    variables ? { variables } : {},
  );

/** aws_elasticsearch_domain (legacy resource type). */
export const esDomainTf = (lines: string[]) =>
  tfConfig('aws_elasticsearch_domain', 'legacy', [
    'domain_name           = "legacy-logs"',
    'elasticsearch_version = "7.10"',
    ...lines,
  ]);
