import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { apiStage, cfnStage, tfMethodSettings, tfStage } from '../lib/edge-fixtures.js';

const LEVELS = ['ERROR', 'INFO'];

export default defineAwsRule({
  id: 'aws-apigateway-stage-execution-logging',
  resourceType: 'aws.apigateway.stage',
  category: 'logging-monitoring',
  severity: 'medium',
  needs: ['methodSettings'],
  fsbp: ['APIGateway.1'],
  text: {
    title: {
      en: 'API Gateway REST API stages have execution logging enabled',
      ja: 'API Gateway の REST API ステージで実行ログが有効になっている',
    },
    description: {
      en: 'Checks that execution logging to CloudWatch Logs is on (logging level ERROR or INFO) for all methods of the stage ("*/*"), and that no method overrides it with OFF.',
      ja: 'ステージのすべてのメソッド（"*/*"）で CloudWatch Logs への実行ログが有効（ログレベル ERROR または INFO）になっており、OFF で上書きしているメソッドがないことを確認する。',
    },
    rationale: {
      en: 'Execution logs show how API Gateway handled each request: authorizer decisions, throttling, integration errors. Without them, abuse of the API and failures behind it leave no trace to investigate.',
      ja: '実行ログには、オーソライザーの判定、スロットリング、統合のエラーなど、API Gateway が各リクエストをどう処理したかが残る。これがないと、API の悪用や背後の障害を調べる手がかりが残らない。',
    },
    remediation: {
      text: {
        en: 'Set the CloudWatch Logs role for API Gateway in the account, then turn on execution logging (ERROR or INFO) for the stage.',
        ja: 'アカウントで API Gateway 用の CloudWatch Logs ロールを設定したうえで、ステージの実行ログ（ERROR または INFO）を有効にする。',
      },
      console: {
        en: 'API Gateway console → APIs → select the API → Stages → select the stage → Logs and tracing → Edit → CloudWatch logs: Errors only (or Errors and info logs) → Save.',
        ja: 'API Gateway コンソール → API → 対象の API を選択 → ステージ → 対象のステージを選択 → ログとトレース → 編集 → CloudWatch ログ: エラーのみ（またはエラーと情報ログ）→ 保存。',
      },
      cli: "aws apigateway update-stage --rest-api-id <API_ID> --stage-name <STAGE> --patch-operations op=replace,path='/*/*/logging/loglevel',value=ERROR",
      cloudformation:
        'AWS::ApiGateway::Stage → MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", LoggingLevel: ERROR }]',
      terraform:
        'resource "aws_api_gateway_method_settings" "all" {\n  method_path = "*/*"\n  settings {\n    logging_level = "ERROR"\n  }\n}',
      url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    },
  },
  evaluate: ({ props }) => {
    const settings = props.methodSettings ?? {};
    for (const [key, s] of Object.entries(settings)) {
      if (isUnknown(s) || isUnknown(s.loggingLevel)) return error(`unresolved value at methodSettings.${key}`);
    }
    const all = settings['*/*'];
    if (all === undefined || !LEVELS.includes(String(all.loggingLevel))) {
      return fail(all === undefined ? 'methodSettings' : 'methodSettings.*/*.loggingLevel', {
        en: `Execution logging is off for stage ${props.stageName ?? ''} (logging level ${all?.loggingLevel ?? 'OFF'})`,
        ja: `ステージ ${props.stageName ?? ''} で実行ログが無効になっている（ログレベル ${all?.loggingLevel ?? 'OFF'}）`,
      });
    }
    const off = Object.entries(settings).filter(([, s]) => !LEVELS.includes(String(s.loggingLevel)));
    if (off.length > 0) {
      return fail(`methodSettings.${off[0]![0]}.loggingLevel`, {
        en: `Method(s) ${off.map(([k]) => k).join(', ')} turn execution logging off`,
        ja: `メソッド ${off.map(([k]) => k).join(', ')} で実行ログが無効になっている`,
      });
    }
    return pass({ en: `Logging level ${all.loggingLevel}`, ja: `ログレベル ${all.loggingLevel}` });
  },
  fixtures: {
    live: {
      pass: [{ props: apiStage() }],
      fail: [
        { props: apiStage({ methodSettings: {} }) },
        {
          props: apiStage({
            methodSettings: {
              '*/*': { ...apiStage().methodSettings['*/*'], loggingLevel: 'INFO' },
              '~1health/GET': { ...apiStage().methodSettings['*/*'], loggingLevel: 'OFF' },
            },
          }),
        },
        {
          props: apiStage({ methodSettings: { '*/*': { ...apiStage().methodSettings['*/*'], loggingLevel: 'OFF' } } }),
        },
      ],
      error: [
        { props: apiStage({ methodSettings: undefined }) },
        { props: apiStage({ methodSettings: { '*/*': { loggingLevel: { $unknown: 'Ref Level' } } } }) },
      ],
    },
    cloudformation: {
      pass: [
        cfnStage(`      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          LoggingLevel: INFO
          MetricsEnabled: true
`),
      ],
      fail: [cfnStage('      TracingEnabled: true\n')],
      error: [
        cfnStage(
          `      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          LoggingLevel: !Ref Level
`,
          '  Level:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [tfStage('', tfMethodSettings('    logging_level   = "ERROR"\n    metrics_enabled = true\n'))],
      fail: [tfStage(''), tfStage('', tfMethodSettings('    logging_level = "OFF"\n'))],
      error: [
        `variable "level" {\n  type = string\n}\n\n${tfStage('', tfMethodSettings('    logging_level = var.level\n'))}`,
      ],
    },
  },
});
