import { defineFeatureRule } from './feature.js';

export default defineFeatureRule({
  id: 'aws-guardduty-rds-protection',
  feature: 'RDS_LOGIN_EVENTS',
  fsbp: 'GuardDuty.9',
  severity: 'medium',
  plan: { en: 'RDS Protection', ja: 'RDS 保護' },
  title: { en: 'GuardDuty RDS Protection is enabled', ja: 'GuardDuty の RDS 保護が有効になっている' },
  description: {
    en: 'Checks that the GuardDuty detector analyses Aurora and RDS login activity (the RDS_LOGIN_EVENTS feature).',
    ja: 'GuardDuty 検出器が Aurora と RDS のログインアクティビティを分析している（RDS_LOGIN_EVENTS 機能が有効）ことを確認する。',
  },
  rationale: {
    en: 'Brute-force attempts and logins from unusual places against databases do not appear in CloudTrail; RDS Protection profiles login events to catch them.',
    ja: 'データベースへの総当たり攻撃や通常と異なる場所からのログインは CloudTrail には記録されない。RDS 保護はログインイベントの傾向を分析してこれを検知する。',
  },
  console: {
    en: 'GuardDuty console → Protection plans → RDS Protection → Enable → Confirm.',
    ja: 'GuardDuty コンソール → 保護プラン → RDS 保護 → 有効にする → 確認。',
  },
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
});
