import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { AccountProps } from '../../../inventory/aws/account.js';
import { defineAwsRule } from '../../define.js';
import { fromTemplate } from '../lib/iac.js';
import { relatedGap } from '../lib/related.js';

const PUBLIC_GROUPS: Record<string, { en: string; ja: string }> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': { en: 'everyone (AllUsers)', ja: '全員（AllUsers）' },
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': {
    en: 'any AWS account (AuthenticatedUsers)',
    ja: '任意の AWS アカウント（AuthenticatedUsers）',
  },
};

const owner = { DisplayName: 'example-owner', ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' };
const ownerGrant = { Grantee: { Type: 'CanonicalUser', ...owner }, Permission: 'FULL_CONTROL' };
const allUsers = (Permission: string) => ({
  Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
  Permission,
});
const bpa = (IgnorePublicAcls: boolean) => ({
  BlockPublicAcls: IgnorePublicAcls,
  IgnorePublicAcls,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
});

export default defineAwsRule({
  id: 'aws-s3-bucket-acl-no-public-grants',
  resourceType: 'aws.s3.bucket',
  reads: ['aws.account'],
  category: 'identity',
  severity: 'high',
  needs: ['Acl'],
  text: {
    title: {
      en: 'S3 bucket ACLs do not grant access to everyone or to any AWS account',
      ja: 'S3 バケットの ACL ですべてのユーザーや任意の AWS アカウントにアクセスを許可していない',
    },
    description: {
      en: 'Checks that the bucket ACL has no grant to the AllUsers or AuthenticatedUsers groups, unless Block Public Access (IgnorePublicAcls) at the bucket or account level makes S3 ignore such grants.',
      ja: 'バケット ACL に AllUsers または AuthenticatedUsers グループへの許可がないことを確認する。ただし、バケットまたはアカウントのブロックパブリックアクセス（IgnorePublicAcls）により S3 がその許可を無視する場合は除く。',
    },
    rationale: {
      en: 'A grant to AllUsers opens the bucket to anonymous requests from the internet; AuthenticatedUsers means any AWS account, not just yours. Either can list, read or, with WRITE, fill the bucket with someone else’s data.',
      ja: 'AllUsers への許可はインターネットからの匿名リクエストにバケットを公開する。AuthenticatedUsers は自分のアカウントではなく任意の AWS アカウントを意味する。いずれも一覧表示や読み取り、WRITE があれば第三者によるデータの書き込みまで許してしまう。',
    },
    remediation: {
      text: {
        en: 'Disable ACLs (Object Ownership: Bucket owner enforced) and grant access through the bucket policy, or at least remove the public grants; keep IgnorePublicAcls on.',
        ja: 'ACL を無効化（オブジェクト所有者: バケット所有者の強制）してバケットポリシーでアクセスを許可するか、少なくとも公開の許可を削除する。IgnorePublicAcls は有効のままにする。',
      },
      console: {
        en: 'S3 console → Buckets → select the bucket → Permissions tab → Object Ownership → Edit → ACLs disabled (recommended) → Save changes. To keep ACLs, edit Access control list (ACL) and clear the Everyone and Authenticated users group entries.',
        ja: 'S3 コンソール → バケット → 対象のバケットを選択 → アクセス許可 タブ → オブジェクト所有者 → 編集 → ACL 無効 (推奨) → 変更の保存。ACL を使い続ける場合は、アクセスコントロールリスト (ACL) を編集し、パブリックアクセス（全員）と認証済みユーザーグループのチェックを外す。',
      },
      cli: 'aws s3api get-bucket-acl --bucket <BUCKET>\naws s3api put-bucket-ownership-controls --bucket <BUCKET> \\\n  --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
      cloudformation:
        'OwnershipControls:\n  Rules:\n    - ObjectOwnership: BucketOwnerEnforced\n# and no AccessControl: PublicRead / PublicReadWrite / AuthenticatedRead',
      terraform:
        'resource "aws_s3_bucket_ownership_controls" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n# and no acl = "public-read" / "public-read-write" / "authenticated-read"',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
    },
  },
  evaluate: ({ props, resource, lookups }) => {
    const grants = props.Acl.Grants as unknown;
    if (isUnknown(grants)) return error(`unresolved value at Acl.Grants: ${grants.$unknown}`);
    const list = Array.isArray(grants) ? (grants as Array<{ Grantee?: { URI?: unknown }; Permission?: string }>) : [];
    const index = list.findIndex((g) => typeof g.Grantee?.URI === 'string' && g.Grantee.URI in PUBLIC_GROUPS);
    if (index === -1) {
      if (list.some((g) => isUnknown(g.Grantee?.URI))) return error('an ACL grantee is unresolved');
      return pass();
    }
    const grant = list[index]!;
    const who = PUBLIC_GROUPS[grant.Grantee?.URI as string]!;
    const reason = {
      en: `The ACL grants ${grant.Permission} to ${who.en}`,
      ja: `ACL が${who.ja}に ${grant.Permission} を許可している`,
    };
    const ignore = (props.PublicAccessBlockConfiguration as { IgnorePublicAcls?: unknown } | null)?.IgnorePublicAcls;
    if (ignore === true) {
      return pass({
        en: 'The public grant is ignored: IgnorePublicAcls is on for the bucket',
        ja: 'バケットの IgnorePublicAcls が有効なため、公開の許可は無視される',
      });
    }
    if (fromTemplate(resource)) {
      // The account-level block is outside the template: the bucket's own settings decide.
      if (isUnknown(ignore)) return error(`unresolved value at PublicAccessBlockConfiguration.IgnorePublicAcls`);
      return fail(`Acl.Grants.${index}`, {
        en: `${reason.en}, and the bucket's IgnorePublicAcls is off (an account-level block, if any, is outside the template)`,
        ja: `${reason.ja}。バケットの IgnorePublicAcls も無効になっている（アカウントレベルの設定はテンプレートの外にあり判定対象外）`,
      });
    }
    const account = lookups.ofType<AccountProps>('aws.account', resource.account)[0];
    if (account === undefined) {
      return error(
        `account-level Block Public Access of ${resource.account} was not collected (no aws.account resource)`,
      );
    }
    const gap = relatedGap(account, ['PublicAccessBlockConfiguration']);
    if (gap !== undefined) return error(gap);
    const accountConfig = account.props.PublicAccessBlockConfiguration;
    if (accountConfig === undefined) return error(`${account.uid}: not collected: PublicAccessBlockConfiguration`);
    if (accountConfig?.IgnorePublicAcls === true) {
      return pass({
        en: 'The public grant is ignored: IgnorePublicAcls is on for the account',
        ja: 'アカウントの IgnorePublicAcls が有効なため、公開の許可は無視される',
      });
    }
    return fail(`Acl.Grants.${index}`, {
      en: `${reason.en}, and IgnorePublicAcls is off for both the bucket and the account`,
      ja: `${reason.ja}。IgnorePublicAcls もバケットとアカウントの両方で無効になっている`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { Name: 'example-data', Acl: { Owner: owner, Grants: [ownerGrant] } } },
        {
          // A public grant that Block Public Access makes S3 ignore.
          props: {
            Name: 'example-legacy-site',
            Acl: { Owner: owner, Grants: [ownerGrant, allUsers('READ')] },
            PublicAccessBlockConfiguration: bpa(true),
          },
        },
        {
          props: {
            Name: 'example-legacy-site',
            Acl: { Owner: owner, Grants: [ownerGrant, allUsers('READ')] },
            PublicAccessBlockConfiguration: null,
          },
          related: [
            { type: 'aws.account', props: { AccountId: '111122223333', PublicAccessBlockConfiguration: bpa(true) } },
          ],
        },
        {
          // The log delivery group is not public.
          props: {
            Name: 'example-access-logs',
            Acl: {
              Owner: owner,
              Grants: [
                ownerGrant,
                {
                  Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
                  Permission: 'WRITE',
                },
              ],
            },
          },
        },
      ],
      fail: [
        {
          props: {
            Name: 'example-open',
            Acl: { Owner: owner, Grants: [ownerGrant, allUsers('READ'), allUsers('WRITE')] },
            PublicAccessBlockConfiguration: null,
          },
          related: [
            { type: 'aws.account', props: { AccountId: '111122223333', PublicAccessBlockConfiguration: null } },
          ],
        },
        {
          props: {
            Name: 'example-any-account',
            Acl: {
              Owner: owner,
              Grants: [
                ownerGrant,
                {
                  Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' },
                  Permission: 'READ',
                },
              ],
            },
            PublicAccessBlockConfiguration: bpa(false),
          },
          related: [
            { type: 'aws.account', props: { AccountId: '111122223333', PublicAccessBlockConfiguration: bpa(false) } },
          ],
        },
      ],
      error: [
        { props: { Name: 'denied' }, gaps: { Acl: 'AccessDenied: s3:GetBucketAcl' } },
        {
          props: {
            Name: 'no-account',
            Acl: { Owner: owner, Grants: [ownerGrant, allUsers('READ')] },
            PublicAccessBlockConfiguration: null,
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
    Properties:
      AccessControl: LogDeliveryWrite
`,
      ],
      fail: [
        `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
        IgnorePublicAcls: false
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
`,
      ],
      error: [
        `Parameters:
  CannedAcl:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref CannedAcl
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}
`,
        // Provider v3 inline grant.
        `resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
    permissions = ["READ"]
  }
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket             = aws_s3_bucket.site.id
  ignore_public_acls = false
}
`,
      ],
      error: [
        `variable "acl" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = var.acl
}
`,
      ],
    },
  },
});
