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
  id: 'aws-rds-instance-copy-tags-to-snapshots',
  resourceType: 'aws.rds.db_instance',
  category: 'visibility-audit',
  severity: 'low',
  fsbp: ['RDS.17'],
  appliesTo: standalone,
  needs: ['CopyTagsToSnapshot'],
  text: {
    title: {
      en: 'RDS DB instances copy their tags to snapshots',
      ja: 'RDS DB インスタンスでタグをスナップショットにコピーしている',
    },
    description: {
      en: 'Checks that each DB instance that is not part of a DB cluster copies its tags to its snapshots (CopyTagsToSnapshot); cluster members follow their cluster’s setting.',
      ja: 'DB クラスターに属さない DB インスタンスが、自身のタグをスナップショットにコピーする設定（CopyTagsToSnapshot）になっていることを確認する。クラスターのメンバーはクラスターの設定に従う。',
    },
    rationale: {
      en: 'Snapshots without tags lose their owner, data classification and cost allocation, and escape tag-based access control and backup or retention policies that select resources by tag.',
      ja: 'タグのないスナップショットは、所有者、データ分類、コスト配分の情報を失い、タグに基づくアクセス制御や、タグで対象を選ぶバックアップ・保持ポリシーの対象からも外れる。',
    },
    remediation: {
      text: {
        en: 'Turn on copying tags to snapshots for the instance, and tag existing snapshots.',
        ja: 'インスタンスでスナップショットへのタグのコピーを有効にし、既存のスナップショットにもタグを付ける。',
      },
      console: {
        en: 'RDS console → Databases → select the instance → Modify → Additional configuration → Backup: Copy tags to snapshots → Continue → Apply immediately → Modify DB instance.',
        ja: 'RDS コンソール → データベース → 対象のインスタンスを選択 → 変更 → 追加設定 → バックアップ: スナップショットにタグをコピー を選択 → 続行 → すぐに適用 → DB インスタンスを変更。',
      },
      cli: 'aws rds modify-db-instance --db-instance-identifier <DB> --copy-tags-to-snapshot --apply-immediately',
      cloudformation: 'Type: AWS::RDS::DBInstance\nProperties:\n  CopyTagsToSnapshot: true',
      terraform: 'resource "aws_db_instance" "db" {\n  copy_tags_to_snapshot = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html',
    },
  },
  evaluate: ({ props }) =>
    props.CopyTagsToSnapshot === true
      ? pass()
      : fail('CopyTagsToSnapshot', {
          en: `${props.DBInstanceIdentifier ?? 'The DB instance'} does not copy its tags to snapshots`,
          ja: `${props.DBInstanceIdentifier ?? 'DB インスタンス'} がタグをスナップショットにコピーしていない`,
        }),
  fixtures: {
    live: {
      pass: [{ props: { ...INSTANCE_LIVE, CopyTagsToSnapshot: true } }],
      fail: [{ props: { ...INSTANCE_LIVE, CopyTagsToSnapshot: false } }],
      error: [
        { props: INSTANCE_LIVE },
        { props: { ...INSTANCE_LIVE, CopyTagsToSnapshot: { $unknown: 'Ref CopyTags' } } },
      ],
      notApplicable: [{ props: { ...AURORA_MEMBER_LIVE, CopyTagsToSnapshot: false } }],
    },
    cloudformation: {
      pass: [instanceCfn(['CopyTagsToSnapshot: true'])],
      fail: [instanceCfn([]), instanceCfn(['CopyTagsToSnapshot: false'])],
      error: [instanceCfn(['CopyTagsToSnapshot: !Ref CopyTags'], { params: ['CopyTags'] })],
      notApplicable: [AURORA_MEMBER_CFN],
    },
    terraform: {
      pass: [instanceTf(['copy_tags_to_snapshot = true'])],
      fail: [instanceTf([]), instanceTf(['copy_tags_to_snapshot = "false"'])],
      error: [instanceTf(['copy_tags_to_snapshot = var.copy_tags'], { variables: ['copy_tags'] })],
      notApplicable: [AURORA_MEMBER_TF],
    },
  },
});
