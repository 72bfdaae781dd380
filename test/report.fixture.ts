// A small hand-made scan for the report tests: every status, two accounts, IaC and live sources, a collection
// error, a framework with a manual item, an exception, oversized evidence, Japanese text and hostile strings.
import type { Finding } from '../src/core/finding.js';
import type { Resource } from '../src/core/resource.js';
import { type AnyRule, defineRule, error, fail, pass } from '../src/core/rule.js';
import { runScan, type ScanResult } from '../src/engine/scan.js';
import { SummaryBuilder } from '../src/engine/summary.js';
import type { Framework } from '../src/frameworks/model.js';
import type { LoadedInventory } from '../src/inventory/snapshot.js';
import awsKmsKeyRotationEnabled from '../src/rules/aws/kms/aws-kms-key-rotation-enabled.js';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_TAG = '=HYPERLINK("http://x")';
export const SCRIPT_TAG = '</script><script>alert(2)</script>';
export const JAPANESE_NAME = '本番用バケット（顧客データ）';
export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '222233334444';
export const IAC_FILE = '/repo/templates/my stack.yaml';
export const BASE_DIR = '/repo';

type Props = Record<string, unknown>;

const noFixtures = { live: { pass: [], fail: [], error: [] } };

const bucketEncrypted = defineRule<Props>({
  id: 'test-s3-bucket-encrypted',
  resourceType: 'aws.s3.bucket',
  category: 'encryption',
  severity: 'high',
  needs: ['ServerSideEncryptionConfiguration'],
  text: {
    title: { en: 'S3 buckets use default encryption', ja: 'S3 バケットで保存時の暗号化が有効になっている' },
    description: {
      en: 'Checks that each bucket has a default encryption configuration.',
      ja: '各バケットにデフォルト暗号化の設定があることを確認する。',
    },
    rationale: {
      en: 'Objects written without encryption stay readable to anyone who gets the disks.',
      ja: '暗号化されていないオブジェクトは、ディスクを入手した者に読まれてしまう。',
    },
    remediation: {
      text: { en: 'Turn on default encryption (SSE-KMS).', ja: 'デフォルト暗号化（SSE-KMS）を有効にする。' },
      console: {
        en: 'S3 console → Buckets → the bucket → Properties → Default encryption → Edit.',
        ja: 'S3 コンソール → バケット → 対象のバケット → プロパティ → デフォルトの暗号化 → 編集。',
      },
      cli: 'aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}\'',
      cloudformation:
        'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms',
      terraform: 'resource "aws_s3_bucket_server_side_encryption_configuration" "x" { ... }',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
    },
  },
  evaluate: ({ props }) =>
    props.ServerSideEncryptionConfiguration
      ? pass()
      : fail('ServerSideEncryptionConfiguration', {
          en: 'Default encryption is not configured',
          ja: 'デフォルト暗号化が設定されていない',
        }),
  fixtures: noFixtures,
});

