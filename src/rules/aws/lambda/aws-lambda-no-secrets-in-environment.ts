import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnFunction, lambdaFunction, tfFunction } from '../lib/edge-fixtures.js';

export default defineAwsRule({
  id: 'aws-lambda-no-secrets-in-environment',
  resourceType: 'aws.lambda.function',
  category: 'identity',
  severity: 'high',
  // Functions without variables have no Environment: nothing to judge, so only present ones are read.
  text: {
    title: {
      en: 'Lambda environment variables do not hold secrets in clear text',
      ja: 'Lambda の環境変数に秘密情報を平文で置いていない',
    },
    description: {
      en: "Checks that none of the function's environment variables looks like a secret written in clear text: an AWS access key id, a private key, a well-known token format, a long random string, or a literal value under a name such as PASSWORD, SECRET, TOKEN or API_KEY. References (ARNs, SSM parameter names, {{resolve:…}}) are fine. mamori keeps only the variable names, never the values.",
      ja: '関数の環境変数に、平文で書かれた秘密情報に見えるもの（AWS アクセスキー ID、秘密鍵、既知のトークン形式、長いランダムな文字列、PASSWORD・SECRET・TOKEN・API_KEY などの名前の下のリテラル値）がないことを確認する。参照（ARN、SSM パラメータ名、{{resolve:…}}）は問題ない。mamori は変数名だけを保持し、値は保存しない。',
    },
    rationale: {
      en: 'Environment variables are shown to anyone who can read the function configuration (lambda:GetFunction), copied into templates, CI logs and snapshots, and rarely rotated. Secrets belong in Secrets Manager or Parameter Store, read at run time with the function role.',
      ja: '環境変数は関数の設定を読める者（lambda:GetFunction）なら誰でも見られ、テンプレート、CI のログ、スナップショットに複製され、ローテーションもほとんどされない。秘密情報は Secrets Manager または Parameter Store に置き、実行時に関数のロールで読み出す。',
    },
    remediation: {
      text: {
        en: 'Move the secret to Secrets Manager (or a SecureString parameter), pass only its ARN or name in the variable, read it at run time, and rotate the exposed value.',
        ja: '秘密情報を Secrets Manager（または SecureString パラメータ）に移し、変数にはその ARN または名前だけを渡して実行時に読み出す。露出した値はローテーションする。',
      },
      console: {
        en: 'Lambda console → Functions → select the function → Configuration tab → Environment variables → Edit → replace the secret value with the secret’s ARN → Save; grant the role secretsmanager:GetSecretValue on that secret.',
        ja: 'Lambda コンソール → 関数 → 対象の関数を選択 → 設定 タブ → 環境変数 → 編集 → 秘密情報の値をシークレットの ARN に置き換える → 保存。ロールにそのシークレットへの secretsmanager:GetSecretValue を付与する。',
      },
      cli: 'aws secretsmanager create-secret --name <NAME> --secret-string <VALUE>\naws lambda update-function-configuration --function-name <FUNCTION> --environment "Variables={DB_PASSWORD_SECRET_ARN=<SECRET_ARN>}"',
      cloudformation:
        'Environment.Variables → <NAME>_SECRET_ARN: !Ref <Secret> (or {{resolve:secretsmanager:…}} only where a deploy-time value is acceptable)',
      terraform: 'environment { variables = { DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.<NAME>.arn } }',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const gap = resource.gaps?.Environment;
    if (gap !== undefined) return error(`${gap} (Environment)`);
    const env: unknown = props.Environment;
    if (isUnknown(env)) return error(`unresolved value at Environment: ${env.$unknown}`);
    const found = props.Environment?.SecretLikeVariables ?? [];
    if (found.length === 0) return pass();
    return fail('Environment.SecretLikeVariables', {
      en: `Environment variable(s) of ${props.FunctionName ?? 'the function'} look like clear-text secrets: ${found.join(', ')}`,
      ja: `${props.FunctionName ?? '関数'} の環境変数が平文の秘密情報に見える: ${found.join(', ')}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: lambdaFunction() },
        {
          props: lambdaFunction({
            Environment: { VariableNames: ['DB_PASSWORD_SECRET_ARN', 'LOG_LEVEL'], SecretLikeVariables: [] },
          }),
        },
      ],
      fail: [
        {
          props: lambdaFunction({
            Environment: {
              VariableNames: ['DB_PASSWORD', 'LOG_LEVEL', 'STRIPE_KEY'],
              SecretLikeVariables: ['DB_PASSWORD', 'STRIPE_KEY'],
            },
          }),
        },
      ],
      error: [
        {
          props: lambdaFunction(),
          gaps: { Environment: 'KMSAccessDeniedException: Lambda was unable to decrypt the environment variables' },
        },
        { props: lambdaFunction({ Environment: { $unknown: 'environment variables are unresolved' } }) },
      ],
    },
    cloudformation: {
      pass: [
        cfnFunction(`      Runtime: python3.13
      Environment:
        Variables:
          LOG_LEVEL: info
          DB_PASSWORD_SECRET_ARN: arn:aws:secretsmanager:us-east-1:111122223333:secret:orders-db-AbCdEf
`),
      ],
      fail: [
        cfnFunction(`      Runtime: python3.13
      Environment:
        Variables:
          LOG_LEVEL: info
          DB_PASSWORD: hunter2-but-longer
`),
      ],
      error: [
        cfnFunction(
          '      Runtime: python3.13\n      Environment: !Ref EnvConfig\n',
          '',
          '  EnvConfig:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfFunction(`  runtime       = "python3.13"
  environment {
    variables = {
      LOG_LEVEL = "info"
    }
  }
`),
      ],
      fail: [
        tfFunction(`  runtime       = "python3.13"
  environment {
    variables = {
      API_TOKEN = "tok-3f9a8b7c6d5e4f3a2b1c"
    }
  }
`),
      ],
      error: [
        `variable "env" {\n  type = map(string)\n}\n\n${tfFunction(`  runtime       = "python3.13"
  environment {
    variables = var.env
  }
`)}`,
      ],
    },
  },
});
