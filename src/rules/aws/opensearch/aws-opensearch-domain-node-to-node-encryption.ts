import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE, esDomainCfn, esDomainTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-opensearch-domain-node-to-node-encryption',
  resourceType: 'aws.opensearch.domain',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['Opensearch.3', 'ES.3'],
  needs: ['NodeToNodeEncryptionOptions.Enabled'],
  text: {
    title: {
      en: 'OpenSearch domains encrypt traffic between nodes',
      ja: 'OpenSearch ドメインでノード間の通信を暗号化している',
    },
    description: {
      en: 'Checks that node-to-node encryption is enabled (NodeToNodeEncryptionOptions.Enabled), so traffic between the domain’s nodes inside the VPC uses TLS.',
      ja: 'ノード間暗号化が有効になっており（NodeToNodeEncryptionOptions.Enabled）、ドメインのノード同士の VPC 内の通信に TLS が使われることを確認する。',
    },
    rationale: {
      en: 'Shards, replicas and query results travel between nodes in clear text unless node-to-node encryption is on, where anyone able to capture traffic in the network can read them. Fine-grained access control requires it as well.',
      ja: 'ノード間暗号化を有効にしない限り、シャード、レプリカ、クエリ結果は平文でノード間を流れ、ネットワーク上の通信を取得できる者に読まれてしまう。きめ細かなアクセスコントロールにもノード間暗号化が必要である。',
    },
    remediation: {
      text: {
        en: 'Enable node-to-node encryption on the domain (on older engine versions it can only be set when the domain is created).',
        ja: 'ドメインでノード間暗号化を有効にする（古いエンジンバージョンではドメイン作成時にしか設定できない）。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Actions → Edit security configuration → Encryption: Node-to-node encryption → Save changes.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → アクション → セキュリティ設定を編集 → 暗号化: ノード間の暗号化 を選択 → 変更を保存。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> --node-to-node-encryption-options 'Enabled=true'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  NodeToNodeEncryptionOptions:\n    Enabled: true',
      terraform: 'resource "aws_opensearch_domain" "this" {\n  node_to_node_encryption {\n    enabled = true\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
    },
  },
  evaluate: ({ props }) =>
    props.NodeToNodeEncryptionOptions?.Enabled === true
      ? pass()
      : fail('NodeToNodeEncryptionOptions.Enabled', {
          en: `Node-to-node encryption is off for domain ${props.DomainName ?? ''}`.trimEnd(),
          ja: `ドメイン ${props.DomainName ?? ''} でノード間暗号化が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: DOMAIN_LIVE }],
      fail: [{ props: ES_PUBLIC_LIVE }],
      error: [
        { props: { ...DOMAIN_LIVE, NodeToNodeEncryptionOptions: undefined } },
        { props: { ...DOMAIN_LIVE, NodeToNodeEncryptionOptions: { Enabled: { $unknown: 'var.n2n' } } } },
      ],
    },
    cloudformation: {
      pass: [domainCfn(['NodeToNodeEncryptionOptions:', '  Enabled: true'])],
      fail: [domainCfn([]), esDomainCfn(['NodeToNodeEncryptionOptions:', '  Enabled: false'])],
      error: [domainCfn(['NodeToNodeEncryptionOptions:', '  Enabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [domainTf(['node_to_node_encryption {', '  enabled = true', '}'])],
      fail: [domainTf([]), esDomainTf(['node_to_node_encryption {', '  enabled = "false"', '}'])],
      error: [domainTf(['node_to_node_encryption {', '  enabled = var.n2n', '}'], ['n2n'])],
    },
  },
});
