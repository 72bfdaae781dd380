import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnDistribution, distribution, tfDistribution } from '../lib/edge-fixtures.js';

const ACL = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

export default defineAwsRule({
  id: 'aws-cloudfront-waf-associated',
  resourceType: 'aws.cloudfront.distribution',
  category: 'network',
  severity: 'medium',
  needs: ['DistributionConfig.WebACLId'],
  fsbp: ['CloudFront.6'],
  text: {
    title: {
      en: 'CloudFront distributions are associated with an AWS WAF web ACL',
      ja: 'CloudFront ディストリビューションに AWS WAF のウェブ ACL が関連付けられている',
    },
    description: {
      en: "Checks that the distribution's WebACLId names an AWS WAF web ACL (WAFv2 ARN or WAF Classic id).",
      ja: 'ディストリビューションの WebACLId に AWS WAF のウェブ ACL（WAFv2 の ARN または WAF Classic の ID）が設定されていることを確認する。',
    },
    rationale: {
      en: 'A web ACL at the edge stops common exploits, bad bots and request floods before they reach the origin, close to where they come from, and protects every origin behind the distribution at once.',
      ja: 'エッジのウェブ ACL は、一般的な攻撃、悪性ボット、大量のリクエストを発生源に近い場所でオリジンに届く前に止め、ディストリビューションの背後のオリジンすべてをまとめて保護する。',
    },
    remediation: {
      text: {
        en: 'Create a web ACL with CloudFront scope (in us-east-1) and associate it with the distribution.',
        ja: 'CloudFront スコープ（us-east-1）のウェブ ACL を作成し、ディストリビューションに関連付ける。',
      },
      console: {
        en: 'CloudFront console → Distributions → select the distribution → Security tab → Web Application Firewall (WAF) → Edit → Enable AWS WAF protections (or choose an existing web ACL) → Save changes.',
        ja: 'CloudFront コンソール → ディストリビューション → 対象のディストリビューションを選択 → セキュリティ タブ → ウェブアプリケーションファイアウォール (WAF) → 編集 → AWS WAF の保護を有効化（または既存のウェブ ACL を選択）→ 変更を保存。',
      },
      cli: 'aws cloudfront get-distribution-config --id <DISTRIBUTION_ID> > dist.json\n# set WebACLId to the web ACL ARN\naws cloudfront update-distribution --id <DISTRIBUTION_ID> --if-match <ETAG> --distribution-config file://dist-config.json',
      cloudformation: 'DistributionConfig → WebACLId: !GetAtt <WebACL>.Arn',
      terraform: 'resource "aws_cloudfront_distribution" → web_acl_id = aws_wafv2_web_acl.<NAME>.arn',
      url: 'https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html',
    },
  },
  evaluate: ({ props }) => {
    const acl = props.DistributionConfig!.WebACLId;
    if (typeof acl === 'string' && acl !== '') return pass({ en: `Web ACL ${acl}`, ja: `ウェブ ACL ${acl}` });
    return fail('DistributionConfig.WebACLId', {
      en: `No AWS WAF web ACL is associated with distribution ${props.Id ?? ''}`,
      ja: `ディストリビューション ${props.Id ?? ''} に AWS WAF のウェブ ACL が関連付けられていない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: distribution() }, { props: distribution({ WebACLId: '473e64fd-f30b-4765-81a0-62ad96dd167a' }) }],
      fail: [{ props: distribution({ WebACLId: '' }) }],
      error: [{ props: { Id: 'E1A2B3C4D5E6F7' } }, { props: distribution({ WebACLId: { $unknown: 'Ref WebAcl' } }) }],
    },
    cloudformation: {
      pass: [cfnDistribution(`        WebACLId: ${ACL}\n`)],
      fail: [cfnDistribution('')],
      error: [`Parameters:\n  WebAclArn:\n    Type: String\n${cfnDistribution('        WebACLId: !Ref WebAclArn\n')}`],
    },
    terraform: {
      pass: [tfDistribution(`  web_acl_id = "${ACL}"\n`)],
      fail: [tfDistribution('')],
      error: [`variable "web_acl_arn" {\n  type = string\n}\n\n${tfDistribution('  web_acl_id = var.web_acl_arn\n')}`],
    },
  },
});
