import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { relatedGap } from '../lib/related.js';
import { cfnTrail, tfTrail } from './trail-fixtures.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.5 (v5.0.0 3.5).
const trail = {
  Name: 'management-events',
  TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events',
  HomeRegion: 'us-east-1',
  S3BucketName: 'aws-cloudtrail-logs-111122223333-3f2a9c1e',
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  IsOrganizationTrail: false,
  LogFileValidationEnabled: true,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  Status: { IsLogging: true },
};

export default defineAwsRule({
  id: 'aws-cloudtrail-kms-encryption',
  resourceType: 'aws.cloudtrail.trail',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['CloudTrail.2'],
  text: {
    title: {
      en: 'CloudTrail logs are encrypted at rest with a KMS key',
      ja: 'CloudTrail のログが KMS キーで保存時に暗号化されている',
    },
    description: {
      en: 'Checks that the trail encrypts its log files with a customer managed KMS key (SSE-KMS, KmsKeyId set) instead of only the S3 default encryption.',
      ja: '証跡が S3 のデフォルト暗号化だけでなく、カスタマー管理の KMS キー（SSE-KMS、KmsKeyId を設定）でログファイルを暗号化していることを確認する。',
    },
    rationale: {
      en: 'With a KMS key, reading the logs needs kms:Decrypt on that key as well as access to the bucket, and every decryption is itself recorded. A bucket policy mistake alone then no longer exposes the account history.',
      ja: 'KMS キーで暗号化すると、ログを読むにはバケットへのアクセスに加えてそのキーの kms:Decrypt 権限が必要になり、復号も記録される。バケットポリシーの設定不備だけでアカウントの操作履歴が公開されることがなくなる。',
    },
    remediation: {
      text: {
        en: 'Create (or choose) a customer managed KMS key whose key policy lets CloudTrail encrypt and your log readers decrypt, and set it on the trail.',
        ja: 'CloudTrail による暗号化とログ閲覧者による復号をキーポリシーで許可したカスタマー管理の KMS キーを作成（または選択）し、証跡に設定する。',
      },
      console: {
        en: 'CloudTrail console → Trails → the trail → General details → Edit → Log file SSE-KMS encryption: Enabled → new or existing AWS KMS key → Save changes.',
        ja: 'CloudTrail コンソール → 証跡 → 対象の証跡 → 全般的な詳細 → 編集 → ログファイルの SSE-KMS 暗号化: 有効 → 新規または既存の AWS KMS キー → 変更の保存。',
      },
      cli: 'aws cloudtrail update-trail --name <TRAIL> --kms-key-id <KMS_KEY_ARN>',
      cloudformation: 'AWS::CloudTrail::Trail KMSKeyId: <KMS_KEY_ARN>',
      terraform: 'aws_cloudtrail: kms_key_id = "<KMS_KEY_ARN>"',
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
    },
  },
  evaluate: ({ resource, props }) => {
    // KmsKeyId is absent when the trail is not encrypted with KMS, so it cannot be a `needs` path.
    const gap = relatedGap(resource, ['KmsKeyId']);
    if (gap !== undefined) return error(gap);
    if (isUnknown(props.KmsKeyId)) return error(`unresolved value at KmsKeyId: ${props.KmsKeyId.$unknown}`);
    return props.KmsKeyId
      ? pass({ en: `Encrypted with ${props.KmsKeyId}`, ja: `${props.KmsKeyId} で暗号化されている` })
      : fail('KmsKeyId', {
          en: `Trail ${props.Name ?? props.TrailARN} does not encrypt its log files with a KMS key`,
          ja: `証跡 ${props.Name ?? props.TrailARN} のログファイルが KMS キーで暗号化されていない`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: { ...trail, KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' },
        },
      ],
      fail: [{ props: { ...trail } }, { props: { ...trail, Name: 'app-data', IsMultiRegionTrail: false } }],
      error: [
        { props: { ...trail }, gaps: { KmsKeyId: 'AccessDenied: cloudtrail:DescribeTrails' } },
        { props: { ...trail, KmsKeyId: { $unknown: 'Ref: TrailKey' } } },
      ],
    },
    cloudformation: {
      pass: [
        cfnTrail(`      IsLogging: true
      KMSKeyId: !GetAtt TrailKey.Arn
  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`),
        cfnTrail('      IsLogging: true\n      KMSKeyId: alias/cloudtrail\n'),
      ],
      fail: [cfnTrail('      IsLogging: true\n      EnableLogFileValidation: true\n')],
      error: [
        cfnTrail(
          '      IsLogging: true\n      KMSKeyId: !Ref TrailKeyArn\n',
          'Parameters:\n  TrailKeyArn:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfTrail(
          '  kms_key_id = aws_kms_key.trail.arn\n',
          'resource "aws_kms_key" "trail" {\n  enable_key_rotation = true\n}\n\n',
        ),
      ],
      fail: [tfTrail('  enable_log_file_validation = true\n')],
      error: [tfTrail('  kms_key_id = var.trail_key_arn\n', 'variable "trail_key_arn" {\n  type = string\n}\n\n')],
    },
  },
});
