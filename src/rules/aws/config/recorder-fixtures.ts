// Shared fixture shapes for the per-recorder AWS Config rules.

export const recorderProps = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  arn: 'arn:aws:config:us-east-1:111122223333:configuration-recorder/default/4k7ahm2ghhcgr2jp',
  name: 'default',
  roleARN: 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
  recordingGroup: {
    allSupported: true,
    includeGlobalResourceTypes: true,
    resourceTypes: [],
    exclusionByResourceTypes: { resourceTypes: [] },
    recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
  },
  recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
  Status: {
    arn: 'arn:aws:config:us-east-1:111122223333:configuration-recorder/default/4k7ahm2ghhcgr2jp',
    name: 'default',
    lastStartTime: '2025-03-01T00:00:00.000Z',
    recording: true,
    lastStatus: 'SUCCESS',
    lastStatusChangeTime: '2026-10-31T23:10:00.000Z',
  },
  ...over,
});

/** A Terraform recorder with a role, its delivery channel and (optionally) its status resource. */
export const tfRecorder = (group: string, status?: string): string => `resource "aws_iam_service_linked_role" "config" {
  aws_service_name = "config.amazonaws.com"
}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = aws_iam_service_linked_role.config.arn
${group}}

resource "aws_config_delivery_channel" "main" {
  name           = "default"
  s3_bucket_name = "config-history-111122223333"
  depends_on     = [aws_config_configuration_recorder.main]
}
${
  status === undefined
    ? ''
    : `
resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
${status}  depends_on = [aws_config_delivery_channel.main]
}
`
}`;

/** A CloudFormation recorder with the given RecordingGroup lines, and a delivery channel unless `channel` is false. */
export const cfnRecorder = (group: string, channel = true): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      Name: default
      RoleARN: !Sub arn:aws:iam::\${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
${group}${
  channel
    ? `  DeliveryChannel:
    Type: AWS::Config::DeliveryChannel
    Properties:
      S3BucketName: config-history-111122223333
`
    : ''
}`;
