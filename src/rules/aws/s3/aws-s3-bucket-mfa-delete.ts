import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

export default defineAwsRule({
  id: 'aws-s3-bucket-mfa-delete',
  resourceType: 'aws.s3.bucket',
  category: 'backup',
  severity: 'low',
  fsbp: ['S3.20'],
  // CloudFormation's VersioningConfiguration has no MFA Delete setting: only Terraform can declare it.
  iac: ['terraform'],
  needs: ['Versioning'],
  text: {
    title: {
      en: 'MFA Delete is enabled on S3 buckets',
      ja: 'S3 バケットで MFA Delete が有効になっている',
    },
    description: {
      en: 'Checks that the bucket is versioned with MFA Delete enabled, so permanently deleting an object version or changing the versioning state requires the root user’s MFA code.',
      ja: 'バケットでバージョニングと MFA Delete が有効になっており、オブジェクトのバージョンの完全削除やバージョニング状態の変更に root ユーザーの MFA コードが必要になっていることを確認する。',
    },
    rationale: {
      en: 'Versioning keeps earlier copies of objects, but anyone with stolen credentials and delete rights can still purge every version or suspend versioning. MFA Delete adds a second factor that the stolen credentials do not carry.',
      ja: 'バージョニングは以前のオブジェクトを残すが、削除権限を持つ認証情報が盗まれると、全バージョンの削除やバージョニングの停止ができてしまう。MFA Delete は、盗まれた認証情報だけでは満たせない第 2 の要素を追加する。',
    },
    remediation: {
      text: {
        en: 'As the root user, with the root user’s MFA device, enable versioning with MFA Delete on the bucket (only the AWS CLI or API can do this).',
        ja: 'root ユーザーとして、root ユーザーの MFA デバイスを使い、バケットのバージョニングと MFA Delete を有効にする（設定できるのは AWS CLI または API のみ）。',
      },
      console: {
        en: 'The S3 console cannot enable MFA Delete. Check the state in S3 console → Buckets → select the bucket → Properties tab → Bucket Versioning (Multi-factor authentication (MFA) delete), then use the AWS CLI with root credentials.',
        ja: 'S3 コンソールでは MFA Delete を有効にできない。S3 コンソール → バケット → 対象のバケットを選択 → プロパティ タブ → バケットのバージョニング（多要素認証 (MFA) 削除）で状態を確認し、root ユーザーの認証情報で AWS CLI を使う。',
      },
      cli: 'aws s3api put-bucket-versioning --bucket <BUCKET> \\\n  --versioning-configuration Status=Enabled,MFADelete=Enabled \\\n  --mfa "arn:aws:iam::<ACCOUNT_ID>:mfa/root-account-mfa-device <MFA_CODE>"',
      terraform:
        'resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  mfa    = "<MFA_SERIAL> <MFA_CODE>"\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
    },
  },
  evaluate: ({ props }) => {
    const v = props.Versioning;
    if (v.MFADelete === 'Enabled') return pass();
    if (isUnknown(v.MFADelete as unknown) || isUnknown(v.Status as unknown)) {
      return error('the versioning configuration has unresolved values');
    }
    if (v.Status !== 'Enabled') {
      return fail('Versioning', {
        en: `Versioning is ${v.Status === 'Suspended' ? 'suspended' : 'not enabled'}, so MFA Delete is off`,
        ja: `バージョニングが${v.Status === 'Suspended' ? '停止されている' : '有効になっていない'}ため、MFA Delete も無効になっている`,
      });
    }
    return fail(v.MFADelete === undefined ? 'Versioning' : 'Versioning.MFADelete', {
      en: 'Versioning is enabled but MFA Delete is not',
      ja: 'バージョニングは有効だが、MFA Delete が有効になっていない',
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { Name: 'vault', Versioning: { Status: 'Enabled', MFADelete: 'Enabled' } } }],
      fail: [
        { props: { Name: 'never-versioned', Versioning: {} } },
        { props: { Name: 'versioned', Versioning: { Status: 'Enabled', MFADelete: 'Disabled' } } },
        { props: { Name: 'versioned-no-field', Versioning: { Status: 'Enabled' } } },
        { props: { Name: 'suspended', Versioning: { Status: 'Suspended', MFADelete: 'Disabled' } } },
      ],
      error: [
        { props: { Name: 'denied' }, gaps: { Versioning: 'AccessDenied: s3:GetBucketVersioning' } },
        { props: { Name: 'iac', Versioning: { $unknown: 'VersioningConfiguration from a parameter' } } },
      ],
    },
    terraform: {
      pass: [
        `resource "aws_s3_bucket" "records" {
  bucket = "example-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
`,
        // Provider v3 inline block.
        `resource "aws_s3_bucket" "records" {
  bucket = "example-records"
  versioning {
    enabled    = true
    mfa_delete = true
  }
}
`,
      ],
      fail: [
        `resource "aws_s3_bucket" "records" {
  bucket = "example-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
        `resource "aws_s3_bucket" "records" {
  bucket = "example-records"
}
`,
      ],
      error: [
        `variable "mfa_delete" {
  type = string
}

resource "aws_s3_bucket" "records" {
  bucket = "example-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = var.mfa_delete
  }
}
`,
      ],
    },
  },
});
