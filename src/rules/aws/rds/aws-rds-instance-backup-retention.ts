import { isUnknown } from '../../../core/resource.js';
import { fail, pass } from '../../../core/rule.js';
import type { DbInstanceProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import {
  AURORA_MEMBER_CFN,
  AURORA_MEMBER_LIVE,
  AURORA_MEMBER_TF,
  INSTANCE_LIVE,
  instanceCfn,
  instanceTf,
  standalone,
} from './instance-fixtures.js';

/** Read replicas keep no automated backups of their own by default; like Security Hub, they are out of scope. */
const inScope = (p: DbInstanceProps): boolean => {
  if (!standalone(p)) return false;
  if (isUnknown(p.ReadReplicaSourceDBInstanceIdentifier as unknown)) {
    throw new Error('unresolved value at ReadReplicaSourceDBInstanceIdentifier');
  }
  return p.ReadReplicaSourceDBInstanceIdentifier === undefined;
};

export default defineAwsRule({
  id: 'aws-rds-instance-backup-retention',
  resourceType: 'aws.rds.db_instance',
  category: 'backup',
  severity: 'medium',
  fsbp: ['RDS.11'],
  appliesTo: inScope,
  needs: ['BackupRetentionPeriod'],
  params: { minDays: 7 },
  text: {
    title: {
      en: 'RDS DB instances keep automated backups for at least 7 days',
      ja: 'RDS DB インスタンスの自動バックアップが 7 日以上保持されている',
    },
    description: {
      en: 'Checks that automated backups are enabled for the DB instance with a retention period (BackupRetentionPeriod) of at least the minimum number of days (parameter minDays, 7 by default). Cluster members and read replicas are out of scope.',
      ja: 'DB インスタンスで自動バックアップが有効になっており、保持期間（BackupRetentionPeriod）が最小日数（パラメータ minDays、既定 7 日）以上であることを確認する。クラスターのメンバーとリードレプリカは対象外とする。',
    },
    rationale: {
      en: 'Automated backups give point-in-time recovery within the retention period. A retention of 0 turns them off; one day (the API default) is too short to recover from corruption or a destructive change noticed after a weekend.',
      ja: '自動バックアップにより、保持期間内の任意の時点に復元できる。保持期間 0 では無効であり、1 日（API の既定値）では週末を挟んで気付いたデータ破損や破壊的な変更から復旧できない。',
    },
    remediation: {
      text: {
        en: 'Set the backup retention period of the instance to at least 7 days (up to 35).',
        ja: 'インスタンスのバックアップ保持期間を 7 日以上（最大 35 日）に設定する。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Additional configuration → Backup → Backup retention period: 7 days or more → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 追加設定 → バックアップ → バックアップ保持期間: 7 日以上 → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --backup-retention-period 7 --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  BackupRetentionPeriod: 7',
      terraform: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minDays);
    const days = props.BackupRetentionPeriod ?? 0;
    if (days >= min) return pass();
    return fail('BackupRetentionPeriod', {
      en:
        days === 0
          ? `Automated backups are off for ${props.DBInstanceIdentifier ?? 'the DB instance'}`
          : `${props.DBInstanceIdentifier ?? 'The DB instance'} keeps automated backups for ${days} day(s), fewer than ${min}`,
      ja:
        days === 0
          ? `${props.DBInstanceIdentifier ?? 'DB インスタンス'} で自動バックアップが無効になっている`
          : `${props.DBInstanceIdentifier ?? 'DB インスタンス'} の自動バックアップ保持期間が ${days} 日で、${min} 日に満たない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: 7 } },
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: 35 } },
      ],
      fail: [
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: 0 } },
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: 1 } },
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: 7 }, params: { minDays: 14 } },
      ],
      error: [
        { props: INSTANCE_LIVE },
        { props: { ...INSTANCE_LIVE, BackupRetentionPeriod: { $unknown: 'Ref Retention' } } },
      ],
      notApplicable: [
        { props: AURORA_MEMBER_LIVE },
        {
          props: {
            ...INSTANCE_LIVE,
            DBInstanceIdentifier: 'orders-db-replica',
            ReadReplicaSourceDBInstanceIdentifier: 'orders-db',
            BackupRetentionPeriod: 0,
          },
        },
      ],
    },
    cloudformation: {
      pass: [instanceCfn(['BackupRetentionPeriod: 14'])],
      fail: [instanceCfn([]), instanceCfn(['BackupRetentionPeriod: 0'])],
      error: [instanceCfn(['BackupRetentionPeriod: !Ref Retention'], { params: ['Retention'] })],
      notApplicable: [AURORA_MEMBER_CFN],
    },
    terraform: {
      pass: [instanceTf(['backup_retention_period = 7'])],
      fail: [instanceTf([]), instanceTf(['backup_retention_period = "3"'])],
      error: [instanceTf(['backup_retention_period = var.retention'], { variables: ['retention'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
