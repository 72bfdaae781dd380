import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { apiStage, cfnStage, tfStage } from '../lib/edge-fixtures.js';

export default defineAwsRule({
  id: 'aws-apigateway-stage-xray-tracing',
  resourceType: 'aws.apigateway.stage',
  category: 'logging-monitoring',
  severity: 'low',
  needs: ['tracingEnabled'],
  fsbp: ['APIGateway.3'],
  text: {
    title: {
      en: 'API Gateway REST API stages have AWS X-Ray tracing enabled',
      ja: 'API Gateway の REST API ステージで AWS X-Ray トレースが有効になっている',
    },
    description: {
      en: 'Checks that X-Ray active tracing is enabled on the stage (tracingEnabled).',
      ja: 'ステージで X-Ray のアクティブトレースが有効（tracingEnabled）になっていることを確認する。',
    },
    rationale: {
      en: 'Traces follow a request from the API through its integrations, showing where latency and errors arise. During an incident they tell whether a failure or an unusual call pattern comes from the API layer or from the services behind it.',
      ja: 'トレースはリクエストを API から統合先まで追跡し、遅延やエラーの発生箇所を示す。インシデント時には、障害や通常と異なる呼び出しパターンが API 層から来ているのか背後のサービスから来ているのかを判断できる。',
    },
    remediation: {
      text: { en: 'Turn on X-Ray tracing for the stage.', ja: 'ステージの X-Ray トレースを有効にする。' },
      console: {
        en: 'API Gateway console → APIs → select the API → Stages → select the stage → Logs and tracing → Edit → X-Ray tracing: on → Save.',
        ja: 'API Gateway コンソール → API → 対象の API を選択 → ステージ → 対象のステージを選択 → ログとトレース → 編集 → X-Ray トレース: オン → 保存。',
      },
      cli: 'aws apigateway update-stage --rest-api-id <API_ID> --stage-name <STAGE> --patch-operations op=replace,path=/tracingEnabled,value=true',
      cloudformation: 'AWS::ApiGateway::Stage → TracingEnabled: true',
      terraform: 'resource "aws_api_gateway_stage" → xray_tracing_enabled = true',
      url: 'https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html',
    },
  },
  evaluate: ({ props }) =>
    props.tracingEnabled === true
      ? pass()
      : fail('tracingEnabled', {
          en: `X-Ray tracing is off for stage ${props.stageName ?? ''}`,
          ja: `ステージ ${props.stageName ?? ''} で X-Ray トレースが無効になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: apiStage() }],
      fail: [{ props: apiStage({ tracingEnabled: false }) }],
      error: [
        { props: apiStage({ tracingEnabled: undefined }) },
        { props: apiStage({ tracingEnabled: { $unknown: 'Ref Trace' } }) },
      ],
    },
    cloudformation: {
      pass: [cfnStage('      TracingEnabled: true\n')],
      fail: [cfnStage('      Description: production\n')],
      error: [cfnStage('      TracingEnabled: !Ref Trace\n', '  Trace:\n    Type: String\n')],
    },
    terraform: {
      pass: [tfStage('  xray_tracing_enabled = true\n')],
      fail: [tfStage('  xray_tracing_enabled = false\n')],
      error: [`variable "trace" {\n  type = bool\n}\n\n${tfStage('  xray_tracing_enabled = var.trace\n')}`],
    },
  },
});
