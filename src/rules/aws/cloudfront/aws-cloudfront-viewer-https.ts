import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnDistribution, distribution, tfDistribution } from '../lib/edge-fixtures.js';

export default defineAwsRule({
  id: 'aws-cloudfront-viewer-https',
  resourceType: 'aws.cloudfront.distribution',
  category: 'encryption',
  severity: 'medium',
  needs: ['DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy'],
  fsbp: ['CloudFront.3'],
  text: {
    title: {
      en: 'CloudFront distributions require HTTPS between viewers and CloudFront',
      ja: 'CloudFront ディストリビューションでビューワーとの通信に HTTPS を必須にしている',
    },
    description: {
      en: 'Checks that the default cache behavior and every other cache behavior of the distribution use the viewer protocol policy redirect-to-https or https-only, not allow-all.',
      ja: 'ディストリビューションのデフォルトのキャッシュ動作と他のすべてのキャッシュ動作で、ビューワープロトコルポリシーが allow-all ではなく redirect-to-https または https-only になっていることを確認する。',
    },
    rationale: {
      en: 'With allow-all, pages, cookies and tokens can be served over plain HTTP, where anyone on the network path can read or change them. Redirecting or refusing HTTP keeps every viewer connection encrypted.',
      ja: 'allow-all ではページ、Cookie、トークンが平文の HTTP で配信されうるため、経路上の誰でも読み取ったり改ざんしたりできる。HTTP をリダイレクトまたは拒否すれば、ビューワーとの接続はすべて暗号化される。',
    },
    remediation: {
      text: {
        en: 'Set the viewer protocol policy of every cache behavior to "Redirect HTTP to HTTPS" or "HTTPS only".',
        ja: 'すべてのキャッシュ動作のビューワープロトコルポリシーを「Redirect HTTP to HTTPS」または「HTTPS only」にする。',
      },
      console: {
        en: 'CloudFront console → Distributions → select the distribution → Behaviors tab → select each behavior → Edit → Viewer protocol policy: Redirect HTTP to HTTPS → Save changes.',
        ja: 'CloudFront コンソール → ディストリビューション → 対象のディストリビューションを選択 → ビヘイビア タブ → 各ビヘイビアを選択 → 編集 → ビューワープロトコルポリシー: Redirect HTTP to HTTPS → 変更を保存。',
      },
      cli: 'aws cloudfront get-distribution-config --id <DISTRIBUTION_ID> > dist.json\n# set ViewerProtocolPolicy to redirect-to-https in DefaultCacheBehavior and CacheBehaviors.Items[]\naws cloudfront update-distribution --id <DISTRIBUTION_ID> --if-match <ETAG> --distribution-config file://dist-config.json',
      cloudformation: 'DefaultCacheBehavior / CacheBehaviors[] → ViewerProtocolPolicy: redirect-to-https',
      terraform: 'default_cache_behavior / ordered_cache_behavior → viewer_protocol_policy = "redirect-to-https"',
      url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    },
  },
  evaluate: ({ props }) => {
    const c = props.DistributionConfig!;
    const behaviors: Array<{ path: string; policy: unknown; pattern: string }> = [
      {
        path: 'DistributionConfig.DefaultCacheBehavior',
        policy: c.DefaultCacheBehavior?.ViewerProtocolPolicy,
        pattern: '*',
      },
    ];
    const items: unknown = c.CacheBehaviors?.Items;
    if (isUnknown(c.CacheBehaviors) || isUnknown(items))
      return error('unresolved value at DistributionConfig.CacheBehaviors');
    (c.CacheBehaviors?.Items ?? []).forEach((b, i) => {
      behaviors.push({
        path: `DistributionConfig.CacheBehaviors.Items.${i}`,
        policy: isUnknown(b) ? b : b.ViewerProtocolPolicy,
        pattern: isUnknown(b) ? '?' : String(b.PathPattern),
      });
    });
    const open = behaviors.filter((b) => b.policy === 'allow-all');
    if (open.length > 0) {
      const list = open.map((b) => b.pattern).join(', ');
      return fail(open[0]!.path, {
        en: `Viewers can use plain HTTP (allow-all) for path pattern(s) ${list}`,
        ja: `パスパターン ${list} でビューワーが平文の HTTP を使える（allow-all）`,
      });
    }
    const unresolved = behaviors.find((b) => isUnknown(b.policy) || b.policy === undefined);
    if (unresolved) return error(`unresolved value at ${unresolved.path}.ViewerProtocolPolicy`);
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: distribution() },
        {
          props: distribution({
            DefaultCacheBehavior: { TargetOriginId: 'assets', ViewerProtocolPolicy: 'https-only' },
            CacheBehaviors: {
              Quantity: 1,
              Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'redirect-to-https' }],
            },
          }),
        },
      ],
      fail: [
        {
          props: distribution({
            DefaultCacheBehavior: { TargetOriginId: 'assets', ViewerProtocolPolicy: 'allow-all' },
          }),
        },
        {
          props: distribution({
            CacheBehaviors: {
              Quantity: 1,
              Items: [{ PathPattern: '/legacy/*', TargetOriginId: 'assets', ViewerProtocolPolicy: 'allow-all' }],
            },
          }),
        },
      ],
      error: [
        { props: distribution({ DefaultCacheBehavior: { TargetOriginId: 'assets' } }) },
        {
          props: distribution({
            CacheBehaviors: {
              Quantity: 1,
              Items: [
                { PathPattern: '/x/*', TargetOriginId: 'assets', ViewerProtocolPolicy: { $unknown: 'Ref Policy' } },
              ],
            },
          }),
        },
      ],
    },
    cloudformation: {
      pass: [cfnDistribution('')],
      fail: [cfnDistribution('', undefined, 'allow-all')],
      error: [`Parameters:\n  ViewerPolicy:\n    Type: String\n${cfnDistribution('', undefined, '!Ref ViewerPolicy')}`],
    },
    terraform: {
      pass: [tfDistribution('')],
      fail: [
        tfDistribution(`  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = "assets"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
`),
      ],
      error: [
        `variable "viewer_policy" {\n  type = string\n}\n\n${tfDistribution('').replace('viewer_protocol_policy = "redirect-to-https"', 'viewer_protocol_policy = var.viewer_policy')}`,
      ],
    },
  },
});
