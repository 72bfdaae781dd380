import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { AURORA_MEMBER_CFN, AURORA_MEMBER_TF, instanceCfn, instanceTf } from './instance-fixtures.js';

export default defineAwsRule({
  id: 'aws-rds-instance-storage-encrypted',
  resourceType: 'aws.rds.db_instance',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['RDS.3'],
  needs: ['StorageEncrypted'],
  text: {
    title: {
      en: 'RDS DB instances have encryption at rest enabled',
      ja: 'RDS DB インスタンスで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the DB instance’s storage is encrypted with KMS (StorageEncrypted), which also covers its automated backups, snapshots and read replicas.',
      ja: 'DB インスタンスのストレージが KMS で暗号化されている（StorageEncrypted）ことを確認する。暗号化は自動バックアップ、スナップショット、リードレプリカにも及ぶ。',
    },
    rationale: {
      en: 'Databases hold the most sensitive data of a system. Encryption at rest keeps storage, snapshots and backups unreadable without access to the KMS key, and a snapshot shared or copied by mistake stays protected.',
      ja: 'データベースにはシステムで最も機密性の高いデータが入る。保存時の暗号化により、KMS キーへのアクセスなしにはストレージ、スナップショット、バックアップを読めなくなり、誤って共有・コピーされたスナップショットも保護される。',
    },
    remediation: {
      text: {
        en: 'Encryption cannot be turned on for an existing instance. Take a snapshot, copy it with a KMS key, restore a new encrypted instance from the copy and switch the application to it.',
        ja: '既存のインスタンスでは暗号化を後から有効にできない。スナップショットを作成し、KMS キーを指定してコピーし、そのコピーから暗号化されたインスタンスを復元して、アプリケーションの接続先を切り替える。',
      },
      console: {
        en: 'RDS console → Snapshots → Take snapshot of the instance → select the snapshot → Actions → Copy snapshot → Enable encryption with a KMS key → select the copy → Actions → Restore snapshot.',
        ja: 'RDS コンソール → スナップショット → インスタンスのスナップショットを取得 → スナップショットを選択 → アクション → スナップショットのコピー → KMS キーを指定して暗号化を有効化 → コピーを選択 → アクション → スナップショットを復元。',
      },
      cli: 'aws rds create-db-snapshot --db-instance-identifier <DB> --db-snapshot-identifier <DB>-plain\naws rds copy-db-snapshot --source-db-snapshot-identifier <DB>-plain --target-db-snapshot-identifier <DB>-enc --kms-key-id <KMS_KEY_ID>\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <NEW_DB> --db-snapshot-identifier <DB>-enc',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  StorageEncrypted: true\n  KmsKeyId: <KMS_KEY_ARN>',
      terraform:
        'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
    },
  },
  evaluate: ({ props }) =>
    props.StorageEncrypted === true
      ? pass()
      : fail('StorageEncrypted', {
          en: `Storage of ${props.DBInstanceIdentifier ?? 'the DB instance'} is not encrypted`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'} のストレージが暗号化されていない`,
        }),
  fixtures: {
    live: {
      pass: [
        {
          props: {
            DBInstanceIdentifier: 'orders-db',
            Engine: 'postgres',
            DBInstanceStatus: 'available',
            StorageEncrypted: true,
            KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
        },
      ],
      fail: [
        {
          props: {
            DBInstanceIdentifier: 'legacy-db',
            Engine: 'mysql',
            DBInstanceStatus: 'available',
            StorageEncrypted: false,
          },
        },
      ],
      error: [
        { props: { DBInstanceIdentifier: 'half-read', Engine: 'mysql' } },
        { props: { DBInstanceIdentifier: 'iac', Engine: 'mysql', StorageEncrypted: { $unknown: 'Ref EncryptParam' } } },
      ],
    },
    cloudformation: {
      pass: [instanceCfn(['StorageEncrypted: true', 'KmsKeyId: alias/aws/rds'])],
      // Absent StorageEncrypted: unencrypted; an Aurora instance takes its cluster's (unencrypted) setting.
      fail: [instanceCfn([]), instanceCfn(['StorageEncrypted: "false"']), AURORA_MEMBER_CFN],
      error: [instanceCfn(['StorageEncrypted: !Ref Encrypt'], { params: ['Encrypt'] })],
    },
    terraform: {
      pass: [instanceTf(['storage_encrypted = true'])],
      fail: [instanceTf([]), AURORA_MEMBER_TF],
      error: [instanceTf(['storage_encrypted = var.encrypt'], { variables: ['encrypt'] })],
    },
  },
});
