import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-s3-bucket-access-logging',
  resourceType: 'aws.s3.bucket',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['S3.9'],
  needs: ['LoggingEnabled'],
  text: {
    title: {
      en: 'S3 buckets have server access logging enabled',
      ja: 'S3 バケットでサーバーアクセスログが有効になっている',
    },
    description: {
      en: 'Checks that server access logging is enabled on the bucket, so S3 writes a record of every request to a target bucket.',
      ja: 'バケットでサーバーアクセスログが有効になっており、すべてのリクエストの記録がログ保存先のバケットに書き込まれることを確認する。',
    },
    rationale: {
      en: 'Access logs show who requested which object, from where and with what result. They are the evidence for investigating data exfiltration or misuse, and cover requests that CloudTrail data events are not configured to capture.',
      ja: 'アクセスログには、誰がどのオブジェクトをどこからリクエストし、結果がどうだったかが記録される。データの持ち出しや不正利用の調査に必要な証跡であり、CloudTrail のデータイベントを設定していないリクエストも記録できる。',
    },
    remediation: {
      text: {
        en: 'Enable server access logging with a dedicated log bucket in the same Region and account as the target (not the bucket itself).',
        ja: 'ログ専用のバケット（同じリージョン・アカウントで、対象バケット自身以外）を保存先として、サーバーアクセスログを有効にする。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Properties tab → Server access logging → Edit → Enable → choose the destination bucket and prefix → Save changes.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → プロパティ タブ → サーバーアクセスのログ記録 → 編集 → 有効にする → 送信先のバケットとプレフィックスを指定 → 変更の保存。',
      },
      cli: 'aws s3api put-bucket-logging --bucket <BUCKET> \\\n  --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"<BUCKET>/"}}\'',
      cloudformation: 'LoggingConfiguration:\n  DestinationBucketName: !Ref LogBucket\n  LogFilePrefix: <BUCKET>/',
      terraform:
        'resource "aws_s3_bucket_logging" "b" {\n  bucket        = aws_s3_bucket.b.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "<BUCKET>/"\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    },
  },
  evaluate: ({ props, resource }) =>
    props.LoggingEnabled !== null
      ? pass()
      : fail('LoggingEnabled', {
          en: `Server access logging is off for bucket ${resource.name}`,
          ja: `バケット ${resource.name} でサーバーアクセスログが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            Name: 'example-data',
            LoggingEnabled: { TargetBucket: 'example-access-logs', TargetPrefix: 'example-data/' },
          },
        },
      ],
      fail: [{ props: { Name: 'example-data', LoggingEnabled: null } }],
      error: [
        { props: { Name: 'denied' }, gaps: { LoggingEnabled: 'AccessDenied: s3:GetBucketLogging' } },
        { props: { Name: 'not-collected' } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: example-access-logs
        LogFilePrefix: data/
`,
      ],
      fail: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-data
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "example-access-logs"
  target_prefix = "example-data/"
}
`,
        // Provider v3 inline block.
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
  logging {
    target_bucket = "example-access-logs"
    target_prefix = "example-data/"
  }
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`,
      ],
    },
  },
});
