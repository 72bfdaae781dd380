import { defineFeatureRule } from './feature.js';

export default defineFeatureRule({
  id: 'aws-guardduty-s3-protection',
  feature: 'S3_DATA_EVENTS',
  fsbp: 'GuardDuty.10',
  severity: 'medium',
  plan: { en: 'S3 Protection', ja: 'S3 保護' },
  title: { en: 'GuardDuty S3 Protection is enabled', ja: 'GuardDuty の S3 保護が有効になっている' },
  description: {
    en: 'Checks that the GuardDuty detector has S3 Protection (the S3_DATA_EVENTS feature) enabled, so that object-level S3 API activity is analysed.',
    ja: 'GuardDuty 検出器で S3 保護（S3_DATA_EVENTS 機能）が有効になっており、S3 のオブジェクトレベルの API 操作が分析されていることを確認する。',
  },
  rationale: {
    en: 'Without S3 data events GuardDuty sees only bucket-level calls; bulk downloads, deletions from unusual places and other data theft patterns on objects go unnoticed.',
    ja: 'S3 データイベントがないと GuardDuty はバケット単位の操作しか見られず、オブジェクトの大量ダウンロードや不審な場所からの削除といったデータ窃取のパターンを検知できない。',
  },
  console: {
    en: 'GuardDuty console → Protection plans → S3 Protection → Enable → Confirm.',
    ja: 'GuardDuty コンソール → 保護プラン → S3 保護 → 有効にする → 確認。',
  },
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
  cfnLegacyFail: '        S3Logs:\n          Enable: false\n',
});
