import { error, fail, pass } from '../../../core/rule.js';
import type { PolicyStatement } from '../../../inventory/json.js';
import { defineAwsRule } from '../../define.js';
import { actionMatches, asArray, isPublicPrincipal, statements } from '../lib/policy.js';

/**
 * True when every condition of a Deny statement holds for a plain-HTTP request, so the Deny reaches all of them.
 * - Bool / BoolIfExists aws:SecureTransport "false": the request was not sent over TLS.
 * - NumericLessThan(IfExists) s3:TlsVersion: AWS documents this form as also enforcing HTTPS
 *   (re:Post knowledge center "s3-enforce-modern-tls").
 * Any other condition (source IP, VPC endpoint, principal …) narrows the Deny, so the statement does not count.
 */
function deniesPlainHttp(s: PolicyStatement): boolean {
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    const op = operator.toLowerCase();
    for (const [key, value] of Object.entries(block)) {
      const k = key.toLowerCase();
      const values = asArray(value as string | boolean | number | Array<string | boolean | number>).map((v) =>
        String(v).toLowerCase(),
      );
      const secureTransportFalse =
        (op === 'bool' || op === 'boolifexists') && k === 'aws:securetransport' && values.includes('false');
      const tlsFloor =
        (op === 'numericlessthan' || op === 'numericlessthanifexists') && k === 's3:tlsversion' && values.length > 0;
      if (!secureTransportFalse && !tlsFloor) return false;
    }
  }
  return true;
}

/** Resource patterns cover an S3 ARN, in any partition (arn:aws:, arn:aws-cn:, arn:aws-us-gov: …). */
const resourceCovers = (patterns: string | string[] | undefined, arn: string): boolean =>
  actionMatches(
    asArray(patterns).map((p) => p.replace(/^arn:aws[a-z-]*:/, 'arn:aws:')),
    arn,
  );

/** An IaC value left unresolved somewhere in a statement. */
const hasUnknown = (s: PolicyStatement): boolean => JSON.stringify(s).includes('"$unknown"');

