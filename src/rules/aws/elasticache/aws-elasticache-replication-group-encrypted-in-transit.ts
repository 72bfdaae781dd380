import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { RG_LIVE, rgCfn, rgTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-elasticache-replication-group-encrypted-in-transit',
  resourceType: 'aws.elasticache.replication_group',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['ElastiCache.5'],
  needs: ['TransitEncryptionEnabled'],
  text: {
    title: {
      en: 'ElastiCache replication groups encrypt data in transit',
      ja: 'ElastiCache レプリケーショングループで通信経路の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that in-transit encryption (TLS) is enabled for the replication group (TransitEncryptionEnabled), for client connections and replication between nodes.',
      ja: 'レプリケーショングループで通信経路の暗号化（TLS）が有効になっており（TransitEncryptionEnabled）、クライアント接続とノード間のレプリケーションが暗号化されることを確認する。',
    },
    rationale: {
      en: 'Without TLS, cached data and AUTH tokens or passwords cross the network in clear text, readable by anything that can capture traffic in the VPC. TLS is also required for role-based access control with user groups.',
      ja: 'TLS がないと、キャッシュのデータや AUTH トークン・パスワードが平文でネットワークを流れ、VPC 内の通信を取得できる者に読まれてしまう。ユーザーグループによるロールベースのアクセス制御にも TLS が必要である。',
    },
    remediation: {
      text: {
        en: 'Enable in-transit encryption: on supported engine versions switch TransitEncryptionMode to preferred, move clients to TLS, then to required; otherwise create a new group with TLS.',
        ja: '通信経路の暗号化を有効にする。対応するエンジンバージョンでは TransitEncryptionMode を preferred に変更してクライアントを TLS に移行し、その後 required にする。それ以外では TLS を有効にした新しいグループを作成する。',
      },
      console: {
        en: 'ElastiCache console → select the cluster → Modify → Security: Encryption in transit: Enable, Transit encryption mode: Preferred (later Required) → Preview changes → Modify.',
        ja: 'ElastiCache コンソール → 対象のクラスターを選択 → 変更 → セキュリティ: 転送中の暗号化 を有効化、転送中の暗号化モード: 優先（移行後に必須）→ 変更をプレビュー → 変更。',
      },
      cli: 'aws elasticache modify-replication-group --replication-group-id <GROUP> \\\n  --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately',
      cloudformation:
        'Type: AWS::ElastiCache::ReplicationGroup\nProperties:\n  TransitEncryptionEnabled: true\n  TransitEncryptionMode: required',
      terraform: 'resource "aws_elasticache_replication_group" "this" {\n  transit_encryption_enabled = true\n}',
      url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
    },
  },
  evaluate: ({ props }) =>
    props.TransitEncryptionEnabled === true
      ? pass()
      : fail('TransitEncryptionEnabled', {
          en: `Replication group ${props.ReplicationGroupId ?? ''} does not encrypt data in transit`,
          ja: `レプリケーショングループ ${props.ReplicationGroupId ?? ''} で通信経路の暗号化が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: RG_LIVE }],
      fail: [{ props: { ...RG_LIVE, TransitEncryptionEnabled: false, TransitEncryptionMode: undefined } }],
      error: [
        { props: { ...RG_LIVE, TransitEncryptionEnabled: undefined } },
        { props: { ...RG_LIVE, TransitEncryptionEnabled: { $unknown: 'var.tls' } } },
      ],
    },
    cloudformation: {
      pass: [rgCfn(['TransitEncryptionEnabled: true'])],
      fail: [rgCfn([]), rgCfn(['TransitEncryptionEnabled: false'])],
      error: [rgCfn(['TransitEncryptionEnabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [rgTf(['transit_encryption_enabled = true'])],
      fail: [rgTf([]), rgTf(['transit_encryption_enabled = false'])],
      error: [rgTf(['transit_encryption_enabled = var.tls'], ['tls'])],
    },
  },
});
