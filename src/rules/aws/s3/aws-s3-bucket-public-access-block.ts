import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { AccountProps } from '../../../inventory/aws/account.js';
import { defineAwsRule } from '../../define.js';
import { fromTemplate } from '../lib/iac.js';
import { relatedGap } from '../lib/related.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
type Setting = (typeof SETTINGS)[number];
type Config = Partial<Record<Setting, boolean>> | null | undefined;

/** on / off / unresolved for one setting of a configuration (null = none configured = off). */
const state = (config: Config, k: Setting): 'on' | 'off' | 'unknown' => {
  if (isUnknown(config as unknown)) return 'unknown';
  const v = config?.[k] as unknown;
  return v === true ? 'on' : isUnknown(v) ? 'unknown' : 'off';
};

export default defineAwsRule({
  id: 'aws-s3-bucket-public-access-block',
  resourceType: 'aws.s3.bucket',
  reads: ['aws.account'],
  category: 'network',
  severity: 'high',
  fsbp: ['S3.8'],
  needs: ['PublicAccessBlockConfiguration'],
  text: {
    title: {
      en: 'S3 buckets are covered by Block Public Access',
      ja: 'S3 バケットにブロックパブリックアクセスが適用されている',
    },
    description: {
      en: 'Checks that each of the four Block Public Access settings (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) is on for the bucket, either in the bucket’s own configuration or in the account-level one. S3 applies the stricter of the two, setting by setting.',
      ja: 'ブロックパブリックアクセスの 4 つの設定（BlockPublicAcls、IgnorePublicAcls、BlockPublicPolicy、RestrictPublicBuckets）のそれぞれが、バケット自身の設定またはアカウントレベルの設定で有効になっていることを確認する。S3 は設定ごとに、両者のうち厳しい方を適用する。',
    },
    rationale: {
      en: 'A public ACL or bucket policy exposes every object in the bucket to the internet. Block Public Access overrides such grants, so a mistake in an ACL or policy does not turn into a data leak.',
      ja: '公開 ACL やバケットポリシーがあると、バケット内のすべてのオブジェクトがインターネットに公開される。ブロックパブリックアクセスはこうした許可を無効化するため、ACL やポリシーの設定ミスがデータ漏えいにつながらない。',
    },
    remediation: {
      text: {
        en: 'Turn on all four Block Public Access settings for the account (preferred) or for the bucket.',
        ja: 'アカウント（推奨）またはバケットで、ブロックパブリックアクセスの 4 つの設定をすべて有効にする。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Permissions tab → Block public access (bucket settings) → Edit → check "Block all public access" → Save changes → confirm.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → アクセス許可 タブ → ブロックパブリックアクセス (バケット設定) → 編集 → 「パブリックアクセスをすべてブロック」を選択 → 変更の保存 → 確認。',
      },
      cli: 'aws s3api put-public-access-block --bucket <BUCKET> \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      cloudformation:
        'PublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true',
      terraform:
        'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    },
  },
  evaluate: ({ props, resource, lookups }) => {
    const bucket = props.PublicAccessBlockConfiguration as Config;
    const bucketStates = SETTINGS.map((k) => [k, state(bucket, k)] as const);
    if (bucketStates.every(([, s]) => s === 'on')) return pass();

    if (fromTemplate(resource)) {
      // A template declares no account: judge the bucket's own configuration (the account-level block is outside it).
      const off = bucketStates.filter(([, s]) => s === 'off').map(([k]) => k);
      if (off.length > 0) {
        return fail(bucket === null ? 'PublicAccessBlockConfiguration' : `PublicAccessBlockConfiguration.${off[0]}`, {
          en: `The bucket's own Block Public Access configuration is off for: ${off.join(', ')} (an account-level block, if any, is outside the template)`,
          ja: `バケット自身のブロックパブリックアクセス設定で無効な設定: ${off.join(', ')}（アカウントレベルの設定はテンプレートの外にあり判定対象外）`,
        });
      }
      const unresolved = bucketStates.filter(([, s]) => s === 'unknown').map(([k]) => k);
      return error(`unresolved Block Public Access setting: ${unresolved.join(', ')}`);
    }

    const account = lookups.ofType<AccountProps>('aws.account', resource.account)[0];
    if (account === undefined) {
      return error(
        `account-level Block Public Access of ${resource.account} was not collected (no aws.account resource)`,
      );
    }
    const gap = relatedGap(account, ['PublicAccessBlockConfiguration']);
    if (gap !== undefined) return error(gap);
    const accountConfig = account.props.PublicAccessBlockConfiguration as Config;
    if (accountConfig === undefined) {
      return error(`${account.uid}: not collected: PublicAccessBlockConfiguration`);
    }
    const off: Setting[] = [];
    const unresolved: Setting[] = [];
    for (const [k, s] of bucketStates) {
      if (s === 'on') continue;
      const a = state(accountConfig, k);
      if (a === 'on') continue;
      if (s === 'unknown' || a === 'unknown') unresolved.push(k);
      else off.push(k);
    }
    if (off.length > 0) {
      return fail(bucket === null ? 'PublicAccessBlockConfiguration' : `PublicAccessBlockConfiguration.${off[0]}`, {
        en: `Block Public Access is off at both bucket and account level for: ${off.join(', ')}`,
        ja: `バケットとアカウントのどちらでもブロックパブリックアクセスが無効な設定: ${off.join(', ')}`,
      });
    }
    if (unresolved.length > 0) return error(`unresolved Block Public Access setting: ${unresolved.join(', ')}`);
    return pass({
      en: 'Covered by the account-level Block Public Access settings',
      ja: 'アカウントレベルのブロックパブリックアクセス設定で保護されている',
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            Name: 'bucket-level',
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: true,
            },
          },
        },
        {
          // No bucket-level configuration; the account blocks everything.
          props: { Name: 'account-level', PublicAccessBlockConfiguration: null },
          related: [
            {
              type: 'aws.account',
              props: {
                AccountId: '111122223333',
                PublicAccessBlockConfiguration: {
                  BlockPublicAcls: true,
                  IgnorePublicAcls: true,
                  BlockPublicPolicy: true,
                  RestrictPublicBuckets: true,
                },
              },
            },
          ],
        },
        {
          // Each setting is on at one of the two levels.
          props: {
            Name: 'mixed',
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: false,
              RestrictPublicBuckets: false,
            },
          },
          related: [
            {
              type: 'aws.account',
              props: {
                AccountId: '111122223333',
                PublicAccessBlockConfiguration: {
                  BlockPublicAcls: false,
                  IgnorePublicAcls: false,
                  BlockPublicPolicy: true,
                  RestrictPublicBuckets: true,
                },
              },
            },
          ],
        },
      ],
      fail: [
        {
          props: { Name: 'open', PublicAccessBlockConfiguration: null },
          related: [
            { type: 'aws.account', props: { AccountId: '111122223333', PublicAccessBlockConfiguration: null } },
          ],
        },
        {
          props: {
            Name: 'policy-allowed',
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: false,
              RestrictPublicBuckets: false,
            },
          },
          related: [
            {
              type: 'aws.account',
              props: {
                AccountId: '111122223333',
                PublicAccessBlockConfiguration: {
                  BlockPublicAcls: true,
                  IgnorePublicAcls: true,
                  BlockPublicPolicy: true,
                  RestrictPublicBuckets: false,
                },
              },
            },
          ],
        },
      ],
      error: [
        {
          props: { Name: 'denied' },
          gaps: { PublicAccessBlockConfiguration: 'AccessDenied: s3:GetBucketPublicAccessBlock' },
        },
        {
          // Bucket settings are partial and the account-level answer is unknown.
          props: { Name: 'account-unknown', PublicAccessBlockConfiguration: null },
          related: [
            {
              type: 'aws.account',
              props: { AccountId: '111122223333' },
              gaps: { PublicAccessBlockConfiguration: 'AccessDenied: s3:GetAccountPublicAccessBlock' },
            },
          ],
        },
        { props: { Name: 'no-account', PublicAccessBlockConfiguration: null } },
      ],
    },
    cloudformation: {
      pass: [
        // No PublicAccessBlockConfiguration: S3 turns all four settings on for a new bucket.
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-data
`,
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
`,
      ],
      fail: [
        `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-site
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: false
        RestrictPublicBuckets: false
`,
        // Settings left out of a written configuration are off.
        `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
`,
      ],
      error: [
        `Parameters:
  BlockPolicies:
    Type: String
    AllowedValues: ['true', 'false']
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: !Ref BlockPolicies
        RestrictPublicBuckets: true
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}
`,
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}
`,
      ],
      error: [
        `variable "block_public_policy" {
  type = bool
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = var.block_public_policy
  restrict_public_buckets = true
}
`,
      ],
    },
  },
});
