import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTemplate, tfConfig } from '../rds/templates.js';
import { EKS_CFN_BASE, EKS_CFN_SUBNETS, EKS_LIVE, EKS_TF_BASE, EKS_TF_SUBNETS } from './fixtures.js';

const logging = (clusterLogging: unknown) => ({ ...EKS_LIVE, logging: { clusterLogging } });

const cfn = (lines: string[], params?: string[]) =>
  cfnTemplate('AWS::EKS::Cluster', [...EKS_CFN_BASE, 'ResourcesVpcConfig:', ...EKS_CFN_SUBNETS, ...lines], {
    logicalId: 'Cluster',
    ...(params ? { params } : {}),
  });
const tf = (lines: string[], variables?: string[]) =>
  tfConfig('aws_eks_cluster', 'prod', [...EKS_TF_BASE, 'vpc_config {', EKS_TF_SUBNETS, '}', ...lines], {
    ...(variables ? { variables } : {}),
  });

export default defineAwsRule({
  id: 'aws-eks-cluster-audit-logging',
  resourceType: 'aws.eks.cluster',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['EKS.8'],
  needs: ['logging'],
  // Comma-separated control plane log types that must be sent to CloudWatch Logs (audit at least, as EKS.8 asks).
  params: { requiredLogTypes: 'audit' },
  text: {
    title: {
      en: 'EKS clusters send control plane audit logs to CloudWatch Logs',
      ja: 'EKS クラスターでコントロールプレーンの監査ログを CloudWatch Logs に送信している',
    },
    description: {
      en: 'Checks that the cluster’s control plane logging has the required log types enabled (parameter requiredLogTypes, audit by default; api, authenticator, controllerManager and scheduler can be added).',
      ja: 'クラスターのコントロールプレーンのログ記録で、必要なログタイプが有効になっていることを確認する（パラメータ requiredLogTypes、既定は audit。api、authenticator、controllerManager、scheduler も追加できる）。',
    },
    rationale: {
      en: 'The Kubernetes audit log records every request to the API server: who read a secret, created a privileged pod or changed RBAC. Control plane logs are off by default and are not kept anywhere else, so without them an incident in the cluster cannot be reconstructed.',
      ja: 'Kubernetes の監査ログには API サーバーへのすべてのリクエスト（誰がシークレットを読んだか、特権 Pod を作成したか、RBAC を変更したか）が記録される。コントロールプレーンのログは既定で無効で、ほかには保存されないため、これがないとクラスター内のインシデントを追跡できない。',
    },
    remediation: {
      text: {
        en: 'Enable the audit log type (and the other required types) in the cluster’s control plane logging, and set a retention period on the /aws/eks/<cluster>/cluster log group.',
        ja: 'クラスターのコントロールプレーンのログ記録で audit（およびほかに必要なタイプ）を有効にし、ロググループ /aws/eks/<cluster>/cluster に保持期間を設定する。',
      },
      console: {
        en: 'EKS console → Clusters → select the cluster → Observability tab → Control plane logs → Manage → turn on Audit (and the other required types) → Save changes.',
        ja: 'EKS コンソール → クラスター → 対象のクラスターを選択 → オブザーバビリティ タブ → コントロールプレーンのログ → 管理 → 監査（およびほかに必要なタイプ）をオン → 変更を保存。',
      },
      cli: 'aws eks update-cluster-config --name <CLUSTER> \\\n  --logging \'{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true}]}\'',
      cloudformation:
        'Type: AWS::EKS::Cluster\nProperties:\n  Logging:\n    ClusterLogging:\n      EnabledTypes:\n        - Type: audit\n        - Type: api\n        - Type: authenticator',
      terraform:
        'resource "aws_eks_cluster" "this" {\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n}',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    },
  },
  evaluate: ({ props, params }) => {
    const entries = props.logging?.clusterLogging as unknown;
    if (isUnknown(entries)) return error(`unresolved value at logging.clusterLogging: ${entries.$unknown}`);
    const enabled = new Set<string>();
    for (const e of Array.isArray(entries) ? entries : []) {
      const types = (e as { types?: unknown }).types;
      if (isUnknown(types) || (Array.isArray(types) && types.some((t) => isUnknown(t)))) {
        return error('unresolved value in logging.clusterLogging types');
      }
      if ((e as { enabled?: unknown }).enabled === true && Array.isArray(types)) for (const t of types) enabled.add(t);
    }
    const required = String(params.requiredLogTypes)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const missing = required.filter((t) => !enabled.has(t));
    if (missing.length === 0) return pass();
    return fail('logging.clusterLogging', {
      en: `Control plane log type(s) ${missing.join(', ')} are not enabled for ${props.name ?? 'the cluster'}`,
      ja: `${props.name ?? 'クラスター'} でコントロールプレーンのログタイプ ${missing.join(', ')} が有効になっていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: EKS_LIVE },
        {
          props: logging([
            { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: true },
          ]),
          params: { requiredLogTypes: 'api,audit,authenticator' },
        },
      ],
      fail: [
        // The DescribeCluster answer when logging was never turned on.
        {
          props: logging([
            { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false },
          ]),
        },
        {
          props: logging([
            { types: ['api'], enabled: true },
            { types: ['audit'], enabled: false },
          ]),
        },
        { props: EKS_LIVE, params: { requiredLogTypes: 'audit,controllerManager' } },
      ],
      error: [{ props: { ...EKS_LIVE, logging: undefined } }, { props: logging({ $unknown: 'var.log_types' }) }],
    },
    cloudformation: {
      pass: [cfn(['Logging:', '  ClusterLogging:', '    EnabledTypes:', '      - Type: api', '      - Type: audit'])],
      fail: [cfn([]), cfn(['Logging:', '  ClusterLogging:', '    EnabledTypes:', '      - Type: api'])],
      error: [cfn(['Logging:', '  ClusterLogging:', '    EnabledTypes: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [tf(['enabled_cluster_log_types = ["api", "audit", "authenticator"]'])],
      fail: [tf([]), tf(['enabled_cluster_log_types = ["scheduler"]'])],
      error: [tf(['enabled_cluster_log_types = var.log_types'], ['log_types'])],
    },
  },
});
