import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const alb = {
  LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-prod/50dc6c495c0c9188',
  DNSName: 'web-prod-1234567890.us-east-1.elb.amazonaws.com',
  LoadBalancerName: 'web-prod',
  Scheme: 'internet-facing',
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  State: { Code: 'active' },
  Type: 'application',
  IpAddressType: 'ipv4',
  Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }],
};
const ACL = 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/web-prod/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

const CFN_LB = `  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Name: web-prod
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
`;
const TF_LB = `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
}
`;

export default defineAwsRule({
  id: 'aws-elbv2-alb-waf-associated',
  resourceType: 'aws.elbv2.load_balancer',
  category: 'network',
  severity: 'medium',
  appliesTo: { Type: 'application' },
  needs: ['WebACLArn'],
  fsbp: ['ELB.16'],
  text: {
    title: {
      en: 'Application Load Balancers are associated with an AWS WAF web ACL',
      ja: 'Application Load Balancer に AWS WAF のウェブ ACL が関連付けられている',
    },
    description: {
      en: 'Checks that an AWS WAF (WAFv2) web ACL is associated with the Application Load Balancer.',
      ja: 'Application Load Balancer に AWS WAF（WAFv2）のウェブ ACL が関連付けられていることを確認する。',
    },
    rationale: {
      en: 'A web ACL filters requests before they reach the application: managed rule groups block common exploits (SQL injection, known bad inputs, bad bots) and rate-based rules slow down floods, buying time to fix the application itself.',
      ja: 'ウェブ ACL はリクエストがアプリケーションに届く前にフィルタリングする。マネージドルールグループで一般的な攻撃（SQL インジェクション、既知の不正な入力、悪性ボット）を遮断し、レートベースのルールで大量のリクエストを抑え、アプリケーション自体を直すまでの時間を稼げる。',
    },
    remediation: {
      text: {
        en: 'Create a regional web ACL (with AWS managed rule groups at least) and associate it with the load balancer.',
        ja: 'リージョナルのウェブ ACL を（少なくとも AWS マネージドルールグループを含めて）作成し、ロードバランサーに関連付ける。',
      },
      console: {
        en: 'WAF & Shield console → Web ACLs → select the region → choose the web ACL (or create one) → Associated AWS resources tab → Add AWS resources → Application Load Balancer → select the load balancer → Add.',
        ja: 'WAF & Shield コンソール → Web ACLs → リージョンを選択 → 対象のウェブ ACL を選択（または作成）→ 関連付けられた AWS リソース タブ → AWS リソースを追加 → Application Load Balancer → 対象のロードバランサーを選択 → 追加。',
      },
      cli: 'aws wafv2 associate-web-acl --web-acl-arn <WEB_ACL_ARN> --resource-arn <LB_ARN>',
      cloudformation:
        'AWS::WAFv2::WebACLAssociation → ResourceArn: !Ref <LoadBalancer>, WebACLArn: !GetAtt <WebACL>.Arn',
      terraform:
        'resource "aws_wafv2_web_acl_association" "alb" {\n  resource_arn = aws_lb.<NAME>.arn\n  web_acl_arn  = aws_wafv2_web_acl.<NAME>.arn\n}',
      url: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
    },
  },
  evaluate: ({ props }) => {
    const acl: unknown = props.WebACLArn;
    if (isUnknown(acl)) return error(`unresolved value at WebACLArn: ${acl.$unknown}`);
    if (typeof acl === 'string' && acl !== '') return pass({ en: `Web ACL ${acl}`, ja: `ウェブ ACL ${acl}` });
    return fail('WebACLArn', {
      en: `No AWS WAF web ACL is associated with Application Load Balancer ${props.LoadBalancerName ?? ''}`,
      ja: `Application Load Balancer ${props.LoadBalancerName ?? ''} に AWS WAF のウェブ ACL が関連付けられていない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { ...alb, WebACLArn: ACL } }, { props: { ...alb, Scheme: 'internal', WebACLArn: ACL } }],
      fail: [{ props: { ...alb, WebACLArn: null } }, { props: { ...alb, Scheme: 'internal', WebACLArn: null } }],
      error: [
        { props: { ...alb } },
        { props: { ...alb, WebACLArn: null }, gaps: { WebACLArn: 'AccessDenied: wafv2:GetWebACLForResource' } },
      ],
      notApplicable: [
        {
          props: {
            ...alb,
            Type: 'network',
            LoadBalancerArn:
              'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/tcp-edge/50dc6c495c0c9188',
            WebACLArn: null,
          },
        },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
${CFN_LB}  WebAcl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: web-prod
  WebAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref WebAlb
      WebACLArn: !GetAtt WebAcl.Arn
`,
      ],
      fail: [`Resources:\n${CFN_LB}`],
      error: [
        `Parameters:
  TargetArn:
    Type: String
Resources:
${CFN_LB}  WebAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref TargetArn
      WebACLArn: ${ACL}
`,
      ],
    },
    terraform: {
      pass: [
        `${TF_LB}
resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "${ACL}"
}
`,
      ],
      fail: [TF_LB],
      error: [
        `variable "target_arn" {
  type = string
}

${TF_LB}
resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = var.target_arn
  web_acl_arn  = "${ACL}"
}
`,
      ],
    },
  },
});
