import type { ContinuousBackupsDescription, TableDescription } from '@aws-sdk/client-dynamodb';
import type { Repository } from '@aws-sdk/client-ecr';
import type { QueueAttributeName } from '@aws-sdk/client-sqs';
import type { Json, PolicyDocument } from '../json.js';

/**
 * aws.dynamodb.table (regional; uid TableArn): dynamodb:DescribeTable `Table`, with
 * dynamodb:DescribeContinuousBackups. DescribeTable leaves SSEDescription out for a table encrypted with an AWS
 * owned key (the default); it is present for KMS encryption (SSEType KMS, KMSMasterKeyArn).
 */
export type DynamoDbTableProps = Json<TableDescription> & {
  /** dynamodb:DescribeContinuousBackups `ContinuousBackupsDescription` (PointInTimeRecoveryDescription inside). */
  ContinuousBackups: Json<ContinuousBackupsDescription>;
};

/**
 * aws.sqs.queue (regional; uid QueueArn): sqs:ListQueues URL with sqs:GetQueueAttributes (All). Attribute values
 * are strings as the API returns them ('true' / 'false' for SqsManagedSseEnabled); KmsMasterKeyId is absent when
 * SSE-KMS is off. `Policy` is the Policy attribute parsed; null when the queue has none.
 */
export interface SqsQueueProps {
  QueueUrl: string;
  Attributes: Partial<Record<QueueAttributeName, string>>;
  Policy: PolicyDocument | null;
}

/** One rule of an ECR lifecycle policy (the JSON of GetLifecyclePolicy's lifecyclePolicyText). */
export interface EcrLifecyclePolicyRule {
  rulePriority: number;
  description?: string;
  selection: Record<string, unknown>;
  action: { type: string; targetStorageClass?: string };
}

/**
 * aws.ecr.repository (regional; uid repositoryArn): one ecr:DescribeRepositories item, with
 * ecr:GetRepositoryPolicy (policyText parsed; null for RepositoryPolicyNotFoundException) and
 * ecr:GetLifecyclePolicy (lifecyclePolicyText parsed; null for LifecyclePolicyNotFoundException).
 */
export type EcrRepositoryProps = Json<Repository> & {
  Policy: PolicyDocument | null;
  LifecyclePolicy: { rules: EcrLifecyclePolicyRule[] } | null;
};
