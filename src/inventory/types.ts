import type { AccountProps } from './aws/account.js';
import type {
  EksClusterProps,
  ElastiCacheReplicationGroupProps,
  OpenSearchDomainProps,
  RedshiftClusterProps,
} from './aws/data.js';
import type { AccessAnalyzerProps, ConfigRecorderProps, GuardDutyDetectorProps } from './aws/detect.js';
import type {
  InstanceProps,
  InternetGatewayProps,
  NetworkAclProps,
  RouteTableProps,
  SecurityGroupProps,
  SnapshotProps,
  SubnetProps,
  VolumeProps,
  VpcPeeringConnectionProps,
  VpcProps,
} from './aws/ec2.js';
import type { ApiGatewayStageProps, CloudFrontDistributionProps, ListenerProps } from './aws/edge.js';
import type { IacTemplateProps } from './aws/iac.js';
import type {
  IamGroupProps,
  IamPolicyProps,
  IamRoleProps,
  IamServerCertificateProps,
  IamUserProps,
} from './aws/iam.js';
import type { LambdaFunctionProps } from './aws/lambda.js';
import type { RegionProps } from './aws/region.js';
import type { S3BucketProps } from './aws/s3.js';
import type {
  BudgetProps,
  DbClusterProps,
  DbInstanceProps,
  DbSnapshotProps,
  EfsFileSystemProps,
  KmsKeyProps,
  LoadBalancerProps,
  MetricAlarmProps,
  MetricFilterProps,
  OrganizationAccountProps,
  OrganizationProps,
  SnsTopicProps,
  TrailProps,
} from './aws/services.js';
import type { DynamoDbTableProps, EcrRepositoryProps, SqsQueueProps } from './aws/storage.js';

/** Every resource type mamori knows, with its props type. A snapshot's other types are warned about and skipped. */
export interface ResourceTypes {
  'aws.account': AccountProps;
  'aws.region': RegionProps;
  'aws.iam.user': IamUserProps;
  'aws.iam.group': IamGroupProps;
  'aws.iam.role': IamRoleProps;
  'aws.iam.policy': IamPolicyProps;
  'aws.iam.server_certificate': IamServerCertificateProps;
  'aws.s3.bucket': S3BucketProps;
  'aws.ec2.vpc': VpcProps;
  'aws.ec2.subnet': SubnetProps;
  'aws.ec2.route_table': RouteTableProps;
  'aws.ec2.internet_gateway': InternetGatewayProps;
  'aws.ec2.vpc_peering_connection': VpcPeeringConnectionProps;
  'aws.ec2.security_group': SecurityGroupProps;
  'aws.ec2.network_acl': NetworkAclProps;
  'aws.ec2.instance': InstanceProps;
  'aws.ec2.volume': VolumeProps;
  'aws.ec2.snapshot': SnapshotProps;
  'aws.rds.db_instance': DbInstanceProps;
  'aws.rds.db_cluster': DbClusterProps;
  'aws.rds.db_snapshot': DbSnapshotProps;
  'aws.efs.file_system': EfsFileSystemProps;
  'aws.cloudtrail.trail': TrailProps;
  'aws.kms.key': KmsKeyProps;
  'aws.logs.metric_filter': MetricFilterProps;
  'aws.cloudwatch.alarm': MetricAlarmProps;
  'aws.sns.topic': SnsTopicProps;
  'aws.budgets.budget': BudgetProps;
  'aws.elbv2.load_balancer': LoadBalancerProps;
  'aws.organizations.organization': OrganizationProps;
  'aws.organizations.account': OrganizationAccountProps;
  'aws.lambda.function': LambdaFunctionProps;
  'aws.elbv2.listener': ListenerProps;
  'aws.cloudfront.distribution': CloudFrontDistributionProps;
  'aws.apigateway.stage': ApiGatewayStageProps;
  'aws.dynamodb.table': DynamoDbTableProps;
  'aws.sqs.queue': SqsQueueProps;
  'aws.ecr.repository': EcrRepositoryProps;
  'aws.eks.cluster': EksClusterProps;
  'aws.redshift.cluster': RedshiftClusterProps;
  'aws.elasticache.replication_group': ElastiCacheReplicationGroupProps;
  'aws.opensearch.domain': OpenSearchDomainProps;
  'aws.config.recorder': ConfigRecorderProps;
  'aws.guardduty.detector': GuardDutyDetectorProps;
  'aws.accessanalyzer.analyzer': AccessAnalyzerProps;
  /** One template or Terraform file as a whole (hard-coded secrets); made only by `mamori iac`. */
  'aws.iac.template': IacTemplateProps;
}
export type ResourceType = keyof ResourceTypes;

export const RESOURCE_TYPES: ReadonlySet<string> = new Set<ResourceType>([
  'aws.account',
  'aws.region',
  'aws.iam.user',
  'aws.iam.group',
  'aws.iam.role',
  'aws.iam.policy',
  'aws.iam.server_certificate',
  'aws.s3.bucket',
  'aws.ec2.vpc',
  'aws.ec2.subnet',
  'aws.ec2.route_table',
  'aws.ec2.internet_gateway',
  'aws.ec2.vpc_peering_connection',
  'aws.ec2.security_group',
  'aws.ec2.network_acl',
  'aws.ec2.instance',
  'aws.ec2.volume',
  'aws.ec2.snapshot',
  'aws.rds.db_instance',
  'aws.rds.db_cluster',
  'aws.rds.db_snapshot',
  'aws.efs.file_system',
  'aws.cloudtrail.trail',
  'aws.kms.key',
  'aws.logs.metric_filter',
  'aws.cloudwatch.alarm',
  'aws.sns.topic',
  'aws.budgets.budget',
  'aws.elbv2.load_balancer',
  'aws.organizations.organization',
  'aws.organizations.account',
  'aws.lambda.function',
  'aws.elbv2.listener',
  'aws.cloudfront.distribution',
  'aws.apigateway.stage',
  'aws.dynamodb.table',
  'aws.sqs.queue',
  'aws.ecr.repository',
  'aws.eks.cluster',
  'aws.redshift.cluster',
  'aws.elasticache.replication_group',
  'aws.opensearch.domain',
  'aws.config.recorder',
  'aws.guardduty.detector',
  'aws.accessanalyzer.analyzer',
  'aws.iac.template',
]);

/**
 * Types mamori reads from templates (and snapshots) but has no live collector for yet: their rules judge
 * CloudFormation and Terraform today; `mamori scan aws` does not produce them.
 */
export const TEMPLATE_ONLY_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>([
  'aws.cloudfront.distribution',
  'aws.apigateway.stage',
  'aws.eks.cluster',
  'aws.redshift.cluster',
  'aws.elasticache.replication_group',
  'aws.opensearch.domain',
  'aws.iac.template',
]);
