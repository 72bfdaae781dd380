import { isUnknown } from '../../../core/resource.js';
import { fail, pass } from '../../../core/rule.js';
import type { DbClusterProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from './templates.js';

const CFN_BASE = [
  'DBClusterIdentifier: orders-aurora',
  'Engine: aurora-postgresql',
  'MasterUsername: app_admin',
  'ManageMasterUserPassword: true',
];
const MAZ_CFN = [
  'DBClusterIdentifier: ledger-maz',
  'Engine: postgres',
  'DBClusterInstanceClass: db.m6gd.large',
  'StorageType: io1',
  'Iops: 1000',
  'AllocatedStorage: 100',
  'MasterUsername: app_admin',
  'ManageMasterUserPassword: true',
];
const TF_BASE = [
  'cluster_identifier          = "orders-aurora"',
  'engine                      = "aurora-postgresql"',
  'master_username             = "app_admin"',
  'manage_master_user_password = true',
];

/** An Aurora cluster with member instances [logicalId, zone?] referring to it with !Ref. */
const auroraCfn = (members: Array<[string, string?]>) =>
  cfnTemplate('AWS::RDS::DBCluster', CFN_BASE, {
    logicalId: 'Cluster',
    extra: members
      .map(
        ([id, az]) =>
          `  ${id}:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n      DBInstanceClass: db.r7g.large\n      Engine: aurora-postgresql\n${az ? `      AvailabilityZone: ${az}\n` : ''}`,
      )
      .join(''),
  });

/** The same in Terraform, with aws_rds_cluster_instance members. */
const auroraTf = (members: Array<[string, string?]>) =>
  tfConfig('aws_rds_cluster', 'orders', TF_BASE, {
    extra: members
      .map(
        ([name, az]) =>
          `\nresource "aws_rds_cluster_instance" "${name}" {\n  cluster_identifier = aws_rds_cluster.orders.id\n  instance_class     = "db.r7g.large"\n  engine             = "aurora-postgresql"\n${az ? `  availability_zone  = "${az}"\n` : ''}}\n`,
      )
      .join(''),
  });

/** Aurora Serverless v1 (EngineMode 'serverless') has no instances to place in zones; it is out of scope. */
const inScope = (p: DbClusterProps): boolean => {
  if (isUnknown(p.EngineMode as unknown)) throw new Error('unresolved value at EngineMode');
  return p.EngineMode !== 'serverless';
};

export default defineAwsRule({
  id: 'aws-rds-cluster-multi-az',
  resourceType: 'aws.rds.db_cluster',
  category: 'availability',
  severity: 'medium',
  fsbp: ['RDS.15'],
  appliesTo: inScope,
  needs: ['MultiAZ'],
  text: {
    title: {
      en: 'RDS DB clusters have instances in more than one Availability Zone',
      ja: 'RDS DB クラスターのインスタンスが複数のアベイラビリティーゾーンに配置されている',
    },
    description: {
      en: 'Checks that the DB cluster (Aurora or a Multi-AZ DB cluster) is reported as Multi-AZ, that is, it has DB instances in at least two Availability Zones to fail over to.',
      ja: 'DB クラスター（Aurora またはマルチ AZ DB クラスター）がマルチ AZ と報告されていること、つまりフェイルオーバー先となる DB インスタンスが 2 つ以上のアベイラビリティーゾーンにあることを確認する。',
    },
    rationale: {
      en: 'Aurora storage is replicated across zones, but a cluster with a single instance (or all instances in one zone) has nothing to fail over to: the writer must be recreated, which takes far longer than promoting a replica.',
      ja: 'Aurora のストレージは複数のゾーンに複製されるが、インスタンスが 1 つだけ（またはすべて同じゾーン）のクラスターにはフェイルオーバー先がない。ライターを再作成する必要があり、レプリカの昇格よりはるかに時間がかかる。',
    },
    remediation: {
      text: {
        en: 'Add a reader instance in another Availability Zone (Aurora), or create the cluster as a Multi-AZ DB cluster.',
        ja: '別のアベイラビリティーゾーンにリーダーインスタンスを追加する（Aurora）か、マルチ AZ DB クラスターとして作成する。',
      },
      console: {
        en: 'RDS console → Databases → select the cluster → Actions → Add reader → choose an Availability Zone different from the writer’s → Add reader.',
        ja: 'RDS コンソール → データベース → 対象のクラスターを選択 → アクション → リーダーの追加 → ライターとは別のアベイラビリティーゾーンを選択 → リーダーの追加。',
      },
      cli: 'aws rds create-db-instance --db-instance-identifier <CLUSTER>-reader-1 --db-cluster-identifier <CLUSTER> \\\n  --engine <ENGINE> --db-instance-class <CLASS> --availability-zone <OTHER_AZ>',
      cloudformation:
        'Type: AWS::RDS::DBInstance   # a second instance of the cluster\nProperties:\n  DBClusterIdentifier: !Ref Cluster\n  AvailabilityZone: <OTHER_AZ>',
      terraform:
        'resource "aws_rds_cluster_instance" "reader" {\n  count              = 2  # instances spread over the cluster\'s availability_zones\n  cluster_identifier = aws_rds_cluster.c.id\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
    },
  },
  evaluate: ({ props }) =>
    props.MultiAZ === true
      ? pass()
      : fail('MultiAZ', {
          en: `${props.DBClusterIdentifier ?? 'The DB cluster'} has ${props.DBClusterMembers?.length ?? 0} instance(s), not spread over more than one Availability Zone`,
          ja: `${props.DBClusterIdentifier ?? 'DB クラスター'} のインスタンス（${props.DBClusterMembers?.length ?? 0} 台）が複数のアベイラビリティーゾーンに配置されていない`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            DBClusterIdentifier: 'app-aurora',
            Engine: 'aurora-postgresql',
            EngineMode: 'provisioned',
            MultiAZ: true,
            AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
            DBClusterMembers: [
              { DBInstanceIdentifier: 'app-aurora-instance-1', IsClusterWriter: true },
              { DBInstanceIdentifier: 'app-aurora-instance-2', IsClusterWriter: false },
            ],
          },
        },
      ],
      fail: [
        {
          props: {
            DBClusterIdentifier: 'dev-aurora',
            Engine: 'aurora-mysql',
            EngineMode: 'provisioned',
            MultiAZ: false,
            AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
            DBClusterMembers: [{ DBInstanceIdentifier: 'dev-aurora-instance-1', IsClusterWriter: true }],
          },
        },
      ],
      error: [
        { props: { DBClusterIdentifier: 'half-read', Engine: 'aurora-mysql', EngineMode: 'provisioned' } },
        {
          props: {
            DBClusterIdentifier: 'iac',
            Engine: 'aurora-mysql',
            EngineMode: { $unknown: 'var.mode' },
            MultiAZ: false,
          },
        },
      ],
      notApplicable: [
        {
          props: {
            DBClusterIdentifier: 'legacy-serverless',
            Engine: 'aurora-mysql',
            EngineMode: 'serverless',
            MultiAZ: false,
          },
        },
      ],
    },
    cloudformation: {
      pass: [
        auroraCfn([
          ['Writer', 'us-east-1a'],
          ['Reader', 'us-east-1b'],
        ]),
        // A Multi-AZ DB cluster (instance class on the cluster) always spans three zones.
        cfnTemplate('AWS::RDS::DBCluster', [...MAZ_CFN], { logicalId: 'Cluster' }),
      ],
      fail: [auroraCfn([['Writer', 'us-east-1a']]), auroraCfn([])],
      // Two instances without a zone: RDS places them, so the template cannot tell.
      error: [auroraCfn([['Writer'], ['Reader']])],
      notApplicable: [
        cfnTemplate('AWS::RDS::DBCluster', [...CFN_BASE, 'EngineMode: serverless'], { logicalId: 'Cluster' }),
      ],
    },
    terraform: {
      pass: [
        auroraTf([
          ['writer', 'us-east-1a'],
          ['reader', 'us-east-1c'],
        ]),
      ],
      fail: [
        auroraTf([['writer', 'us-east-1a']]),
        auroraTf([
          ['writer', 'us-east-1a'],
          ['reader', 'us-east-1a'],
        ]),
      ],
      error: [auroraTf([['writer'], ['reader']])],
      notApplicable: [
        tfConfig('aws_rds_cluster', 'orders', [...TF_BASE, 'engine_mode                 = "serverless"']),
      ],
    },
  },
});
