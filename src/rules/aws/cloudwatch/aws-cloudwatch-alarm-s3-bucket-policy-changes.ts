import { defineMetricAlarmRule, eventNamePattern } from '../lib/metric-alarm.js';

// CIS AWS Foundations v6.0.0/v7.0.0 5.8 (v5.0.0 4.8).
const events = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'PutBucketCors',
  'PutBucketLifecycle',
  'PutBucketReplication',
  'DeleteBucketPolicy',
  'DeleteBucketCors',
  'DeleteBucketLifecycle',
  'DeleteBucketReplication',
];

export default defineMetricAlarmRule({
  id: 'aws-cloudwatch-alarm-s3-bucket-policy-changes',
  severity: 'medium',
  subject: { en: 'S3 bucket policy changes', ja: 'S3 バケットポリシーの変更' },
  title: { en: 'S3 bucket policy changes are monitored', ja: 'S3 バケットポリシーの変更が監視されている' },
  rationale: {
    en: 'Changes to bucket policies, ACLs, CORS, lifecycle and replication can make data public, copy it elsewhere or delete it; an alert lets the owner confirm that each change was intended.',
    ja: 'バケットポリシー・ACL・CORS・ライフサイクル・レプリケーションの変更は、データの公開、外部への複製、削除につながる。アラートにより、変更が意図したものか所有者が確認できる。',
  },
  pattern: eventNamePattern(events, 's3.amazonaws.com'),
  metricName: 'S3BucketPolicyChanges',
  examples: {
    covering: [eventNamePattern([...events].reverse(), 's3.amazonaws.com', true), eventNamePattern(events)],
    narrower: [
      eventNamePattern(
        events.filter((e) => e !== 'PutBucketPolicy'),
        's3.amazonaws.com',
      ),
    ],
  },
});
