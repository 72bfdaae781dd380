import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from '../rds/templates.js';
import { EKS_CFN_BASE, EKS_CFN_SUBNETS, EKS_LIVE, EKS_TF_BASE, EKS_TF_SUBNETS } from './fixtures.js';

const vpc = (over: Record<string, unknown>) => ({
  ...EKS_LIVE,
  resourcesVpcConfig: { ...EKS_LIVE.resourcesVpcConfig, ...over },
});

const cfn = (lines: string[], params?: string[]) =>
  cfnTemplate('AWS::EKS::Cluster', [...EKS_CFN_BASE, 'ResourcesVpcConfig:', ...EKS_CFN_SUBNETS, ...lines], {
    logicalId: 'Cluster',
    ...(params ? { params } : {}),
  });
const tf = (lines: string[], variables?: string[]) =>
  tfConfig('aws_eks_cluster', 'prod', [...EKS_TF_BASE, 'vpc_config {', EKS_TF_SUBNETS, ...lines, '}'], {
    ...(variables ? { variables } : {}),
  });

export default defineAwsRule({
  id: 'aws-eks-cluster-endpoint-not-public',
  resourceType: 'aws.eks.cluster',
  category: 'network',
  severity: 'high',
  fsbp: ['EKS.1'],
  needs: ['resourcesVpcConfig.endpointPublicAccess'],
  text: {
    title: {
      en: 'EKS cluster API server endpoints are not publicly accessible',
      ja: 'EKS クラスターの API サーバーエンドポイントがパブリックアクセス可能になっていない',
    },
    description: {
      en: 'Checks that the Kubernetes API server endpoint of the cluster is reachable only from inside the VPC (endpointPublicAccess is false, endpointPrivateAccess is true).',
      ja: 'クラスターの Kubernetes API サーバーエンドポイントに VPC 内からのみ到達できる（endpointPublicAccess が false、endpointPrivateAccess が true）ことを確認する。',
    },
    rationale: {
      en: 'A public endpoint (by default open to 0.0.0.0/0) exposes the cluster’s control plane to the internet: one leaked kubeconfig or token, or a Kubernetes API vulnerability, is then enough to reach it. A private endpoint confines access to the VPC and networks connected to it.',
      ja: 'パブリックエンドポイント（既定では 0.0.0.0/0 に公開）はクラスターのコントロールプレーンをインターネットにさらす。kubeconfig やトークンが 1 つ漏えいするか、Kubernetes API に脆弱性があれば到達されてしまう。プライベートエンドポイントなら、アクセスを VPC とそれに接続されたネットワークに限定できる。',
    },
    remediation: {
      text: {
        en: 'Enable private endpoint access and turn public access off; reach the API from inside the VPC (a bastion, VPN, Direct Connect or CI runners in the VPC). Where public access is unavoidable for a while, restrict publicAccessCidrs to known addresses.',
        ja: 'プライベートエンドポイントアクセスを有効にしてパブリックアクセスを無効にし、VPC 内（踏み台、VPN、Direct Connect、VPC 内の CI ランナーなど）から API に接続する。当面パブリックアクセスが避けられない場合は、publicAccessCidrs を既知のアドレスに限定する。',
      },
      console: {
        en: 'EKS console → Clusters → select the cluster → Networking tab → Manage endpoint access → Cluster endpoint access: Private → Save changes.',
        ja: 'EKS コンソール → クラスター → 対象のクラスターを選択 → ネットワーキング タブ → エンドポイントアクセスを管理 → クラスターエンドポイントアクセス: プライベート → 変更を保存。',
      },
      cli: 'aws eks update-cluster-config --name <CLUSTER> \\\n  --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true',
      cloudformation:
        'Type: AWS::EKS::Cluster\nProperties:\n  ResourcesVpcConfig:\n    EndpointPublicAccess: false\n    EndpointPrivateAccess: true',
      terraform:
        'resource "aws_eks_cluster" "this" {\n  vpc_config {\n    endpoint_public_access  = false\n    endpoint_private_access = true\n  }\n}',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
  },
  evaluate: ({ props }) => {
    const cfg = props.resourcesVpcConfig;
    if (cfg?.endpointPublicAccess === false) return pass();
    const cidrs = Array.isArray(cfg?.publicAccessCidrs) ? cfg.publicAccessCidrs.join(', ') : '0.0.0.0/0';
    return fail('resourcesVpcConfig.endpointPublicAccess', {
      en: `The API server endpoint of ${props.name ?? 'the cluster'} is public (allowed from ${cidrs || '0.0.0.0/0'})`,
      ja: `${props.name ?? 'クラスター'} の API サーバーエンドポイントがパブリックになっている（許可元: ${cidrs || '0.0.0.0/0'}）`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: EKS_LIVE }],
      fail: [
        { props: vpc({ endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] }) },
        // Restricted CIDRs are better, but the endpoint is still on the internet.
        {
          props: vpc({
            endpointPublicAccess: true,
            endpointPrivateAccess: true,
            publicAccessCidrs: ['203.0.113.10/32'],
          }),
        },
      ],
      error: [
        { props: { ...EKS_LIVE, resourcesVpcConfig: undefined } },
        { props: vpc({ endpointPublicAccess: { $unknown: 'var.public' } }) },
      ],
    },
    cloudformation: {
      pass: [cfn(['  EndpointPublicAccess: false', '  EndpointPrivateAccess: true'])],
      fail: [cfn([]), cfn(['  EndpointPublicAccess: true', '  PublicAccessCidrs:', '    - 203.0.113.0/24'])],
      error: [cfn(['  EndpointPublicAccess: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [tf(['  endpoint_public_access  = false', '  endpoint_private_access = true'])],
      fail: [tf([]), tf(['  endpoint_public_access = "true"'])],
      error: [tf(['  endpoint_public_access = var.public_endpoint'], ['public_endpoint'])],
    },
  },
});
