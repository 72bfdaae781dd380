import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { isCustomerManaged, kmsDecryptOnAllKeys, statementPath } from '../lib/iam.js';
import { statements } from '../lib/policy.js';
import { customerPolicyProps, doc } from './identity-fixtures.js';

export default defineAwsRule({
  id: 'aws-iam-policy-no-kms-decrypt-all-keys',
  resourceType: 'aws.iam.policy',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['KMS.1'],
  appliesTo: isCustomerManaged,
  needs: ['DefaultVersionDocument'],
  text: {
    title: {
      en: 'Customer managed IAM policies do not allow decryption with every KMS key',
      ja: 'カスタマー管理の IAM ポリシーがすべての KMS キーでの復号を許可していない',
    },
    description: {
      en: 'Checks that no Allow statement of a customer managed policy\'s default version grants kms:Decrypt or kms:ReEncryptFrom (directly, by wildcard or through NotAction) on Resource "*" or on every key of an account. Conditions are not considered, as in the Security Hub control.',
      ja: 'カスタマー管理ポリシーのデフォルトバージョンに、Resource "*"（またはアカウントのすべてのキー）に対して kms:Decrypt や kms:ReEncryptFrom を（直接、ワイルドカード、NotAction のいずれかで）許可する Allow ステートメントがないことを確認する。Security Hub のコントロールと同様に、条件は考慮しない。',
    },
    rationale: {
      en: 'Encryption with customer managed keys protects data only as far as decryption is limited to those who need it; "*" turns every encrypted secret, snapshot and object into something this policy can read.',
      ja: 'カスタマー管理キーによる暗号化は、復号できる主体を必要な者に限って初めて意味を持つ。"*" を許可すると、暗号化されたシークレット・スナップショット・オブジェクトのすべてがこのポリシーで読めてしまう。',
    },
    remediation: {
      text: {
        en: 'List the key ARNs the job needs in Resource, or add a kms:ViaService / kms:EncryptionContext condition and accept the finding as an exception.',
        ja: 'Resource に職務に必要なキーの ARN を列挙する。kms:ViaService や kms:EncryptionContext の条件で絞る場合は、例外として記録する。',
      },
      console: {
        en: 'IAM console → Policies → the policy → Edit → for kms:Decrypt / kms:ReEncryptFrom, replace Resource "*" with the key ARNs → Next → Save changes.',
        ja: 'IAM コンソール → ポリシー → 対象のポリシー → 編集 → kms:Decrypt / kms:ReEncryptFrom の Resource "*" をキーの ARN に置き換える → 次へ → 変更を保存。',
      },
      cli: 'aws iam create-policy-version --policy-arn <POLICY_ARN> --policy-document file://scoped-kms.json --set-as-default',
      cloudformation: 'AWS::IAM::ManagedPolicy PolicyDocument: kms:Decrypt on Resource: <KEY_ARN> (not "*")',
      terraform: 'resource "aws_iam_policy" policy: kms:Decrypt on Resource = <KEY_ARN> (not "*")',
      url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html',
    },
  },
  evaluate: ({ props }) => {
    const document = props.DefaultVersionDocument;
    for (const s of statements(document)) {
      const actions = kmsDecryptOnAllKeys(s);
      if (actions.length > 0) {
        return fail(statementPath('DefaultVersionDocument', document, s), {
          en: `Policy ${props.PolicyName} allows ${actions.join(' and ')} on all KMS keys`,
          ja: `ポリシー ${props.PolicyName} がすべての KMS キーに対して ${actions.join('、')} を許可している`,
        });
      }
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc(
              {
                Effect: 'Allow',
                Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
                Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
              },
              { Effect: 'Allow', Action: 'kms:ListAliases', Resource: '*' },
            ),
          }),
        },
        // NotAction that leaves out every KMS action does not grant decryption.
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc({ Effect: 'Allow', NotAction: ['kms:*', 'iam:*'], Resource: '*' }),
          }),
        },
      ],
      fail: [
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }),
          }),
        },
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc({
              Effect: 'Allow',
              Action: 'kms:*',
              Resource: 'arn:aws:kms:*:111122223333:key/*',
            }),
          }),
        },
        {
          props: customerPolicyProps({
            DefaultVersionDocument: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
          }),
        },
      ],
      error: [{ props: customerPolicyProps(), gaps: { DefaultVersionDocument: 'AccessDenied: iam:GetPolicyVersion' } }],
      notApplicable: [
        {
          props: customerPolicyProps({
            PolicyName: 'AWSKeyManagementServicePowerUser',
            Arn: 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser',
            DefaultVersionDocument: doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }),
          }),
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  ReadSecrets:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: kms:Decrypt
            Resource: !GetAtt AppKey.Arn
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ReadSecrets:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:Decrypt","kms:ReEncryptFrom"],"Resource":"*"}]}'
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyArn:
    Type: String
Resources:
  ReadSecrets:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: kms:Decrypt
            Resource: !Ref KeyArn
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_iam_policy" "read_secrets" {
  name = "read-secrets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "kms:Decrypt"
      Resource = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }]
  })
}
`,
      ],
      fail: [
        `resource "aws_iam_policy" "read_secrets" {
  name = "read-secrets"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "*" }]
  })
}
`,
      ],
      error: [
        `variable "key_arn" {
  type = string
}

resource "aws_iam_policy" "read_secrets" {
  name = "read-secrets"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = var.key_arn }]
  })
}
`,
      ],
    },
  },
});
