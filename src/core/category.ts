import type { Text } from './text.js';

/** The nine guideline categories of seed 003, in its order. Every rule has exactly one. */
export const CATEGORIES = [
  'identity',
  'network',
  'encryption',
  'availability',
  'backup',
  'logging-monitoring',
  'visibility-audit',
  'account-separation',
  'cost',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TEXT: Record<Category, Text> = {
  identity: { en: 'Identity (authentication and authorisation)', ja: 'アイデンティティ（認証・認可）' },
  network: { en: 'Network (access control and perimeter)', ja: 'ネットワーク（アクセス制御・境界防御）' },
  encryption: { en: 'Encryption (at rest and in transit)', ja: '暗号化（保存データ・通信経路）' },
  availability: { en: 'Availability (redundancy)', ja: '可用性（多重化・冗長化）' },
  backup: { en: 'Backup', ja: 'バックアップ' },
  'logging-monitoring': { en: 'Logging and monitoring', ja: 'ロギング・モニタリング' },
  'visibility-audit': {
    en: 'Visibility and audit (analysis and reporting)',
    ja: '可視化・監査（分析・レポーティング）',
  },
  'account-separation': { en: 'Account separation', ja: 'アカウント分割' },
  cost: { en: 'Budget and spending alerts', ja: '予算・利用金額アラート' },
};
