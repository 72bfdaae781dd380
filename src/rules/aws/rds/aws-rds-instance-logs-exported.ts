import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
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

/** The log types each engine family should export (the set Security Hub RDS.9 looks for). */
const REQUIRED: Array<[RegExp, string[]]> = [
  [/^postgres$/, ['postgresql', 'upgrade']],
  [/^(mysql|mariadb)$/, ['audit', 'error', 'general', 'slowquery']],
  [/^oracle-/, ['alert', 'audit', 'trace', 'listener']],
  [/^sqlserver-/, ['error', 'agent']],
];
const required = (engine: unknown): string[] | undefined =>
  typeof engine === 'string' ? REQUIRED.find(([re]) => re.test(engine))?.[1] : undefined;

const inScope = (p: DbInstanceProps): boolean => {
  if (!standalone(p)) return false;
  if (isUnknown(p.Engine as unknown)) throw new Error('unresolved value at Engine');
  if (p.Engine === undefined) throw new Error('not collected: Engine');
  return required(p.Engine) !== undefined;
};

export default defineAwsRule({
  id: 'aws-rds-instance-logs-exported',
  resourceType: 'aws.rds.db_instance',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['RDS.9'],
  appliesTo: inScope,
  needs: ['Engine'],
  text: {
    title: {
      en: 'RDS DB instances publish their database logs to CloudWatch Logs',
      ja: 'RDS DB インスタンスでデータベースログを CloudWatch Logs に発行している',
    },
    description: {
      en: 'Checks that the DB instance exports the logs of its engine to CloudWatch Logs (EnabledCloudwatchLogsExports): PostgreSQL postgresql and upgrade; MySQL and MariaDB audit, error, general and slowquery; Oracle alert, audit, trace and listener; SQL Server error and agent.',
      ja: 'DB インスタンスがエンジンごとのログを CloudWatch Logs にエクスポートしている（EnabledCloudwatchLogsExports）ことを確認する。PostgreSQL は postgresql と upgrade、MySQL と MariaDB は audit、error、general、slowquery、Oracle は alert、audit、trace、listener、SQL Server は error と agent。',
    },
    rationale: {
      en: 'Database logs show failed sign-ins, privilege changes and errors. Kept only on the instance they rotate away within days and are lost with the instance; in CloudWatch Logs they can be retained, searched and alarmed on.',
      ja: 'データベースログにはサインインの失敗、権限の変更、エラーが記録される。インスタンス上にしかなければ数日でローテーションされ、インスタンスと一緒に失われる。CloudWatch Logs にあれば保持、検索、アラーム設定ができる。',
    },
    remediation: {
      text: {
        en: 'Enable the engine’s log exports on the instance (and the parameter group or option group settings that make the engine write them, such as general_log or the audit plugin).',
        ja: 'インスタンスでエンジンのログのエクスポートを有効にする（general_log や監査プラグインなど、エンジンにログを書き出させるパラメータグループやオプショングループの設定も行う）。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Additional configuration → Log exports: select the log types → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 追加設定 → ログのエクスポート: ログタイプを選択 → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> \\\n  --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["postgresql","upgrade"]}\' --apply-immediately',
      cloudformation:
        'Type: AWS::RDS::DBInstance\nProperties:\n  EnableCloudwatchLogsExports:\n    - postgresql\n    - upgrade',
      terraform: 'resource "aws_db_instance" "db" {\n  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    },
  },
  evaluate: ({ props }) => {
    const logs = props.EnabledCloudwatchLogsExports as unknown;
    if (isUnknown(logs)) return error(`unresolved value at EnabledCloudwatchLogsExports: ${logs.$unknown}`);
    const list = Array.isArray(logs) ? (logs as unknown[]) : [];
    if (list.some((l) => isUnknown(l))) return error('unresolved value in EnabledCloudwatchLogsExports');
    const missing = (required(props.Engine) ?? []).filter((t) => !list.includes(t));
    if (missing.length === 0) return pass();
    return fail('EnabledCloudwatchLogsExports', {
      en: `${props.DBInstanceIdentifier ?? 'The DB instance'} (${props.Engine}) does not export ${missing.join(', ')} to CloudWatch Logs`,
      ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'}（${props.Engine}）が ${missing.join(', ')} を CloudWatch Logs にエクスポートしていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { ...INSTANCE_LIVE, EnabledCloudwatchLogsExports: ['postgresql', 'upgrade'] } },
        {
          props: {
            ...INSTANCE_LIVE,
            Engine: 'mysql',
            EngineVersion: '8.0.39',
            EnabledCloudwatchLogsExports: ['audit', 'error', 'general', 'slowquery', 'iam-db-auth-error'],
          },
        },
      ],
      fail: [
        { props: INSTANCE_LIVE },
        { props: { ...INSTANCE_LIVE, EnabledCloudwatchLogsExports: ['postgresql'] } },
        { props: { ...INSTANCE_LIVE, Engine: 'mariadb', EnabledCloudwatchLogsExports: ['error'] } },
      ],
      error: [
        { props: { ...INSTANCE_LIVE, Engine: undefined } },
        { props: { ...INSTANCE_LIVE, EnabledCloudwatchLogsExports: { $unknown: 'var.log_types' } } },
      ],
      notApplicable: [{ props: AURORA_MEMBER_LIVE }, { props: { ...INSTANCE_LIVE, Engine: 'db2-se' } }],
    },
    cloudformation: {
      pass: [instanceCfn(['EnableCloudwatchLogsExports:', '  - postgresql', '  - upgrade'])],
      fail: [instanceCfn([]), instanceCfn(['EnableCloudwatchLogsExports:', '  - error'], { engine: 'mysql' })],
      error: [instanceCfn(['EnableCloudwatchLogsExports: !Ref LogTypes'], { params: ['LogTypes'] })],
      notApplicable: [AURORA_MEMBER_CFN],
    },
    terraform: {
      pass: [instanceTf(['enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]'])],
      fail: [instanceTf([]), instanceTf(['enabled_cloudwatch_logs_exports = ["postgresql"]'])],
      error: [instanceTf(['enabled_cloudwatch_logs_exports = var.log_types'], { variables: ['log_types'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
