import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from '../rds/templates.js';
import { EKS_CFN_BASE, EKS_CFN_SUBNETS, EKS_LIVE, EKS_TF_BASE, EKS_TF_SUBNETS } from './fixtures.js';

/** "1.34" → [1, 34]; anything else → undefined. */
const parse = (v: unknown): [number, number] | undefined => {
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};
const older = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

const cfn = (lines: string[], params?: string[]) =>
  cfnTemplate('AWS::EKS::Cluster', [...EKS_CFN_BASE, ...lines, 'ResourcesVpcConfig:', ...EKS_CFN_SUBNETS], {
    logicalId: 'Cluster',
    ...(params ? { params } : {}),
  });
const tf = (lines: string[], variables?: string[]) =>
  tfConfig('aws_eks_cluster', 'prod', [...EKS_TF_BASE, ...lines, 'vpc_config {', EKS_TF_SUBNETS, '}'], {
    ...(variables ? { variables } : {}),
  });

export default defineAwsRule({
  id: 'aws-eks-cluster-supported-version',
  resourceType: 'aws.eks.cluster',
  category: 'availability',
  severity: 'medium',
  fsbp: ['EKS.2'],
  needs: ['version'],
  // The oldest Kubernetes version in Amazon EKS standard support. 1.34 was the oldest one when this default was
  // set (November 2026: 1.33's standard support ended in July 2026). Keep it in step with the EKS release calendar
  // (framework or config override of `oldestVersion`).
  params: { oldestVersion: '1.34' },
  text: {
    title: {
      en: 'EKS clusters run a Kubernetes version in standard support',
      ja: 'EKS クラスターで標準サポート期間中の Kubernetes バージョンを使用している',
    },
    description: {
      en: 'Checks that the cluster’s Kubernetes version is not older than the oldest version in Amazon EKS standard support (parameter oldestVersion).',
      ja: 'クラスターの Kubernetes バージョンが、Amazon EKS の標準サポート対象で最も古いバージョン（パラメータ oldestVersion）より古くないことを確認する。',
    },
    rationale: {
      en: 'Versions past standard support get no new fixes unless extended support is paid for, and are upgraded automatically at its end. Staying on supported versions keeps security patches flowing and upgrades planned rather than forced.',
      ja: '標準サポートを過ぎたバージョンには、有料の延長サポートを使わない限り修正が提供されず、延長サポートの終了時には自動でアップグレードされる。サポート対象のバージョンを使い続けることで、セキュリティパッチを受け取り、アップグレードを強制ではなく計画的に行える。',
    },
    remediation: {
      text: {
        en: 'Upgrade the control plane one minor version at a time to a version in standard support, then upgrade the node groups and add-ons.',
        ja: 'コントロールプレーンをマイナーバージョン 1 つずつ標準サポート対象のバージョンまでアップグレードし、その後ノードグループとアドオンをアップグレードする。',
      },
      console: {
        en: 'EKS console → Clusters → select the cluster → Upgrade version → choose the next Kubernetes version → Update; repeat until the version is in standard support.',
        ja: 'EKS コンソール → クラスター → 対象のクラスターを選択 → バージョンのアップグレード → 次の Kubernetes バージョンを選択 → 更新。標準サポート対象のバージョンになるまで繰り返す。',
      },
      cli: 'aws eks update-cluster-version --name <CLUSTER> --kubernetes-version <NEXT_VERSION>',
      cloudformation: 'Type: AWS::EKS::Cluster\nProperties:\n  Version: "<SUPPORTED_VERSION>"',
      terraform: 'resource "aws_eks_cluster" "this" {\n  version = "<SUPPORTED_VERSION>"\n}',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
    },
  },
  evaluate: ({ props, params }) => {
    const oldest = parse(String(params.oldestVersion));
    const version = parse(props.version);
    if (!oldest) throw new Error(`parameter oldestVersion is not a version: ${params.oldestVersion}`);
    if (!version) throw new Error(`cluster version is not a Kubernetes version: ${String(props.version)}`);
    return older(version, oldest)
      ? fail('version', {
          en: `${props.name ?? 'The cluster'} runs Kubernetes ${props.version}, older than ${params.oldestVersion}, the oldest version in standard support`,
          ja: `${props.name ?? 'クラスター'} の Kubernetes バージョン ${props.version} が、標準サポート対象で最も古い ${params.oldestVersion} より古い`,
        })
      : pass();
  },
  fixtures: {
    live: {
      pass: [{ props: EKS_LIVE }, { props: { ...EKS_LIVE, version: '1.36' } }],
      fail: [
        { props: { ...EKS_LIVE, version: '1.33' } },
        { props: { ...EKS_LIVE, version: '1.29' } },
        { props: { ...EKS_LIVE, version: '1.34' }, params: { oldestVersion: '1.35' } },
      ],
      error: [
        { props: { ...EKS_LIVE, version: undefined } },
        { props: { ...EKS_LIVE, version: { $unknown: 'var.k8s_version' } } },
      ],
    },
    cloudformation: {
      pass: [cfn(['Version: "1.35"'])],
      fail: [cfn(['Version: "1.31"'])],
      // Without Version, EKS picks its default version of the day: the template cannot tell which.
      error: [cfn([]), cfn(['Version: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [tf(['version  = "1.34"'])],
      fail: [tf(['version  = "1.30"'])],
      error: [tf([]), tf(['version  = var.k8s_version'], ['k8s_version'])],
    },
  },
});
