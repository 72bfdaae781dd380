import { accountCollector } from './account.js';
import { budgetsCollector } from './budgets.js';
import { cloudtrailCollector } from './cloudtrail.js';
import { cloudwatchCollector } from './cloudwatch.js';
import { accessAnalyzerCollector, configCollector, guarddutyCollector } from './detect.js';
import { dynamodbCollector } from './dynamodb.js';
import { ec2Collector } from './ec2.js';
import { ecrCollector } from './ecr.js';
import { efsCollector } from './efs.js';
import { elbv2Collector } from './elbv2.js';
import { findingsCollector } from './findings.js';
import { iamCollector } from './iam.js';
import { kmsCollector } from './kms.js';
import { lambdaCollector } from './lambda.js';
import { logsCollector } from './logs.js';
import { organizationsCollector } from './organizations.js';
import { rdsCollector } from './rds.js';
import { rdsSnapshotCollector } from './rds-snapshots.js';
import { regionCollector } from './region.js';
import type { Collector } from './runtime/collector.js';
import { s3Collector } from './s3.js';
import { snsCollector } from './sns.js';
import { sqsCollector } from './sqs.js';

/** Every built-in AWS collector. test/collect.registry.test.ts checks the rules' resource types are covered. */
export const AWS_COLLECTORS: readonly Collector[] = [
  kmsCollector,
  rdsCollector,
  rdsSnapshotCollector,
  lambdaCollector,
  efsCollector,
  elbv2Collector,
  budgetsCollector,
  ec2Collector,
  regionCollector,
  guarddutyCollector,
  configCollector,
  accessAnalyzerCollector,
  s3Collector,
  cloudtrailCollector,
  logsCollector,
  cloudwatchCollector,
  snsCollector,
  sqsCollector,
  dynamodbCollector,
  ecrCollector,
  iamCollector,
  accountCollector,
  organizationsCollector,
  findingsCollector,
];
