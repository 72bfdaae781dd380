import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { RG_LIVE, rgCfn, rgTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-elasticache-replication-group-encrypted-at-rest',
  resourceType: 'aws.elasticache.replication_group',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['ElastiCache.4'],
  needs: ['AtRestEncryptionEnabled'],
  text: {
    title: {
      en: 'ElastiCache replication groups are encrypted at rest',
      ja: 'ElastiCache レプリケーショングループで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the replication group encrypts data on disk during syncs, swaps and backups (AtRestEncryptionEnabled).',
      ja: 'レプリケーショングループが、同期・スワップ・バックアップの際にディスク上のデータを暗号化している（AtRestEncryptionEnabled）ことを確認する。',
    },
    rationale: {
      en: 'Caches hold sessions, tokens and copies of database rows. Without encryption at rest, that data lies unencrypted in the nodes’ swap and in backups exported to S3.',
      ja: 'キャッシュにはセッション、トークン、データベースの行の写しが入る。保存時の暗号化がないと、ノードのスワップや S3 にエクスポートされたバックアップにそのデータが暗号化されずに残る。',
    },
    remediation: {
      text: {
        en: 'At-rest encryption is chosen when the group is created: create a new encrypted replication group (seeded from a backup) and point clients at it.',
        ja: '保存時の暗号化は作成時に決まる。暗号化を有効にした新しいレプリケーショングループを（バックアップから）作成し、クライアントの接続先を切り替える。',
      },
      console: {
        en: 'ElastiCache console → Backups → select a backup of the group → Restore → Encryption at rest: Enable, choose a KMS key → Create; then switch clients to the new endpoint.',
        ja: 'ElastiCache コンソール → バックアップ → グループのバックアップを選択 → 復元 → 保管時の暗号化: 有効化、KMS キーを選択 → 作成。その後クライアントの接続先を新しいエンドポイントに切り替える。',
      },
      cli: 'aws elasticache create-replication-group --replication-group-id <NEW_GROUP> \\\n  --replication-group-description "<DESCRIPTION>" --snapshot-name <BACKUP> --at-rest-encryption-enabled --kms-key-id <KMS_KEY_ARN>',
      cloudformation:
        'Type: AWS::ElastiCache::ReplicationGroup\nProperties:\n  AtRestEncryptionEnabled: true\n  KmsKeyId: <KMS_KEY_ARN>',
      terraform: 'resource "aws_elasticache_replication_group" "this" {\n  at_rest_encryption_enabled = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
    },
  },
  evaluate: ({ props }) =>
    props.AtRestEncryptionEnabled === true
      ? pass()
      : fail('AtRestEncryptionEnabled', {
          en: `Replication group ${props.ReplicationGroupId ?? ''} is not encrypted at rest`,
          ja: `レプリケーショングループ ${props.ReplicationGroupId ?? ''} で保存時の暗号化が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: RG_LIVE }],
      fail: [{ props: { ...RG_LIVE, AtRestEncryptionEnabled: false, KmsKeyId: undefined } }],
      error: [
        { props: { ...RG_LIVE, AtRestEncryptionEnabled: undefined } },
        { props: { ...RG_LIVE, AtRestEncryptionEnabled: { $unknown: 'Ref Encrypt' } } },
      ],
    },
    cloudformation: {
      pass: [rgCfn(['AtRestEncryptionEnabled: true'])],
      fail: [rgCfn([]), rgCfn(['AtRestEncryptionEnabled: false'])],
      error: [rgCfn(['AtRestEncryptionEnabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [rgTf(['at_rest_encryption_enabled = true'])],
      fail: [rgTf([]), rgTf(['at_rest_encryption_enabled = "false"'])],
      error: [rgTf(['at_rest_encryption_enabled = var.encrypt'], ['encrypt'])],
    },
  },
});
