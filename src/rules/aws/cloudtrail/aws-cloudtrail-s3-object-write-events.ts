import { defineAwsRule } from '../../define.js';
import { judgeS3ObjectEvents, s3ObjectEventFixtures } from '../lib/cloudtrail.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.8 (v5.0.0 3.8).
export default defineAwsRule({
  id: 'aws-cloudtrail-s3-object-write-events',
  resourceType: 'aws.account',
  category: 'logging-monitoring',
  severity: 'medium',
  // Account-wide (does any trail record them); a template shows only its own trails.
  iac: false,
  uses: ['aws.cloudtrail.trail'],
  text: {
    title: {
      en: 'Object-level logging for write events is enabled for S3 buckets',
      ja: 'S3 バケットでオブジェクトレベルの書き込みイベントのログ記録が有効になっている',
    },
    description: {
      en: 'Checks that a multi-region trail that is logging records S3 data events (AWS::S3::Object) of the write kind (PutObject, DeleteObject, …) for all current and future buckets, with basic or advanced event selectors.',
      ja: 'ログ記録中のマルチリージョン証跡が、現在および将来のすべてのバケットについて、書き込み系の S3 データイベント（AWS::S3::Object の PutObject、DeleteObject など）を基本またはアドバンスドイベントセレクタで記録していることを確認する。',
    },
    rationale: {
      en: 'Management events do not show who wrote, overwrote or deleted an object. Without object-level write events, tampering with data or a ransomware-style mass deletion in S3 cannot be traced to a principal.',
      ja: '管理イベントには、誰がオブジェクトを書き込み・上書き・削除したかは残らない。オブジェクトレベルの書き込みイベントがないと、S3 上のデータ改ざんやランサムウェアのような一括削除を実行者までたどれない。',
    },
    remediation: {
      text: {
        en: 'Add a data event selector for S3 objects (all buckets, write or all events) to a multi-region trail.',
        ja: 'マルチリージョン証跡に、S3 オブジェクト（全バケット、書き込みまたはすべてのイベント）のデータイベントセレクタを追加する。',
      },
      console: {
        en: 'CloudTrail console → Trails → the multi-region trail → Data events → Edit → Data event type: S3 → Log selector template: Log writeonly events (or Log all events) → Save changes.',
        ja: 'CloudTrail コンソール → 証跡 → マルチリージョン証跡 → データイベント → 編集 → データイベントタイプ: S3 → ログセレクターテンプレート: 書き込み専用イベントをログに記録（またはすべてのイベントをログに記録）→ 変更の保存。',
      },
      cli: 'aws cloudtrail put-event-selectors --trail-name <TRAIL> --advanced-event-selectors \'[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"S3 object writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["false"]}]}]\'\n# put-event-selectors replaces all selectors: keep the management events selector in the list.',
      cloudformation:
        'AWS::CloudTrail::Trail AdvancedEventSelectors: [{ FieldSelectors: [{ Field: eventCategory, Equals: [Data] }, { Field: resources.type, Equals: [AWS::S3::Object] }, { Field: readOnly, Equals: ["false"] }] }]',
      terraform:
        'aws_cloudtrail: advanced_event_selector { field_selector { field = "eventCategory" equals = ["Data"] } field_selector { field = "resources.type" equals = ["AWS::S3::Object"] } field_selector { field = "readOnly" equals = ["false"] } }',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html',
    },
  },
  evaluate: ({ resource, lookups }) => judgeS3ObjectEvents('write', resource, lookups),
  fixtures: s3ObjectEventFixtures('write'),
});
