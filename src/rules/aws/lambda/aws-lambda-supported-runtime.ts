import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnFunction, lambdaFunction, tfFunction } from '../lib/edge-fixtures.js';

/**
 * Runtime identifier → the date Lambda deprecated it (or plans to), as published in the Lambda runtime
 * deprecation table. A framework or config can extend the list as AWS announces new dates.
 */
const DEPRECATED = [
  'nodejs:2016-10-31',
  'nodejs4.3:2020-03-05',
  'nodejs6.10:2019-08-12',
  'nodejs8.10:2020-03-06',
  'nodejs10.x:2021-07-30',
  'nodejs12.x:2023-03-31',
  'nodejs14.x:2023-12-04',
  'nodejs16.x:2024-06-12',
  'nodejs18.x:2025-09-01',
  'nodejs20.x:2026-04-30',
  'python2.7:2021-07-15',
  'python3.6:2022-07-18',
  'python3.7:2023-12-04',
  'python3.8:2024-10-14',
  'python3.9:2025-12-15',
  'ruby2.5:2021-07-30',
  'ruby2.7:2023-12-07',
  'ruby3.2:2026-03-31',
  'java8:2024-01-08',
  'go1.x:2024-01-08',
  'provided:2024-01-08',
  'dotnetcore1.0:2019-07-30',
  'dotnetcore2.0:2019-05-30',
  'dotnetcore2.1:2022-01-05',
  'dotnetcore3.1:2023-04-03',
  'dotnet5.0:2022-05-10',
  'dotnet6:2024-12-20',
  'dotnet7:2024-05-14',
].join(',');

function parseDeprecated(spec: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const item of spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^([a-z0-9.]+):(\d{4}-\d{2}-\d{2})$/.exec(item);
    if (!m) return undefined;
    out.set(m[1]!, m[2]!);
  }
  return out;
}

export default defineAwsRule({
  id: 'aws-lambda-supported-runtime',
  resourceType: 'aws.lambda.function',
  category: 'visibility-audit',
  severity: 'medium',
  appliesTo: { PackageType: 'Zip' },
  needs: ['Runtime'],
  params: { deprecatedRuntimes: DEPRECATED },
  fsbp: ['Lambda.2'],
  text: {
    title: {
      en: 'Lambda functions use a supported runtime',
      ja: 'Lambda 関数でサポートされているランタイムを使っている',
    },
    description: {
      en: 'Checks that the runtime of a .zip-packaged function has not reached its Lambda deprecation date (the list of runtimes and dates is a parameter). Container image functions bring their own runtime and are not applicable.',
      ja: '.zip パッケージの関数のランタイムが Lambda の非推奨化の日付を過ぎていないことを確認する（ランタイムと日付の一覧はパラメータ）。コンテナイメージの関数はランタイムを自前で持つため該当なしとする。',
    },
    rationale: {
      en: 'After deprecation a runtime gets no more security patches for its language or operating system, and Lambda later blocks creating and updating functions on it, so an urgent fix can no longer be deployed.',
      ja: '非推奨化されたランタイムには言語や OS のセキュリティパッチが提供されず、その後 Lambda は関数の作成・更新もできなくするため、緊急の修正をデプロイできなくなる。',
    },
    remediation: {
      text: {
        en: 'Move the function to a current runtime of its language, test it, and deploy; keep an eye on the announced deprecation dates.',
        ja: '関数を同じ言語の現行ランタイムに移行してテストし、デプロイする。告知される非推奨化の日付を継続的に確認する。',
      },
      console: {
        en: 'Lambda console → Functions → select the function → Code tab → Runtime settings → Edit → Runtime: choose a supported version → Save.',
        ja: 'Lambda コンソール → 関数 → 対象の関数を選択 → コード タブ → ランタイム設定 → 編集 → ランタイム: サポートされているバージョンを選択 → 保存。',
      },
      cli: 'aws lambda update-function-configuration --function-name <FUNCTION> --runtime <RUNTIME>',
      cloudformation: 'AWS::Lambda::Function → Runtime: <supported runtime, e.g. nodejs22.x or python3.13>',
      terraform: 'resource "aws_lambda_function" → runtime = "<supported runtime>"',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
    },
  },
  evaluate: ({ props, params, now }) => {
    const table = parseDeprecated(String(params.deprecatedRuntimes));
    if (table === undefined) return error(`invalid parameter deprecatedRuntimes (expected "runtime:YYYY-MM-DD,…")`);
    const runtime = String(props.Runtime);
    const date = table.get(runtime);
    if (date !== undefined && new Date(`${date}T00:00:00Z`) <= now) {
      return fail('Runtime', {
        en: `Function ${props.FunctionName ?? ''} uses ${runtime}, deprecated on ${date}`,
        ja: `関数 ${props.FunctionName ?? ''} が ${date} に非推奨化された ${runtime} を使っている`,
      });
    }
    return pass(
      date === undefined
        ? undefined
        : { en: `${runtime} is deprecated on ${date}`, ja: `${runtime} は ${date} に非推奨化される` },
    );
  },
  fixtures: {
    live: {
      pass: [
        { props: lambdaFunction() },
        { props: lambdaFunction({ Runtime: 'python3.13' }) },
        // Deprecated on a date still ahead of the fixtures' now (2026-11-01).
        { props: lambdaFunction({ Runtime: 'dotnet8' }), params: { deprecatedRuntimes: 'dotnet8:2026-11-10' } },
      ],
      fail: [
        { props: lambdaFunction({ Runtime: 'python3.9' }) },
        { props: lambdaFunction({ Runtime: 'nodejs18.x' }) },
        { props: lambdaFunction({ Runtime: 'go1.x' }) },
        // Exactly on the date.
        { props: lambdaFunction({ Runtime: 'java17' }), params: { deprecatedRuntimes: 'java17:2026-11-01' } },
      ],
      error: [
        { props: lambdaFunction({ Runtime: undefined }) },
        { props: lambdaFunction({ Runtime: { $unknown: 'Ref Runtime' } }) },
        { props: lambdaFunction(), params: { deprecatedRuntimes: 'python3.9 in 2025' } },
      ],
      notApplicable: [{ props: lambdaFunction({ PackageType: 'Image', Runtime: undefined, Handler: undefined }) }],
    },
    cloudformation: {
      pass: [cfnFunction('      Runtime: python3.13\n')],
      fail: [cfnFunction('      Runtime: nodejs16.x\n')],
      error: [cfnFunction('      Runtime: !Ref Runtime\n', '', '  Runtime:\n    Type: String\n')],
      notApplicable: [
        `Resources:
  OrdersApi:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Role: arn:aws:iam::111122223333:role/orders-api
      Code:
        ImageUri: 111122223333.dkr.ecr.us-east-1.amazonaws.com/orders-api:1.4.2
`,
      ],
    },
    terraform: {
      pass: [tfFunction('  runtime       = "nodejs22.x"\n')],
      fail: [tfFunction('  runtime       = "python3.8"\n')],
      error: [`variable "runtime" {\n  type = string\n}\n\n${tfFunction('  runtime       = var.runtime\n')}`],
    },
  },
});
