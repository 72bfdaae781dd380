import { fail, pass } from '../../../core/rule.js';
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

export default defineAwsRule({
  id: 'aws-rds-instance-deletion-protection',
  resourceType: 'aws.rds.db_instance',
  category: 'availability',
  severity: 'medium',
  fsbp: ['RDS.8'],
  appliesTo: standalone,
  needs: ['DeletionProtection'],
  text: {
    title: {
      en: 'RDS DB instances have deletion protection enabled',
      ja: 'RDS DB インスタンスで削除保護が有効になっている',
    },
    description: {
      en: 'Checks that deletion protection (DeletionProtection) is enabled for each DB instance that is not part of a DB cluster (cluster members are protected through their cluster).',
      ja: 'DB クラスターに属さない DB インスタンスで削除保護（DeletionProtection）が有効になっていることを確認する（クラスターのメンバーはクラスター側で保護する）。',
    },
    rationale: {
      en: 'Deleting an instance can also delete its automated backups. Deletion protection makes a mistaken console action, a stack update that replaces the instance or a compromised role unable to remove the database in one step.',
      ja: 'インスタンスを削除すると自動バックアップも削除されることがある。削除保護があれば、コンソールでの誤操作、インスタンスを置き換えるスタック更新、乗っ取られたロールによって 1 回の操作でデータベースが消されることを防げる。',
    },
    remediation: {
      text: { en: 'Enable deletion protection on the instance.', ja: 'インスタンスの削除保護を有効にする。' },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Additional configuration → Deletion protection: Enable deletion protection → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 追加設定 → 削除保護: 削除保護を有効にする → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --deletion-protection --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  DeletionProtection: true',
      terraform: 'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
    },
  },
  evaluate: ({ props }) =>
    props.DeletionProtection === true
      ? pass()
      : fail('DeletionProtection', {
          en: `Deletion protection is off for ${props.DBInstanceIdentifier ?? 'the DB instance'}`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'} の削除保護が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: { ...INSTANCE_LIVE, DeletionProtection: true } }],
      fail: [{ props: { ...INSTANCE_LIVE, DeletionProtection: false } }],
      error: [
        { props: INSTANCE_LIVE },
        { props: { ...INSTANCE_LIVE, DeletionProtection: { $unknown: 'var.protect' } } },
        { props: { ...INSTANCE_LIVE, DBClusterIdentifier: { $unknown: 'Ref Cluster' }, DeletionProtection: false } },
      ],
      notApplicable: [{ props: AURORA_MEMBER_LIVE }],
    },
    cloudformation: {
      pass: [instanceCfn(['DeletionProtection: true'])],
      fail: [instanceCfn([]), instanceCfn(['DeletionProtection: false'])],
      error: [instanceCfn(['DeletionProtection: !Ref Protect'], { params: ['Protect'] })],
      notApplicable: [AURORA_MEMBER_CFN],
    },
    terraform: {
      pass: [instanceTf(['deletion_protection = true'])],
      fail: [instanceTf([]), instanceTf(['deletion_protection = "false"'])],
      error: [instanceTf(['deletion_protection = var.protect'], { variables: ['protect'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
