import { isUnknown } from '../../../core/resource.js';
import { error, fail, type IacFixtures, pass, type Rule } from '../../../core/rule.js';
import type { Text } from '../../../core/text.js';
import type { DbClusterProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from './templates.js';

/**
 * rds:DescribeDBClusters lists Aurora and Multi-AZ DB clusters, Neptune clusters (Engine 'neptune') and DocumentDB
 * clusters (Engine 'docdb') alike. The same settings (storage encryption, backup retention, deletion protection,
 * log exports) are judged per family, so each family's rules speak of its own product, console and CLI.
 */
export interface ClusterFamily {
  key: 'rds' | 'neptune' | 'docdb';
  /** In scope: the cluster's Engine (an unresolved Engine is an error, not N/A). */
  inScope: (engine: string) => boolean;
  /** 'Aurora and RDS DB clusters' */
  plural: Text;
  /** 'DB cluster' (used in reasons after the identifier) */
  console: Text;
  cli: 'rds' | 'neptune' | 'docdb';
  cfnType: string;
  tfType: string;
  /** Required template lines besides the one under test. */
  cfnBase: readonly string[];
  tfBase: readonly string[];
  /** A realistic DescribeDBClusters item, without the settings under test. */
  live: Record<string, unknown>;
  /** Another in-scope engine's item for a second pass fixture (e.g. a Multi-AZ DB cluster). */
  otherLive?: Record<string, unknown>;
  /** An out-of-scope item (another family). */
  outOfScope: Record<string, unknown>;
  guide: string;
}

const engineOf = (p: DbClusterProps): string => {
  if (isUnknown(p.Engine as unknown)) throw new Error('unresolved value at Engine');
  if (typeof p.Engine !== 'string') throw new Error('not collected: Engine');
  return p.Engine;
};

export const AURORA: ClusterFamily = {
  key: 'rds',
  inScope: (e) => e !== 'neptune' && e !== 'docdb',
  plural: { en: 'Aurora and RDS Multi-AZ DB clusters', ja: 'Aurora および RDS マルチ AZ DB クラスター' },
  console: { en: 'RDS console', ja: 'RDS コンソール' },
  cli: 'rds',
  cfnType: 'AWS::RDS::DBCluster',
  tfType: 'aws_rds_cluster',
  cfnBase: [
    'DBClusterIdentifier: orders-aurora',
    'Engine: aurora-postgresql',
    'MasterUsername: app_admin',
    'ManageMasterUserPassword: true',
  ],
  tfBase: [
    'cluster_identifier          = "orders-aurora"',
    'engine                      = "aurora-postgresql"',
    'master_username             = "app_admin"',
    'manage_master_user_password = true',
  ],
  live: {
    DBClusterIdentifier: 'orders-aurora',
    DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:orders-aurora',
    Engine: 'aurora-postgresql',
    EngineVersion: '16.4',
    EngineMode: 'provisioned',
    Status: 'available',
  },
  otherLive: {
    DBClusterIdentifier: 'ledger-maz',
    Engine: 'postgres',
    EngineVersion: '16.4',
    DBClusterInstanceClass: 'db.m6gd.large',
    Status: 'available',
  },
  outOfScope: { DBClusterIdentifier: 'graph', Engine: 'neptune', EngineVersion: '1.3.2.1' },
  guide: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Modifying.html',
};

export const NEPTUNE: ClusterFamily = {
  key: 'neptune',
  inScope: (e) => e === 'neptune',
  plural: { en: 'Neptune DB clusters', ja: 'Neptune DB クラスター' },
  console: { en: 'Neptune console', ja: 'Neptune コンソール' },
  cli: 'neptune',
  cfnType: 'AWS::Neptune::DBCluster',
  tfType: 'aws_neptune_cluster',
  cfnBase: ['DBClusterIdentifier: graph'],
  tfBase: ['cluster_identifier = "graph"', 'engine             = "neptune"'],
  live: {
    DBClusterIdentifier: 'graph',
    DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:graph',
    Engine: 'neptune',
    EngineVersion: '1.3.2.1',
    Status: 'available',
  },
  outOfScope: { DBClusterIdentifier: 'orders-aurora', Engine: 'aurora-mysql', EngineMode: 'provisioned' },
  guide: 'https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-modify.html',
};

export const DOCDB: ClusterFamily = {
  key: 'docdb',
  inScope: (e) => e === 'docdb',
  plural: { en: 'Amazon DocumentDB clusters', ja: 'Amazon DocumentDB クラスター' },
  console: { en: 'Amazon DocumentDB console', ja: 'Amazon DocumentDB コンソール' },
  cli: 'docdb',
  cfnType: 'AWS::DocDB::DBCluster',
  tfType: 'aws_docdb_cluster',
  cfnBase: [
    'DBClusterIdentifier: catalog-docdb',
    'MasterUsername: docdb_admin',
    'MasterUserPassword: "{{resolve:secretsmanager:catalog-docdb-admin:SecretString:password}}"',
  ],
  tfBase: [
    'cluster_identifier          = "catalog-docdb"',
    'master_username             = "docdb_admin"',
    'manage_master_user_password = true',
  ],
  live: {
    DBClusterIdentifier: 'catalog-docdb',
    DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:catalog-docdb',
    Engine: 'docdb',
    EngineVersion: '5.0.0',
    Status: 'available',
  },
  outOfScope: { DBClusterIdentifier: 'graph', Engine: 'neptune', EngineVersion: '1.3.2.1' },
  guide: 'https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-modify.html',
};

interface Meta {
  id: string;
  fsbp?: readonly string[];
}

/** CFN / TF fixtures: the base lines plus the line under test (none: the property is absent). */
function iac(
  f: ClusterFamily,
  cases: {
    cfnPass: string[];
    cfnFail: string[][];
    cfnError: string;
    tfPass: string[];
    tfFail: string[][];
    tfError: string;
  },
): { cloudformation: IacFixtures; terraform: IacFixtures } {
  const c = (lines: string[], params?: string[]) =>
    cfnTemplate(f.cfnType, [...f.cfnBase, ...lines], { logicalId: 'Cluster', ...(params ? { params } : {}) });
  const t = (lines: string[], variables?: string[]) =>
    tfConfig(f.tfType, 'this', [...f.tfBase, ...lines], variables ? { variables } : {});
  return {
    cloudformation: {
      pass: [c(cases.cfnPass)],
      fail: cases.cfnFail.map((l) => c(l)),
      error: [c([cases.cfnError], ['Setting'])],
    },
    terraform: {
      pass: [t(cases.tfPass)],
      fail: cases.tfFail.map((l) => t(l)),
      error: [t([cases.tfError], ['setting'])],
    },
  };
}

const liveFixtures = (
  f: ClusterFamily,
  good: Record<string, unknown>,
  bad: Record<string, unknown>[],
  errors: Array<{ props: Record<string, unknown>; gaps?: Record<string, string> }>,
) => ({
  pass: [{ props: { ...f.live, ...good } }, ...(f.otherLive ? [{ props: { ...f.otherLive, ...good } }] : [])],
  fail: bad.map((b) => ({ props: { ...f.live, ...b } })),
  error: [
    ...errors.map((e) => ({ props: { ...f.live, ...e.props }, ...(e.gaps ? { gaps: e.gaps } : {}) })),
    { props: { ...f.live, Engine: { $unknown: 'Ref EngineParam' }, ...good } },
  ],
  notApplicable: [{ props: { ...f.outOfScope, ...bad[0] } }],
});

const idOf = (p: DbClusterProps, f: ClusterFamily): Text => ({
  en: p.DBClusterIdentifier ?? `The ${f.plural.en.replace(/s$/, '')}`,
  ja: p.DBClusterIdentifier ?? f.plural.ja,
});

/** Storage encrypted at rest (StorageEncrypted). */
export function storageEncryptedRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'encryption',
    severity: 'medium',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    needs: ['StorageEncrypted'],
    text: {
      title: {
        en: `${f.plural.en} are encrypted at rest`,
        ja: `${f.plural.ja}で保存時の暗号化が有効になっている`,
      },
      description: {
        en: 'Checks that the cluster storage is encrypted with KMS (StorageEncrypted), which also covers its instances, automated backups and snapshots.',
        ja: 'クラスターのストレージが KMS で暗号化されている（StorageEncrypted）ことを確認する。暗号化はインスタンス、自動バックアップ、スナップショットにも及ぶ。',
      },
      rationale: {
        en: 'An unencrypted cluster volume and every snapshot taken from it can be read by anyone who obtains the storage or a shared copy. Encryption can only be chosen when the cluster is created, so leaving it off makes a later fix a migration.',
        ja: '暗号化されていないクラスターボリュームと、そこから作成したスナップショットは、ストレージや共有されたコピーを入手した者に読まれてしまう。暗号化は作成時にしか選べないため、有効にしないまま運用すると後からの修正はデータ移行になる。',
      },
      remediation: {
        text: {
          en: 'Encryption cannot be turned on for an existing cluster: take a snapshot, restore it as a new cluster with encryption and a KMS key, and move the application to the new cluster.',
          ja: '既存のクラスターでは暗号化を後から有効にできない。スナップショットを作成し、KMS キーを指定して暗号化した新しいクラスターとして復元し、アプリケーションの接続先を切り替える。',
        },
        console: {
          en: `${f.console.en} → Snapshots → select a snapshot of the cluster → Actions → Restore snapshot → Encryption: Enable encryption, choose a KMS key → Restore DB cluster.`,
          ja: `${f.console.ja} → スナップショット → クラスターのスナップショットを選択 → アクション → スナップショットを復元 → 暗号化: 暗号化を有効化し KMS キーを選択 → DB クラスターを復元。`,
        },
        cli: `aws ${f.cli} create-db-cluster-snapshot --db-cluster-identifier <CLUSTER> --db-cluster-snapshot-identifier <CLUSTER>-plain\naws ${f.cli} restore-db-cluster-from-snapshot --db-cluster-identifier <NEW_CLUSTER> \\\n  --snapshot-identifier <CLUSTER>-plain --engine <ENGINE> --kms-key-id <KMS_KEY_ARN>`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  StorageEncrypted: true\n  KmsKeyId: <KMS_KEY_ARN>`,
        terraform: `resource "${f.tfType}" "this" {\n  storage_encrypted = true\n  kms_key_${f.key === 'neptune' ? 'arn' : 'id'} = aws_kms_key.db.arn\n}`,
        url: f.guide,
      },
    },
    evaluate: ({ props }) =>
      props.StorageEncrypted === true
        ? pass()
        : fail('StorageEncrypted', {
            en: `Storage of ${idOf(props, f).en} is not encrypted`,
            ja: `${idOf(props, f).ja} のストレージが暗号化されていない`,
          }),
    fixtures: {
      live: liveFixtures(
        f,
        {
          StorageEncrypted: true,
          KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
        [{ StorageEncrypted: false }],
        [
          { props: {}, gaps: { StorageEncrypted: 'AccessDenied: rds:DescribeDBClusters' } },
          { props: { StorageEncrypted: { $unknown: 'Ref Encrypt' } } },
        ],
      ),
      ...iac(f, {
        cfnPass: ['StorageEncrypted: true'],
        cfnFail: [[], ['StorageEncrypted: false']],
        cfnError: 'StorageEncrypted: !Ref Setting',
        tfPass: ['storage_encrypted = true'],
        tfFail: [[], ['storage_encrypted = "false"']],
        tfError: 'storage_encrypted = var.setting',
      }),
    },
  });
}

/** Automated backups kept for at least `minDays` days (BackupRetentionPeriod). */
export function backupRetentionRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'backup',
    severity: 'medium',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    needs: ['BackupRetentionPeriod'],
    params: { minDays: 7 },
    text: {
      title: {
        en: `${f.plural.en} keep automated backups for at least 7 days`,
        ja: `${f.plural.ja}の自動バックアップが 7 日以上保持されている`,
      },
      description: {
        en: 'Checks that the cluster’s automated backup retention period (BackupRetentionPeriod) is at least the minimum number of days (parameter minDays, 7 by default).',
        ja: 'クラスターの自動バックアップの保持期間（BackupRetentionPeriod）が最小日数（パラメータ minDays、既定 7 日）以上であることを確認する。',
      },
      rationale: {
        en: 'Point-in-time recovery reaches back only as far as the retention period. With the default of one day, corruption or a destructive change noticed after a weekend can no longer be undone from automated backups.',
        ja: 'ポイントインタイムリカバリで戻れるのは保持期間の範囲内だけである。既定の 1 日では、週末を挟んで気付いたデータ破損や破壊的な変更を自動バックアップから戻せない。',
      },
      remediation: {
        text: {
          en: 'Raise the backup retention period of the cluster to at least 7 days (up to 35).',
          ja: 'クラスターのバックアップ保持期間を 7 日以上（最大 35 日）に延ばす。',
        },
        console: {
          en: `${f.console.en} → select the cluster → Modify → Backup → Backup retention period: 7 days or more → Continue → Apply immediately → Modify cluster.`,
          ja: `${f.console.ja} → 対象のクラスターを選択 → 変更 → バックアップ → バックアップ保持期間: 7 日以上 → 続行 → すぐに適用 → クラスターを変更。`,
        },
        cli: `aws ${f.cli} modify-db-cluster --db-cluster-identifier <CLUSTER> --backup-retention-period 7 --apply-immediately`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  BackupRetentionPeriod: 7`,
        terraform: `resource "${f.tfType}" "this" {\n  backup_retention_period = 7\n}`,
        url: f.guide,
      },
    },
    evaluate: ({ props, params }) => {
      const min = Number(params.minDays);
      const days = props.BackupRetentionPeriod ?? 0;
      return days >= min
        ? pass()
        : fail('BackupRetentionPeriod', {
            en: `${idOf(props, f).en} keeps automated backups for ${days} day(s), fewer than ${min}`,
            ja: `${idOf(props, f).ja} の自動バックアップ保持期間が ${days} 日で、${min} 日に満たない`,
          });
    },
    fixtures: {
      live: {
        ...liveFixtures(
          f,
          { BackupRetentionPeriod: 7 },
          [{ BackupRetentionPeriod: 1 }, { BackupRetentionPeriod: 6 }],
          [{ props: {} }, { props: { BackupRetentionPeriod: { $unknown: 'var.retention' } } }],
        ),
      },
      ...iac(f, {
        cfnPass: ['BackupRetentionPeriod: 14'],
        cfnFail: [[], ['BackupRetentionPeriod: 3']],
        cfnError: 'BackupRetentionPeriod: !Ref Setting',
        tfPass: ['backup_retention_period = 35'],
        tfFail: [[], ['backup_retention_period = "5"']],
        tfError: 'backup_retention_period = var.setting',
      }),
    },
  });
}

