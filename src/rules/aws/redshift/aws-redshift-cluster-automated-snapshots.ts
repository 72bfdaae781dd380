import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-redshift-cluster-automated-snapshots',
  resourceType: 'aws.redshift.cluster',
  category: 'backup',
  severity: 'medium',
  fsbp: ['Redshift.3'],
  needs: ['AutomatedSnapshotRetentionPeriod'],
  params: { minDays: 7 },
  text: {
    title: {
      en: 'Redshift clusters keep automated snapshots for at least 7 days',
      ja: 'Redshift クラスターの自動スナップショットが 7 日以上保持されている',
    },
    description: {
      en: 'Checks that automated snapshots are enabled with a retention period (AutomatedSnapshotRetentionPeriod) of at least the minimum number of days (parameter minDays, 7 by default).',
      ja: '自動スナップショットが有効で、保持期間（AutomatedSnapshotRetentionPeriod）が最小日数（パラメータ minDays、既定 7 日）以上であることを確認する。',
    },
    rationale: {
      en: 'Automated snapshots are what a cluster is restored from after corruption, a bad load or an accidental DROP. A retention of 0 turns them off, and the one-day default leaves no way back from a problem found after a weekend.',
      ja: 'データ破損、誤ったロード、誤った DROP の後にクラスターを復元する元は自動スナップショットである。保持期間 0 では無効であり、既定の 1 日では週末を挟んで見つかった問題から戻れない。',
    },
    remediation: {
      text: {
        en: 'Set the automated snapshot retention period of the cluster to at least 7 days (up to 35).',
        ja: 'クラスターの自動スナップショット保持期間を 7 日以上（最大 35 日）に設定する。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Maintenance tab → Backup details → Edit → Automated snapshot retention period: 7 days or more → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → メンテナンス タブ → バックアップの詳細 → 編集 → 自動スナップショットの保存期間: 7 日以上 → 変更を保存。',
      },
      cli: 'aws redshift modify-cluster --cluster-identifier <CLUSTER> --automated-snapshot-retention-period 7',
      cloudformation: 'Type: AWS::Redshift::Cluster\nProperties:\n  AutomatedSnapshotRetentionPeriod: 7',
      terraform: 'resource "aws_redshift_cluster" "this" {\n  automated_snapshot_retention_period = 7\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minDays);
    const days = props.AutomatedSnapshotRetentionPeriod ?? 0;
    return days >= min
      ? pass()
      : fail('AutomatedSnapshotRetentionPeriod', {
          en: `${props.ClusterIdentifier ?? 'The cluster'} keeps automated snapshots for ${days} day(s), fewer than ${min}`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} の自動スナップショット保持期間が ${days} 日で、${min} 日に満たない`,
        });
  },
  fixtures: {
    live: {
      pass: [{ props: REDSHIFT_LIVE }, { props: { ...REDSHIFT_LIVE, AutomatedSnapshotRetentionPeriod: 35 } }],
      fail: [
        { props: { ...REDSHIFT_LIVE, AutomatedSnapshotRetentionPeriod: 0 } },
        { props: { ...REDSHIFT_LIVE, AutomatedSnapshotRetentionPeriod: 1 } },
        { props: REDSHIFT_LIVE, params: { minDays: 14 } },
      ],
      error: [
        { props: { ...REDSHIFT_LIVE, AutomatedSnapshotRetentionPeriod: undefined } },
        { props: { ...REDSHIFT_LIVE, AutomatedSnapshotRetentionPeriod: { $unknown: 'Ref Retention' } } },
      ],
    },
    cloudformation: {
      pass: [redshiftCfn(['AutomatedSnapshotRetentionPeriod: 7'])],
      fail: [redshiftCfn([]), redshiftCfn(['AutomatedSnapshotRetentionPeriod: 0'])],
      error: [redshiftCfn(['AutomatedSnapshotRetentionPeriod: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [redshiftTf(['automated_snapshot_retention_period = 14'])],
      fail: [redshiftTf([]), redshiftTf(['automated_snapshot_retention_period = "3"'])],
      error: [redshiftTf(['automated_snapshot_retention_period = var.retention'], { variables: ['retention'] })],
    },
  },
});
