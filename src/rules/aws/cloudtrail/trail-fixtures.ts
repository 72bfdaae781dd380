// Shared fixture shapes for the per-trail CloudTrail rules.

export const LOG_BUCKET = 'aws-cloudtrail-logs-111122223333-3f2a9c1e';

/** DescribeTrails + GetTrailStatus + GetEventSelectors of a well-configured trail, with overrides. */
export const trailProps = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  Name: 'management-events',
  TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events',
  HomeRegion: 'us-east-1',
  S3BucketName: LOG_BUCKET,
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  LogFileValidationEnabled: true,
  KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-logs:*',
  CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/CloudTrailRoleForCloudWatchLogs',
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  Status: { IsLogging: true, LatestDeliveryTime: '2026-10-31T23:55:12Z' },
  EventSelectors: [
    { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
  ],
  ...over,
});

/** A CloudFormation template with one trail whose extra properties are `props` (YAML lines, 6-space indent). */
export const cfnTrail = (props: string, extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: management-events
      S3BucketName: ${LOG_BUCKET}
${props}`;

/** A Terraform configuration with one trail whose extra attributes are `attrs` (2-space indent). */
export const tfTrail = (attrs: string, extra = ''): string => `${extra}resource "aws_cloudtrail" "main" {
  name           = "management-events"
  s3_bucket_name = "${LOG_BUCKET}"
${attrs}}
`;
