import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { instanceCfn, instanceTf } from './instance-fixtures.js';

export default defineAwsRule({
  id: 'aws-rds-instance-not-public',
  resourceType: 'aws.rds.db_instance',
  category: 'network',
  severity: 'high',
  fsbp: ['RDS.2'],
  needs: ['PubliclyAccessible'],
  text: {
    title: {
      en: 'RDS DB instances are not publicly accessible',
      ja: 'RDS DB インスタンスがパブリックアクセス可能になっていない',
    },
    description: {
      en: 'Checks that the DB instance is not publicly accessible (PubliclyAccessible is false), so its endpoint resolves only to a private address inside the VPC.',
      ja: 'DB インスタンスがパブリックアクセス可能になっておらず（PubliclyAccessible が false）、エンドポイントが VPC 内のプライベートアドレスにのみ解決されることを確認する。',
    },
    rationale: {
      en: 'A publicly accessible instance gets a public IP address; one permissive security group rule then exposes the database port to the whole internet, where it faces password guessing and exploits of engine vulnerabilities.',
      ja: 'パブリックアクセス可能なインスタンスにはパブリック IP アドレスが付与される。セキュリティグループのルールを 1 つ緩めるだけでデータベースのポートがインターネット全体に公開され、パスワード推測やエンジンの脆弱性を突く攻撃にさらされる。',
    },
    remediation: {
      text: {
        en: 'Turn off public accessibility and reach the database from inside the VPC (application subnets, a bastion, Session Manager port forwarding or a VPN).',
        ja: 'パブリックアクセスを無効にし、VPC 内（アプリケーションのサブネット、踏み台、Session Manager のポートフォワーディング、VPN など）から接続する。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Connectivity → Additional configuration → Public access: Not publicly accessible → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 接続 → 追加設定 → パブリックアクセス: パブリックアクセス不可 → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --no-publicly-accessible --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  PubliclyAccessible: false',
      terraform: 'resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
    },
  },
  evaluate: ({ props }) =>
    props.PubliclyAccessible === false
      ? pass()
      : fail('PubliclyAccessible', {
          en: `${props.DBInstanceIdentifier ?? 'The DB instance'} is publicly accessible${props.Endpoint?.Address ? ` at ${props.Endpoint.Address}` : ''}`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'} がパブリックアクセス可能になっている${props.Endpoint?.Address ? `（${props.Endpoint.Address}）` : ''}`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            DBInstanceIdentifier: 'orders-db',
            Engine: 'postgres',
            PubliclyAccessible: false,
            Endpoint: { Address: 'orders-db.abcdefghijkl.us-east-1.rds.amazonaws.com', Port: 5432 },
          },
        },
      ],
      fail: [
        {
          props: {
            DBInstanceIdentifier: 'reporting-db',
            Engine: 'mysql',
            PubliclyAccessible: true,
            Endpoint: { Address: 'reporting-db.abcdefghijkl.us-east-1.rds.amazonaws.com', Port: 3306 },
          },
        },
      ],
      error: [
        { props: { DBInstanceIdentifier: 'half-read', Engine: 'mysql' } },
        {
          props: { DBInstanceIdentifier: 'iac', Engine: 'mysql', PubliclyAccessible: { $unknown: 'Ref PublicParam' } },
        },
      ],
    },
    cloudformation: {
      pass: [instanceCfn(['PubliclyAccessible: false'])],
      fail: [instanceCfn(['PubliclyAccessible: true'])],
      // Absent PubliclyAccessible: RDS decides from the subnet group (or the default VPC), outside the template.
      error: [instanceCfn([]), instanceCfn(['PubliclyAccessible: !Ref Public'], { params: ['Public'] })],
    },
    terraform: {
      // The provider sends publicly_accessible = false unless it is set.
      pass: [instanceTf([]), instanceTf(['publicly_accessible = false'])],
      fail: [instanceTf(['publicly_accessible = true'])],
      error: [instanceTf(['publicly_accessible = var.public'], { variables: ['public'] })],
    },
  },
});
