import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { REDSHIFT_LIVE, redshiftCfn, redshiftTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-redshift-cluster-not-public',
  resourceType: 'aws.redshift.cluster',
  category: 'network',
  severity: 'high',
  fsbp: ['Redshift.1'],
  needs: ['PubliclyAccessible'],
  text: {
    title: {
      en: 'Redshift clusters are not publicly accessible',
      ja: 'Redshift クラスターがパブリックアクセス可能になっていない',
    },
    description: {
      en: 'Checks that the provisioned cluster is not publicly accessible (PubliclyAccessible is false), so its endpoint resolves only to private addresses in the VPC.',
      ja: 'プロビジョニングされたクラスターがパブリックアクセス可能になっておらず（PubliclyAccessible が false）、エンドポイントが VPC 内のプライベートアドレスにのみ解決されることを確認する。',
    },
    rationale: {
      en: 'A publicly accessible cluster gets a public IP address, so a single permissive security group rule exposes the warehouse, which usually holds an organisation’s most complete copy of its data, to password guessing from the internet.',
      ja: 'パブリックアクセス可能なクラスターにはパブリック IP アドレスが付与されるため、セキュリティグループのルールを 1 つ緩めるだけで、組織のデータを最も網羅的に集めたデータウェアハウスがインターネットからのパスワード推測にさらされる。',
    },
    remediation: {
      text: {
        en: 'Turn off public accessibility and connect from inside the VPC (or through a VPN, Direct Connect or a Redshift-managed VPC endpoint).',
        ja: 'パブリックアクセスを無効にし、VPC 内（または VPN、Direct Connect、Redshift マネージド VPC エンドポイント経由）から接続する。',
      },
      console: {
        en: 'Amazon Redshift console → Clusters → select the cluster → Actions → Modify publicly accessible setting → Turn off Publicly accessible → Save changes.',
        ja: 'Amazon Redshift コンソール → クラスター → 対象のクラスターを選択 → アクション → パブリックアクセス可能な設定を変更 → パブリックアクセス可能をオフ → 変更を保存。',
      },
      cli: 'aws redshift modify-cluster --cluster-identifier <CLUSTER> --no-publicly-accessible',
      cloudformation: 'Type: AWS::Redshift::Cluster\nProperties:\n  PubliclyAccessible: false',
      terraform: 'resource "aws_redshift_cluster" "this" {\n  publicly_accessible = false\n}',
      url: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
    },
  },
  evaluate: ({ props }) =>
    props.PubliclyAccessible === false
      ? pass()
      : fail('PubliclyAccessible', {
          en: `${props.ClusterIdentifier ?? 'The cluster'} is publicly accessible${props.Endpoint?.Address ? ` at ${props.Endpoint.Address}` : ''}`,
          ja: `${props.ClusterIdentifier ?? 'クラスター'} がパブリックアクセス可能になっている${props.Endpoint?.Address ? `（${props.Endpoint.Address}）` : ''}`,
        }),
  fixtures: {
    live: {
      pass: [{ props: REDSHIFT_LIVE }],
      fail: [{ props: { ...REDSHIFT_LIVE, PubliclyAccessible: true } }],
      error: [
        { props: { ...REDSHIFT_LIVE, PubliclyAccessible: undefined } },
        { props: { ...REDSHIFT_LIVE, PubliclyAccessible: { $unknown: 'Ref Public' } } },
      ],
    },
    cloudformation: {
      // Since January 2025 new provisioned clusters are private unless PubliclyAccessible is set.
      pass: [redshiftCfn([]), redshiftCfn(['PubliclyAccessible: false'])],
      fail: [redshiftCfn(['PubliclyAccessible: true'])],
      error: [redshiftCfn(['PubliclyAccessible: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [redshiftTf(['publicly_accessible = false'])],
      fail: [redshiftTf(['publicly_accessible = true'])],
      // The provider's default for an absent publicly_accessible depends on its version.
      error: [redshiftTf([]), redshiftTf(['publicly_accessible = var.public'], { variables: ['public'] })],
    },
  },
});
