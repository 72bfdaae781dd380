import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-redshift-cluster-enhanced-vpc-routing',
  resourceType: 'aws.redshift.cluster',
  category: 'network',
  severity: 'medium',
  fsbp: ['Redshift.7'],
  needs: ['EnhancedVpcRouting'],
  text: {
    title: {
      en: 'Redshift clusters use enhanced VPC routing',
      ja: 'Redshift クラスターで拡張 VPC ルーティングを使用している',
    },
    description: {
      en: 'Checks that enhanced VPC routing is enabled (EnhancedVpcRouting), so COPY and UNLOAD traffic between the cluster and data stores goes through the cluster’s VPC.',
      ja: '拡張 VPC ルーティングが有効になっており（EnhancedVpcRouting）、クラスターとデータストアの間の COPY や UNLOAD の通信がクラスターの VPC を通ることを確認する。',
    },
    rationale: {
      en: 'Without enhanced VPC routing, loads and unloads take a path outside the VPC, out of reach of VPC endpoints and their policies, security groups, network ACLs and VPC flow logs.',
      ja: '拡張 VPC ルーティングがないと、ロードやアンロードの通信は VPC の外を通り、VPC エンドポイントとそのポリシー、セキュリティグループ、ネットワーク ACL、VPC フローログの対象外になる。',
    },
    remediation: {
      text: {
        en: 'Enable enhanced VPC routing, and make sure the VPC has routes (an S3 gateway endpoint, NAT) to the data stores the cluster loads from.',
        ja: '拡張 VPC ルーティングを有効にし、クラスターがデータを読み込むデータストアへの経路（S3 ゲートウェイエンドポイント、NAT など）が VPC にあることを確認する。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Properties tab → Network and security settings → Edit → Enhanced VPC routing: Turn on → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → プロパティ タブ → ネットワークとセキュリティの設定 → 編集 → 拡張 VPC ルーティング: オン → 変更を保存。',
      },
      cli: 'aws redshift modify-cluster --cluster-identifier <CLUSTER> --enhanced-vpc-routing',
      cloudformation: 'Type: AWS::Redshift::Cluster\nProperties:\n  EnhancedVpcRouting: true',
      terraform: 'resource "aws_redshift_cluster" "this" {\n  enhanced_vpc_routing = true\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html',
    },
  },
  evaluate: ({ props }) =>
    props.EnhancedVpcRouting === true
      ? pass()
      : fail('EnhancedVpcRouting', {
          en: `Enhanced VPC routing is off for ${props.ClusterIdentifier ?? 'the cluster'}`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} で拡張 VPC ルーティングが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: REDSHIFT_LIVE }],
      fail: [{ props: { ...REDSHIFT_LIVE, EnhancedVpcRouting: false } }],
      error: [
        { props: { ...REDSHIFT_LIVE, EnhancedVpcRouting: undefined } },
        { props: { ...REDSHIFT_LIVE, EnhancedVpcRouting: { $unknown: 'Ref Routing' } } },
      ],
    },
    cloudformation: {
      pass: [redshiftCfn(['EnhancedVpcRouting: true'])],
      fail: [redshiftCfn([]), redshiftCfn(['EnhancedVpcRouting: "false"'])],
      error: [redshiftCfn(['EnhancedVpcRouting: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [redshiftTf(['enhanced_vpc_routing = true'])],
      fail: [redshiftTf([]), redshiftTf(['enhanced_vpc_routing = false'])],
      error: [redshiftTf(['enhanced_vpc_routing = var.routing'], { variables: ['routing'] })],
    },
  },
});
