import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { RG_LIVE, rgCfn, rgTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-elasticache-replication-group-automatic-failover',
  resourceType: 'aws.elasticache.replication_group',
  category: 'availability',
  severity: 'medium',
  fsbp: ['ElastiCache.3'],
  needs: ['AutomaticFailover'],
  text: {
    title: {
      en: 'ElastiCache replication groups have automatic failover enabled',
      ja: 'ElastiCache レプリケーショングループで自動フェイルオーバーが有効になっている',
    },
    description: {
      en: 'Checks that automatic failover is enabled for the replication group (AutomaticFailover is enabled), so a replica is promoted when the primary node fails.',
      ja: 'レプリケーショングループで自動フェイルオーバーが有効になっており（AutomaticFailover が enabled）、プライマリノードに障害が起きたときにレプリカが昇格することを確認する。',
    },
    rationale: {
      en: 'Without automatic failover, the loss of the primary node stops writes until someone promotes a replica by hand, and in the meantime every application that depends on the cache degrades or fails.',
      ja: '自動フェイルオーバーがないと、プライマリノードが失われたとき、誰かが手動でレプリカを昇格させるまで書き込みが止まり、その間キャッシュに依存するアプリケーションが劣化または停止する。',
    },
    remediation: {
      text: {
        en: 'Give the group at least one replica, preferably in another Availability Zone, and enable automatic failover (and Multi-AZ).',
        ja: 'グループに 1 つ以上のレプリカ（できれば別のアベイラビリティーゾーン）を持たせ、自動フェイルオーバー（およびマルチ AZ）を有効にする。',
      },
      console: {
        en: 'ElastiCache console → select the cluster → Modify → Cluster settings: Multi-AZ: Enable, Auto-failover: Enable → Preview changes → Modify.',
        ja: 'ElastiCache コンソール → 対象のクラスターを選択 → 変更 → クラスター設定: マルチ AZ: 有効化、自動フェイルオーバー: 有効化 → 変更をプレビュー → 変更。',
      },
      cli: 'aws elasticache modify-replication-group --replication-group-id <GROUP> \\\n  --automatic-failover-enabled --multi-az-enabled --apply-immediately',
      cloudformation:
        'Type: AWS::ElastiCache::ReplicationGroup\nProperties:\n  AutomaticFailoverEnabled: true\n  MultiAZEnabled: true',
      terraform:
        'resource "aws_elasticache_replication_group" "this" {\n  automatic_failover_enabled = true\n  multi_az_enabled           = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
    },
  },
  evaluate: ({ props }) =>
    props.AutomaticFailover === 'enabled'
      ? pass()
      : fail('AutomaticFailover', {
          en: `Automatic failover is ${props.AutomaticFailover ?? 'off'} for replication group ${props.ReplicationGroupId ?? ''}`,
          ja: `レプリケーショングループ ${props.ReplicationGroupId ?? ''} の自動フェイルオーバーが有効になっていない（${props.AutomaticFailover ?? 'disabled'}）`,
        }),
  fixtures: {
    live: {
      pass: [{ props: RG_LIVE }],
      fail: [
        { props: { ...RG_LIVE, AutomaticFailover: 'disabled', MultiAZ: 'disabled', MemberClusters: ['sessions-001'] } },
        { props: { ...RG_LIVE, AutomaticFailover: 'disabling' } },
      ],
      error: [
        { props: { ...RG_LIVE, AutomaticFailover: undefined } },
        { props: { ...RG_LIVE, AutomaticFailover: { $unknown: 'Ref Failover' } } },
      ],
    },
    cloudformation: {
      pass: [rgCfn(['AutomaticFailoverEnabled: true', 'MultiAZEnabled: true'])],
      fail: [rgCfn([]), rgCfn(['AutomaticFailoverEnabled: false'])],
      error: [rgCfn(['AutomaticFailoverEnabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [rgTf(['automatic_failover_enabled = true', 'multi_az_enabled           = true'])],
      fail: [rgTf([]), rgTf(['automatic_failover_enabled = false'])],
      error: [rgTf(['automatic_failover_enabled = var.failover'], ['failover'])],
    },
  },
});
