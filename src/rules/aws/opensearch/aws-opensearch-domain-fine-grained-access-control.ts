import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf } from './fixtures.js';

const ROLE = 'arn:aws:iam::111122223333:role/search-admin';

export default defineAwsRule({
  id: 'aws-opensearch-domain-fine-grained-access-control',
  resourceType: 'aws.opensearch.domain',
  category: 'identity',
  severity: 'high',
  fsbp: ['Opensearch.7'],
  needs: ['AdvancedSecurityOptions.Enabled'],
  text: {
    title: {
      en: 'OpenSearch domains have fine-grained access control enabled',
      ja: 'OpenSearch ドメインできめ細かなアクセスコントロールが有効になっている',
    },
    description: {
      en: 'Checks that fine-grained access control is enabled on the domain (AdvancedSecurityOptions.Enabled), so access is authorised per index, document and field by roles inside OpenSearch.',
      ja: 'ドメインできめ細かなアクセスコントロールが有効になっており（AdvancedSecurityOptions.Enabled）、OpenSearch 内のロールによってインデックス・ドキュメント・フィールド単位でアクセスが認可されることを確認する。',
    },
    rationale: {
      en: 'Without it, anyone the domain access policy lets in can read and change every index, including the security settings. Fine-grained access control adds least privilege inside the domain and is required for audit logs.',
      ja: 'これがないと、ドメインのアクセスポリシーで許可された者はセキュリティ設定を含むすべてのインデックスを読み書きできる。きめ細かなアクセスコントロールによりドメイン内でも最小権限を適用でき、監査ログにも必要となる。',
    },
    remediation: {
      text: {
        en: 'Enable fine-grained access control with an IAM role as the master user (encryption at rest, node-to-node encryption and HTTPS are prerequisites), then map roles to users and backend roles.',
        ja: 'IAM ロールをマスターユーザーとしてきめ細かなアクセスコントロールを有効にし（保存時の暗号化、ノード間暗号化、HTTPS が前提）、ロールをユーザーやバックエンドロールに対応付ける。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Actions → Edit security configuration → Enable fine-grained access control → Set IAM ARN as master user → Save changes.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → アクション → セキュリティ設定を編集 → きめ細かなアクセスコントロールを有効化 → IAM ARN をマスターユーザーとして設定 → 変更を保存。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> \\\n  --advanced-security-options 'Enabled=true,MasterUserOptions={MasterUserARN=<ROLE_ARN>}'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  AdvancedSecurityOptions:\n    Enabled: true\n    MasterUserOptions:\n      MasterUserARN: <ROLE_ARN>',
      terraform:
        'resource "aws_opensearch_domain" "this" {\n  advanced_security_options {\n    enabled = true\n    master_user_options {\n      master_user_arn = aws_iam_role.search_admin.arn\n    }\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html',
    },
  },
  evaluate: ({ props }) =>
    props.AdvancedSecurityOptions?.Enabled === true
      ? pass()
      : fail('AdvancedSecurityOptions.Enabled', {
          en: `Fine-grained access control is off for domain ${props.DomainName ?? ''}`,
          ja: `ドメイン ${props.DomainName ?? ''} できめ細かなアクセスコントロールが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: DOMAIN_LIVE }],
      fail: [
        { props: { ...DOMAIN_LIVE, AdvancedSecurityOptions: { Enabled: false, InternalUserDatabaseEnabled: false } } },
      ],
      error: [
        { props: { ...DOMAIN_LIVE, AdvancedSecurityOptions: undefined } },
        { props: { ...DOMAIN_LIVE, AdvancedSecurityOptions: { Enabled: { $unknown: 'var.fgac' } } } },
      ],
    },
    cloudformation: {
      pass: [
        domainCfn([
          'AdvancedSecurityOptions:',
          '  Enabled: true',
          '  MasterUserOptions:',
          `    MasterUserARN: ${ROLE}`,
          'EncryptionAtRestOptions:',
          '  Enabled: true',
          'NodeToNodeEncryptionOptions:',
          '  Enabled: true',
          'DomainEndpointOptions:',
          '  EnforceHTTPS: true',
        ]),
      ],
      fail: [domainCfn([])],
      error: [domainCfn(['AdvancedSecurityOptions:', '  Enabled: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [
        domainTf([
          'advanced_security_options {',
          '  enabled = true',
          '  master_user_options {',
          `    master_user_arn = "${ROLE}"`,
          '  }',
          '}',
        ]),
      ],
      fail: [domainTf([]), domainTf(['advanced_security_options {', '  enabled = false', '}'])],
      error: [domainTf(['advanced_security_options {', '  enabled = var.fgac', '}'], ['fgac'])],
    },
  },
});