/** Deletion protection on (DeletionProtection). */
export function deletionProtectionRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  // Neptune's create API does not document a default for callers, so an absent value is unresolved (ERROR).
  const cfnFail = f.key === 'neptune' ? [['DeletionProtection: false']] : [[], ['DeletionProtection: false']];
  const tfFail = f.key === 'neptune' ? [['deletion_protection = false']] : [[], ['deletion_protection = false']];
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'availability',
    severity: 'medium',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    needs: ['DeletionProtection'],
    text: {
      title: {
        en: `${f.plural.en} have deletion protection enabled`,
        ja: `${f.plural.ja}で削除保護が有効になっている`,
      },
      description: {
        en: 'Checks that deletion protection (DeletionProtection) is enabled, so the cluster cannot be deleted until the setting is turned off first.',
        ja: '削除保護（DeletionProtection）が有効になっており、設定を先に無効にしない限りクラスターを削除できないことを確認する。',
      },
      rationale: {
        en: 'Deleting a cluster takes its data with it, and automated backups are removed with the cluster. Deletion protection turns a mistaken or malicious delete (a console click, a stack update that replaces the cluster, a compromised role) into a two-step change that can be noticed.',
        ja: 'クラスターを削除するとデータも失われ、自動バックアップもクラスターと一緒に削除される。削除保護があれば、誤操作や悪意ある削除（コンソールでの操作、クラスターを置き換えるスタック更新、乗っ取られたロール）が 2 段階の変更になり、気付く機会ができる。',
      },
      remediation: {
        text: { en: 'Enable deletion protection on the cluster.', ja: 'クラスターの削除保護を有効にする。' },
        console: {
          en: `${f.console.en} → select the cluster → Modify → Deletion protection: Enable deletion protection → Continue → Apply immediately → Modify cluster.`,
          ja: `${f.console.ja} → 対象のクラスターを選択 → 変更 → 削除保護: 削除保護を有効にする → 続行 → すぐに適用 → クラスターを変更。`,
        },
        cli: `aws ${f.cli} modify-db-cluster --db-cluster-identifier <CLUSTER> --deletion-protection --apply-immediately`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  DeletionProtection: true`,
        terraform: `resource "${f.tfType}" "this" {\n  deletion_protection = true\n}`,
        url: f.guide,
      },
    },
    evaluate: ({ props }) =>
      props.DeletionProtection === true
        ? pass()
        : fail('DeletionProtection', {
            en: `Deletion protection is off for ${idOf(props, f).en}`,
            ja: `${idOf(props, f).ja} の削除保護が無効になっている`,
          }),
    fixtures: {
      live: liveFixtures(
        f,
        { DeletionProtection: true },
        [{ DeletionProtection: false }],
        [{ props: {} }, { props: { DeletionProtection: { $unknown: 'Ref Protect' } } }],
      ),
      ...iac(f, {
        cfnPass: ['DeletionProtection: true'],
        cfnFail,
        cfnError: 'DeletionProtection: !Ref Setting',
        tfPass: ['deletion_protection = true'],
        tfFail,
        tfError: 'deletion_protection = var.setting',
      }),
    },
  });
}

/** Audit logs published to CloudWatch Logs (EnabledCloudwatchLogsExports contains 'audit'). */
export function auditLogsRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  const logsProp = f.key === 'neptune' ? 'enable_cloudwatch_logs_exports' : 'enabled_cloudwatch_logs_exports';
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'logging-monitoring',
    severity: 'medium',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    text: {
      title: {
        en: `${f.plural.en} publish audit logs to CloudWatch Logs`,
        ja: `${f.plural.ja}で監査ログを CloudWatch Logs に発行している`,
      },
      description: {
        en: 'Checks that the cluster exports its audit log to CloudWatch Logs (EnabledCloudwatchLogsExports includes audit). The cluster parameter group must also turn auditing on for records to be written.',
        ja: 'クラスターが監査ログを CloudWatch Logs にエクスポートしている（EnabledCloudwatchLogsExports に audit が含まれる）ことを確認する。レコードが書き込まれるには、クラスターパラメータグループで監査も有効にする必要がある。',
      },
      rationale: {
        en: 'Audit logs record who connected and what they ran. Kept only on the cluster they are lost with it and are hard to search; in CloudWatch Logs they can be retained, alarmed on and used in an investigation.',
        ja: '監査ログには誰が接続し何を実行したかが記録される。クラスター上にしかなければクラスターと一緒に失われ、検索もしにくい。CloudWatch Logs にあれば保持、アラーム設定、調査への活用ができる。',
      },
      remediation: {
        text: {
          en: 'Enable the audit log export on the cluster (and auditing in its cluster parameter group).',
          ja: 'クラスターで監査ログのエクスポートを有効にする（クラスターパラメータグループでも監査を有効にする）。',
        },
        console: {
          en: `${f.console.en} → select the cluster → Modify → Log exports: select Audit log → Continue → Apply immediately → Modify cluster.`,
          ja: `${f.console.ja} → 対象のクラスターを選択 → 変更 → ログのエクスポート: 監査ログを選択 → 続行 → すぐに適用 → クラスターを変更。`,
        },
        cli: `aws ${f.cli} modify-db-cluster --db-cluster-identifier <CLUSTER> \\\n  --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit"]}' --apply-immediately`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  EnableCloudwatchLogsExports:\n    - audit`,
        terraform: `resource "${f.tfType}" "this" {\n  ${logsProp} = ["audit"]\n}`,
        url: f.guide,
      },
    },
    evaluate: ({ props }) => {
      const logs = props.EnabledCloudwatchLogsExports as unknown;
      if (isUnknown(logs)) return error(`unresolved value at EnabledCloudwatchLogsExports: ${logs.$unknown}`);
      const list = Array.isArray(logs) ? (logs as unknown[]) : [];
      if (list.some((l) => isUnknown(l))) return error('unresolved value in EnabledCloudwatchLogsExports');
      return list.includes('audit')
        ? pass()
        : fail('EnabledCloudwatchLogsExports', {
            en: `${idOf(props, f).en} does not export its audit log${list.length ? ` (exports: ${list.join(', ')})` : ''}`,
            ja: `${idOf(props, f).ja} が監査ログをエクスポートしていない${list.length ? `（エクスポート中: ${list.join(', ')}）` : ''}`,
          });
    },
    fixtures: {
      live: liveFixtures(
        f,
        { EnabledCloudwatchLogsExports: f.key === 'docdb' ? ['audit', 'profiler'] : ['audit'] },
        [{}, { EnabledCloudwatchLogsExports: f.key === 'docdb' ? ['profiler'] : ['slowquery'] }],
        [{ props: { EnabledCloudwatchLogsExports: { $unknown: 'var.log_types' } } }],
      ),
      ...iac(f, {
        cfnPass: ['EnableCloudwatchLogsExports:', '  - audit'],
        cfnFail: [
          [],
          f.key === 'docdb' ? ['EnableCloudwatchLogsExports:', '  - profiler'] : ['EnableCloudwatchLogsExports: []'],
        ],
        cfnError: 'EnableCloudwatchLogsExports: !Ref Setting',
        tfPass: [`${logsProp} = ["audit"]`],
        tfFail: [[], [`${logsProp} = []`]],
        tfError: `${logsProp} = var.setting`,
      }),
    },
  });
}

