import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

// CIS AWS Foundations v7.0.0 4.10 (new in v7.0.0; the ALB/NLB part of "web front-end services").
const lb = (type: string, name: string) => ({
  LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/${type === 'application' ? 'app' : type === 'network' ? 'net' : 'gwy'}/${name}/50dc6c495c0c9188`,
  DNSName: `${name}-1234567890.us-east-1.elb.amazonaws.com`,
  CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
  CreatedTime: '2025-06-01T12:00:00.000Z',
  LoadBalancerName: name,
  Scheme: 'internet-facing',
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  State: { Code: 'active' },
  Type: type,
  AvailabilityZones: [
    { ZoneName: 'us-east-1a', SubnetId: 'subnet-0a1a1a1a1a1a1a1a1' },
    { ZoneName: 'us-east-1b', SubnetId: 'subnet-0b2b2b2b2b2b2b2b2' },
  ],
  IpAddressType: 'ipv4',
});
const attributes = (enabled: string, bucket = '') => [
  { Key: 'deletion_protection.enabled', Value: 'true' },
  { Key: 'access_logs.s3.enabled', Value: enabled },
  { Key: 'access_logs.s3.bucket', Value: bucket },
  { Key: 'access_logs.s3.prefix', Value: '' },
  { Key: 'load_balancing.cross_zone.enabled', Value: 'true' },
];

const CLOUDFORMATION = {
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
        - Key: access_logs.s3.enabled
          Value: 'true'
        - Key: access_logs.s3.bucket
          Value: elb-access-logs-111122223333
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
`,
  ],
  error: [
    `Parameters:
  EnableLogs:
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
        - Key: access_logs.s3.enabled
          Value: !Ref EnableLogs
`,
  ],
  notApplicable: [
    `Resources:
  Inspection:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: gateway
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
  access_logs {
    bucket  = "elb-access-logs-111122223333"
    enabled = true
  }
}
`,
  ],
  fail: [
    `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
}
`,
    // In Terraform the access_logs block is off unless enabled = true.
    `resource "aws_lb" "tls" {
  name               = "tls-edge"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1a1a1a1a1a1a1a1"]
  access_logs {
    bucket = "elb-access-logs-111122223333"
  }
}
`,
  ],
  error: [
    `variable "access_logs_enabled" {
  type = bool
}

resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
  access_logs {
    bucket  = "elb-access-logs-111122223333"
    enabled = var.access_logs_enabled
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-elbv2-access-logging',
  resourceType: 'aws.elbv2.load_balancer',
  category: 'logging-monitoring',
  severity: 'medium',
  appliesTo: { Type: ['application', 'network'] },
  needs: ['Attributes'],
  text: {
    title: {
      en: 'Application and Network Load Balancers have access logging enabled',
      ja: 'Application Load Balancer と Network Load Balancer でアクセスログが有効になっている',
    },
    description: {
      en: 'Checks that the load balancer attribute access_logs.s3.enabled is true. Network Load Balancers write access logs only for TLS listeners.',
      ja: 'ロードバランサーの属性 access_logs.s3.enabled が true であることを確認する。Network Load Balancer のアクセスログは TLS リスナーの分だけ出力される。',
    },
    rationale: {
      en: 'The load balancer is where requests from the internet arrive. Its access logs record client addresses, paths, status codes and TLS details, which are needed to trace an attack on the application behind it.',
      ja: 'ロードバランサーはインターネットからのリクエストの入口である。アクセスログにはクライアントのアドレス、パス、ステータスコード、TLS の情報が残り、背後のアプリケーションへの攻撃を追跡するのに必要になる。',
    },
    remediation: {
      text: {
        en: 'Enable access logs on the load balancer, delivering to an S3 bucket whose policy allows log delivery.',
        ja: 'ロードバランサーのアクセスログを有効にし、ログ配信を許可するバケットポリシーを持つ S3 バケットに出力する。',
      },
      console: {
        en: 'EC2 console → Load Balancers → the load balancer → Attributes tab → Edit → Monitoring: Access logs on → S3 URI of the bucket → Save changes.',
        ja: 'EC2 コンソール → ロードバランサー → 対象のロードバランサー → 属性 タブ → 編集 → モニタリング: アクセスログをオン → バケットの S3 URI → 変更内容の保存。',
      },
      cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <LB_ARN> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<LOG_BUCKET> Key=access_logs.s3.prefix,Value=<PREFIX>',
      cloudformation:
        "AWS::ElasticLoadBalancingV2::LoadBalancer LoadBalancerAttributes: [{ Key: access_logs.s3.enabled, Value: 'true' }, { Key: access_logs.s3.bucket, Value: <LOG_BUCKET> }]",
      terraform: 'aws_lb: access_logs { bucket = "<LOG_BUCKET>", enabled = true }',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
    },
  },
  evaluate: ({ props }) => {
    const i = props.Attributes.findIndex((a) => a.Key === 'access_logs.s3.enabled');
    const attr = props.Attributes[i];
    if (attr === undefined) return error('access_logs.s3.enabled is not among the collected load balancer attributes');
    if (isUnknown(attr.Value)) return error(`unresolved value at Attributes.${i}.Value: ${attr.Value.$unknown}`);
    if (attr.Value === 'true') {
      const bucket = props.Attributes.find((a) => a.Key === 'access_logs.s3.bucket')?.Value;
      return pass({ en: `Access logs go to ${bucket || 'S3'}`, ja: `アクセスログの出力先は ${bucket || 'S3'}` });
    }
    const kind = props.Type === 'network' ? 'Network Load Balancer' : 'Application Load Balancer';
    return fail(`Attributes.${i}`, {
      en: `Access logging is off on ${kind} ${props.LoadBalancerName}`,
      ja: `${kind} ${props.LoadBalancerName} でアクセスログが無効になっている`,
    });
  },
  fsbp: ['ELB.5'],
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        { props: { ...lb('application', 'web-prod'), Attributes: attributes('true', 'elb-access-logs-111122223333') } },
        { props: { ...lb('network', 'tls-edge'), Attributes: attributes('true', 'elb-access-logs-111122223333') } },
      ],
      fail: [
        { props: { ...lb('application', 'web-prod'), Attributes: attributes('false') } },
        { props: { ...lb('network', 'tls-edge'), Attributes: attributes('false') } },
      ],
      error: [
        { props: { ...lb('application', 'web-prod') } },
        {
          props: { ...lb('application', 'web-prod'), Attributes: [] },
          gaps: { Attributes: 'AccessDenied: elasticloadbalancing:DescribeLoadBalancerAttributes' },
        },
        {
          props: {
            ...lb('application', 'web-prod'),
            Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }],
          },
        },
        {
          props: {
            ...lb('application', 'web-prod'),
            Attributes: [{ Key: 'access_logs.s3.enabled', Value: { $unknown: 'Ref EnableLogs' } }],
          },
        },
      ],
      notApplicable: [
        {
          props: {
            ...lb('gateway', 'inspection'),
            Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }],
          },
        },
      ],
    },
  },
});
