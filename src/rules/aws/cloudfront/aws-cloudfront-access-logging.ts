import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnDistribution, distribution, tfDistribution } from '../lib/edge-fixtures.js';

const off = { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' };

export default defineAwsRule({
  id: 'aws-cloudfront-access-logging',
  resourceType: 'aws.cloudfront.distribution',
  category: 'logging-monitoring',
  severity: 'medium',
  needs: ['DistributionConfig.Logging.Enabled'],
  fsbp: ['CloudFront.5'],
  text: {
    title: {
      en: 'CloudFront distributions have standard logging enabled',
      ja: 'CloudFront ディストリビューションで標準ログが有効になっている',
    },
    description: {
      en: "Checks that standard logging (access logs to an S3 bucket, the distribution's Logging setting) is enabled. Logs delivered only through the newer CloudWatch Logs delivery are not part of the distribution configuration and are not seen by this check.",
      ja: '標準ログ（S3 バケットへのアクセスログ、ディストリビューションの Logging 設定）が有効になっていることを確認する。CloudWatch Logs 経由の新しいログ配信だけを使っている場合は、ディストリビューション設定に現れないためこのチェックでは検出できない。',
    },
    rationale: {
      en: 'The edge is where attacks on a web application first show: scanning, credential stuffing, cache poisoning attempts. Access logs with client IPs, URIs and status codes are needed to investigate them and to tune the WAF.',
      ja: 'Web アプリケーションへの攻撃（スキャン、クレデンシャルスタッフィング、キャッシュポイズニングの試み）は最初にエッジに現れる。クライアント IP、URI、ステータスコードを含むアクセスログは、その調査と WAF の調整に必要になる。',
    },
    remediation: {
      text: {
        en: 'Turn on standard logging to an S3 bucket (with ACLs enabled for the log delivery) or configure log delivery for the distribution.',
        ja: '標準ログを S3 バケット（ログ配信のため ACL を有効にしたもの）に出力するよう設定するか、ディストリビューションのログ配信を設定する。',
      },
      console: {
        en: 'CloudFront console → Distributions → select the distribution → Logging tab (or General → Settings → Edit) → Standard logging: On → choose the S3 bucket and prefix → Save changes.',
        ja: 'CloudFront コンソール → ディストリビューション → 対象のディストリビューションを選択 → ログ記録 タブ（または 一般 → 設定 → 編集）→ 標準ログ記録: オン → S3 バケットとプレフィックスを選択 → 変更を保存。',
      },
      cli: 'aws cloudfront get-distribution-config --id <DISTRIBUTION_ID> > dist.json\n# set Logging: {Enabled: true, IncludeCookies: false, Bucket: "<LOG_BUCKET>.s3.amazonaws.com", Prefix: "<PREFIX>"}\naws cloudfront update-distribution --id <DISTRIBUTION_ID> --if-match <ETAG> --distribution-config file://dist-config.json',
      cloudformation: 'DistributionConfig → Logging: { Bucket: <LOG_BUCKET>.s3.amazonaws.com, Prefix: <PREFIX> }',
      terraform: 'logging_config {\n  bucket = "<LOG_BUCKET>.s3.amazonaws.com"\n  prefix = "<PREFIX>"\n}',
      url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
    },
  },
  evaluate: ({ props }) => {
    const logging = props.DistributionConfig!.Logging!;
    if (logging.Enabled === true) {
      return pass({ en: `Logs go to ${logging.Bucket ?? 'S3'}`, ja: `ログの出力先は ${logging.Bucket ?? 'S3'}` });
    }
    return fail('DistributionConfig.Logging', {
      en: `Standard logging is off on distribution ${props.Id ?? ''}`,
      ja: `ディストリビューション ${props.Id ?? ''} で標準ログが無効になっている`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: distribution() }],
      fail: [{ props: distribution({ Logging: off }) }],
      error: [
        { props: { Id: 'E1A2B3C4D5E6F7' } },
        { props: distribution({ Logging: { Enabled: { $unknown: 'Fn::If' } } }) },
      ],
    },
    cloudformation: {
      pass: [
        cfnDistribution(`        Logging:
          Bucket: cf-logs-111122223333.s3.amazonaws.com
          Prefix: web/
`),
      ],
      fail: [cfnDistribution('')],
      error: [
        `Parameters:\n  LoggingConfig:\n    Type: String\n${cfnDistribution('        Logging: !Ref LoggingConfig\n')}`,
      ],
    },
    terraform: {
      pass: [
        tfDistribution(`  logging_config {
    bucket = "cf-logs-111122223333.s3.amazonaws.com"
    prefix = "web/"
  }
`),
      ],
      fail: [tfDistribution('')],
    },
  },
});
