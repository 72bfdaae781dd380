import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import { defineAwsRule } from '../../define.js';
import { kmsDecryptOnAllKeys, statementPath } from '../lib/iam.js';
import { statements } from '../lib/policy.js';
import { CFN_CODEBUILD_TRUST, cfnRole, doc, roleProps, TF_CODEBUILD_TRUST, tfRole } from './identity-fixtures.js';

const inline = (PolicyName: string, ...Statement: unknown[]) => ({ PolicyName, PolicyDocument: doc(...Statement) });
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

export default defineAwsRule({
  id: 'aws-iam-role-inline-no-kms-decrypt-all-keys',
  resourceType: 'aws.iam.role',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['KMS.2'],
  needs: ['RolePolicyList'],
  text: {
    title: {
      en: 'IAM role inline policies do not allow decryption with every KMS key',
      ja: 'IAM ロールのインラインポリシーがすべての KMS キーでの復号を許可していない',
    },
    description: {
      en: 'Checks that no inline policy of the role grants kms:Decrypt or kms:ReEncryptFrom (directly, by wildcard or through NotAction) on Resource "*" or on every key of an account. Conditions are not considered, as in the Security Hub control.',
      ja: 'ロールのインラインポリシーが、Resource "*"（またはアカウントのすべてのキー）に対して kms:Decrypt や kms:ReEncryptFrom を（直接、ワイルドカード、NotAction のいずれかで）許可していないことを確認する。Security Hub のコントロールと同様に、条件は考慮しない。',
    },
    rationale: {
      en: 'A workload role that can decrypt with any key can read every encrypted secret, snapshot and object it can reach, so a compromised workload exposes far more than its own data.',
      ja: '任意のキーで復号できるワークロードのロールは、到達できる暗号化済みのシークレット・スナップショット・オブジェクトをすべて読める。ワークロードが侵害されると、自身のデータをはるかに超える範囲が漏えいする。',
    },
    remediation: {
      text: {
        en: 'List the key ARNs the role needs in Resource of its inline policies.',
        ja: 'インラインポリシーの Resource に、ロールが必要とするキーの ARN を列挙する。',
      },
      console: {
        en: 'IAM console → Roles → the role → Permissions tab → the inline policy → Edit → for kms:Decrypt / kms:ReEncryptFrom, replace Resource "*" with the key ARNs → Save changes.',
        ja: 'IAM コンソール → ロール → 対象のロール → 許可 タブ → 対象のインラインポリシー → 編集 → kms:Decrypt / kms:ReEncryptFrom の Resource "*" をキーの ARN に置き換える → 変更を保存。',
      },
      cli: 'aws iam get-role-policy --role-name <ROLE> --policy-name <POLICY>\naws iam put-role-policy --role-name <ROLE> --policy-name <POLICY> --policy-document file://scoped-kms.json',
      cloudformation: 'AWS::IAM::Role Policies / AWS::IAM::Policy: kms:Decrypt on Resource: <KEY_ARN> (not "*")',
      terraform: 'aws_iam_role_policy / inline_policy: kms:Decrypt on Resource = <KEY_ARN> (not "*")',
      url: 'https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html',
    },
  },
  evaluate: ({ props }) => {
    for (const [i, p] of props.RolePolicyList.entries()) {
      const document: unknown = p.PolicyDocument;
      if (isUnknown(document)) {
        return error(`unresolved value at RolePolicyList.${i}.PolicyDocument: ${document.$unknown}`);
      }
      const d = document as PolicyDocument;
      for (const s of statements(d)) {
        const actions = kmsDecryptOnAllKeys(s);
        if (actions.length > 0) {
          return fail(statementPath(`RolePolicyList.${i}.PolicyDocument`, d, s), {
            en: `Inline policy ${p.PolicyName} of role ${props.RoleName} allows ${actions.join(' and ')} on all KMS keys`,
            ja: `ロール ${props.RoleName} のインラインポリシー ${p.PolicyName} がすべての KMS キーに対して ${actions.join('、')} を許可している`,
          });
        }
      }
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: roleProps() },
        {
          props: roleProps({
            RolePolicyList: [
              inline('read-secrets', { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY }),
              inline('deny-all-decrypt', { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }),
            ],
          }),
        },
      ],
      fail: [
        { props: roleProps({ RolePolicyList: [inline('kms', { Effect: 'Allow', Action: 'kms:*', Resource: '*' })] }) },
        {
          props: roleProps({
            RolePolicyList: [
              inline('logs', { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }),
              inline('reencrypt', {
                Effect: 'Allow',
                Action: 'kms:ReEncrypt*',
                Resource: 'arn:aws:kms:*:111122223333:key/*',
              }),
            ],
          }),
        },
      ],
      error: [
        {
          props: roleProps({ RolePolicyList: undefined }),
          gaps: { RolePolicyList: 'AccessDenied: iam:GetRolePolicy' },
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnRole(`${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: read-secrets
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt SecretsKey.Arn
  SecretsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`),
      ],
      fail: [
        cfnRole(`${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: read-secrets
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action:
                  - kms:Decrypt
                  - secretsmanager:GetSecretValue
                Resource: '*'
`),
      ],
      error: [
        cfnRole(
          `${CFN_CODEBUILD_TRUST}      Policies:
        - PolicyName: read-secrets
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !Ref KeyArn
`,
          'Parameters:\n  KeyArn:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
resource "aws_iam_role_policy" "read_secrets" {
  name = "read-secrets"
  role = aws_iam_role.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = "${KEY}" }]
  })
}
`,
        ),
      ],
      fail: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
resource "aws_iam_role_policy" "read_secrets" {
  name = "read-secrets"
  role = aws_iam_role.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "*" }]
  })
}
`,
        ),
      ],
      error: [
        tfRole(
          TF_CODEBUILD_TRUST,
          `
variable "key_arn" {
  type = string
}

resource "aws_iam_role_policy" "read_secrets" {
  name = "read-secrets"
  role = aws_iam_role.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = var.key_arn }]
  })
}
`,
        ),
      ],
    },
  },
});
