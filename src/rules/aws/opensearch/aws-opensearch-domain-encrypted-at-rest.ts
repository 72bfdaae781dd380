import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE, esDomainCfn, esDomainTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-opensearch-domain-encrypted-at-rest',
  resourceType: 'aws.opensearch.domain',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['Opensearch.1', 'ES.1'],
  needs: ['EncryptionAtRestOptions.Enabled'],
  text: {
    title: {
      en: 'OpenSearch domains have encryption at rest enabled',
      ja: 'OpenSearch ドメインで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'Checks that the OpenSearch (or legacy Elasticsearch) domain encrypts its indexes, logs, swap files and automated snapshots at rest with KMS (EncryptionAtRestOptions.Enabled).',
      ja: 'OpenSearch（または従来の Elasticsearch）ドメインが、インデックス、ログ、スワップファイル、自動スナップショットを KMS で保存時に暗号化している（EncryptionAtRestOptions.Enabled）ことを確認する。',
    },
    rationale: {
      en: 'Search domains often hold copies of application data and logs, including personal data. Without encryption at rest, the data on the nodes’ storage and in snapshots is protected by nothing but access to the underlying infrastructure; fine-grained access control also requires it.',
      ja: '検索ドメインには、個人データを含むアプリケーションデータやログの写しが入ることが多い。保存時の暗号化がないと、ノードのストレージやスナップショットのデータを守るのは基盤へのアクセス制御だけになる。きめ細かなアクセスコントロールにも保存時の暗号化が必要である。',
    },
    remediation: {
      text: {
        en: 'Enable encryption at rest on the domain (supported engine versions allow it on an existing domain; older ones need a new domain and a snapshot restore).',
        ja: 'ドメインで保存時の暗号化を有効にする（対応するエンジンバージョンでは既存ドメインで有効にでき、古いバージョンでは新しいドメインを作成してスナップショットから復元する）。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Actions → Edit security configuration → Encryption: Enable encryption of data at rest → choose a KMS key → Save changes.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → アクション → セキュリティ設定を編集 → 暗号化: 保管中のデータの暗号化を有効化 → KMS キーを選択 → 変更を保存。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> \\\n  --encryption-at-rest-options 'Enabled=true,KmsKeyId=<KMS_KEY_ARN>'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  EncryptionAtRestOptions:\n    Enabled: true\n    KmsKeyId: <KMS_KEY_ARN>',
      terraform: 'resource "aws_opensearch_domain" "this" {\n  encrypt_at_rest {\n    enabled = true\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
    },
  },
  evaluate: ({ props }) =>
    props.EncryptionAtRestOptions?.Enabled === true
      ? pass()
      : fail('EncryptionAtRestOptions.Enabled', {
          en: `Encryption at rest is off for domain ${props.DomainName ?? ''}`.trimEnd(),
          ja: `ドメイン ${props.DomainName ?? ''} で保存時の暗号化が無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: DOMAIN_LIVE }],
      fail: [{ props: ES_PUBLIC_LIVE }, { props: { ...DOMAIN_LIVE, EncryptionAtRestOptions: { Enabled: false } } }],
      error: [
        { props: { ...DOMAIN_LIVE, EncryptionAtRestOptions: undefined } },
        { props: { ...DOMAIN_LIVE, EncryptionAtRestOptions: { Enabled: { $unknown: 'Ref Encrypt' } } } },
      ],
    },
    cloudformation: {
      pass: [domainCfn(['EncryptionAtRestOptions:', '  Enabled: true'])],
      fail: [domainCfn([]), esDomainCfn(['EncryptionAtRestOptions:', '  Enabled: false'])],
      error: [domainCfn(['EncryptionAtRestOptions:', '  Enabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [domainTf(['encrypt_at_rest {', '  enabled = true', '}'])],
      fail: [domainTf([]), esDomainTf(['encrypt_at_rest {', '  enabled = false', '}'])],
      error: [domainTf(['encrypt_at_rest {', '  enabled = var.encrypt', '}'], ['encrypt'])],
    },
  },
});
