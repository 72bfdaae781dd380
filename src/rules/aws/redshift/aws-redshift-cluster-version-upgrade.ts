import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-redshift-cluster-version-upgrade',
  resourceType: 'aws.redshift.cluster',
  category: 'availability',
  severity: 'medium',
  fsbp: ['Redshift.6'],
  needs: ['AllowVersionUpgrade'],
  text: {
    title: {
      en: 'Redshift clusters allow automatic major version upgrades',
      ja: 'Redshift クラスターでメジャーバージョンの自動アップグレードを許可している',
    },
    description: {
      en: 'Checks that the cluster accepts new major engine versions during its maintenance window (AllowVersionUpgrade).',
      ja: 'クラスターがメンテナンスウィンドウ中に新しいメジャーエンジンバージョンを受け入れる設定（AllowVersionUpgrade）になっていることを確認する。',
    },
    rationale: {
      en: 'New Redshift engine versions carry security fixes. A cluster that refuses them keeps running known vulnerabilities until someone upgrades it by hand.',
      ja: 'Redshift の新しいエンジンバージョンにはセキュリティ修正が含まれる。これを拒否するクラスターは、誰かが手動でアップグレードするまで既知の脆弱性を抱えたまま稼働し続ける。',
    },
    remediation: {
      text: {
        en: 'Allow version upgrades on the cluster and choose a maintenance window that suits the workload.',
        ja: 'クラスターでバージョンアップグレードを許可し、ワークロードに合ったメンテナンスウィンドウを選ぶ。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Maintenance tab → Maintenance → Edit → Allow version upgrade: Yes → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → メンテナンス タブ → メンテナンス → 編集 → バージョンアップグレードを許可: はい → 変更を保存。',
      },
      cli: 'aws redshift modify-cluster --cluster-identifier <CLUSTER> --allow-version-upgrade',
      cloudformation: 'Type: AWS::Redshift::Cluster\nProperties:\n  AllowVersionUpgrade: true',
      terraform: 'resource "aws_redshift_cluster" "this" {\n  allow_version_upgrade = true\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-cluster-versions.html',
    },
  },
  evaluate: ({ props }) =>
    props.AllowVersionUpgrade === true
      ? pass()
      : fail('AllowVersionUpgrade', {
          en: `${props.ClusterIdentifier ?? 'The cluster'} does not accept major version upgrades`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} でメジャーバージョンのアップグレードが許可されていない`,
        }),
  fixtures: {
    live: {
      pass: [{ props: { ...REDSHIFT_LIVE, AllowVersionUpgrade: true } }],
      fail: [{ props: { ...REDSHIFT_LIVE, AllowVersionUpgrade: false } }],
      error: [
        { props: REDSHIFT_LIVE },
        { props: { ...REDSHIFT_LIVE, AllowVersionUpgrade: { $unknown: 'Ref Upgrade' } } },
      ],
    },
    cloudformation: {
      // Absent AllowVersionUpgrade: Redshift allows upgrades.
      pass: [redshiftCfn([]), redshiftCfn(['AllowVersionUpgrade: true'])],
      fail: [redshiftCfn(['AllowVersionUpgrade: false'])],
      error: [redshiftCfn(['AllowVersionUpgrade: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [redshiftTf([])],
      fail: [redshiftTf(['allow_version_upgrade = false'])],
      error: [redshiftTf(['allow_version_upgrade = var.upgrade'], { variables: ['upgrade'] })],
    },
  },
});