const sgNoOpenSsh = defineRule<Props>({
  id: 'test-ec2-security-group-no-open-ssh',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'critical',
  needs: ['IpPermissions'],
  text: {
    title: {
      en: 'Security groups do not allow SSH from anywhere',
      ja: 'セキュリティグループで SSH が全開放されていない',
    },
    description: {
      en: 'Checks ingress rules for port 22 from 0.0.0.0/0.',
      ja: '0.0.0.0/0 からポート 22 への受信ルールがないことを確認する。',
    },
    rationale: {
      en: 'SSH open to the internet is scanned within minutes.',
      ja: 'インターネットに公開された SSH は数分で探索される。',
    },
    remediation: {
      text: { en: 'Remove the rule or limit its source.', ja: 'ルールを削除するか、送信元を限定する。' },
      cli: 'aws ec2 revoke-security-group-ingress --group-id <GROUP_ID> --protocol tcp --port 22 --cidr 0.0.0.0/0',
    },
  },
  evaluate: ({ props }) => {
    const perms = props.IpPermissions as Array<{ FromPort?: number; IpRanges?: Array<{ CidrIp?: string }> }>;
    const open = perms.some((p) => p.FromPort === 22 && (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0'));
    return open
      ? fail('IpPermissions', { en: 'Port 22 is open to 0.0.0.0/0', ja: 'ポート 22 が 0.0.0.0/0 に公開されている' })
      : pass();
  },
  fixtures: noFixtures,
});

const userMfa = defineRule<Props>({
  id: 'test-iam-user-mfa',
  resourceType: 'aws.iam.user',
  category: 'identity',
  severity: 'low',
  text: {
    title: { en: 'IAM users have MFA', ja: 'IAM ユーザーで MFA が有効になっている' },
    description: { en: 'Checks MFA devices.', ja: 'MFA デバイスを確認する。' },
    rationale: { en: 'Passwords leak.', ja: 'パスワードは漏えいする。' },
    remediation: { text: { en: 'Assign an MFA device.', ja: 'MFA デバイスを割り当てる。' } },
  },
  evaluate: ({ props }) => {
    if (props.MfaUnknown) return error('value not resolved: !Ref MfaParam');
    return props.Mfa
      ? pass({ en: 'MFA device present', ja: 'MFA デバイスがある' })
      : fail('Mfa', { en: 'No MFA', ja: 'MFA がない' });
  },
  fixtures: noFixtures,
});

export const TEST_RULES: readonly AnyRule[] = [bucketEncrypted, sgNoOpenSsh, userMfa, awsKmsKeyRotationEnabled];

export const FRAMEWORK: Framework = {
  id: 'test-fw',
  title: { en: 'Test guideline', ja: 'テスト用ガイドライン' },
  version: '1.0',
  description: { en: 'For tests.', ja: 'テスト用。' },
  requirements: [
    { id: '1.1', title: { en: 'Encrypt', ja: '暗号化' }, section: '1', rules: TEST_RULES.map((r) => r.id) },
    {
      id: '1.2',
      title: { en: 'Accounts are separated by environment', ja: '環境ごとにアカウントを分割している' },
      section: '1',
      manual: {
        guidance: {
          en: 'Confirm production has its own account.',
          ja: '本番環境が専用のアカウントにあることを確認する。',
        },
        category: 'account-separation',
      },
    },
  ],
};

const live = { kind: 'live' as const, collectedAt: '2026-11-01T00:00:00Z' };
const res = (r: Omit<Resource, 'provider' | 'tags' | 'source'> & Partial<Resource>): Resource => ({
  provider: 'aws',
  tags: {},
  source: live,
  ...r,
});

const customerKey = { KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled' };
// Evidence larger than 4 KB of JSON, to exercise truncation.
const manyRules = Array.from({ length: 120 }, (_, i) => ({
  IpProtocol: 'tcp',
  FromPort: i === 0 ? 22 : 1000 + i,
  ToPort: i === 0 ? 22 : 1000 + i,
  IpRanges: [{ CidrIp: '0.0.0.0/0', Description: `rule ${i}` }],
}));

export function inventory(): LoadedInventory {
  return {
    files: ['snapshot.json'],
    warnings: [
      `duplicate resource uid arn:aws:s3:::dup-bucket ${HOSTILE_NAME}: later copy skipped`,
      `unknown resource type 'aws.x.\u001b[2J\u001b]0;pwned\u0007' (1 resource): skipped`,
    ],
    errors: [
      {
        account: ACCOUNT_B,
        region: 'eu-west-1',
        service: 's3',
        operation: 'ListBuckets',
        resourceType: 'aws.s3.bucket',
        code: 'AccessDenied',
        message: 'not authorized to perform s3:ListAllMyBuckets <b>bold</b>',
      },
    ],
    resources: [
      res({
        uid: `arn:aws:iam::${ACCOUNT_A}:root`,
        account: ACCOUNT_A,
        region: 'global',
        type: 'aws.account',
        name: ACCOUNT_A,
        props: {},
      }),
      res({
        uid: `arn:aws:iam::${ACCOUNT_B}:root`,
        account: ACCOUNT_B,
        region: 'global',
        type: 'aws.account',
        name: ACCOUNT_B,
        props: {},
      }),
      res({
        uid: 'arn:aws:s3:::hostile-bucket',
        account: ACCOUNT_A,
        region: 'us-east-1',
        type: 'aws.s3.bucket',
        name: HOSTILE_NAME,
        tags: { Owner: HOSTILE_TAG, Note: SCRIPT_TAG, 部署: '情報システム部' },
        props: { ServerSideEncryptionConfiguration: null },
      }),
      res({
        uid: 'arn:aws:s3:::prod-customer-data',
        account: ACCOUNT_A,
        region: 'ap-northeast-1',
        type: 'aws.s3.bucket',
        name: JAPANESE_NAME,
        tags: { 環境: '本番' },
        props: {
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
          },
        },
      }),
      res({
        uid: 'arn:aws:s3:::comma,"quote"-bucket',
        account: ACCOUNT_B,
        region: 'us-east-1',
        type: 'aws.s3.bucket',
        name: '-1+1 ,"quoted"\u0007\u001b[31m',
        props: { ServerSideEncryptionConfiguration: null },
      }),
      res({
        uid: `arn:aws:ec2:us-east-1:${ACCOUNT_A}:security-group/sg-0123456789abcdef0`,
        account: ACCOUNT_A,
        region: 'us-east-1',
        type: 'aws.ec2.security_group',
        name: 'web-sg',
        props: { IpPermissions: manyRules },
      }),
      res({
        uid: `arn:aws:ec2:us-east-1:${ACCOUNT_B}:security-group/sg-0fedcba9876543210`,
        account: ACCOUNT_B,
        region: 'us-east-1',
        type: 'aws.ec2.security_group',
        name: '@admin-sg',
        props: { IpPermissions: [] },
      }),
      res({
        uid: `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/1111`,
        account: ACCOUNT_A,
        region: 'us-east-1',
        type: 'aws.kms.key',
        name: 'alias/app',
        props: { KeyMetadata: customerKey, KeyRotationEnabled: false },
      }),
      res({
        uid: `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/2222`,
        account: ACCOUNT_A,
        region: 'us-east-1',
        type: 'aws.kms.key',
        name: 'alias/denied',
        props: { KeyMetadata: customerKey },
        gaps: { KeyRotationEnabled: 'AccessDenied: not authorized to perform kms:GetKeyRotationStatus' },
      }),
      res({
        uid: `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/3333`,
        account: ACCOUNT_A,
        region: 'us-east-1',
        type: 'aws.kms.key',
        name: 'alias/aws/s3',
        props: { KeyMetadata: { ...customerKey, KeyManager: 'AWS' } },
      }),
      res({
        uid: 'cfn:my-stack:DeployUser',
        account: ACCOUNT_A,
        region: 'global',
        type: 'aws.iam.user',
        name: 'DeployUser',
        props: { Mfa: false },
        source: { kind: 'cloudformation', file: IAC_FILE, line: 12 },
      }),
      res({
        uid: 'cfn:my-stack:ParamUser',
        account: ACCOUNT_A,
        region: 'global',
        type: 'aws.iam.user',
        name: 'ParamUser',
        props: { MfaUnknown: true },
        source: { kind: 'cloudformation', file: IAC_FILE, line: 30 },
      }),
      res({
        uid: `arn:aws:iam::${ACCOUNT_B}:user/alice`,
        account: ACCOUNT_B,
        region: 'global',
        type: 'aws.iam.user',
        name: 'alice',
        props: { Mfa: true },
      }),
    ],
  };
}

/** The scan, with one FAIL turned into EXCEPTED (the exception engine is not here yet) and the summary rebuilt. */
export function scan(): ScanResult {
  const result = runScan(inventory(), TEST_RULES, { framework: FRAMEWORK, now: new Date('2026-11-01T00:00:00Z') });
  const target = result.findings.find(
    (f: Finding) => f.ruleId === 'test-s3-bucket-encrypted' && f.resource.account === ACCOUNT_B && f.status === 'FAIL',
  );
  if (!target) throw new Error('fixture: no FAIL to except');
  target.status = 'EXCEPTED';
  target.exception = {
    kind: 'alternative-control',
    reason: 'バケットポリシーで暗号化なしの PUT を拒否している <i>',
    approver: 'sec-team',
    expires: '2027-03-31',
  };
  const builder = new SummaryBuilder();
  for (const f of result.findings) builder.add(f);
  const summary = builder.build();
  summary.byStatus['N/A'] = result.notApplicable;
  return { ...result, summary };
}