export default defineAwsRule({
  id: 'aws-s3-bucket-deny-http',
  resourceType: 'aws.s3.bucket',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['S3.5'],
  needs: ['Name', 'Policy'],
  text: {
    title: {
      en: 'S3 bucket policy denies requests that do not use HTTPS',
      ja: 'S3 バケットポリシーで HTTPS を使わないリクエストを拒否している',
    },
    description: {
      en: 'Checks that the bucket policy has a Deny statement for all principals and all S3 actions on the bucket and its objects, conditioned on aws:SecureTransport being false (or on s3:TlsVersion being below a floor), so that plain-HTTP requests are refused.',
      ja: 'バケットポリシーに、すべてのプリンシパルとすべての S3 アクションを対象に、バケットとそのオブジェクトへのリクエストを aws:SecureTransport が false の場合（または s3:TlsVersion が下限未満の場合）に拒否する Deny ステートメントがあり、平文 HTTP のリクエストが拒否されることを確認する。',
    },
    rationale: {
      en: 'S3 accepts plain HTTP by default. Without an explicit Deny, a misconfigured client or a downgrade on the network path sends object data and request signatures in clear text, where they can be read or altered.',
      ja: 'S3 は既定で平文 HTTP も受け付ける。明示的な Deny がないと、設定を誤ったクライアントや経路上でのダウングレードにより、オブジェクトのデータやリクエスト署名が平文で流れ、盗聴・改ざんされるおそれがある。',
    },
    remediation: {
      text: {
        en: 'Add a Deny statement for Principal "*", Action "s3:*", Resource the bucket ARN and "<bucket ARN>/*", with Condition Bool aws:SecureTransport "false".',
        ja: 'Principal "*"、Action "s3:*"、Resource にバケットの ARN と「<バケット ARN>/*」を指定し、Condition に Bool aws:SecureTransport "false" を持つ Deny ステートメントを追加する。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Permissions tab → Bucket policy → Edit → add the Deny statement → Save changes.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → アクセス許可 タブ → バケットポリシー → 編集 → Deny ステートメントを追加 → 変更の保存。',
      },
      cli: 'aws s3api get-bucket-policy --bucket <BUCKET> --query Policy --output text > policy.json\n# Add to "Statement" in policy.json:\n# {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",\n#  "Resource":["arn:aws:s3:::<BUCKET>","arn:aws:s3:::<BUCKET>/*"],\n#  "Condition":{"Bool":{"aws:SecureTransport":"false"}}}\naws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json',
      cloudformation: `Type: AWS::S3::BucketPolicy\nProperties:\n  Bucket: !Ref Bucket\n  PolicyDocument:\n    Statement:\n      - Sid: DenyInsecureTransport\n        Effect: Deny\n        Principal: "*"\n        Action: "s3:*"\n        Resource: [!GetAtt Bucket.Arn, !Sub "\${Bucket.Arn}/*"]\n        Condition: { Bool: { "aws:SecureTransport": "false" } }`,
      terraform: `resource "aws_s3_bucket_policy" "deny_http" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{\n    Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = "s3:*",\n    Resource = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"],\n    Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })\n}`,
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
    },
  },
  evaluate: ({ props }) => {
    if (props.Policy === null) {
      return fail('Policy', {
        en: 'The bucket has no bucket policy, so plain-HTTP requests are not denied',
        ja: 'バケットポリシーが設定されておらず、平文 HTTP のリクエストが拒否されない',
      });
    }
    const name = props.Name ?? '';
    const all = statements(props.Policy);
    const denying = all.filter(
      (s) =>
        !hasUnknown(s) &&
        s.Effect === 'Deny' &&
        s.NotPrincipal === undefined &&
        isPublicPrincipal(s) &&
        actionMatches(s.Action, 's3:*') &&
        deniesPlainHttp(s),
    );
    const bucket = denying.some((s) => resourceCovers(s.Resource, `arn:aws:s3:::${name}`));
    const objects = denying.some((s) => resourceCovers(s.Resource, `arn:aws:s3:::${name}/*`));
    if (bucket && objects) return pass();
    if (all.some(hasUnknown)) {
      return error('the bucket policy has unresolved values, so its HTTPS Deny cannot be judged');
    }
    const missing =
      !bucket && !objects
        ? { en: 'either the bucket or its objects', ja: 'バケットにもオブジェクトにも' }
        : !bucket
          ? { en: `the bucket itself (arn:aws:s3:::${name})`, ja: `バケット自体（arn:aws:s3:::${name}）に` }
          : { en: `the objects (arn:aws:s3:::${name}/*)`, ja: `オブジェクト（arn:aws:s3:::${name}/*）に` };
    return fail('Policy.Statement', {
      en: `No Deny statement for all principals and s3:* on plain-HTTP requests covers ${missing.en}`,
      ja: `全プリンシパル・s3:* を対象に平文 HTTP のリクエストを拒否する Deny ステートメントが、${missing.ja}適用されていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            Name: 'example-data',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'DenyInsecureTransport',
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: ['arn:aws:s3:::example-data', 'arn:aws:s3:::example-data/*'],
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                },
              ],
            },
          },
        },
        {
          // Two statements split the bucket and object ARNs; {"AWS": "*"}; the TLS-floor form; GovCloud partition.
          props: {
            Name: 'gov-logs',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Deny',
                  Principal: { AWS: '*' },
                  Action: ['s3:*'],
                  Resource: 'arn:aws-us-gov:s3:::gov-logs',
                  Condition: { Bool: { 'aws:SecureTransport': false } },
                },
                {
                  Effect: 'Deny',
                  Principal: { AWS: ['*'] },
                  Action: '*',
                  Resource: 'arn:aws-us-gov:s3:::gov-logs/*',
                  Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
                },
              ],
            },
          },
        },
      ],
      fail: [
        { props: { Name: 'no-policy', Policy: null } },
        {
          // Denies only object reads over HTTP, and only for objects.
          props: {
            Name: 'partial',
            Policy: {
              Version: '2012-10-17',
              Statement: {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::partial/*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            },
          },
        },
        {
          // Covers objects only: bucket-level calls (ListBucket) still work over HTTP.
          props: {
            Name: 'objects-only',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: 'arn:aws:s3:::objects-only/*',
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                },
              ],
            },
          },
        },
        {
          // The Deny is narrowed by an extra condition, and an Allow with SecureTransport true denies nothing.
          props: {
            Name: 'narrowed',
            Policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: ['arn:aws:s3:::narrowed', 'arn:aws:s3:::narrowed/*'],
                  Condition: {
                    Bool: { 'aws:SecureTransport': 'false' },
                    StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890' },
                  },
                },
                {
                  Effect: 'Allow',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Action: 's3:*',
                  Resource: ['arn:aws:s3:::narrowed', 'arn:aws:s3:::narrowed/*'],
                  Condition: { Bool: { 'aws:SecureTransport': 'true' } },
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
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: { $unknown: 'Fn::GetAtt Bucket.Arn' },
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
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
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource:
              - !GetAtt Bucket.Arn
              - !Sub '\${Bucket.Arn}/*'
            Condition:
              Bool:
                aws:SecureTransport: 'false'
`,
      ],
      fail: [
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-data
`,
        // Only the objects are covered: bucket-level calls still work over HTTP.
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-data
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: example-data
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: arn:aws:s3:::example-data/*
            Condition:
              Bool:
                aws:SecureTransport: false
`,
      ],
      error: [
        `Parameters:
  DataBucketName:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref DataBucketName
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
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`,
      ],
      error: [
        `variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = var.bucket_name
}
`,
      ],
    },
  },
});
