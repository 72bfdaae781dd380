import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export default defineAwsRule({
  id: 'aws-s3-account-public-access-block',
  resourceType: 'aws.account',
  category: 'network',
  severity: 'high',
  // An account-wide setting: a template declares no account (a bucket's own block is judged by the bucket rule).
  iac: false,
  fsbp: ['S3.1'],
  needs: ['PublicAccessBlockConfiguration'],
  text: {
    title: {
      en: 'S3 Block Public Access is enabled for the account',
      ja: 'アカウントで S3 のブロックパブリックアクセスが有効になっている',
    },
    description: {
      en: 'Checks that the account-level S3 Block Public Access configuration has all four settings on: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets.',
      ja: 'アカウントレベルの S3 ブロックパブリックアクセス設定で、BlockPublicAcls、IgnorePublicAcls、BlockPublicPolicy、RestrictPublicBuckets の 4 つがすべて有効になっていることを確認する。',
    },
    rationale: {
      en: 'The account-level block applies to every bucket, present and future, and overrides bucket ACLs and policies that would make data public. It is the one switch that stops a single careless bucket policy from exposing data to the internet.',
      ja: 'アカウントレベルのブロックは既存・新規のすべてのバケットに適用され、データを公開してしまうバケット ACL やバケットポリシーよりも優先される。不用意なバケットポリシー 1 つでデータがインターネットに公開されるのを防ぐ、唯一の一括設定である。',
    },
    remediation: {
      text: {
        en: 'Turn on all four Block Public Access settings for the account. Buckets that must serve public content should do so through CloudFront with origin access control instead.',
        ja: 'アカウントのブロックパブリックアクセスの 4 つの設定をすべて有効にする。公開コンテンツの配信が必要なバケットは、オリジンアクセスコントロールを使った CloudFront 経由に切り替える。',
      },
      console: {
        en: 'S3 console → Block Public Access settings for this account → Edit → check "Block all public access" → Save changes → confirm.',
        ja: 'S3 コンソール → このアカウントのブロックパブリックアクセス設定 → 編集 → 「パブリックアクセスをすべてブロック」を選択 → 変更の保存 → 確認。',
      },
      cli: 'aws s3control put-public-access-block --account-id <ACCOUNT_ID> \\\n  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      terraform:
        'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
    },
  },
  evaluate: ({ props }) => {
    const config = props.PublicAccessBlockConfiguration;
    if (config === null) {
      return fail('PublicAccessBlockConfiguration', {
        en: 'The account has no S3 Block Public Access configuration',
        ja: 'アカウントに S3 のブロックパブリックアクセス設定がない',
      });
    }
    const unresolved = SETTINGS.filter((k) => isUnknown(config[k] as unknown));
    const off = SETTINGS.filter((k) => config[k] !== true && !unresolved.includes(k));
    if (off.length > 0) {
      return fail(`PublicAccessBlockConfiguration.${off[0]}`, {
        en: `Account-level Block Public Access is off for: ${off.join(', ')}`,
        ja: `アカウントレベルのブロックパブリックアクセスで無効な設定: ${off.join(', ')}`,
      });
    }
    if (unresolved.length > 0) return error(`unresolved value at PublicAccessBlockConfiguration.${unresolved[0]}`);
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        {
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
      fail: [
        { props: { AccountId: '111122223333', PublicAccessBlockConfiguration: null } },
        {
          props: {
            AccountId: '111122223333',
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: false,
              RestrictPublicBuckets: false,
            },
          },
        },
        {
          props: {
            AccountId: '111122223333',
            PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true },
          },
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333' },
          gaps: { PublicAccessBlockConfiguration: 'AccessDenied: s3:GetAccountPublicAccessBlock' },
        },
        { props: { AccountId: '111122223333' } },
        {
          props: {
            AccountId: '111122223333',
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: { $unknown: 'var.block_public_policy' },
              RestrictPublicBuckets: true,
            },
          },
        },
      ],
    },
  },
});
