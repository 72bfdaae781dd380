import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { apiStage, cfnStage, tfMethodSettings, tfStage } from '../lib/edge-fixtures.js';

const cached = (cacheDataEncrypted: boolean) => ({
  ...apiStage().methodSettings['*/*'],
  cachingEnabled: true,
  cacheDataEncrypted,
});

export default defineAwsRule({
  id: 'aws-apigateway-stage-cache-encrypted',
  resourceType: 'aws.apigateway.stage',
  category: 'encryption',
  severity: 'medium',
  appliesTo: { cacheClusterEnabled: true },
  needs: ['methodSettings'],
  fsbp: ['APIGateway.5'],
  text: {
    title: {
      en: 'API Gateway REST API cache data is encrypted at rest',
      ja: 'API Gateway の REST API のキャッシュデータで保存時の暗号化が有効になっている',
    },
    description: {
      en: 'For stages with an API cache, checks that every method setting that turns caching on also encrypts the cached data (cacheDataEncrypted). Stages without a cache cluster are not applicable.',
      ja: 'API キャッシュを持つステージで、キャッシュを有効にしているメソッド設定すべてがキャッシュデータを暗号化している（cacheDataEncrypted）ことを確認する。キャッシュクラスターのないステージは該当なしとする。',
    },
    rationale: {
      en: 'Cached responses can hold personal data and tokens returned by the backend. Encrypting the cache keeps that data protected at rest like the backend that produced it.',
      ja: 'キャッシュされたレスポンスには、バックエンドが返した個人データやトークンが含まれうる。キャッシュを暗号化すれば、生成元のバックエンドと同じように保存時のデータが保護される。',
    },
    remediation: {
      text: {
        en: 'Turn on "Encrypt cache data" for the stage (and for every method override that enables caching).',
        ja: 'ステージ（およびキャッシュを有効にしているメソッドの上書き設定すべて）で「キャッシュデータを暗号化」を有効にする。',
      },
      console: {
        en: 'API Gateway console → APIs → select the API → Stages → select the stage → Stage details → Edit → Additional settings → Cache settings: Encrypt cache data → Save.',
        ja: 'API Gateway コンソール → API → 対象の API を選択 → ステージ → 対象のステージを選択 → ステージの詳細 → 編集 → 追加設定 → キャッシュ設定: キャッシュデータを暗号化 → 保存。',
      },
      cli: "aws apigateway update-stage --rest-api-id <API_ID> --stage-name <STAGE> --patch-operations op=replace,path='/*/*/caching/dataEncrypted',value=true",
      cloudformation:
        'AWS::ApiGateway::Stage → MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: true }]',
      terraform: 'aws_api_gateway_method_settings → settings { caching_enabled = true, cache_data_encrypted = true }',
      url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
    },
  },
  evaluate: ({ props }) => {
    const settings = props.methodSettings ?? {};
    const bad: string[] = [];
    for (const [key, s] of Object.entries(settings)) {
      if (isUnknown(s) || isUnknown(s.cachingEnabled) || isUnknown(s.cacheDataEncrypted)) {
        return error(`unresolved value at methodSettings.${key}`);
      }
      if (s.cachingEnabled === true && s.cacheDataEncrypted !== true) bad.push(key);
    }
    if (bad.length === 0) return pass();
    return fail(`methodSettings.${bad[0]}.cacheDataEncrypted`, {
      en: `Cached data of stage ${props.stageName ?? ''} is not encrypted for ${bad.join(', ')}`,
      ja: `ステージ ${props.stageName ?? ''} の ${bad.join(', ')} でキャッシュデータが暗号化されていない`,
    });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: apiStage({
            cacheClusterEnabled: true,
            cacheClusterSize: '0.5',
            methodSettings: { '*/*': cached(true) },
          }),
        },
        // The cache cluster exists but no method caches.
        { props: apiStage({ cacheClusterEnabled: true, cacheClusterSize: '0.5' }) },
      ],
      fail: [
        {
          props: apiStage({
            cacheClusterEnabled: true,
            cacheClusterSize: '0.5',
            methodSettings: { '*/*': cached(false) },
          }),
        },
        {
          props: apiStage({
            cacheClusterEnabled: true,
            cacheClusterSize: '0.5',
            methodSettings: { '*/*': cached(true), '~1orders/GET': cached(false) },
          }),
        },
      ],
      error: [
        { props: apiStage({ cacheClusterEnabled: true, methodSettings: undefined }) },
        { props: apiStage({ cacheClusterEnabled: { $unknown: 'Ref Cache' }, methodSettings: {} }) },
      ],
      notApplicable: [{ props: apiStage({ methodSettings: { '*/*': cached(false) } }) }],
    },
    cloudformation: {
      pass: [
        cfnStage(`      CacheClusterEnabled: true
      CacheClusterSize: '0.5'
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          CachingEnabled: true
          CacheDataEncrypted: true
`),
      ],
      fail: [
        cfnStage(`      CacheClusterEnabled: true
      CacheClusterSize: '0.5'
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          CachingEnabled: true
`),
      ],
      error: [
        cfnStage(
          `      CacheClusterEnabled: true
      CacheClusterSize: '0.5'
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          CachingEnabled: true
          CacheDataEncrypted: !Ref Encrypt
`,
          '  Encrypt:\n    Type: String\n',
        ),
      ],
      notApplicable: [cfnStage('')],
    },
    terraform: {
      pass: [
        tfStage(
          '  cache_cluster_enabled = true\n  cache_cluster_size    = "0.5"\n',
          tfMethodSettings('    caching_enabled      = true\n    cache_data_encrypted = true\n'),
        ),
      ],
      fail: [
        tfStage(
          '  cache_cluster_enabled = true\n  cache_cluster_size    = "0.5"\n',
          tfMethodSettings('    caching_enabled = true\n', 'orders/GET'),
        ),
      ],
      notApplicable: [tfStage('')],
    },
  },
});
