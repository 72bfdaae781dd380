import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE, esDomainTf } from './fixtures.js';

const GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/search/application';
const withLogs = (logs: Record<string, unknown>) => ({ ...DOMAIN_LIVE, LogPublishingOptions: logs });

export default defineAwsRule({
  id: 'aws-opensearch-domain-error-logging',
  resourceType: 'aws.opensearch.domain',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['Opensearch.4', 'ES.4'],
  text: {
    title: {
      en: 'OpenSearch domains publish error logs to CloudWatch Logs',
      ja: 'OpenSearch ドメインでエラーログを CloudWatch Logs に発行している',
    },
    description: {
      en: 'Checks that the domain publishes its application (error) logs to CloudWatch Logs (LogPublishingOptions.ES_APPLICATION_LOGS enabled).',
      ja: 'ドメインがアプリケーション（エラー）ログを CloudWatch Logs に発行している（LogPublishingOptions.ES_APPLICATION_LOGS が有効）ことを確認する。',
    },
    rationale: {
      en: 'Error logs show failing queries, shard and plugin errors and rejected requests. Without them, availability problems and misuse that surfaces as errors cannot be diagnosed after the fact.',
      ja: 'エラーログには、失敗したクエリ、シャードやプラグインのエラー、拒否されたリクエストが記録される。これがないと、可用性の問題やエラーとして表れた不正利用を事後に調べられない。',
    },
    remediation: {
      text: {
        en: 'Create a CloudWatch Logs log group with a resource policy for OpenSearch Service and enable error log publishing to it.',
        ja: 'OpenSearch Service 用のリソースポリシーを設定した CloudWatch Logs のロググループを作成し、エラーログの発行先に指定する。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Logs tab → Error logs → Enable → choose or create a log group → Enable.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → ログ タブ → エラーログ → 有効化 → ロググループを選択または作成 → 有効化。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> \\\n  --log-publishing-options 'ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<LOG_GROUP_ARN>,Enabled=true}'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  LogPublishingOptions:\n    ES_APPLICATION_LOGS:\n      CloudWatchLogsLogGroupArn: <LOG_GROUP_ARN>\n      Enabled: true',
      terraform:
        'resource "aws_opensearch_domain" "this" {\n  log_publishing_options {\n    log_type                 = "ES_APPLICATION_LOGS"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
    },
  },
  evaluate: ({ props }) => {
    const opts = props.LogPublishingOptions as unknown;
    if (isUnknown(opts)) return error(`unresolved value at LogPublishingOptions: ${opts.$unknown}`);
    const app = (opts as Record<string, { Enabled?: unknown }> | undefined)?.ES_APPLICATION_LOGS;
    if (isUnknown(app) || isUnknown(app?.Enabled)) {
      return error('unresolved value at LogPublishingOptions.ES_APPLICATION_LOGS');
    }
    return app?.Enabled === true
      ? pass()
      : fail(app ? 'LogPublishingOptions.ES_APPLICATION_LOGS.Enabled' : 'LogPublishingOptions', {
          en: `Domain ${props.DomainName ?? ''} does not publish error logs`,
          ja: `ドメイン ${props.DomainName ?? ''} がエラーログを発行していない`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: withLogs({
            ...DOMAIN_LIVE.LogPublishingOptions,
            ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: GROUP, Enabled: true },
          }),
        },
      ],
      fail: [{ props: DOMAIN_LIVE }, { props: ES_PUBLIC_LIVE }],
      error: [{ props: withLogs({ ES_APPLICATION_LOGS: { $unknown: 'var.logs' } }) }],
    },
    cloudformation: {
      pass: [
        domainCfn([
          'LogPublishingOptions:',
          '  ES_APPLICATION_LOGS:',
          `    CloudWatchLogsLogGroupArn: ${GROUP}`,
          '    Enabled: true',
        ]),
      ],
      fail: [domainCfn([])],
      error: [domainCfn(['LogPublishingOptions: !Ref Setting'], ['Setting'])],
    },
    terraform: {
      pass: [
        domainTf([
          'log_publishing_options {',
          '  log_type                 = "ES_APPLICATION_LOGS"',
          `  cloudwatch_log_group_arn = "${GROUP}"`,
          '}',
        ]),
      ],
      fail: [domainTf([]), esDomainTf([])],
      error: [
        domainTf(
          [
            'log_publishing_options {',
            '  log_type                 = "ES_APPLICATION_LOGS"',
            `  cloudwatch_log_group_arn = "${GROUP}"`,
            '  enabled                  = var.logs',
            '}',
          ],
          ['logs'],
        ),
      ],
    },
  },
});
