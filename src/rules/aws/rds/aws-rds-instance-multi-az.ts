import { isUnknown } from '../../../core/resource.js';
import { fail, pass } from '../../../core/rule.js';
import type { DbInstanceProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { AURORA_MEMBER_CFN, AURORA_MEMBER_TF, instanceCfn, instanceTf } from './instance-fixtures.js';

/**
 * Instances that belong to a DB cluster (Aurora, Multi-AZ DB clusters, DocumentDB, Neptune) get their redundancy
 * from the cluster and are judged by aws-rds-cluster-multi-az; an unresolved cluster id is an error, not N/A.
 */
const standalone = (p: DbInstanceProps): boolean => {
  if (isUnknown(p.DBClusterIdentifier as unknown)) throw new Error('unresolved value at DBClusterIdentifier');
  return p.DBClusterIdentifier === undefined;
};

export default defineAwsRule({
  id: 'aws-rds-instance-multi-az',
  resourceType: 'aws.rds.db_instance',
  category: 'availability',
  severity: 'medium',
  fsbp: ['RDS.5'],
  appliesTo: standalone,
  needs: ['MultiAZ'],
  text: {
    title: {
      en: 'RDS DB instances use Multi-AZ deployments',
      ja: 'RDS DB インスタンスでマルチ AZ 配置を使用している',
    },
    description: {
      en: 'Checks that each RDS DB instance that is not part of a DB cluster is a Multi-AZ deployment, with a synchronous standby in another Availability Zone. Cluster members are judged on their cluster.',
      ja: 'DB クラスターに属さない RDS DB インスタンスがマルチ AZ 配置になっており、別のアベイラビリティーゾーンに同期スタンバイがあることを確認する。クラスターのメンバーはクラスター側で判定する。',
    },
    rationale: {
      en: 'A Single-AZ instance is down for as long as its Availability Zone, host or storage is impaired, and restoring from backup loses the changes since the last restorable time. Multi-AZ fails over to the standby automatically, usually within minutes.',
      ja: 'シングル AZ のインスタンスは、アベイラビリティーゾーン・ホスト・ストレージに障害が起きている間停止し、バックアップからの復元では最新の復元可能時刻以降の変更が失われる。マルチ AZ なら、通常数分以内にスタンバイへ自動でフェイルオーバーする。',
    },
    remediation: {
      text: {
        en: 'Convert the instance to a Multi-AZ deployment (best during a maintenance window: the conversion adds I/O load while the standby is created).',
        ja: 'インスタンスをマルチ AZ 配置に変更する（スタンバイ作成中は I/O 負荷が増えるため、メンテナンスウィンドウ中の実施が望ましい）。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Availability & durability → Multi-AZ deployment: Create a standby instance → Continue → choose when to apply → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 可用性と耐久性 → マルチ AZ 配置: スタンバイインスタンスを作成する → 続行 → 適用時期を選択 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --multi-az --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  MultiAZ: true',
      terraform: 'resource "aws_db_instance" "db" {\n  multi_az = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
    },
  },
  evaluate: ({ props }) =>
    props.MultiAZ === true
      ? pass()
      : fail('MultiAZ', {
          en: `${props.DBInstanceIdentifier ?? 'The DB instance'} is a Single-AZ deployment${props.AvailabilityZone ? ` in ${props.AvailabilityZone}` : ''}`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'} がシングル AZ 配置になっている${props.AvailabilityZone ? `（${props.AvailabilityZone}）` : ''}`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            DBInstanceIdentifier: 'orders-db',
            Engine: 'postgres',
            MultiAZ: true,
            AvailabilityZone: 'us-east-1a',
            SecondaryAvailabilityZone: 'us-east-1c',
          },
        },
      ],
      fail: [
        {
          props: { DBInstanceIdentifier: 'batch-db', Engine: 'mysql', MultiAZ: false, AvailabilityZone: 'us-east-1b' },
        },
      ],
      error: [
        { props: { DBInstanceIdentifier: 'half-read', Engine: 'mysql' } },
        {
          props: {
            DBInstanceIdentifier: 'iac',
            Engine: 'mysql',
            DBClusterIdentifier: { $unknown: 'Ref Cluster' },
            MultiAZ: false,
          },
        },
      ],
      notApplicable: [
        {
          // Aurora writer: a cluster member, judged on the cluster (MultiAZ is false on Aurora instances).
          props: {
            DBInstanceIdentifier: 'app-aurora-instance-1',
            Engine: 'aurora-postgresql',
            DBClusterIdentifier: 'app-aurora',
            MultiAZ: false,
            AvailabilityZone: 'us-east-1a',
          },
        },
      ],
    },
    cloudformation: {
      pass: [instanceCfn(['MultiAZ: true'])],
      fail: [instanceCfn([]), instanceCfn(['MultiAZ: false', 'AvailabilityZone: us-east-1a'])],
      error: [instanceCfn(['MultiAZ: !Ref MultiAz'], { params: ['MultiAz'] })],
      notApplicable: [AURORA_MEMBER_CFN],
    },
    terraform: {
      pass: [instanceTf(['multi_az = true'])],
      fail: [instanceTf([])],
      error: [instanceTf(['multi_az = var.multi_az'], { variables: ['multi_az'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
