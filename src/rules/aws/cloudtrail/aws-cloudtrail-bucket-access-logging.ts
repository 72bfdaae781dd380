import { isUnknown, type Resource } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { S3BucketProps } from '../../../inventory/aws/s3.js';
import { defineAwsRule } from '../../define.js';
import { fromTemplate } from '../lib/iac.js';
import { relatedGap } from '../lib/related.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.4 (v5.0.0 3.4).
const BUCKET = 'aws-cloudtrail-logs-111122223333-3f2a9c1e';
const trail = {
  Name: 'management-events',
  TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events',
  HomeRegion: 'us-east-1',
  S3BucketName: BUCKET,
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  LogFileValidationEnabled: true,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  Status: { IsLogging: true },
};
const bucket = (over: Record<string, unknown>, gaps?: Record<string, string>) => ({
  type: 'aws.s3.bucket',
  uid: `arn:aws:s3:::${BUCKET}`,
  name: BUCKET,
  props: {
    Name: BUCKET,
    CreationDate: '2025-02-03T04:05:06.000Z',
    BucketRegion: 'us-east-1',
    Policy: null,
    Acl: { Owner: { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, Grants: [] },
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
    },
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    },
    Versioning: { Status: 'Enabled' },
    ...over,
  },
  ...(gaps ? { gaps } : {}),
});

export default defineAwsRule({
  id: 'aws-cloudtrail-bucket-access-logging',
  resourceType: 'aws.cloudtrail.trail',
  // The trail's bucket may sit in another account (a log archive): read, but its collection errors there are not ours.
  reads: ['aws.s3.bucket'],
  category: 'logging-monitoring',
  severity: 'low',
  needs: ['S3BucketName'],
  text: {
    title: {
      en: 'Server access logging is enabled on the CloudTrail S3 bucket',
      ja: 'CloudTrail の S3 バケットでサーバーアクセスログが有効になっている',
    },
    description: {
      en: 'Checks that the S3 bucket the trail delivers to has server access logging turned on. The bucket is looked up in the inventory; when it lives in an account that was not scanned (such as a log archive account), the check cannot be made.',
      ja: '証跡の配信先 S3 バケットでサーバーアクセスログが有効になっていることを確認する。バケットはインベントリから探すため、スキャンしていないアカウント（ログアーカイブ用アカウントなど）にある場合は判定できない。',
    },
    rationale: {
      en: 'Access logs of the log bucket show who read, copied or deleted the audit trail itself, which data events on other buckets do not cover when the log bucket is excluded from them.',
      ja: 'ログバケットのアクセスログには、監査証跡そのものを誰が読み取り・複製・削除したかが残る。ログバケットをデータイベントの対象外にしている場合、他に記録する手段がない。',
    },
    remediation: {
      text: {
        en: 'Enable server access logging on the trail bucket, delivering to a separate bucket.',
        ja: '証跡の配信先バケットでサーバーアクセスログを有効にし、別のバケットに出力する。',
      },
      console: {
        en: 'S3 console → Buckets → the trail bucket → Properties → Server access logging → Edit → Enable → destination bucket (a different bucket) → Save changes.',
        ja: 'S3 コンソール → バケット → 証跡の配信先バケット → プロパティ → サーバーアクセスのログ記録 → 編集 → 有効にする → 送信先バケット（別のバケット）→ 変更の保存。',
      },
      cli: 'aws s3api put-bucket-logging --bucket <TRAIL_BUCKET> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<ACCESS_LOG_BUCKET>","TargetPrefix":"<TRAIL_BUCKET>/"}}\'',
      cloudformation:
        'AWS::S3::Bucket LoggingConfiguration: { DestinationBucketName: <ACCESS_LOG_BUCKET>, LogFilePrefix: <PREFIX> }',
      terraform:
        'aws_s3_bucket_logging: bucket = "<TRAIL_BUCKET>", target_bucket = "<ACCESS_LOG_BUCKET>", target_prefix = "<PREFIX>"',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
    },
  },
  evaluate: ({ resource, props, lookups }) => {
    const name = props.S3BucketName!;
    let found: Resource | undefined;
    if (fromTemplate(resource)) {
      // A template's bucket has no ARN uid: match its name, or the stand-in name of an unnamed bucket (`${Bucket}`).
      found = lookups
        .ofType<S3BucketProps>('aws.s3.bucket', resource.account)
        .find((b) => b.props.Name === name || `\${${b.source.address}}` === name);
      if (found === undefined) {
        return error(`bucket ${name} is not declared in the template, so its server access logging cannot be judged`);
      }
    } else {
      found = lookups.byUid(`arn:aws:s3:::${name}`);
      if (found === undefined || found.type !== 'aws.s3.bucket') {
        return error(`bucket ${name} is not in the inventory (is it in an account that was not scanned?)`);
      }
    }
    const gap = relatedGap(found, ['LoggingEnabled']);
    if (gap !== undefined) return error(gap);
    const logging: unknown = (found.props as S3BucketProps).LoggingEnabled;
    if (logging === undefined) return error(`not collected: LoggingEnabled of bucket ${name}`);
    if (isUnknown(logging)) return error(`unresolved value at LoggingEnabled of bucket ${name}: ${logging.$unknown}`);
    const target = (logging as { TargetBucket?: string } | null)?.TargetBucket;
    return logging
      ? pass({ en: `Access logs go to ${target}`, ja: `アクセスログの出力先は ${target}` })
      : fail('S3BucketName', {
          en: `Server access logging is off on bucket ${name}, where trail ${props.Name ?? props.TrailARN} delivers`,
          ja: `証跡 ${props.Name ?? props.TrailARN} の配信先バケット ${name} でサーバーアクセスログが無効になっている`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: trail,
          related: [
            bucket({ LoggingEnabled: { TargetBucket: 's3-access-logs-111122223333', TargetPrefix: `${BUCKET}/` } }),
          ],
        },
      ],
      fail: [{ props: trail, related: [bucket({ LoggingEnabled: null })] }],
      error: [
        { props: trail },
        { props: trail, related: [bucket({}, { LoggingEnabled: 'AccessDenied: s3:GetBucketLogging' })] },
        {
          props: { ...trail, S3BucketName: undefined },
          gaps: { S3BucketName: 'AccessDenied: cloudtrail:DescribeTrails' },
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AccessLogBucket:
    Type: AWS::S3::Bucket
  TrailBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: org-trail-logs-111122223333
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogBucket
        LogFilePrefix: trail/
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: !Ref TrailBucket
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TrailBucket:
    Type: AWS::S3::Bucket
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket
`,
      ],
      // The bucket lives outside the template (a log archive account): nothing to judge it by.
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: central-log-archive-cloudtrail
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "access_logs" {
  bucket = "s3-access-logs-111122223333"
}

resource "aws_s3_bucket" "trail" {
  bucket = "org-trail-logs-111122223333"
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "trail/"
}

resource "aws_cloudtrail" "main" {
  name                  = "management-events"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "trail" {
  bucket_prefix = "trail-logs-"
}

resource "aws_cloudtrail" "main" {
  name           = "management-events"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`,
      ],
      error: [
        `resource "aws_cloudtrail" "main" {
  name           = "management-events"
  s3_bucket_name = "central-log-archive-cloudtrail"
}
`,
      ],
    },
  },
});
