import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

const off = { ...REDSHIFT_LIVE, LoggingStatus: { LoggingEnabled: false } };

export default defineAwsRule({
  id: 'aws-redshift-cluster-audit-logging',
  resourceType: 'aws.redshift.cluster',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['Redshift.4'],
  needs: ['LoggingStatus.LoggingEnabled'],
  text: {
    title: {
      en: 'Redshift clusters have audit logging enabled',
      ja: 'Redshift クラスターで監査ログ記録が有効になっている',
    },
    description: {
      en: 'Checks that database audit logging is on for the cluster (redshift:DescribeLoggingStatus LoggingEnabled), delivering connection and user logs to CloudWatch Logs or S3.',
      ja: 'クラスターでデータベースの監査ログ記録が有効になっており（redshift:DescribeLoggingStatus の LoggingEnabled）、接続ログとユーザーログが CloudWatch Logs または S3 に配信されていることを確認する。',
    },
    rationale: {
      en: 'The connection log shows who connected from where and the user log records changes to database users. They are the evidence for access reviews and for tracing a misuse of the warehouse; system tables keep only a few days of history.',
      ja: '接続ログには誰がどこから接続したか、ユーザーログにはデータベースユーザーの変更が記録される。アクセスレビューやデータウェアハウスの不正利用の追跡に使う証跡であり、システムテーブルには数日分の履歴しか残らない。',
    },
    remediation: {
      text: {
        en: 'Turn on audit logging for the cluster, to CloudWatch Logs (recommended) or to an S3 bucket, with connection, user and user activity logs.',
        ja: 'クラスターで監査ログ記録を有効にし、CloudWatch Logs（推奨）または S3 バケットに接続ログ、ユーザーログ、ユーザーアクティビティログを送る。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Properties tab → Database configurations → Edit → Edit audit logging → Turn on → choose CloudWatch and the log types → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → プロパティ タブ → データベース設定 → 編集 → 監査ログ記録を編集 → オン → CloudWatch とログタイプを選択 → 変更を保存。',
      },
      cli: 'aws redshift enable-logging --cluster-identifier <CLUSTER> --log-destination-type cloudwatch \\\n  --log-exports connectionlog userlog useractivitylog',
      cloudformation:
        'Type: AWS::Redshift::Cluster\nProperties:\n  LoggingProperties:\n    LogDestinationType: cloudwatch\n    LogExports: [connectionlog, userlog, useractivitylog]',
      terraform:
        'resource "aws_redshift_logging" "this" {\n  cluster_identifier   = aws_redshift_cluster.this.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
    },
  },
  evaluate: ({ props }) =>
    props.LoggingStatus?.LoggingEnabled === true
      ? pass()
      : fail('LoggingStatus.LoggingEnabled', {
          en: `Audit logging is off for ${props.ClusterIdentifier ?? 'the cluster'}`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} で監査ログ記録が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [
        { props: REDSHIFT_LIVE },
        {
          props: {
            ...REDSHIFT_LIVE,
            LoggingStatus: {
              LoggingEnabled: true,
              BucketName: 'analytics-audit-logs',
              S3KeyPrefix: 'redshift/',
              LogDestinationType: 's3',
            },
          },
        },
      ],
      fail: [{ props: off }],
      error: [
        {
          props: { ...REDSHIFT_LIVE, LoggingStatus: undefined },
          gaps: { LoggingStatus: 'AccessDenied: redshift:DescribeLoggingStatus' },
        },
        { props: { ...REDSHIFT_LIVE, LoggingStatus: { LoggingEnabled: { $unknown: 'Ref Logging' } } } },
      ],
    },
    cloudformation: {
      pass: [
        redshiftCfn([
          'LoggingProperties:',
          '  LogDestinationType: cloudwatch',
          '  LogExports:',
          '    - connectionlog',
          '    - userlog',
        ]),
      ],
      fail: [redshiftCfn([])],
      error: [redshiftCfn(['LoggingProperties: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [
        // The split resource, joined into the cluster.
        redshiftTf([], {
          extra:
            '\nresource "aws_redshift_logging" "analytics" {\n  cluster_identifier   = aws_redshift_cluster.analytics.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}\n',
        }),
        // The older inline block.
        redshiftTf([
          'logging {',
          '  enable        = true',
          '  bucket_name   = "analytics-audit-logs"',
          '  s3_key_prefix = "redshift/"',
          '}',
        ]),
      ],
      fail: [redshiftTf([]), redshiftTf(['logging {', '  enable = false', '}'])],
      error: [
        redshiftTf(['logging {', '  enable      = var.audit', '  bucket_name = "analytics-audit-logs"', '}'], {
          variables: ['audit'],
        }),
      ],
    },
  },
});
