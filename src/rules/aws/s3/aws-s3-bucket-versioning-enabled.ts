import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-s3-bucket-versioning-enabled',
  resourceType: 'aws.s3.bucket',
  category: 'backup',
  severity: 'medium',
  fsbp: ['S3.14'],
  needs: ['Versioning'],
  text: {
    title: {
      en: 'S3 buckets have versioning enabled',
      ja: 'S3 バケットでバージョニングが有効になっている',
    },
    description: {
      en: 'Checks that the bucket’s versioning status is Enabled (not Suspended, and not never enabled).',
      ja: 'バケットのバージョニングの状態が Enabled（停止中でも未設定でもない）であることを確認する。',
    },
    rationale: {
      en: 'With versioning, an overwritten or deleted object keeps its earlier versions, so a mistaken deletion, a faulty deployment or ransomware that rewrites objects can be undone.',
      ja: 'バージョニングを有効にすると、上書き・削除されたオブジェクトも以前のバージョンが残るため、誤削除や不具合のあるデプロイ、オブジェクトを書き換えるランサムウェアの被害から復旧できる。',
    },
    remediation: {
      text: {
        en: 'Enable versioning on the bucket, and add a lifecycle rule that expires noncurrent versions so storage does not grow without bound.',
        ja: 'バケットのバージョニングを有効にし、保存容量が増え続けないよう、以前のバージョンを期限切れにするライフサイクルルールを追加する。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Properties tab → Bucket Versioning → Edit → Enable → Save changes.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → プロパティ タブ → バケットのバージョニング → 編集 → 有効にする → 変更の保存。',
      },
      cli: 'aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled',
      cloudformation: 'VersioningConfiguration:\n  Status: Enabled',
      terraform:
        'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const status = props.Versioning.Status as unknown;
    if (status === 'Enabled') return pass();
    if (isUnknown(status)) return error(`unresolved value at Versioning.Status: ${status.$unknown}`);
    if (status === 'Suspended') {
      return fail('Versioning.Status', {
        en: `Versioning of bucket ${resource.name} is suspended`,
        ja: `バケット ${resource.name} のバージョニングが停止されている`,
      });
    }
    return fail('Versioning', {
      en: `Versioning has never been enabled on bucket ${resource.name}`,
      ja: `バケット ${resource.name} でバージョニングが有効になっていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { Name: 'example-data', Versioning: { Status: 'Enabled' } } },
        { props: { Name: 'example-records', Versioning: { Status: 'Enabled', MFADelete: 'Enabled' } } },
      ],
      fail: [
        { props: { Name: 'example-tmp', Versioning: {} } },
        { props: { Name: 'example-old', Versioning: { Status: 'Suspended', MFADelete: 'Disabled' } } },
      ],
      error: [
        { props: { Name: 'denied' }, gaps: { Versioning: 'AccessDenied: s3:GetBucketVersioning' } },
        { props: { Name: 'not-collected' } },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`,
      ],
      fail: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-tmp
`,
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
`,
      ],
      error: [
        `Parameters:
  VersioningStatus:
    Type: String
    AllowedValues: [Enabled, Suspended]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref VersioningStatus
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
        // Provider v3 inline block.
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
  versioning {
    enabled = true
  }
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
`,
      ],
      error: [
        `variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = var.versioning_status
  }
}
`,
      ],
    },
  },
});
