import { defineAwsRule } from '../../define.js';
import { judgeS3ObjectEvents, s3ObjectEventFixtures } from '../lib/cloudtrail.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.9 (v5.0.0 3.9).
export default defineAwsRule({
  id: 'aws-cloudtrail-s3-object-read-events',
  resourceType: 'aws.account',
  category: 'logging-monitoring',
  severity: 'medium',
  // Account-wide (does any trail record them); a template shows only its own trails.
  iac: false,
  uses: ['aws.cloudtrail.trail'],
  text: {
    title: {
      en: 'Object-level logging for read events is enabled for S3 buckets',
      ja: 'S3 バケットでオブジェクトレベルの読み取りイベントのログ記録が有効になっている',
    },
    description: {
      en: 'Checks that a multi-region trail that is logging records S3 data events (AWS::S3::Object) of the read kind (GetObject, …) for all current and future buckets, with basic or advanced event selectors.',
      ja: 'ログ記録中のマルチリージョン証跡が、現在および将来のすべてのバケットについて、読み取り系の S3 データイベント（AWS::S3::Object の GetObject など）を基本またはアドバンスドイベントセレクタで記録していることを確認する。',
    },
    rationale: {
      en: 'After a leak the first question is which objects were read, and by whom. Management events do not answer it; only object-level read events do.',
      ja: '情報漏えいの後に最初に問われるのは、どのオブジェクトが誰に読まれたかである。管理イベントでは答えられず、オブジェクトレベルの読み取りイベントだけが答えになる。',
    },
    remediation: {
      text: {
        en: 'Add a data event selector for S3 objects (all buckets, read or all events) to a multi-region trail. Read events can be numerous: check the cost first.',
        ja: 'マルチリージョン証跡に、S3 オブジェクト（全バケット、読み取りまたはすべてのイベント）のデータイベントセレクタを追加する。読み取りイベントは件数が多くなりうるため、先に料金を確認する。',
      },
      console: {
        en: 'CloudTrail console → Trails → the multi-region trail → Data events → Edit → Data event type: S3 → Log selector template: Log readOnly events (or Log all events) → Save changes.',
        ja: 'CloudTrail コンソール → 証跡 → マルチリージョン証跡 → データイベント → 編集 → データイベントタイプ: S3 → ログセレクターテンプレート: 読み取り専用イベントをログに記録（またはすべてのイベントをログに記録）→ 変更の保存。',
      },
      cli: 'aws cloudtrail put-event-selectors --trail-name <TRAIL> --advanced-event-selectors \'[{"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"S3 object reads","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["true"]}]}]\'\n# put-event-selectors replaces all selectors: keep the management events selector in the list.',
      cloudformation:
        'AWS::CloudTrail::Trail AdvancedEventSelectors: [{ FieldSelectors: [{ Field: eventCategory, Equals: [Data] }, { Field: resources.type, Equals: [AWS::S3::Object] }, { Field: readOnly, Equals: ["true"] }] }]',
      terraform:
        'aws_cloudtrail: advanced_event_selector { field_selector { field = "eventCategory" equals = ["Data"] } field_selector { field = "resources.type" equals = ["AWS::S3::Object"] } field_selector { field = "readOnly" equals = ["true"] } }',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html',
    },
  },
  evaluate: ({ resource, lookups }) => judgeS3ObjectEvents('read', resource, lookups),
  fixtures: s3ObjectEventFixtures('read'),
});
