import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { apiStage, cfnStage, tfStage } from '../lib/edge-fixtures.js';

const ACL = 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222';
const CFN_ACL = `  ApiAcl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: api
`;

export default defineAwsRule({
  id: 'aws-apigateway-stage-waf-associated',
  resourceType: 'aws.apigateway.stage',
  category: 'network',
  severity: 'medium',
  fsbp: ['APIGateway.4'],
  text: {
    title: {
      en: 'API Gateway REST API stages are associated with an AWS WAF web ACL',
      ja: 'API Gateway の REST API ステージに AWS WAF のウェブ ACL が関連付けられている',
    },
    description: {
      en: 'Checks that an AWS WAF (WAFv2) web ACL is associated with the stage (webAclArn).',
      ja: 'ステージに AWS WAF（WAFv2）のウェブ ACL が関連付けられている（webAclArn）ことを確認する。',
    },
    rationale: {
      en: 'An API is as exposed as a web site: injection attempts, credential stuffing and request floods hit it directly. A web ACL filters them before they reach the integration and lets rate-based rules protect the backend.',
      ja: 'API は Web サイトと同じように公開されており、インジェクションの試み、クレデンシャルスタッフィング、大量のリクエストを直接受ける。ウェブ ACL はこれらを統合先に届く前にフィルタリングし、レートベースのルールでバックエンドを保護できる。',
    },
    remediation: {
      text: {
        en: 'Create a regional web ACL and associate it with the stage.',
        ja: 'リージョナルのウェブ ACL を作成し、ステージに関連付ける。',
      },
      console: {
        en: 'WAF & Shield console → Web ACLs → select the region → choose the web ACL → Associated AWS resources tab → Add AWS resources → Amazon API Gateway REST API → select the API and stage → Add.',
        ja: 'WAF & Shield コンソール → Web ACLs → リージョンを選択 → 対象のウェブ ACL を選択 → 関連付けられた AWS リソース タブ → AWS リソースを追加 → Amazon API Gateway REST API → API とステージを選択 → 追加。',
      },
      cli: 'aws wafv2 associate-web-acl --web-acl-arn <WEB_ACL_ARN> --resource-arn arn:aws:apigateway:<REGION>::/restapis/<API_ID>/stages/<STAGE>',
      cloudformation:
        'AWS::WAFv2::WebACLAssociation → ResourceArn: arn:aws:apigateway:<REGION>::/restapis/<API_ID>/stages/<STAGE>, WebACLArn: !GetAtt <WebACL>.Arn',
      terraform:
        'resource "aws_wafv2_web_acl_association" "api" {\n  resource_arn = aws_api_gateway_stage.<NAME>.arn\n  web_acl_arn  = aws_wafv2_web_acl.<NAME>.arn\n}',
      url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
    },
  },
  evaluate: ({ props }) => {
    const acl: unknown = props.webAclArn;
    if (isUnknown(acl)) return error(`unresolved value at webAclArn: ${acl.$unknown}`);
    if (typeof acl === 'string' && acl !== '') return pass({ en: `Web ACL ${acl}`, ja: `ウェブ ACL ${acl}` });
    return fail('webAclArn', {
      en: `No AWS WAF web ACL is associated with stage ${props.stageName ?? ''}`,
      ja: `ステージ ${props.stageName ?? ''} に AWS WAF のウェブ ACL が関連付けられていない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: apiStage() }],
      fail: [{ props: apiStage({ webAclArn: undefined }) }],
      error: [{ props: apiStage({ webAclArn: { $unknown: 'association target unresolved' } }) }],
    },
    cloudformation: {
      pass: [
        cfnStage('')
          .replace(
            'Resources:\n',
            `Resources:\n${CFN_ACL}  ApiAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod
      WebACLArn: !GetAtt ApiAcl.Arn
`,
          )
          .replace('      RestApiId: !Ref Api\n      DeploymentId', '      RestApiId: a1b2c3d4e5\n      DeploymentId'),
        // The usual form: the stage ARN built with !Sub from the region and the API's reference.
        cfnStage('').replace(
          'Resources:\n',
          `Resources:\n${CFN_ACL}  ApiAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod
      WebACLArn: !GetAtt ApiAcl.Arn
`,
        ),
      ],
      fail: [cfnStage('')],
      error: [
        // The stage ARN comes from a parameter without a default: the association may or may not be this stage's.
        `Parameters:\n  StageArn:\n    Type: String\n${cfnStage('').replace(
          'Resources:\n',
          `Resources:\n${CFN_ACL}  ApiAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref StageArn
      WebACLArn: !GetAtt ApiAcl.Arn
`,
        )}`,
      ],
    },
    terraform: {
      pass: [
        tfStage(
          '',
          `
resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = "${ACL}"
}
`,
        ),
      ],
      fail: [tfStage('')],
      error: [
        `variable "stage_arn" {\n  type = string\n}\n\n${tfStage(
          '',
          `
resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = var.stage_arn
  web_acl_arn  = "${ACL}"
}
`,
        )}`,
      ],
    },
  },
});
