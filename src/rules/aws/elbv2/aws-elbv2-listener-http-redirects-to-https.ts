import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const listener = {
  ListenerArn:
    'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web-prod/50dc6c495c0c9188/f2f7dc8efc522ab2',
  LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-prod/50dc6c495c0c9188',
  Port: 80,
  Protocol: 'HTTP',
};
const redirect = (Protocol: string) => ({
  Type: 'redirect',
  Order: 1,
  RedirectConfig: {
    Protocol,
    Port: '443',
    Host: '#{host}',
    Path: '/#{path}',
    Query: '#{query}',
    StatusCode: 'HTTP_301',
  },
});
const forward = {
  Type: 'forward',
  Order: 1,
  TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067',
};

const CFN_LB = `  WebAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets:
        - subnet-0a1a1a1a1a1a1a1a1
        - subnet-0b2b2b2b2b2b2b2b2
`;
const TF_LB = `resource "aws_lb" "web" {
  name    = "web-prod"
  subnets = ["subnet-0a1a1a1a1a1a1a1a1", "subnet-0b2b2b2b2b2b2b2b2"]
}
`;

const CLOUDFORMATION = {
  pass: [
    `Resources:
${CFN_LB}  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref WebAlb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: '443'
            StatusCode: HTTP_301
`,
  ],
  fail: [
    `Parameters:
  TargetGroup:
    Type: String
Resources:
${CFN_LB}  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref WebAlb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref TargetGroup
`,
  ],
  error: [
    `Parameters:
  RedirectProtocol:
    Type: String
Resources:
${CFN_LB}  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref WebAlb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: !Ref RedirectProtocol
            StatusCode: HTTP_301
`,
  ],
};
const TERRAFORM = {
  pass: [
    `${TF_LB}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`,
  ],
  fail: [
    `${TF_LB}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
`,
  ],
  error: [
    `variable "redirect_protocol" {
  type = string
}

${TF_LB}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = var.redirect_protocol
      status_code = "HTTP_302"
    }
  }
}
`,
  ],
  notApplicable: [
    `${TF_LB}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-elbv2-listener-http-redirects-to-https',
  resourceType: 'aws.elbv2.listener',
  category: 'encryption',
  severity: 'medium',
  appliesTo: { Protocol: 'HTTP' },
  needs: ['DefaultActions'],
  fsbp: ['ELB.1'],
  text: {
    title: {
      en: 'HTTP listeners of Application Load Balancers redirect to HTTPS',
      ja: 'Application Load Balancer の HTTP リスナーが HTTPS にリダイレクトしている',
    },
    description: {
      en: "Checks that a plain HTTP listener's default action redirects requests to HTTPS, rather than forwarding them or answering them in clear text. Listeners on other protocols are not applicable.",
      ja: 'HTTP リスナーのデフォルトアクションが、リクエストを転送したり平文で応答したりせず、HTTPS にリダイレクトしていることを確認する。HTTP 以外のプロトコルのリスナーは該当なしとする。',
    },
    rationale: {
      en: 'Requests served over HTTP travel in clear text: cookies, tokens and form data can be read or altered on the way. Redirecting to HTTPS keeps the convenience of the http:// address while every real exchange is encrypted.',
      ja: 'HTTP で処理されるリクエストは平文で流れ、Cookie、トークン、フォームの内容が途中で読み取られたり改ざんされたりしうる。HTTPS にリダイレクトすれば、http:// のアドレスの利便性を残したまま、実際のやりとりをすべて暗号化できる。',
    },
    remediation: {
      text: {
        en: "Change the HTTP listener's default action to a redirect to HTTPS (port 443, status HTTP_301) and serve the application from an HTTPS listener.",
        ja: 'HTTP リスナーのデフォルトアクションを HTTPS（ポート 443、ステータス HTTP_301）へのリダイレクトに変更し、アプリケーションは HTTPS リスナーで提供する。',
      },
      console: {
        en: 'EC2 console → Load Balancers → select the load balancer → Listeners and rules → select the HTTP:80 listener → Actions → Edit listener → Default action: Redirect to URL → Protocol HTTPS, Port 443, Status code 301 → Save changes.',
        ja: 'EC2 コンソール → ロードバランサー → 対象のロードバランサーを選択 → リスナーとルール → HTTP:80 のリスナーを選択 → アクション → リスナーの編集 → デフォルトアクション: URL にリダイレクト → プロトコル HTTPS、ポート 443、ステータスコード 301 → 変更内容の保存。',
      },
      cli: "aws elbv2 modify-listener --listener-arn <LISTENER_ARN> --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'",
      cloudformation:
        'DefaultActions:\n  - Type: redirect\n    RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }',
      terraform:
        'default_action {\n  type = "redirect"\n  redirect {\n    protocol    = "HTTPS"\n    port        = "443"\n    status_code = "HTTP_301"\n  }\n}',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
    },
  },
  evaluate: ({ props }) => {
    const actions = props.DefaultActions ?? [];
    for (const [i, a] of actions.entries()) {
      if (isUnknown(a) || isUnknown(a.Type) || isUnknown(a.RedirectConfig) || isUnknown(a.RedirectConfig?.Protocol)) {
        return error(`unresolved value at DefaultActions.${i}`);
      }
    }
    const i = actions.findIndex((a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
    if (i !== -1) return pass();
    const kinds = actions.map((a) => a.Type).join(', ') || 'none';
    return fail('DefaultActions', {
      en: `HTTP listener on port ${props.Port ?? '?'} does not redirect to HTTPS (default action: ${kinds})`,
      ja: `ポート ${props.Port ?? '?'} の HTTP リスナーが HTTPS にリダイレクトしていない（デフォルトアクション: ${kinds}）`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { ...listener, DefaultActions: [redirect('HTTPS')] } }],
      fail: [
        { props: { ...listener, DefaultActions: [forward] } },
        // Redirects to another plain-HTTP host.
        { props: { ...listener, DefaultActions: [redirect('HTTP')] } },
        {
          props: {
            ...listener,
            DefaultActions: [
              {
                Type: 'fixed-response',
                FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: 'ok' },
              },
            ],
          },
        },
      ],
      error: [
        { props: { ...listener } },
        {
          props: {
            ...listener,
            DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: { $unknown: 'var.p' } } }],
          },
        },
      ],
      notApplicable: [{ props: { ...listener, Port: 443, Protocol: 'HTTPS', DefaultActions: [forward] } }],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
