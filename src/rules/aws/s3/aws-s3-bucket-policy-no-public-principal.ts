import { error, fail, pass } from '../../../core/rule.js';
import type { PolicyStatement } from '../../../inventory/json.js';
import { defineAwsRule } from '../../define.js';
import { asArray, publicAllowStatements, statements } from '../lib/policy.js';

const hasUnknown = (s: PolicyStatement): boolean => JSON.stringify(s).includes('"$unknown"');

export default defineAwsRule({
  id: 'aws-s3-bucket-policy-no-public-principal',
  resourceType: 'aws.s3.bucket',
  category: 'identity',
  severity: 'high',
  needs: ['Policy'],
  text: {
    title: {
      en: 'S3 bucket policies do not allow unrestricted access with Principal "*"',
      ja: 'S3 バケットポリシーで Principal "*" による無制限のアクセスを許可していない',
    },
    description: {
      en: 'Checks that no Allow statement of the bucket policy names Principal "*" (or {"AWS": "*"}) without a condition that pins the caller to known accounts, organizations, VPCs, VPC endpoints, source IPs or source ARNs.',
      ja: 'バケットポリシーの Allow ステートメントに、呼び出し元を特定のアカウント・組織・VPC・VPC エンドポイント・送信元 IP・送信元 ARN に限定する条件のない Principal "*"（または {"AWS": "*"}）がないことを確認する。',
    },
    rationale: {
      en: 'Principal "*" means every AWS principal and anonymous callers alike. Without a restricting condition, anyone on the internet who knows the bucket name can use the granted actions: read data, overwrite it or delete it.',
      ja: 'Principal "*" はすべての AWS プリンシパルと匿名の呼び出し元を意味する。条件で限定していなければ、バケット名を知るインターネット上の誰もが、許可されたアクション（データの読み取り・上書き・削除）を実行できる。',
    },
    remediation: {
      text: {
        en: 'Replace Principal "*" with the accounts or roles that need access, or add a condition such as aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn. Serve public web content through CloudFront with origin access control instead of a public bucket.',
        ja: 'Principal "*" をアクセスが必要なアカウントやロールに置き換えるか、aws:PrincipalOrgID、aws:SourceVpce、aws:SourceArn などの条件を追加する。公開 Web コンテンツは、公開バケットではなくオリジンアクセスコントロールを使った CloudFront 経由で配信する。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Permissions tab → Bucket policy → Edit → narrow the Principal or add a condition to the statement → Save changes.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → アクセス許可 タブ → バケットポリシー → 編集 → ステートメントの Principal を限定するか条件を追加 → 変更の保存。',
      },
      cli: 'aws s3api get-bucket-policy --bucket <BUCKET> --query Policy --output text > policy.json\n# Edit policy.json: replace "Principal": "*" or add e.g. "Condition": {"StringEquals": {"aws:PrincipalOrgID": "<ORG_ID>"}}\naws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json\naws s3api get-bucket-policy-status --bucket <BUCKET>',
      cloudformation:
        'Type: AWS::S3::BucketPolicy\nProperties:\n  PolicyDocument:\n    Statement:\n      - Effect: Allow\n        Principal: { AWS: "arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>" }  # not "*"',
      terraform:
        'data "aws_iam_policy_document" "b" {\n  statement {\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>"]  # not "*"\n    }\n  }\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    },
  },
  evaluate: ({ props }) => {
    const all = statements(props.Policy);
    const open = publicAllowStatements(props.Policy);
    if (open.length > 0) {
      const index = all.indexOf(open[0]!);
      const path = Array.isArray(props.Policy?.Statement) ? `Policy.Statement.${index}` : 'Policy.Statement';
      const actions = open.flatMap((s) => asArray(s.Action ?? s.NotAction)).join(', ');
      return fail(path, {
        en: `${open.length} Allow statement(s) grant Principal "*" without a restricting condition (actions: ${actions || '-'})`,
        ja: `${open.length} 件の Allow ステートメントが、限定条件なしで Principal "*" に許可を与えている（アクション: ${actions || '-'}）`,
      });
    }
    if (all.some((s) => s.Effect !== 'Deny' && hasUnknown(s))) {
      return error('the bucket policy has unresolved values, so its principals cannot be judged');
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: { Name: 'no-policy', Policy: null } },
        {
          // "*" pinned to the organization; a Deny for "*" is not a grant.
          props: {
            Name: 'org-shared',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'OrgRead',
                  Effect: 'Allow',
                  Principal: '*',
                  Action: ['s3:GetObject', 's3:ListBucket'],
                  Resource: ['arn:aws:s3:::org-shared', 'arn:aws:s3:::org-shared/*'],
                  Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
                },
                {
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: ['arn:aws:s3:::org-shared', 'arn:aws:s3:::org-shared/*'],
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                },
              ],
            },
          },
        },
        {
          // CloudFront origin access control: a service principal limited by aws:SourceArn.
          props: {
            Name: 'site-origin',
            Policy: {
              Version: '2012-10-17',
              Statement: {
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::site-origin/*',
                Condition: {
                  StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL' },
                },
              },
            },
          },
        },
      ],
      fail: [
        {
          props: {
            Name: 'public-site',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'PublicRead',
                  Effect: 'Allow',
                  Principal: '*',
                  Action: 's3:GetObject',
                  Resource: 'arn:aws:s3:::public-site/*',
                },
              ],
            },
          },
        },
        {
          // {"AWS": ["*"]} with a condition that does not restrict the caller (a wildcard org id).
          props: {
            Name: 'wildcard-condition',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Action: 's3:*',
                  Resource: 'arn:aws:s3:::wildcard-condition/*',
                },
                {
                  Effect: 'Allow',
                  Principal: { AWS: ['*'] },
                  Action: ['s3:PutObject', 's3:DeleteObject'],
                  Resource: 'arn:aws:s3:::wildcard-condition/*',
                  Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } },
                },
              ],
            },
          },
        },
      ],
      error: [
        { props: { Name: 'denied' }, gaps: { Policy: 'AccessDenied: s3:GetBucketPolicy' } },
        {
          props: {
            Name: 'iac',
            Policy: {
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { $unknown: 'Ref ReaderPrincipal' },
                  Action: 's3:GetObject',
                  Resource: 'arn:aws:s3:::iac/*',
                },
              ],
            },
          },
        },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
`,
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: cloudfront.amazonaws.com
            Action: s3:GetObject
            Resource: !Sub '\${Bucket.Arn}/*'
            Condition:
              StringEquals:
                AWS:SourceArn: arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL
`,
      ],
      fail: [
        `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-site
  SitePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Site
      PolicyDocument:
        Statement:
          - Sid: PublicRead
            Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: arn:aws:s3:::example-site/*
`,
      ],
      error: [
        `Parameters:
  ReaderPrincipal:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref ReaderPrincipal
            Action: s3:GetObject
            Resource: !Sub '\${Bucket.Arn}/*'
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.data.arn}/*"
    }]
  })
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`,
        // Provider v3 inline policy.
        `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-site/*"}]
}
POLICY
}
`,
      ],
      error: [
        `variable "reader_arn" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.reader_arn }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.data.arn}/*"
    }]
  })
}
`,
      ],
    },
  },
});
