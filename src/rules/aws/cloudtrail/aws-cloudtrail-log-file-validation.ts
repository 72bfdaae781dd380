import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTrail, tfTrail } from './trail-fixtures.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.2 (v5.0.0 3.2).
const trail = {
  Name: 'management-events',
  TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events',
  HomeRegion: 'us-east-1',
  S3BucketName: 'aws-cloudtrail-logs-111122223333-3f2a9c1e',
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  Status: { IsLogging: true },
};

export default defineAwsRule({
  id: 'aws-cloudtrail-log-file-validation',
  resourceType: 'aws.cloudtrail.trail',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['CloudTrail.4'],
  needs: ['LogFileValidationEnabled'],
  text: {
    title: { en: 'CloudTrail log file validation is enabled', ja: 'CloudTrail のログファイルの検証が有効になっている' },
    description: {
      en: 'Checks that the trail writes signed digest files (log file integrity validation) next to its log files.',
      ja: '証跡がログファイルとともに署名付きダイジェストファイルを出力している（ログファイルの整合性検証が有効）ことを確認する。',
    },
    rationale: {
      en: 'Digest files let you prove that a log file was not changed, deleted or slipped in after CloudTrail delivered it. Without them, an intruder who reaches the log bucket can edit the record of what they did.',
      ja: 'ダイジェストファイルがあれば、配信後のログファイルが改ざん・削除・追加されていないことを証明できる。ない場合、ログバケットに到達した侵入者が自分の操作記録を書き換えられる。',
    },
    remediation: {
      text: { en: 'Turn on log file validation for the trail.', ja: '証跡のログファイルの検証を有効にする。' },
      console: {
        en: 'CloudTrail console → Trails → the trail → General details → Edit → Additional settings → Log file validation: Enabled → Save changes.',
        ja: 'CloudTrail コンソール → 証跡 → 対象の証跡 → 全般的な詳細 → 編集 → 追加の設定 → ログファイルの検証: 有効 → 変更の保存。',
      },
      cli: 'aws cloudtrail update-trail --name <TRAIL> --enable-log-file-validation\n# later, to check the files: aws cloudtrail validate-logs --trail-arn <TRAIL_ARN> --start-time <ISO_TIME>',
      cloudformation: 'AWS::CloudTrail::Trail EnableLogFileValidation: true',
      terraform: 'aws_cloudtrail: enable_log_file_validation = true',
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html',
    },
  },
  evaluate: ({ props }) =>
    props.LogFileValidationEnabled === true
      ? pass()
      : fail('LogFileValidationEnabled', {
          en: `Log file validation is off for trail ${props.Name ?? props.TrailARN}`,
          ja: `証跡 ${props.Name ?? props.TrailARN} でログファイルの検証が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: { ...trail, LogFileValidationEnabled: true } }],
      fail: [
        { props: { ...trail, LogFileValidationEnabled: false } },
        { props: { ...trail, Name: 'app-data', IsMultiRegionTrail: false, LogFileValidationEnabled: false } },
      ],
      error: [
        { props: { ...trail } },
        { props: { ...trail }, gaps: { LogFileValidationEnabled: 'AccessDenied: cloudtrail:DescribeTrails' } },
      ],
    },
    cloudformation: {
      pass: [cfnTrail("      IsLogging: true\n      EnableLogFileValidation: 'true'\n")],
      fail: [
        cfnTrail('      IsLogging: true\n'),
        cfnTrail('      IsLogging: true\n      EnableLogFileValidation: false\n'),
      ],
      error: [
        cfnTrail(
          '      IsLogging: true\n      EnableLogFileValidation: !Ref Validate\n',
          "Parameters:\n  Validate:\n    Type: String\n    AllowedValues: ['true', 'false']\n",
        ),
      ],
    },
    terraform: {
      pass: [tfTrail('  enable_log_file_validation = true\n')],
      fail: [tfTrail(''), tfTrail('  enable_log_file_validation = "false"\n')],
      error: [tfTrail('  enable_log_file_validation = var.validate\n', 'variable "validate" {\n  type = bool\n}\n\n')],
    },
  },
});
