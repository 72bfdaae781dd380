import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE, esDomainTf } from './fixtures.js';

export default defineAwsRule({
  id: 'aws-opensearch-domain-in-vpc',
  resourceType: 'aws.opensearch.domain',
  category: 'network',
  severity: 'high',
  fsbp: ['Opensearch.2', 'ES.2'],
  text: {
    title: {
      en: 'OpenSearch domains are placed in a VPC',
      ja: 'OpenSearch ドメインが VPC 内に配置されている',
    },
    description: {
      en: 'Checks that the domain is launched in a VPC (VPCOptions with subnets), so its endpoint has private addresses only, instead of a public endpoint reachable from the internet.',
      ja: 'ドメインが VPC 内で起動されており（サブネットを指定した VPCOptions）、エンドポイントがインターネットから到達できるパブリックエンドポイントではなく、プライベートアドレスのみを持つことを確認する。',
    },
    rationale: {
      en: 'A public domain is protected only by its access policy and authentication; a policy that is too broad, or a weak internal user, exposes all indexed data to the internet. In a VPC, security groups and private routing add a network boundary.',
      ja: 'パブリックなドメインを守るのはアクセスポリシーと認証だけであり、広すぎるポリシーや弱い内部ユーザーがあれば、インデックスされたデータ全体がインターネットに公開される。VPC 内であれば、セキュリティグループとプライベートな経路によるネットワーク境界が加わる。',
    },
    remediation: {
      text: {
        en: 'A domain cannot be moved into a VPC: create a new domain with VPC access, restore a snapshot or reindex into it, and switch clients to the VPC endpoint.',
        ja: '既存のドメインを VPC に移すことはできない。VPC アクセスを指定した新しいドメインを作成し、スナップショットの復元または再インデックスでデータを移し、クライアントの接続先を VPC エンドポイントに切り替える。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → Create domain → Network: VPC access → choose the VPC, subnets and security groups → Create; then restore a snapshot of the old domain into it.',
        ja: 'OpenSearch Service コンソール → ドメイン → ドメインの作成 → ネットワーク: VPC アクセス → VPC、サブネット、セキュリティグループを選択 → 作成。その後、旧ドメインのスナップショットを復元する。',
      },
      cli: "aws opensearch create-domain --domain-name <NEW_DOMAIN> --engine-version <VERSION> \\\n  --vpc-options 'SubnetIds=<SUBNET_ID>,SecurityGroupIds=<SG_ID>' ...",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  VPCOptions:\n    SubnetIds: [<SUBNET_ID>]\n    SecurityGroupIds: [<SG_ID>]',
      terraform:
        'resource "aws_opensearch_domain" "this" {\n  vpc_options {\n    subnet_ids         = [aws_subnet.private_a.id]\n    security_group_ids = [aws_security_group.search.id]\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
    },
  },
  evaluate: ({ props }) => {
    const vpc = props.VPCOptions as unknown;
    if (isUnknown(vpc)) return error(`unresolved value at VPCOptions: ${vpc.$unknown}`);
    const subnets = (vpc as { SubnetIds?: unknown } | undefined)?.SubnetIds;
    if (isUnknown(subnets)) return error(`unresolved value at VPCOptions.SubnetIds: ${subnets.$unknown}`);
    if (Array.isArray(subnets) && subnets.length > 0) return pass();
    return fail('VPCOptions', {
      en: `Domain ${props.DomainName ?? ''} has a public endpoint${props.Endpoint ? ` (${props.Endpoint})` : ''} and is not in a VPC`,
      ja: `ドメイン ${props.DomainName ?? ''} が VPC 内になく、パブリックエンドポイント${props.Endpoint ? `（${props.Endpoint}）` : ''}を持っている`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: DOMAIN_LIVE }],
      fail: [{ props: ES_PUBLIC_LIVE }],
      error: [{ props: { ...DOMAIN_LIVE, VPCOptions: { $unknown: 'var.vpc' } } }],
    },
    cloudformation: {
      pass: [
        domainCfn([
          'VPCOptions:',
          '  SubnetIds:',
          '    - subnet-0a1b2c3d4e5f60718',
          '  SecurityGroupIds:',
          '    - sg-0123456789abcdef0',
        ]),
      ],
      fail: [domainCfn([])],
      error: [domainCfn(['VPCOptions:', '  SubnetIds: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [
        domainTf([
          'vpc_options {',
          '  subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]',
          '  security_group_ids = ["sg-0123456789abcdef0"]',
          '}',
        ]),
      ],
      fail: [domainTf([]), esDomainTf([])],
      error: [domainTf(['vpc_options {', '  subnet_ids = var.subnets', '}'], ['subnets'])],
    },
  },
});
