import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { describeActions, statementPath } from '../lib/iam.js';
import { publicAllowStatements, statements } from '../lib/policy.js';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const metadata = {
  AWSAccountId: '111122223333',
  KeyId: keyId,
  Arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
  CreationDate: '2025-05-01T00:00:00+00:00',
  Enabled: true,
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  KeySpec: 'SYMMETRIC_DEFAULT',
  MultiRegion: false,
};
const rootStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 'kms:*',
  Resource: '*',
};
const key = (Statement: unknown[], extra: Record<string, unknown> = {}) => ({
  KeyMetadata: { ...metadata, ...extra },
  KeyRotationEnabled: true,
  Policy: { Version: '2012-10-17', Id: 'key-default-1', Statement },
  AliasNames: ['alias/app-data'],
});

export default defineAwsRule({
  id: 'aws-kms-key-policy-no-public-principal',
  resourceType: 'aws.kms.key',
  category: 'identity',
  severity: 'high',
  fsbp: ['KMS.5'],
  needs: ['Policy'],
  text: {
    title: {
      en: 'KMS key policies do not allow unrestricted access with Principal "*"',
      ja: 'KMS キーポリシーで Principal "*" による無制限のアクセスが許可されていない',
    },
    description: {
      en: 'Checks that no Allow statement of the key policy names Principal "*" (or AWS "*") without a condition that pins the caller, such as kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID or aws:SourceVpce.',
      ja: 'キーポリシーの Allow ステートメントが、kms:CallerAccount、kms:ViaService、aws:PrincipalOrgID、aws:SourceVpce など呼び出し元を限定する条件なしに Principal "*"（または AWS "*"）を指定していないことを確認する。',
    },
    rationale: {
      en: 'The key policy is the primary control over a KMS key. An unrestricted "*" lets any AWS account use the key to decrypt data or create grants, or even manage the key, depending on the actions allowed.',
      ja: 'キーポリシーは KMS キーに対する最も基本的なアクセス制御である。制限のない "*" は、許可されたアクションに応じて、任意の AWS アカウントにキーを使った復号やグラントの作成、さらにはキーの管理まで許してしまう。',
    },
    remediation: {
      text: {
        en: 'Name the accounts or roles that need the key instead of "*", or add kms:CallerAccount / aws:PrincipalOrgID (with kms:ViaService where the key serves an AWS service) to the statement.',
        ja: '"*" の代わりにキーを必要とするアカウントやロールを指定するか、ステートメントに kms:CallerAccount / aws:PrincipalOrgID（AWS サービス経由で使うキーなら kms:ViaService も）の条件を追加する。',
      },
      console: {
        en: 'KMS console → Customer managed keys → select the key → Key policy tab → Switch to policy view → Edit → change the statement with "Principal": "*" → Save changes.',
        ja: 'KMS コンソール → カスタマー管理型のキー → 対象のキーを選択 → キーポリシー タブ → ポリシービューへの切り替え → 編集 → "Principal": "*" のステートメントを修正 → 変更を保存。',
      },
      cli: 'aws kms get-key-policy --key-id <KEY_ID> --policy-name default --output text\naws kms put-key-policy --key-id <KEY_ID> --policy-name default --policy file://key-policy.json',
      cloudformation: 'AWS::KMS::Key → KeyPolicy: no Allow with Principal "*" unless a Condition restricts it',
      terraform:
        'resource "aws_kms_key" → policy: no Allow with principals identifiers = ["*"] unless a condition restricts it',
      url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const doc = props.Policy;
    const first = publicAllowStatements(doc)[0];
    if (!doc || !first) {
      // An unresolved principal or condition could be anything, "*" included.
      const unresolved = (v: unknown) => v !== undefined && JSON.stringify(v).includes('"$unknown"');
      if (statements(doc).some((s) => s.Effect !== 'Deny' && (unresolved(s.Principal) || unresolved(s.Condition)))) {
        return error('the policy has unresolved values, so its principals cannot be judged');
      }
      return pass();
    }
    return fail(statementPath('Policy', doc, first), {
      en: `Key ${resource.name} allows ${describeActions(first, 'en')} to any principal without a restricting condition`,
      ja: `キー ${resource.name} が制限条件なしで任意のプリンシパルに ${describeActions(first, 'ja')} を許可している`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: key([rootStatement]) },
        // The shape of an AWS managed key's policy: "*" pinned by kms:CallerAccount and kms:ViaService.
        {
          props: key(
            [
              {
                Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
                Effect: 'Allow',
                Principal: { AWS: '*' },
                Action: [
                  'kms:Encrypt',
                  'kms:Decrypt',
                  'kms:ReEncrypt*',
                  'kms:GenerateDataKey*',
                  'kms:CreateGrant',
                  'kms:DescribeKey',
                ],
                Resource: '*',
                Condition: {
                  StringEquals: {
                    'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
                    'kms:CallerAccount': '111122223333',
                  },
                },
              },
            ],
            { KeyManager: 'AWS', Description: 'Default key that protects my EBS volumes when no other key is defined' },
          ),
        },
        // Shared with the organization only.
        {
          props: key([
            rootStatement,
            {
              Sid: 'OrgDecrypt',
              Effect: 'Allow',
              Principal: '*',
              Action: 'kms:Decrypt',
              Resource: '*',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ]),
        },
      ],
      fail: [
        {
          props: key([
            rootStatement,
            { Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
          ]),
        },
        // kms:EncryptionContext does not say who the caller is.
        {
          props: key([
            rootStatement,
            {
              Sid: 'AnyAccountWithContext',
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['kms:Decrypt', 'kms:CreateGrant'],
              Resource: '*',
              Condition: { StringEquals: { 'kms:EncryptionContext:app': 'billing' } },
            },
          ]),
        },
        {
          props: {
            ...key([]),
            Policy: {
              Version: '2012-10-17',
              Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' },
            },
          },
        },
      ],
      error: [
        { props: { ...key([]), Policy: undefined }, gaps: { Policy: 'AccessDeniedException: kms:GetKeyPolicy' } },
        { props: { ...key([]), Policy: undefined } },
      ],
    },
    cloudformation: {
      pass: [
        // No KeyPolicy: KMS attaches its default policy (the account root only).
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`,
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: EnableRootAccess
            Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: 'kms:*'
            Resource: '*'
          - Sid: OrgDecrypt
            Effect: Allow
            Principal: '*'
            Action: kms:Decrypt
            Resource: '*'
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-a1b2c3d4e5
`,
      ],
      fail: [
        `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: EnableRootAccess
            Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:root
            Action: 'kms:*'
            Resource: '*'
          - Sid: Everyone
            Effect: Allow
            Principal: '*'
            Action: kms:Decrypt
            Resource: '*'
`,
      ],
      error: [
        `Parameters:
  KeyUserArn:
    Type: String
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Ref KeyUserArn
            Action: kms:Decrypt
            Resource: '*'
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_kms_key" "data" {
  description         = "application data"
  enable_key_rotation = true
}
`,
      ],
      fail: [
        `resource "aws_kms_key" "data" {
  description = "application data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:CreateGrant"]
      Resource  = "*"
    }]
  })
}
`,
        // The policy in a separate aws_kms_key_policy.
        `resource "aws_kms_key" "data" {
  description = "application data"
}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
`,
      ],
      error: [
        `variable "key_policy" {
  type = string
}

resource "aws_kms_key" "data" {
  description = "application data"
  policy      = var.key_policy
}
`,
      ],
    },
  },
});
