import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { relatedGap } from '../lib/related.js';
import { cfnTrail, tfTrail, trailProps } from './trail-fixtures.js';

export default defineAwsRule({
  id: 'aws-cloudtrail-cloudwatch-logs',
  resourceType: 'aws.cloudtrail.trail',
  category: 'logging-monitoring',
  severity: 'low',
  fsbp: ['CloudTrail.5'],
  text: {
    title: {
      en: 'The CloudTrail trail delivers to CloudWatch Logs',
      ja: 'CloudTrail の証跡が CloudWatch Logs に配信されている',
    },
    description: {
      en: 'Checks that the trail sends its events to a CloudWatch Logs log group (CloudWatchLogsLogGroupArn is set), besides the S3 bucket.',
      ja: '証跡が S3 バケットに加えて CloudWatch Logs のロググループにもイベントを送っている（CloudWatchLogsLogGroupArn が設定されている）ことを確認する。',
    },
    rationale: {
      en: 'Log files in S3 are for retention and investigation; metric filters, alarms and Logs Insights queries need the events in CloudWatch Logs, within minutes of the call.',
      ja: 'S3 のログファイルは保管と調査のためのものである。メトリクスフィルター、アラーム、Logs Insights によるクエリには、API 呼び出しから数分以内に CloudWatch Logs に届くイベントが必要になる。',
    },
    remediation: {
      text: {
        en: 'Configure the trail with a CloudWatch Logs log group and an IAM role that lets CloudTrail write to it.',
        ja: '証跡に CloudWatch Logs のロググループと、CloudTrail がそこに書き込むための IAM ロールを設定する。',
      },
      console: {
        en: 'CloudTrail console → Trails → the trail → CloudWatch Logs → Edit → Enabled → log group (new or existing) and IAM role → Save changes.',
        ja: 'CloudTrail コンソール → 証跡 → 対象の証跡 → CloudWatch Logs → 編集 → 有効 → ロググループ（新規または既存）と IAM ロールを指定 → 変更の保存。',
      },
      cli: 'aws cloudtrail update-trail --name <TRAIL> --cloud-watch-logs-log-group-arn <LOG_GROUP_ARN> --cloud-watch-logs-role-arn <ROLE_ARN>',
      cloudformation:
        'AWS::CloudTrail::Trail CloudWatchLogsLogGroupArn: <LOG_GROUP_ARN>, CloudWatchLogsRoleArn: <ROLE_ARN>',
      terraform: 'cloud_watch_logs_group_arn = "<LOG_GROUP_ARN>:*"\ncloud_watch_logs_role_arn  = <ROLE_ARN>',
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    },
  },
  evaluate: ({ resource, props }) => {
    // The log group ARN is absent when the trail does not deliver to CloudWatch Logs, so it cannot be a `needs` path.
    const gap = relatedGap(resource, ['CloudWatchLogsLogGroupArn']);
    if (gap !== undefined) return error(gap);
    const arn: unknown = props.CloudWatchLogsLogGroupArn;
    if (isUnknown(arn)) return error(`unresolved value at CloudWatchLogsLogGroupArn: ${arn.$unknown}`);
    if (typeof arn === 'string' && arn !== '') {
      return pass({ en: `Delivers to ${arn}`, ja: `${arn} に配信している` });
    }
    return fail('CloudWatchLogsLogGroupArn', {
      en: `Trail ${props.Name ?? props.TrailARN} does not deliver to CloudWatch Logs`,
      ja: `証跡 ${props.Name ?? props.TrailARN} が CloudWatch Logs に配信されていない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: trailProps() }],
      fail: [
        { props: trailProps({ CloudWatchLogsLogGroupArn: undefined, CloudWatchLogsRoleArn: undefined }) },
        { props: trailProps({ CloudWatchLogsLogGroupArn: '' }) },
      ],
      error: [
        {
          props: trailProps({ CloudWatchLogsLogGroupArn: undefined }),
          gaps: { CloudWatchLogsLogGroupArn: 'AccessDenied: cloudtrail:DescribeTrails' },
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnTrail(
          `      IsLogging: true
      IsMultiRegionTrail: true
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/CloudTrailRoleForCloudWatchLogs
  TrailLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
`,
        ),
      ],
      fail: [cfnTrail('      IsLogging: true\n      IsMultiRegionTrail: true\n')],
      error: [
        cfnTrail(
          `      IsLogging: true
      CloudWatchLogsLogGroupArn: !Ref TrailLogGroupArn
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/CloudTrailRoleForCloudWatchLogs
`,
          'Parameters:\n  TrailLogGroupArn:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfTrail(
          `  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/CloudTrailRoleForCloudWatchLogs"
`,
          `resource "aws_cloudwatch_log_group" "trail" {
  name              = "aws-cloudtrail-logs"
  retention_in_days = 365
}

`,
        ),
      ],
      fail: [tfTrail('  is_multi_region_trail = true\n')],
      error: [
        tfTrail(
          '  cloud_watch_logs_group_arn = var.log_group_arn\n',
          'variable "log_group_arn" {\n  type = string\n}\n\n',
        ),
      ],
    },
  },
});
