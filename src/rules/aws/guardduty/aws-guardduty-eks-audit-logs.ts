import { defineFeatureRule } from './feature.js';

export default defineFeatureRule({
  id: 'aws-guardduty-eks-audit-logs',
  feature: 'EKS_AUDIT_LOGS',
  fsbp: 'GuardDuty.5',
  severity: 'medium',
  plan: { en: 'EKS Audit Log Monitoring', ja: 'EKS 監査ログモニタリング' },
  title: {
    en: 'GuardDuty EKS Audit Log Monitoring is enabled',
    ja: 'GuardDuty の EKS 監査ログモニタリングが有効になっている',
  },
  description: {
    en: 'Checks that the GuardDuty detector analyses Amazon EKS audit logs (the EKS_AUDIT_LOGS feature).',
    ja: 'GuardDuty 検出器が Amazon EKS の監査ログを分析している（EKS_AUDIT_LOGS 機能が有効）ことを確認する。',
  },
  rationale: {
    en: 'Kubernetes API activity (anonymous access, privileged pods, secrets read by unusual identities) is invisible to CloudTrail-based detection; the audit logs are where cluster compromise shows first.',
    ja: 'Kubernetes API の操作（匿名アクセス、特権 Pod の作成、通常と異なる主体によるシークレットの読み取りなど）は CloudTrail ベースの検知では見えない。クラスターの侵害は監査ログに最初に現れる。',
  },
  console: {
    en: 'GuardDuty console → Protection plans → EKS Protection → Edit → EKS Audit Log Monitoring: Enable → Save.',
    ja: 'GuardDuty コンソール → 保護プラン → EKS 保護 → 編集 → EKS 監査ログモニタリング: 有効にする → 保存。',
  },
  url: 'https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html',
  cfnLegacyFail: '        Kubernetes:\n          AuditLogs:\n            Enable: false\n',
});
