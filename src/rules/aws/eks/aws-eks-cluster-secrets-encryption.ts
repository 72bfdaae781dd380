import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from '../rds/templates.js';
import { EKS_CFN_BASE, EKS_CFN_SUBNETS, EKS_LIVE, EKS_TF_BASE, EKS_TF_SUBNETS } from './fixtures.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const { encryptionConfig: _omit, ...plain } = EKS_LIVE;

const cfn = (lines: string[], params?: string[]) =>
  cfnTemplate('AWS::EKS::Cluster', [...EKS_CFN_BASE, 'ResourcesVpcConfig:', ...EKS_CFN_SUBNETS, ...lines], {
    logicalId: 'Cluster',
    ...(params ? { params } : {}),
  });
const tf = (lines: string[], variables?: string[]) =>
  tfConfig('aws_eks_cluster', 'prod', [...EKS_TF_BASE, 'vpc_config {', EKS_TF_SUBNETS, '}', ...lines], {
    ...(variables ? { variables } : {}),
  });

export default defineAwsRule({
  id: 'aws-eks-cluster-secrets-encryption',
  resourceType: 'aws.eks.cluster',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['EKS.3'],
  text: {
    title: {
      en: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
      ja: 'EKS クラスターで Kubernetes シークレットを KMS キーで暗号化している',
    },
    description: {
      en: 'Checks that the cluster has an encryption configuration that covers the secrets resource with a KMS key (encryptionConfig).',
      ja: 'クラスターに、secrets リソースを KMS キーで暗号化する暗号化設定（encryptionConfig）があることを確認する。',
    },
    rationale: {
      en: 'Kubernetes secrets hold database passwords, tokens and keys. Envelope encryption with a KMS key you control adds a layer that a copy of the etcd data alone cannot get past, and key use is governed by the key policy and logged in CloudTrail (the default encryption uses a key you cannot control or audit).',
      ja: 'Kubernetes シークレットにはデータベースのパスワード、トークン、鍵が入る。自分で管理する KMS キーによるエンベロープ暗号化を加えると、etcd のデータを写しただけでは読めなくなり、キーの利用はキーポリシーで制御され CloudTrail に記録される（既定の暗号化は管理も監査もできないキーを使う）。',
    },
    remediation: {
      text: {
        en: 'Associate a KMS key with the cluster for secrets encryption (it cannot be removed or changed afterwards), then rewrite existing secrets so they are encrypted with it.',
        ja: 'シークレット暗号化用の KMS キーをクラスターに関連付け（後から解除や変更はできない）、既存のシークレットを書き直して新しいキーで暗号化されるようにする。',
      },
      console: {
        en: 'EKS console → Clusters → select the cluster → Overview tab → Secrets encryption → Enable → choose a KMS key → Enable.',
        ja: 'EKS コンソール → クラスター → 対象のクラスターを選択 → 概要 タブ → シークレットの暗号化 → 有効化 → KMS キーを選択 → 有効化。',
      },
      cli: 'aws eks associate-encryption-config --cluster-name <CLUSTER> \\\n  --encryption-config \'[{"resources":["secrets"],"provider":{"keyArn":"<KMS_KEY_ARN>"}}]\'\nkubectl get secrets --all-namespaces -o json | kubectl replace -f -',
      cloudformation:
        'Type: AWS::EKS::Cluster\nProperties:\n  EncryptionConfig:\n    - Resources: [secrets]\n      Provider:\n        KeyArn: <KMS_KEY_ARN>',
      terraform:
        'resource "aws_eks_cluster" "this" {\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
    },
  },
  evaluate: ({ props }) => {
    const configs = props.encryptionConfig as unknown;
    if (isUnknown(configs)) return error(`unresolved value at encryptionConfig: ${configs.$unknown}`);
    const list = Array.isArray(configs) ? (configs as Array<{ resources?: unknown }>) : [];
    if (list.some((c) => isUnknown(c) || isUnknown(c.resources))) return error('unresolved value in encryptionConfig');
    const covered = list.some((c) => Array.isArray(c.resources) && c.resources.includes('secrets'));
    return covered
      ? pass()
      : fail('encryptionConfig', {
          en: `Kubernetes secrets of ${props.name ?? 'the cluster'} are not encrypted with a KMS key`,
          ja: `${props.name ?? 'クラスター'} の Kubernetes シークレットが KMS キーで暗号化されていない`,
        });
  },
  fixtures: {
    live: {
      pass: [{ props: EKS_LIVE }],
      fail: [{ props: plain }, { props: { ...plain, encryptionConfig: [] } }],
      error: [
        { props: { ...plain, encryptionConfig: { $unknown: 'var.encryption' } } },
        { props: { ...plain, encryptionConfig: [{ resources: { $unknown: 'Ref Resources' } }] } },
      ],
    },
    cloudformation: {
      pass: [cfn(['EncryptionConfig:', '  - Resources:', '      - secrets', '    Provider:', `      KeyArn: ${KEY}`])],
      fail: [cfn([])],
      error: [
        cfn(['EncryptionConfig:', '  - Resources: !Ref Setting', '    Provider:', `      KeyArn: ${KEY}`], ['Setting']),
      ],
    },
    terraform: {
      pass: [
        tf([
          'encryption_config {',
          '  resources = ["secrets"]',
          '  provider {',
          '    key_arn = aws_kms_key.eks.arn',
          '  }',
          '}',
        ]).concat('\nresource "aws_kms_key" "eks" {\n  enable_key_rotation = true\n}\n'),
      ],
      fail: [tf([])],
      error: [
        tf(
          ['encryption_config {', '  resources = var.resources', '  provider {', `    key_arn = "${KEY}"`, '  }', '}'],
          ['resources'],
        ),
      ],
    },
  },
});