/** IAM database authentication on (IAMDatabaseAuthenticationEnabled). */
export function iamAuthenticationRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  const cfnProp = f.key === 'neptune' ? 'IamAuthEnabled' : 'EnableIAMDatabaseAuthentication';
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'identity',
    severity: 'medium',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    needs: ['IAMDatabaseAuthenticationEnabled'],
    text: {
      title: {
        en: `${f.plural.en} use IAM database authentication`,
        ja: `${f.plural.ja}で IAM データベース認証が有効になっている`,
      },
      description: {
        en: 'Checks that IAM database authentication is enabled on the cluster (IAMDatabaseAuthenticationEnabled), so database users can sign in with short-lived IAM tokens instead of stored passwords.',
        ja: 'クラスターで IAM データベース認証が有効になっており（IAMDatabaseAuthenticationEnabled）、データベースユーザーが保存されたパスワードではなく短期間有効な IAM トークンでサインインできることを確認する。',
      },
      rationale: {
        en: 'Passwords kept in application configuration leak and are rarely rotated. IAM authentication ties database access to IAM roles, with tokens that expire after 15 minutes and sign-ins recorded in CloudTrail, and access revoked in one place.',
        ja: 'アプリケーションの設定に保存されたパスワードは漏えいしやすく、ほとんどローテーションされない。IAM 認証ならデータベースへのアクセスが IAM ロールに結び付き、トークンは 15 分で失効し、アクセスの取り消しも 1 か所で済む。',
      },
      remediation: {
        text: {
          en: 'Enable IAM database authentication on the cluster, then create database users mapped to IAM and grant rds-db:connect to the roles that need them.',
          ja: 'クラスターで IAM データベース認証を有効にし、IAM に対応付けたデータベースユーザーを作成して、必要なロールに rds-db:connect を許可する。',
        },
        console: {
          en: `${f.console.en} → select the cluster → Modify → Database authentication: Password and IAM database authentication → Continue → Apply immediately → Modify cluster.`,
          ja: `${f.console.ja} → 対象のクラスターを選択 → 変更 → データベース認証: パスワードと IAM データベース認証 → 続行 → すぐに適用 → クラスターを変更。`,
        },
        cli: `aws ${f.cli} modify-db-cluster --db-cluster-identifier <CLUSTER> --enable-iam-database-authentication --apply-immediately`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  ${cfnProp}: true`,
        terraform: `resource "${f.tfType}" "this" {\n  iam_database_authentication_enabled = true\n}`,
        url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html',
      },
    },
    evaluate: ({ props }) =>
      props.IAMDatabaseAuthenticationEnabled === true
        ? pass()
        : fail('IAMDatabaseAuthenticationEnabled', {
            en: `IAM database authentication is off for ${idOf(props, f).en}`,
            ja: `${idOf(props, f).ja} で IAM データベース認証が無効になっている`,
          }),
    fixtures: {
      live: liveFixtures(
        f,
        { IAMDatabaseAuthenticationEnabled: true },
        [{ IAMDatabaseAuthenticationEnabled: false }],
        [{ props: {} }, { props: { IAMDatabaseAuthenticationEnabled: { $unknown: 'Ref IamAuth' } } }],
      ),
      ...iac(f, {
        cfnPass: [`${cfnProp}: true`],
        cfnFail: [[], [`${cfnProp}: false`]],
        cfnError: `${cfnProp}: !Ref Setting`,
        tfPass: ['iam_database_authentication_enabled = true'],
        tfFail: [[], ['iam_database_authentication_enabled = false']],
        tfError: 'iam_database_authentication_enabled = var.setting',
      }),
    },
  });
}

/** Tags copied to snapshots (CopyTagsToSnapshot). */
export function copyTagsToSnapshotRule(f: ClusterFamily, meta: Meta): Rule<DbClusterProps> {
  return defineAwsRule({
    id: meta.id,
    resourceType: 'aws.rds.db_cluster',
    category: 'visibility-audit',
    severity: 'low',
    ...(meta.fsbp ? { fsbp: meta.fsbp } : {}),
    appliesTo: (p) => f.inScope(engineOf(p)),
    needs: ['CopyTagsToSnapshot'],
    text: {
      title: {
        en: `${f.plural.en} copy their tags to snapshots`,
        ja: `${f.plural.ja}でタグをスナップショットにコピーしている`,
      },
      description: {
        en: 'Checks that the cluster copies its tags to the snapshots taken of it (CopyTagsToSnapshot).',
        ja: 'クラスターが、作成されるスナップショットに自身のタグをコピーする設定（CopyTagsToSnapshot）になっていることを確認する。',
      },
      rationale: {
        en: 'Snapshots without tags lose their owner, data classification and cost allocation, and escape tag-based access control (aws:ResourceTag conditions) and backup or retention policies that select resources by tag.',
        ja: 'タグのないスナップショットは、所有者、データ分類、コスト配分の情報を失い、タグに基づくアクセス制御（aws:ResourceTag 条件）や、タグで対象を選ぶバックアップ・保持ポリシーの対象からも外れる。',
      },
      remediation: {
        text: {
          en: 'Turn on copying tags to snapshots for the cluster, and tag existing snapshots.',
          ja: 'クラスターでスナップショットへのタグのコピーを有効にし、既存のスナップショットにもタグを付ける。',
        },
        console: {
          en: `${f.console.en} → select the cluster → Modify → Backup: Copy tags to snapshots → Continue → Apply immediately → Modify cluster.`,
          ja: `${f.console.ja} → 対象のクラスターを選択 → 変更 → バックアップ: スナップショットにタグをコピー を選択 → 続行 → すぐに適用 → クラスターを変更。`,
        },
        cli: `aws ${f.cli} modify-db-cluster --db-cluster-identifier <CLUSTER> --copy-tags-to-snapshot --apply-immediately`,
        cloudformation: `Type: ${f.cfnType}\nProperties:\n  CopyTagsToSnapshot: true`,
        terraform: `resource "${f.tfType}" "this" {\n  copy_tags_to_snapshot = true\n}`,
        url: f.guide,
      },
    },
    evaluate: ({ props }) =>
      props.CopyTagsToSnapshot === true
        ? pass()
        : fail('CopyTagsToSnapshot', {
            en: `${idOf(props, f).en} does not copy its tags to snapshots`,
            ja: `${idOf(props, f).ja} がタグをスナップショットにコピーしていない`,
          }),
    fixtures: {
      live: liveFixtures(
        f,
        { CopyTagsToSnapshot: true },
        [{ CopyTagsToSnapshot: false }],
        [{ props: {} }, { props: { CopyTagsToSnapshot: { $unknown: 'Ref CopyTags' } } }],
      ),
      ...iac(f, {
        cfnPass: ['CopyTagsToSnapshot: true'],
        cfnFail: [[], ['CopyTagsToSnapshot: false']],
        cfnError: 'CopyTagsToSnapshot: !Ref Setting',
        tfPass: ['copy_tags_to_snapshot = true'],
        tfFail: [[], ['copy_tags_to_snapshot = false']],
        tfError: 'copy_tags_to_snapshot = var.setting',
      }),
    },
  });
}
