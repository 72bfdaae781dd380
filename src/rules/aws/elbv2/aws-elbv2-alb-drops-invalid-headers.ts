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
  { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: value },
  { Key: 'idle_timeout.timeout_seconds', Value: '60' },
];

export default defineAwsRule({
  id: 'aws-elbv2-alb-drops-invalid-headers',
  resourceType: 'aws.elbv2.load_balancer',
  category: 'network',
  severity: 'medium',
  appliesTo: { Type: 'application' },
  needs: ['Attributes'],
  fsbp: ['ELB.4'],
  text: {
    title: {
      en: 'Application Load Balancers drop invalid HTTP header fields',
      ja: 'Application Load Balancer で無効な HTTP ヘッダーフィールドを削除している',
    },
    description: {
      en: 'Checks that the Application Load Balancer attribute routing.http.drop_invalid_header_fields.enabled is true, so header fields whose names do not match the valid character set are removed before requests reach the targets.',
      ja: 'Application Load Balancer の属性 routing.http.drop_invalid_header_fields.enabled が true であり、名前が有効な文字の範囲に合わないヘッダーフィールドがターゲットに届く前に削除されることを確認する。',
    },
    rationale: {
      en: 'Malformed header names are a building block of HTTP request smuggling and desync attacks, in which the load balancer and the application disagree about where one request ends. Dropping them at the edge removes that ambiguity.',
      ja: '不正な名前のヘッダーは、ロードバランサーとアプリケーションでリクエストの区切りの解釈がずれる HTTP リクエストスマグリングやデシンク攻撃の材料になる。入口で削除すれば、その食い違いをなくせる。',
    },
    remediation: {
      text: {
        en: 'Turn on "Drop invalid header fields" on the Application Load Balancer.',
        ja: 'Application Load Balancer で「無効なヘッダーフィールドを削除」を有効にする。',
      },
      console: {
        en: 'EC2 console → Load Balancers → select the Application Load Balancer → Attributes tab → Edit → Packet handling: turn on "Drop invalid header fields" → Save changes.',
        ja: 'EC2 コンソール → ロードバランサー → 対象の Application Load Balancer を選択 → 属性 タブ → 編集 → パケット処理: 「無効なヘッダーフィールドを削除」をオン → 変更内容の保存。',
      },
      cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <LB_ARN> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
      cloudformation:
        "LoadBalancerAttributes: [{ Key: routing.http.drop_invalid_header_fields.enabled, Value: 'true' }]",
      terraform: 'resource "aws_lb" → drop_invalid_header_fields = true',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
    },
  },
  evaluate: ({ props }) => {
    const a = lbAttribute(props.Attributes, 'routing.http.drop_invalid_header_fields.enabled');
    if (a === undefined)
      return error(
        'routing.http.drop_invalid_header_fields.enabled is not among the collected load balancer attributes',
      );
    if (isUnknown(a.value)) return error(`unresolved value at Attributes.${a.index}.Value: ${a.value.$unknown}`);
    if (a.value === 'true') return pass();
    return fail(`Attributes.${a.index}`, {
      en: `Application Load Balancer ${props.LoadBalancerName} passes invalid HTTP header fields to its targets`,
      ja: `Application Load Balancer ${props.LoadBalancerName} が無効な HTTP ヘッダーフィールドをターゲットに渡している`,
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
      notApplicable: [
        {
          props: { ...lb('network', 'tcp-edge'), Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }] },
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
        - Key: routing.http.drop_invalid_header_fields.enabled
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
        - Key: routing.http.drop_invalid_header_fields.enabled
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
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: !Ref Flag
`,
      ],
      notApplicable: [
        `Resources:
  Edge:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
  drop_invalid_header_fields = true
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
  drop_invalid_header_fields = var.flag
}
`,
      ],
    },
  },
});
