import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const listener = {
  ListenerArn:
    'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web-prod/50dc6c495c0c9188/0467ef3c8400ae65',
  LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-prod/50dc6c495c0c9188',
  Port: 443,
  Protocol: 'HTTPS',
  Certificates: [
    { CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab' },
  ],
  DefaultActions: [
    {
      Type: 'forward',
      Order: 1,
      TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067',
    },
  ],
};

/**
 * The lowest TLS version a predefined ELB security policy accepts, read from its name: TLS13-1-2-… and TLS-1-2-…
 * and FS-1-2-… start at TLS 1.2; the older policies (2016-08, 2015-05, FS-2018-06, TLS-1-0/1-1, TLS13-1-0/1-1)
 * still accept TLS 1.0 or 1.1. undefined for a name the rule does not know.
 */
function policyMinTls(name: string): number | undefined {
  const n = name.replace(/^ELBSecurityPolicy-/, '');
  const m = /^(?:TLS13-|TLS-|FS-)1-([0-3])(?:-|$)/.exec(n);
  if (m) return Number(`1.${m[1]}`);
  if (/^(2016-08|2015-05|2015-03|2015-02|FS-2018-06|TLS-1-0-2015-04)$/.test(n)) return 1.0;
  return undefined;
}

const CFN_LB = `  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
`;
const cfnListener = (policy: string) => `Resources:
${CFN_LB}  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref WebAlb
      Port: 443
      Protocol: HTTPS
${policy}      Certificates:
        - CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig:
            StatusCode: '404'
`;
const tfListener = (policy: string) => `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
${policy}  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
`;

export default defineAwsRule({
  id: 'aws-elbv2-listener-tls-policy',
  resourceType: 'aws.elbv2.listener',
  category: 'encryption',
  severity: 'medium',
  appliesTo: { Protocol: ['HTTPS', 'TLS'] },
  needs: ['SslPolicy'],
  /** The lowest TLS version a listener may accept. */
  params: { minTlsVersion: '1.2' },
  fsbp: ['ELB.17'],
  text: {
    title: {
      en: 'HTTPS and TLS listeners use a security policy that requires TLS 1.2 or later',
      ja: 'HTTPS・TLS リスナーで TLS 1.2 以上を必須とするセキュリティポリシーを使っている',
    },
    description: {
      en: 'Checks that the security policy of an HTTPS (Application Load Balancer) or TLS (Network Load Balancer) listener accepts no protocol older than TLS 1.2 (a parameter), judged from the predefined policy name, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06.',
      ja: 'HTTPS（Application Load Balancer）または TLS（Network Load Balancer）リスナーのセキュリティポリシーが、TLS 1.2（パラメータ）より古いプロトコルを受け付けないことを、定義済みポリシー名（例: ELBSecurityPolicy-TLS13-1-2-2021-06）から判定する。',
    },
    rationale: {
      en: 'TLS 1.0 and 1.1 rely on outdated constructions and cipher suites and are no longer accepted by current compliance baselines. Policies that still offer them let a client, or an attacker in the middle, negotiate the weaker protocol.',
      ja: 'TLS 1.0 と 1.1 は古い構成と暗号スイートに依存しており、現在のコンプライアンス基準では認められない。これらを残したポリシーでは、クライアントや中間者が弱いプロトコルを選んでネゴシエートできてしまう。',
    },
    remediation: {
      text: {
        en: 'Switch the listener to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06 (or a TLS13-1-3 policy where all clients support TLS 1.3).',
        ja: 'リスナーのポリシーを ELBSecurityPolicy-TLS13-1-2-2021-06 などの TLS 1.2 以上のもの（全クライアントが TLS 1.3 に対応していれば TLS13-1-3 のもの）に変更する。',
      },
      console: {
        en: 'EC2 console → Load Balancers → select the load balancer → Listeners and rules → select the HTTPS/TLS listener → Actions → Edit listener → Security policy → choose ELBSecurityPolicy-TLS13-1-2-2021-06 → Save changes.',
        ja: 'EC2 コンソール → ロードバランサー → 対象のロードバランサーを選択 → リスナーとルール → HTTPS/TLS のリスナーを選択 → アクション → リスナーの編集 → セキュリティポリシー → ELBSecurityPolicy-TLS13-1-2-2021-06 を選択 → 変更内容の保存。',
      },
      cli: 'aws elbv2 modify-listener --listener-arn <LISTENER_ARN> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06',
      cloudformation: 'AWS::ElasticLoadBalancingV2::Listener → SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06',
      terraform: 'resource "aws_lb_listener" → ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
    },
  },
  evaluate: ({ props, params }) => {
    const min = Number(params.minTlsVersion);
    if (!(min >= 1 && min <= 1.3)) return error(`invalid parameter minTlsVersion: ${params.minTlsVersion}`);
    const policy = String(props.SslPolicy);
    const lowest = policyMinTls(policy);
    if (lowest === undefined)
      return error(`unrecognised security policy ${policy}: its TLS versions are not known to the rule`);
    if (lowest >= min) return pass({ en: `Security policy ${policy}`, ja: `セキュリティポリシー ${policy}` });
    return fail('SslPolicy', {
      en: `${props.Protocol} listener on port ${props.Port ?? '?'} uses ${policy}, which accepts TLS ${lowest.toFixed(1)}`,
      ja: `ポート ${props.Port ?? '?'} の ${props.Protocol} リスナーが TLS ${lowest.toFixed(1)} を受け付ける ${policy} を使っている`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } },
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-TLS13-1-3-2021-06' } },
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10' } },
        { props: { ...listener, Protocol: 'TLS', Port: 8443, SslPolicy: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06' } },
      ],
      fail: [
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-2016-08' } },
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' } },
        { props: { ...listener, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }, params: { minTlsVersion: '1.3' } },
      ],
      error: [
        { props: { ...listener } },
        { props: { ...listener, SslPolicy: 'MyCustomPolicy' } },
        { props: { ...listener, SslPolicy: { $unknown: 'SslPolicy not set' } } },
      ],
      notApplicable: [{ props: { ...listener, Protocol: 'HTTP', Port: 80 } }],
    },
    cloudformation: {
      pass: [cfnListener('      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n')],
      fail: [cfnListener('      SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01\n')],
      // Without SslPolicy the AWS default policy applies, which the template does not show.
      error: [cfnListener('')],
    },
    terraform: {
      pass: [tfListener('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-3-2021-06"\n')],
      fail: [tfListener('  ssl_policy        = "ELBSecurityPolicy-2016-08"\n')],
      error: [tfListener('')],
    },
  },
});
