import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { lbAttribute } from '../lib/network.js';

const lb = (type: string, name: string) => ({
  LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/${type === 'application' ? 'app' : type === 'network' ? 'net' : 'gwy'}/${name}/50dc6c495c0c9188`,
  DNSName: `${name}-1234567890.us-east-1.elb.amazonaws.com`,
  CreatedTime: '2025-06-01T12:00:00.000Z',
  LoadBalancerName: name,
  Scheme: 'internet-facing',
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  State: { Code: 'active' },
  Type: type,
  IpAddressType: 'ipv4',
});
const attrs = (value: string) => [
  { Key: 'access_logs.s3.enabled', Value: 'false' },
  { Key: 'deletion_protection.enabled', Value: value },
  { Key: 'idle_timeout.timeout_seconds', Value: '60' },
];

export default defineAwsRule({
  id: 'aws-elbv2-deletion-protection',
  resourceType: 'aws.elbv2.load_balancer',
  category: 'availability',
  severity: 'low',
  needs: ['Attributes'],
  fsbp: ['ELB.6'],
  text: {
    title: {
      en: 'Load balancers have deletion protection enabled',
      ja: 'ロードバランサーで削除保護が有効になっている',
    },
    description: {
      en: 'Checks that the load balancer attribute deletion_protection.enabled is true (Application, Network and Gateway Load Balancers).',
      ja: 'ロードバランサーの属性 deletion_protection.enabled が true であることを確認する（Application・Network・Gateway Load Balancer）。',
    },
    rationale: {
      en: 'Deleting a load balancer takes its DNS name and its listeners with it: the service behind it goes offline at once, and a new load balancer gets a different name. Deletion protection makes that a deliberate two-step action.',
      ja: 'ロードバランサーを削除すると DNS 名とリスナーも失われ、背後のサービスは即座に停止し、作り直したロードバランサーには別の名前が付く。削除保護があれば、削除は意図的な 2 段階の操作になる。',
    },
    remediation: {
      text: {
        en: 'Turn on deletion protection on the load balancer.',
        ja: 'ロードバランサーの削除保護を有効にする。',
      },
      console: {
        en: 'EC2 console → Load Balancers → select the load balancer → Attributes tab → Edit → Configuration: turn on "Deletion protection" → Save changes.',
        ja: 'EC2 コンソール → ロードバランサー → 対象のロードバランサーを選択 → 属性 タブ → 編集 → 設定: 「削除保護」をオン → 変更内容の保存。',
      },
      cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <LB_ARN> --attributes Key=deletion_protection.enabled,Value=true',
      cloudformation: "LoadBalancerAttributes: [{ Key: deletion_protection.enabled, Value: 'true' }]",
      terraform: 'resource "aws_lb" → enable_deletion_protection = true',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection',
    },
  },
  evaluate: ({ props }) => {
    const a = lbAttribute(props.Attributes, 'deletion_protection.enabled');
    if (a === undefined)
      return error('deletion_protection.enabled is not among the collected load balancer attributes');
    if (isUnknown(a.value)) return error(`unresolved value at Attributes.${a.index}.Value: ${a.value.$unknown}`);
    if (a.value === 'true') return pass();
    return fail(`Attributes.${a.index}`, {
      en: `Deletion protection is off on load balancer ${props.LoadBalancerName}`,
      ja: `ロードバランサー ${props.LoadBalancerName} で削除保護が無効になっている`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { ...lb('application', 'web-prod'), Attributes: attrs('true') } }],
      fail: [{ props: { ...lb('application', 'web-prod'), Attributes: attrs('false') } }],
      error: [
        { props: { ...lb('application', 'web-prod') } },
        {
          props: { ...lb('application', 'web-prod'), Attributes: [] },
          gaps: { Attributes: 'AccessDenied: elasticloadbalancing:DescribeLoadBalancerAttributes' },
        },
        {
          props: { ...lb('application', 'web-prod'), Attributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] },
        },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web-prod
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
      LoadBalancerAttributes:
        - Key: deletion_protection.enabled
          Value: 'true'
`,
      ],
      fail: [
        `Resources:
  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web-prod
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
      LoadBalancerAttributes:
        - Key: deletion_protection.enabled
          Value: false
`,
        `Resources:
  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web-prod
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
`,
      ],
      error: [
        `Parameters:
  Flag:
    Type: String
Resources:
  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web-prod
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
      LoadBalancerAttributes:
        - Key: deletion_protection.enabled
          Value: !Ref Flag
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
  enable_deletion_protection = true
}
`,
      ],
      fail: [
        `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
}
`,
      ],
      error: [
        `variable "flag" {
  type = bool
}

resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
  enable_deletion_protection = var.flag
}
`,
      ],
    },
  },
});
