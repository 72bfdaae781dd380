import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { instanceCfn, instanceTf } from './instance-fixtures.js';

export default defineAwsRule({
  id: 'aws-rds-instance-auto-minor-version-upgrade',
  resourceType: 'aws.rds.db_instance',
  // Among the nine categories, keeping the managed engine on patched, supported minor versions serves
  // availability best: it is about the service staying up and healthy, not about who may reach it.
  category: 'availability',
  severity: 'medium',
  fsbp: ['RDS.13'],
  needs: ['AutoMinorVersionUpgrade'],
  text: {
    title: {
      en: 'Auto minor version upgrade is enabled for RDS DB instances',
      ja: 'RDS DB インスタンスでマイナーバージョンの自動アップグレードが有効になっている',
    },
    description: {
      en: 'Checks that the DB instance receives new minor engine versions automatically during its maintenance window (AutoMinorVersionUpgrade).',
      ja: 'DB インスタンスが、メンテナンスウィンドウ中に新しいエンジンのマイナーバージョンを自動で適用する設定（AutoMinorVersionUpgrade）になっていることを確認する。',
    },
    rationale: {
      en: 'Minor versions carry security fixes and bug fixes. Instances that are never upgraded keep known vulnerabilities and eventually reach forced upgrades at a time AWS chooses rather than in a planned window.',
      ja: 'マイナーバージョンにはセキュリティ修正とバグ修正が含まれる。アップグレードされないインスタンスは既知の脆弱性を抱えたままになり、最終的には計画したウィンドウではなく AWS が決めた時期に強制アップグレードされる。',
    },
    remediation: {
      text: {
        en: 'Enable auto minor version upgrade on the instance and set a maintenance window that suits the workload.',
        ja: 'インスタンスでマイナーバージョンの自動アップグレードを有効にし、ワークロードに合ったメンテナンスウィンドウを設定する。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Maintenance → Auto minor version upgrade: Enable → Continue → Apply during the next scheduled maintenance window (or immediately) → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → メンテナンス → マイナーバージョン自動アップグレード: 有効 → 続行 → 次回の定期メンテナンス期間中に適用（または今すぐ適用）→ DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --auto-minor-version-upgrade --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  AutoMinorVersionUpgrade: true',
      terraform: 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html',
    },
  },
  evaluate: ({ props }) => {
    if (props.AutoMinorVersionUpgrade === true) return pass();
    const name = props.DBInstanceIdentifier ?? 'DB instance';
    const engine = [props.Engine, props.EngineVersion].filter((v) => typeof v === 'string').join(' ');
    const suffix = engine ? ` (${engine})` : '';
    return fail('AutoMinorVersionUpgrade', {
      en: `Auto minor version upgrade is off for ${name}${suffix}`,
      ja: `${name}${engine ? `（${engine}）` : ' '}でマイナーバージョンの自動アップグレードが無効になっている`,
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            DBInstanceIdentifier: 'orders-db',
            Engine: 'postgres',
            EngineVersion: '16.4',
            AutoMinorVersionUpgrade: true,
          },
        },
      ],
      fail: [
        {
          props: {
            DBInstanceIdentifier: 'pinned-db',
            Engine: 'mysql',
            EngineVersion: '8.0.35',
            AutoMinorVersionUpgrade: false,
          },
        },
      ],
      error: [
        { props: { DBInstanceIdentifier: 'half-read', Engine: 'mysql', EngineVersion: '8.0.35' } },
        {
          props: {
            DBInstanceIdentifier: 'iac',
            Engine: 'mysql',
            AutoMinorVersionUpgrade: { $unknown: 'var.auto_upgrade' },
          },
        },
      ],
    },
    cloudformation: {
      // Absent AutoMinorVersionUpgrade: RDS turns it on.
      pass: [instanceCfn([]), instanceCfn(['AutoMinorVersionUpgrade: true'])],
      fail: [instanceCfn(['AutoMinorVersionUpgrade: false'])],
      error: [instanceCfn(['AutoMinorVersionUpgrade: !Ref AutoUpgrade'], { params: ['AutoUpgrade'] })],
    },
    terraform: {
      pass: [instanceTf([])],
      fail: [instanceTf(['auto_minor_version_upgrade = false'])],
      error: [instanceTf(['auto_minor_version_upgrade = var.auto_upgrade'], { variables: ['auto_upgrade'] })],
    },
  },
});
