import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { RG_LIVE, rgCfn, rgTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-elasticache-replication-group-automatic-backups',
  resourceType: 'aws.elasticache.replication_group',
  category: 'backup',
  severity: 'medium',
  fsbp: ['ElastiCache.1'],
  needs: ['SnapshotRetentionLimit'],
  // Days of automatic backups to keep at least (Security Hub's default for ElastiCache.1 is 1).
  params: { minDays: 1 },
  text: {
    title: {
      en: 'ElastiCache replication groups have automatic backups enabled',
      ja: 'ElastiCache レプリケーショングループで自動バックアップが有効になっている',
    },
    description: {
      en: 'Checks that the replication group takes daily automatic backups and keeps them for at least the minimum number of days (SnapshotRetentionLimit, parameter minDays, 1 by default).',
      ja: 'レプリケーショングループが毎日自動バックアップを取得し、最小日数（SnapshotRetentionLimit、パラメータ minDays、既定 1 日）以上保持していることを確認する。',
    },
    rationale: {
      en: 'When a cache holds data that is not stored anywhere else (sessions, queues, leaderboards), losing every node or a bad FLUSHALL loses the data for good unless a backup exists to restore from.',
      ja: 'キャッシュがほかに保存されていないデータ（セッション、キュー、ランキングなど）を持つ場合、全ノードの喪失や誤った FLUSHALL が起きると、復元元のバックアップがなければデータは完全に失われる。',
    },
    remediation: {
      text: {
        en: 'Enable automatic backups for the replication group with a retention period and a backup window outside peak hours.',
        ja: 'レプリケーショングループで自動バックアップを有効にし、保持期間とピーク時間帯を避けたバックアップウィンドウを設定する。',
      },
      console: {
        en: 'ElastiCache console → select the cluster → Modify → Backup: Enable automatic backups, Backup retention period: 7 days → Preview changes → Modify.',
        ja: 'ElastiCache コンソール → 対象のクラスターを選択 → 変更 → バックアップ: 自動バックアップを有効化、バックアップ保持期間: 7 日 → 変更をプレビュー → 変更。',
      },
      cli: 'aws elasticache modify-replication-group --replication-group-id <GROUP> \\\n  --snapshot-retention-limit 7 --snapshot-window 17:00-18:00 --apply-immediately',
      cloudformation:
        'Type: AWS::ElastiCache::ReplicationGroup\nProperties:\n  SnapshotRetentionLimit: 7\n  SnapshotWindow: "17:00-18:00"',
      terraform:
        'resource "aws_elasticache_replication_group" "this" {\n  snapshot_retention_limit = 7\n  snapshot_window          = "17:00-18:00"\n}',
      url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minDays);
    const days = props.SnapshotRetentionLimit ?? 0;
    return days >= min
      ? pass()
      : fail('SnapshotRetentionLimit', {
          en:
            days === 0
              ? `Automatic backups are off for replication group ${props.ReplicationGroupId ?? ''}`
              : `Replication group ${props.ReplicationGroupId ?? ''} keeps automatic backups for ${days} day(s), fewer than ${min}`,
          ja:
            days === 0
              ? `レプリケーショングループ ${props.ReplicationGroupId ?? ''} で自動バックアップが無効になっている`
              : `レプリケーショングループ ${props.ReplicationGroupId ?? ''} の自動バックアップ保持期間が ${days} 日で、${min} 日に満たない`,
        });
  },
  fixtures: {
    live: {
      pass: [{ props: RG_LIVE }],
      fail: [{ props: { ...RG_LIVE, SnapshotRetentionLimit: 0 } }, { props: RG_LIVE, params: { minDays: 14 } }],
      error: [
        { props: { ...RG_LIVE, SnapshotRetentionLimit: undefined } },
        { props: { ...RG_LIVE, SnapshotRetentionLimit: { $unknown: 'var.retention' } } },
      ],
    },
    cloudformation: {
      pass: [rgCfn(['SnapshotRetentionLimit: 7', 'SnapshotWindow: "17:00-18:00"'])],
      fail: [rgCfn([]), rgCfn(['SnapshotRetentionLimit: 0'])],
      error: [rgCfn(['SnapshotRetentionLimit: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [rgTf(['snapshot_retention_limit = 5'])],
      fail: [rgTf([]), rgTf(['snapshot_retention_limit = "0"'])],
      error: [rgTf(['snapshot_retention_limit = var.retention'], ['retention'])],
    },
  },
});
