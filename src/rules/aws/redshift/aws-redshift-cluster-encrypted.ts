import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-redshift-cluster-encrypted',
  resourceType: 'aws.redshift.cluster',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['Redshift.10'],
  needs: ['Encrypted'],
  text: {
    title: {
      en: 'Redshift clusters are encrypted at rest',
      ja: 'Redshift クラスターで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the cluster’s data blocks, system metadata and snapshots are encrypted at rest (Encrypted).',
      ja: 'クラスターのデータブロック、システムメタデータ、スナップショットが保存時に暗号化されている（Encrypted）ことを確認する。',
    },
    rationale: {
      en: 'Clusters created before encryption became the default may still be unencrypted, and so are their snapshots: a snapshot shared or copied by mistake is then readable as is.',
      ja: '暗号化が既定になる前に作成したクラスターは暗号化されていないことがあり、そのスナップショットも同様である。誤って共有・コピーされたスナップショットがそのまま読めてしまう。',
    },
    remediation: {
      text: {
        en: 'Encrypt the cluster with a KMS key (Redshift migrates the data to an encrypted cluster in place; plan for the cluster being read-only during the change).',
        ja: 'KMS キーでクラスターを暗号化する（Redshift がデータを暗号化されたクラスターへ移行する。変更中はクラスターが読み取り専用になる前提で計画する）。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Properties tab → Database configurations → Edit → Edit encryption → Use AWS Key Management Service (AWS KMS) → choose a key → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → プロパティ タブ → データベース設定 → 編集 → 暗号化を編集 → AWS Key Management Service (AWS KMS) を使用 → キーを選択 → 変更を保存。',
      },
      cli: 'aws redshift modify-cluster --cluster-identifier <CLUSTER> --encrypted --kms-key-id <KMS_KEY_ARN>',
      cloudformation: 'Type: AWS::Redshift::Cluster\nProperties:\n  Encrypted: true\n  KmsKeyId: <KMS_KEY_ARN>',
      terraform:
        'resource "aws_redshift_cluster" "this" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.redshift.arn\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
    },
  },
  evaluate: ({ props }) =>
    props.Encrypted === true
      ? pass()
      : fail('Encrypted', {
          en: `${props.ClusterIdentifier ?? 'The cluster'} is not encrypted at rest`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} が保存時に暗号化されていない`,
        }),
  fixtures: {
    live: {
      pass: [{ props: REDSHIFT_LIVE }],
      fail: [{ props: { ...REDSHIFT_LIVE, Encrypted: false, KmsKeyId: undefined } }],
      error: [
        { props: { ...REDSHIFT_LIVE, Encrypted: undefined } },
        { props: { ...REDSHIFT_LIVE, Encrypted: { $unknown: 'var.encrypted' } } },
      ],
    },
    cloudformation: {
      // Since January 2025 new provisioned clusters are encrypted unless Encrypted is set to false.
      pass: [redshiftCfn([]), redshiftCfn(['Encrypted: true', 'KmsKeyId: alias/redshift'])],
      fail: [redshiftCfn(['Encrypted: false'])],
      error: [redshiftCfn(['Encrypted: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [
        redshiftTf(['encrypted  = true', 'kms_key_id = aws_kms_key.redshift.arn'], {
          extra: '\nresource "aws_kms_key" "redshift" {\n  enable_key_rotation = true\n}\n',
        }),
      ],
      fail: [redshiftTf(['encrypted = false'])],
      // The provider's default for an absent `encrypted` depends on its version.
      error: [redshiftTf([]), redshiftTf(['encrypted = var.encrypted'], { variables: ['encrypted'] })],
    },
  },
});
