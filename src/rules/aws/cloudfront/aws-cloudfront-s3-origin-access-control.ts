import { isUnknown } from '../../../core/resource.js';
import { error, fail, notApplicable, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { CUSTOM_ORIGIN, cfnDistribution, distribution, S3_ORIGIN, tfDistribution } from '../lib/edge-fixtures.js';

export default defineAwsRule({
  id: 'aws-cloudfront-s3-origin-access-control',
  resourceType: 'aws.cloudfront.distribution',
  category: 'identity',
  severity: 'medium',
  needs: ['DistributionConfig.Origins'],
  fsbp: ['CloudFront.13'],
  text: {
    title: {
      en: 'CloudFront distributions reach S3 origins through origin access control',
      ja: 'CloudFront ディストリビューションが S3 オリジンにオリジンアクセスコントロール経由でアクセスしている',
    },
    description: {
      en: 'Checks that every S3 bucket origin (S3OriginConfig) of the distribution has an origin access control (OAC). An origin that relies on a legacy origin access identity (OAI), or on neither, fails. Distributions without S3 origins are not applicable.',
      ja: 'ディストリビューションの S3 バケットオリジン（S3OriginConfig）すべてにオリジンアクセスコントロール（OAC）が設定されていることを確認する。旧来のオリジンアクセスアイデンティティ（OAI）に頼るもの、どちらもないものは違反とする。S3 オリジンのないディストリビューションは該当なしとする。',
    },
    rationale: {
      en: 'Without OAC the bucket must be readable by CloudFront anonymously, which usually means public, so the content can be fetched around the CDN and its WAF. OAC signs every request with SigV4, lets the bucket policy admit only this distribution and supports SSE-KMS buckets, which OAI does not.',
      ja: 'OAC がないと、バケットを CloudFront から匿名で読めるように（多くの場合は公開）する必要があり、CDN と WAF を迂回して内容を取得されうる。OAC はすべてのリクエストに SigV4 で署名し、バケットポリシーでこのディストリビューションだけを許可でき、OAI ではできない SSE-KMS のバケットにも対応する。',
    },
    remediation: {
      text: {
        en: 'Create an origin access control, attach it to the S3 origin, allow only this distribution in the bucket policy (aws:SourceArn), then remove any OAI and public access.',
        ja: 'オリジンアクセスコントロールを作成して S3 オリジンに設定し、バケットポリシーでこのディストリビューション（aws:SourceArn）だけを許可したうえで、OAI と公開アクセスを取り除く。',
      },
      console: {
        en: 'CloudFront console → Distributions → select the distribution → Origins tab → select the S3 origin → Edit → Origin access: Origin access control settings (recommended) → Create control setting or choose one → Save changes → copy the suggested bucket policy to the S3 bucket.',
        ja: 'CloudFront コンソール → ディストリビューション → 対象のディストリビューションを選択 → オリジン タブ → S3 オリジンを選択 → 編集 → オリジンアクセス: Origin access control settings (recommended) → コントロール設定を作成または選択 → 変更を保存 → 表示されたバケットポリシーを S3 バケットに設定する。',
      },
      cli: 'aws cloudfront create-origin-access-control --origin-access-control-config Name=<NAME>,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3\naws cloudfront get-distribution-config --id <DISTRIBUTION_ID> > dist.json\n# set Origins.Items[].OriginAccessControlId and S3OriginConfig.OriginAccessIdentity ""\naws cloudfront update-distribution --id <DISTRIBUTION_ID> --if-match <ETAG> --distribution-config file://dist-config.json',
      cloudformation:
        "Origins[] → OriginAccessControlId: !GetAtt <OAC>.Id, S3OriginConfig: { OriginAccessIdentity: '' }",
      terraform: 'origin { origin_access_control_id = aws_cloudfront_origin_access_control.<NAME>.id }',
      url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    },
  },
  evaluate: ({ props }) => {
    const origins: unknown = props.DistributionConfig!.Origins!.Items;
    if (isUnknown(origins)) return error('unresolved value at DistributionConfig.Origins.Items');
    const items = props.DistributionConfig!.Origins!.Items ?? [];
    let s3 = 0;
    const bad: Array<{ path: string; id: string; oai: boolean }> = [];
    for (const [i, o] of items.entries()) {
      const path = `DistributionConfig.Origins.Items.${i}`;
      if (isUnknown(o)) return error(`unresolved value at ${path}`);
      if (o.S3OriginConfig === undefined) continue;
      s3++;
      const oac: unknown = o.OriginAccessControlId;
      if (isUnknown(oac) || isUnknown(o.S3OriginConfig)) return error(`unresolved value at ${path}`);
      if (typeof oac === 'string' && oac !== '') continue;
      const oai = o.S3OriginConfig.OriginAccessIdentity;
      bad.push({ path, id: String(o.Id), oai: typeof oai === 'string' && oai !== '' });
    }
    if (s3 === 0) return notApplicable();
    if (bad.length === 0) return pass();
    const list = bad.map((b) => `${b.id}${b.oai ? ' (OAI)' : ''}`).join(', ');
    return fail(bad[0]!.path, {
      en: `S3 origin(s) without origin access control: ${list}`,
      ja: `オリジンアクセスコントロールのない S3 オリジンがある: ${list}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: distribution() },
        { props: distribution({ Origins: { Quantity: 2, Items: [S3_ORIGIN, CUSTOM_ORIGIN] } }) },
      ],
      fail: [
        {
          props: distribution({
            Origins: {
              Quantity: 1,
              Items: [
                {
                  ...S3_ORIGIN,
                  S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E127EXAMPLE51Z' },
                  OriginAccessControlId: '',
                },
              ],
            },
          }),
        },
        { props: distribution({ Origins: { Quantity: 1, Items: [{ ...S3_ORIGIN, OriginAccessControlId: '' }] } }) },
      ],
      error: [
        { props: { Id: 'E1A2B3C4D5E6F7', DistributionConfig: {} } },
        {
          props: distribution({
            Origins: { Quantity: 1, Items: [{ ...S3_ORIGIN, OriginAccessControlId: { $unknown: 'Ref Oac' } }] },
          }),
        },
      ],
      notApplicable: [{ props: distribution({ Origins: { Quantity: 1, Items: [CUSTOM_ORIGIN] } }) }],
    },
    cloudformation: {
      pass: [cfnDistribution('')],
      fail: [
        cfnDistribution(
          '',
          `          - Id: assets
            DomainName: !GetAtt Assets.RegionalDomainName
            S3OriginConfig:
              OriginAccessIdentity: origin-access-identity/cloudfront/E127EXAMPLE51Z
`,
        ),
      ],
      error: [
        `Parameters:\n  OacId:\n    Type: String\n${cfnDistribution(
          '',
          `          - Id: assets
            DomainName: !GetAtt Assets.RegionalDomainName
            S3OriginConfig: {}
            OriginAccessControlId: !Ref OacId
`,
        )}`,
      ],
      notApplicable: [
        cfnDistribution(
          '',
          `          - Id: assets
            DomainName: api.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
`,
        ),
      ],
    },
    terraform: {
      pass: [tfDistribution('')],
      fail: [
        tfDistribution(
          '',
          `  origin {
    origin_id   = "assets"
    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
  }
`,
        ),
      ],
      notApplicable: [
        tfDistribution(
          '',
          `  origin {
    origin_id   = "assets"
    domain_name = "api.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
`,
        ),
      ],
    },
  },
});
