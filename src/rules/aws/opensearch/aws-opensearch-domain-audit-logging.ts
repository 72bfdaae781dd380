import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DOMAIN_LIVE, domainCfn, domainTf, ES_PUBLIC_LIVE } from './fixtures.js';

const GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/search/audit';

export default defineAwsRule({
  id: 'aws-opensearch-domain-audit-logging',
  resourceType: 'aws.opensearch.domain',
  category: 'logging-monitoring',
  severity: 'medium',
  fsbp: ['Opensearch.5', 'ES.5'],
  text: {
    title: {
      en: 'OpenSearch domains publish audit logs to CloudWatch Logs',
      ja: 'OpenSearch ドメインで監査ログを CloudWatch Logs に発行している',
    },
    description: {
      en: 'Checks that the domain publishes its audit log to CloudWatch Logs (LogPublishingOptions.AUDIT_LOGS enabled). Audit logs need fine-grained access control on the domain.',
      ja: 'ドメインが監査ログを CloudWatch Logs に発行している（LogPublishingOptions.AUDIT_LOGS が有効）ことを確認する。監査ログにはドメインのきめ細かなアクセスコントロールが必要である。',
    },
    rationale: {
      en: 'Audit logs record authentication failures, index access and changes to security settings. Without them there is no record of who read or deleted which data.',
      ja: '監査ログには認証の失敗、インデックスへのアクセス、セキュリティ設定の変更が記録される。これがないと、誰がどのデータを読み、削除したかの記録が残らない。',
    },
    remediation: {
      text: {
        en: 'Enable fine-grained access control, create a CloudWatch Logs log group with a resource policy for OpenSearch Service, and enable audit log publishing to it.',
        ja: 'きめ細かなアクセスコントロールを有効にし、OpenSearch Service 用のリソースポリシーを設定した CloudWatch Logs のロググループを作成して、監査ログの発行先に指定する。',
      },
      console: {
        en: 'OpenSearch Service console → Domains → select the domain → Logs tab → Audit logs → Enable → choose or create a log group → Enable.',
        ja: 'OpenSearch Service コンソール → ドメイン → 対象のドメインを選択 → ログ タブ → 監査ログ → 有効化 → ロググループを選択または作成 → 有効化。',
      },
      cli: "aws opensearch update-domain-config --domain-name <DOMAIN> \\\n  --log-publishing-options 'AUDIT_LOGS={CloudWatchLogsLogGroupArn=<LOG_GROUP_ARN>,Enabled=true}'",
      cloudformation:
        'Type: AWS::OpenSearchService::Domain\nProperties:\n  LogPublishingOptions:\n    AUDIT_LOGS:\n      CloudWatchLogsLogGroupArn: <LOG_GROUP_ARN>\n      Enabled: true',
      terraform:
        'resource "aws_opensearch_domain" "this" {\n  log_publishing_options {\n    log_type                 = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn\n  }\n}',
      url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
    },
  },
  evaluate: ({ props }) => {
    const opts = props.LogPublishingOptions as unknown;
    if (isUnknown(opts)) return error(`unresolved value at LogPublishingOptions: ${opts.$unknown}`);
    const audit = (opts as Record<string, { Enabled?: unknown }> | undefined)?.AUDIT_LOGS;
    if (isUnknown(audit) || isUnknown(audit?.Enabled))
      return error('unresolved value at LogPublishingOptions.AUDIT_LOGS');
    return audit?.Enabled === true
      ? pass()
      : fail(audit ? 'LogPublishingOptions.AUDIT_LOGS.Enabled' : 'LogPublishingOptions', {
          en: `Domain ${props.DomainName ?? ''} does not publish audit logs`,
          ja: `ドメイン ${props.DomainName ?? ''} が監査ログを発行していない`,
        });
  },
  fixtures: {
    live: {
      pass: [{ props: DOMAIN_LIVE }],
      fail: [
        { props: ES_PUBLIC_LIVE },
        {
          props: {
            ...DOMAIN_LIVE,
            LogPublishingOptions: { AUDIT_LOGS: { CloudWatchLogsLogGroupArn: GROUP, Enabled: false } },
          },
        },
      ],
      error: [
        { props: { ...DOMAIN_LIVE, LogPublishingOptions: { AUDIT_LOGS: { Enabled: { $unknown: 'var.audit' } } } } },
      ],
    },
    cloudformation: {
      pass: [
        domainCfn([
          'LogPublishingOptions:',
          '  AUDIT_LOGS:',
          `    CloudWatchLogsLogGroupArn: ${GROUP}`,
          '    Enabled: true',
        ]),
      ],
      fail: [
        domainCfn([]),
        domainCfn([
          'LogPublishingOptions:',
          '  ES_APPLICATION_LOGS:',
          `    CloudWatchLogsLogGroupArn: ${GROUP}`,
          '    Enabled: true',
        ]),
      ],
      error: [
        domainCfn(
          [
            'LogPublishingOptions:',
            '  AUDIT_LOGS:',
            `    CloudWatchLogsLogGroupArn: ${GROUP}`,
            '    Enabled: !Ref Setting',
          ],
          ['Setting'],
        ),
      ],
    },
    terraform: {
      pass: [
        domainTf([
          'log_publishing_options {',
          '  log_type                 = "AUDIT_LOGS"',
          `  cloudwatch_log_group_arn = "${GROUP}"`,
          '}',
        ]),
      ],
      fail: [
        domainTf([]),
        domainTf([
          'log_publishing_options {',
          '  log_type                 = "AUDIT_LOGS"',
          `  cloudwatch_log_group_arn = "${GROUP}"`,
          '  enabled                  = false',
          '}',
        ]),
      ],
      error: [
        domainTf(
          [
            'log_publishing_options {',
            '  log_type                 = "AUDIT_LOGS"',
            `  cloudwatch_log_group_arn = "${GROUP}"`,
            '  enabled                  = var.audit',
            '}',
          ],
          ['audit'],
        ),
      ],
    },
  },
});
