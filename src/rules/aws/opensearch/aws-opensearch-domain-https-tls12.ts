import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE, esDomainCfn } from './fixtures.js';

const endpoint = (o: Record<string, unknown>) => ({ ...DOMAIN_LIVE, DomainEndpointOptions: o });

export default defineAwsRule({
  id: 'aws-opensearch-domain-https-tls12',
  resourceType: 'aws.opensearch.domain',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['Opensearch.8', 'ES.8'],
  needs: ['DomainEndpointOptions.EnforceHTTPS'],
  // TLS security policies that allow only TLS 1.2 or later (comma-separated). Security Hub's Opensearch.8 / ES.8
  // now ask for the latest policy; keep only Policy-Min-TLS-1-2-PFS-2023-10 here to match them exactly.
  params: { allowedPolicies: 'Policy-Min-TLS-1-2-2019-07,Policy-Min-TLS-1-2-PFS-2023-10' },
  text: {
    title: {
      en: 'OpenSearch domains require HTTPS with TLS 1.2 or later',
      ja: 'OpenSearch ドメインで TLS 1.2 以上の HTTPS 接続を必須にしている',
    },
    description: {
      en: 'Checks that the domain endpoint rejects plain HTTP (DomainEndpointOptions.EnforceHTTPS) and uses a TLS security policy that allows only TLS 1.2 or later (parameter allowedPolicies).',
      ja: 'ドメインのエンドポイントが平文の HTTP を拒否し（DomainEndpointOptions.EnforceHTTPS）、TLS 1.2 以上のみを許可する TLS セキュリティポリシー（パラメータ allowedPolicies）を使っていることを確認する。',
    },
    rationale: {
      en: 'Queries and results carry the indexed data and the credentials or signatures of the caller. Over plain HTTP, or TLS 1.0/1.1 with their known weaknesses, they can be read or tampered with in transit.',
      ja: 'クエリと結果には、インデックスされたデータと呼び出し元の認証情報や署名が含まれる。平文の HTTP や既知の弱点がある TLS 1.0/1.1 では、通信経路上で盗聴や改ざんを受けるおそれがある。',
    },
    remediation: {
      text: {
        en: 'Require HTTPS for all traffic to the domain and select a TLS 1.2 security policy (Policy-Min-TLS-1-2-PFS-2023-10 where clients support it).',
        ja: 'ドメインへのすべての通信で HTTPS を必須にし、TLS 1.2 のセキュリティポリシー（クライアントが対応していれば Policy-Min-TLS-1-2-PFS-2023-10）を選択する。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Actions → Edit security configuration → Encryption: Require HTTPS for all traffic to the domain, TLS security policy: Policy-Min-TLS-1-2-PFS-2023-10 → Save changes.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → アクション → セキュリティ設定を編集 → 暗号化: ドメインへのすべてのトラフィックに HTTPS を必須とする を選択し、TLS セキュリティポリシー: Policy-Min-TLS-1-2-PFS-2023-10 → 変更を保存。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> \\\n  --domain-endpoint-options 'EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  DomainEndpointOptions:\n    EnforceHTTPS: true\n    TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10',
      terraform:
        'resource "aws_opensearch_domain" "this" {\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
    },
  },
  evaluate: ({ props, params }) => {
    const o = props.DomainEndpointOptions;
    const name = props.DomainName ?? '';
    if (o?.EnforceHTTPS !== true) {
      return fail('DomainEndpointOptions.EnforceHTTPS', {
        en: `Domain ${name} accepts plain HTTP (HTTPS is not enforced)`,
        ja: `ドメイン ${name} で HTTPS が必須になっておらず、平文の HTTP を受け付ける`,
      });
    }
    const policy = o.TLSSecurityPolicy as unknown;
    if (isUnknown(policy))
      return error(`unresolved value at DomainEndpointOptions.TLSSecurityPolicy: ${policy.$unknown}`);
    const allowed = String(params.allowedPolicies)
      .split(',')
      .map((s) => s.trim());
    if (typeof policy === 'string' && allowed.includes(policy)) return pass();
    return fail('DomainEndpointOptions.TLSSecurityPolicy', {
      en: `Domain ${name} uses TLS security policy ${String(policy ?? 'none')}, which allows TLS older than 1.2`,
      ja: `ドメイン ${name} の TLS セキュリティポリシー ${String(policy ?? 'なし')} が TLS 1.2 より古いバージョンを許可している`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: DOMAIN_LIVE },
        { props: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }) },
      ],
      fail: [
        { props: ES_PUBLIC_LIVE },
        { props: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' }) },
        {
          props: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }),
          params: { allowedPolicies: 'Policy-Min-TLS-1-2-PFS-2023-10' },
        },
      ],
      error: [
        { props: { ...DOMAIN_LIVE, DomainEndpointOptions: undefined } },
        { props: endpoint({ EnforceHTTPS: true, TLSSecurityPolicy: { $unknown: 'no TLS policy set' } }) },
      ],
    },
    cloudformation: {
      pass: [
        domainCfn([
          'DomainEndpointOptions:',
          '  EnforceHTTPS: true',
          '  TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10',
        ]),
      ],
      fail: [
        domainCfn([]),
        esDomainCfn([
          'DomainEndpointOptions:',
          '  EnforceHTTPS: true',
          '  TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07',
        ]),
      ],
      // HTTPS enforced but no policy chosen: the service picks the policy, so the template cannot tell.
      error: [domainCfn(['DomainEndpointOptions:', '  EnforceHTTPS: true'])],
    },
    terraform: {
      pass: [
        domainTf([
          'domain_endpoint_options {',
          '  enforce_https       = true',
          '  tls_security_policy = "Policy-Min-TLS-1-2-2019-07"',
          '}',
        ]),
      ],
      fail: [domainTf(['domain_endpoint_options {', '  enforce_https = false', '}'])],
      error: [
        domainTf(['domain_endpoint_options {', '  enforce_https = var.https', '}'], ['https']),
        domainTf(['domain_endpoint_options {', '  enforce_https = true', '}']),
      ],
    },
  },
});
