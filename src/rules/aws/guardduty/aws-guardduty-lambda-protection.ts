import { defineFeatureRule } from './feature.js';

export default defineFeatureRule({
  id: 'aws-guardduty-lambda-protection',
  feature: 'LAMBDA_NETWORK_LOGS',
  fsbp: 'GuardDuty.6',
  severity: 'medium',
  plan: { en: 'Lambda Protection', ja: 'Lambda 保護' },
  title: { en: 'GuardDuty Lambda Protection is enabled', ja: 'GuardDuty の Lambda 保護が有効になっている' },
  description: {
    en: 'Checks that the GuardDuty detector monitors the network activity of Lambda functions (the LAMBDA_NETWORK_LOGS feature).',
    ja: 'GuardDuty 検出器が Lambda 関数のネットワークアクティビティを監視している（LAMBDA_NETWORK_LOGS 機能が有効）ことを確認する。',
  },
  rationale: {
    en: 'A compromised function talking to mining pools or command-and-control hosts leaves no trace in API logs; Lambda Protection watches its network traffic.',
    ja: '侵害された関数がマイニングプールや C&C サーバーと通信しても API ログには残らない。Lambda 保護は関数のネットワーク通信を監視する。',
  },
  console: {
    en: 'GuardDuty console → Protection plans → Lambda Protection → Enable → Confirm.',
    ja: 'GuardDuty コンソール → 保護プラン → Lambda 保護 → 有効にする → 確認。',
  },
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html',
});
