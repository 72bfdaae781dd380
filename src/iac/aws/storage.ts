import type { BlockMapper } from './mapper.js';
import { dynamodbMappers } from './storage/dynamodb.js';
import { ecrMappers } from './storage/ecr.js';
import { efsMappers } from './storage/efs.js';
import { kmsMappers } from './storage/kms.js';
import { s3Mappers } from './storage/s3.js';
import { snsMappers } from './storage/sns.js';
import { sqsMappers } from './storage/sqs.js';

/** Storage and messaging: S3, KMS, SNS, SQS, DynamoDB, ECR, EFS. */
export const mappers: BlockMapper[] = [
  ...s3Mappers,
  ...kmsMappers,
  ...snsMappers,
  ...sqsMappers,
  ...dynamodbMappers,
  ...ecrMappers,
  ...efsMappers,
];
