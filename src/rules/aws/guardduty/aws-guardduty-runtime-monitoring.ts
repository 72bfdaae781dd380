import { defineFeatureRule } from './feature.js';

export default defineFeatureRule({
  id: 'aws-guardduty-runtime-monitoring',
  feature: 'RUNTIME_MONITORING',
  fsbp: 'GuardDuty.11',
  severity: 'medium',
  plan: { en: 'Runtime Monitoring', ja: 'ランタイムモニタリング' },
  title: { en: 'GuardDuty Runtime Monitoring is enabled', ja: 'GuardDuty のランタイムモニタリングが有効になっている' },
  description: {
    en: 'Checks that the GuardDuty detector has Runtime Monitoring (the RUNTIME_MONITORING feature) enabled for EKS, ECS and EC2 workloads.',
    ja: 'GuardDuty 検出器で EKS・ECS・EC2 のワークロードを対象とするランタイムモニタリング（RUNTIME_MONITORING 機能）が有効になっていることを確認する。',
  },
  rationale: {
    en: 'Process, file and network events inside instances and containers reveal crypto-miners, reverse shells and privilege escalation that API logs and flow logs cannot show.',
    ja: 'インスタンスやコンテナ内のプロセス・ファイル・ネットワークのイベントからは、API ログやフローログでは見えない暗号資産マイニング、リバースシェル、権限昇格などを検知できる。',
  },
  console: {
    en: 'GuardDuty console → Protection plans → Runtime Monitoring → Configuration → Enable (and choose automated agent management per resource type) → Save.',
    ja: 'GuardDuty コンソール → 保護プラン → ランタイムモニタリング → 設定 → 有効にする（リソースタイプごとにエージェントの自動管理を選ぶ）→ 保存。',
  },
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
});
