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

/** Engines of standalone instances that support IAM database authentication. */
const IAM_ENGINES = ['mysql', 'mariadb', 'postgres'];

const inScope = (p: DbInstanceProps): boolean => {
  if (!standalone(p)) return false;
  if (isUnknown(p.Engine as unknown)) throw new Error('unresolved value at Engine');
  if (p.Engine === undefined) throw new Error('not collected: Engine');
  return typeof p.Engine === 'string' && IAM_ENGINES.includes(p.Engine);
};

export default defineAwsRule({
  id: 'aws-rds-instance-iam-authentication',
  resourceType: 'aws.rds.db_instance',
  category: 'identity',
  severity: 'medium',
  fsbp: ['RDS.10'],
  appliesTo: inScope,
  needs: ['IAMDatabaseAuthenticationEnabled'],
  text: {
    title: {
      en: 'RDS DB instances use IAM database authentication',
      ja: 'RDS DB インスタンスで IAM データベース認証が有効になっている',
    },
    description: {
      en: 'Checks that IAM database authentication is enabled (IAMDatabaseAuthenticationEnabled) for MySQL, MariaDB and PostgreSQL instances that are not part of a DB cluster.',
      ja: 'DB クラスターに属さない MySQL、MariaDB、PostgreSQL のインスタンスで IAM データベース認証が有効になっている（IAMDatabaseAuthenticationEnabled）ことを確認する。',
    },
    rationale: {
      en: 'Database passwords end up in configuration files and are rarely rotated. With IAM authentication, applications sign in with 15-minute tokens issued to their IAM role, and access can be granted and revoked in IAM.',
      ja: 'データベースのパスワードは設定ファイルに書かれ、ほとんどローテーションされない。IAM 認証なら、アプリケーションは IAM ロールに発行される 15 分間有効なトークンでサインインし、アクセスの付与と取り消しを IAM で行える。',
    },
    remediation: {
      text: {
        en: 'Enable IAM database authentication, create database users for IAM (rds_iam role or AWSAuthenticationPlugin) and grant rds-db:connect to the application roles.',
        ja: 'IAM データベース認証を有効にし、IAM 用のデータベースユーザー（rds_iam ロールまたは AWSAuthenticationPlugin）を作成して、アプリケーションのロールに rds-db:connect を許可する。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Database authentication: Password and IAM database authentication → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → データベース認証: パスワードと IAM データベース認証 → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --enable-iam-database-authentication --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  EnableIAMDatabaseAuthentication: true',
      terraform: 'resource "aws_db_instance" "db" {\n  iam_database_authentication_enabled = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
    },
  },
  evaluate: ({ props }) =>
    props.IAMDatabaseAuthenticationEnabled === true
      ? pass()
      : fail('IAMDatabaseAuthenticationEnabled', {
          en: `IAM database authentication is off for ${props.DBInstanceIdentifier ?? 'the DB instance'} (${props.Engine})`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'}（${props.Engine}）で IAM データベース認証が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: { ...INSTANCE_LIVE, IAMDatabaseAuthenticationEnabled: true } }],
      fail: [
        { props: { ...INSTANCE_LIVE, IAMDatabaseAuthenticationEnabled: false } },
        {
          props: {
            ...INSTANCE_LIVE,
            Engine: 'mysql',
            EngineVersion: '8.0.39',
            IAMDatabaseAuthenticationEnabled: false,
          },
        },
      ],
      error: [
        { props: INSTANCE_LIVE },
        { props: { ...INSTANCE_LIVE, Engine: { $unknown: 'Ref Engine' }, IAMDatabaseAuthenticationEnabled: false } },
      ],
      notApplicable: [
        { props: AURORA_MEMBER_LIVE },
        {
          props: {
            ...INSTANCE_LIVE,
            Engine: 'sqlserver-se',
            EngineVersion: '16.00.4135.4.v1',
            IAMDatabaseAuthenticationEnabled: false,
          },
        },
      ],
    },
    cloudformation: {
      pass: [instanceCfn(['EnableIAMDatabaseAuthentication: true'])],
      fail: [instanceCfn([]), instanceCfn(['EnableIAMDatabaseAuthentication: false'], { engine: 'MySQL' })],
      error: [instanceCfn(['EnableIAMDatabaseAuthentication: !Ref IamAuth'], { params: ['IamAuth'] })],
      notApplicable: [AURORA_MEMBER_CFN, instanceCfn(['LicenseModel: license-included'], { engine: 'sqlserver-se' })],
    },
    terraform: {
      pass: [instanceTf(['iam_database_authentication_enabled = true'])],
      fail: [instanceTf([]), instanceTf(['iam_database_authentication_enabled = false'], { engine: 'mariadb' })],
      error: [instanceTf(['iam_database_authentication_enabled = var.iam_auth'], { variables: ['iam_auth'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
