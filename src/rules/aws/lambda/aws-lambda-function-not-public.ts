import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnFunction, lambdaFunction, tfFunction } from '../lib/edge-fixtures.js';
import {
  actionMatches,
  hasRestrictingCondition,
  isPublicPrincipal,
  publicAllowStatements,
  statements,
} from '../lib/policy.js';

const ARN = 'arn:aws:lambda:us-east-1:111122223333:function:orders-api';
const policy = (...Statement: unknown[]) => ({ Version: '2012-10-17', Id: 'default', Statement });
const invoke = (Principal: unknown, Condition?: unknown) => ({
  Sid: 'invoke',
  Effect: 'Allow',
  Principal,
  Action: 'lambda:InvokeFunction',
  Resource: ARN,
  ...(Condition ? { Condition } : {}),
});

export default defineAwsRule({
  id: 'aws-lambda-function-not-public',
  resourceType: 'aws.lambda.function',
  category: 'identity',
  severity: 'critical',
  needs: ['Policy'],
  fsbp: ['Lambda.1'],
  text: {
    title: {
      en: 'Lambda function resource policies do not allow public access',
      ja: 'Lambda 関数のリソースベースポリシーでパブリックアクセスを許可していない',
    },
    description: {
      en: 'Checks that no statement of the function\'s resource-based policy allows anyone ("*") without a condition that pins the caller (source account, source ARN, organisation), and that a function URL without authentication (AuthType NONE) is not opened to everyone by the policy.',
      ja: '関数のリソースベースポリシーに、呼び出し元を限定する条件（送信元アカウント、送信元 ARN、組織）なしで誰にでも（"*"）許可するステートメントがないこと、また認証なし（AuthType NONE）の関数 URL がポリシーで全員に公開されていないことを確認する。',
    },
    rationale: {
      en: "A public function can be invoked by anyone on the internet: they run its code with its role's permissions, read what it returns and run up its cost. A service principal such as s3.amazonaws.com without a source condition is just as open, since any account's bucket can trigger it.",
      ja: '公開された関数はインターネット上の誰でも呼び出せ、その関数のロールの権限でコードを実行し、返す内容を読み取り、費用を発生させられる。s3.amazonaws.com などのサービスプリンシパルも送信元の条件がなければ、どのアカウントのバケットからでも起動できるため同じく公開状態になる。',
    },
    remediation: {
      text: {
        en: 'Remove the public statements, or add a condition that restricts the caller (AWS:SourceAccount, AWS:SourceArn, aws:PrincipalOrgID); use AWS_IAM authentication for function URLs.',
        ja: '公開しているステートメントを削除するか、呼び出し元を限定する条件（AWS:SourceAccount、AWS:SourceArn、aws:PrincipalOrgID）を追加する。関数 URL には AWS_IAM 認証を使う。',
      },
      console: {
        en: 'Lambda console → Functions → select the function → Configuration tab → Permissions → Resource-based policy statements → select the statement → Delete (then add it again with a source account or ARN).',
        ja: 'Lambda コンソール → 関数 → 対象の関数を選択 → 設定 タブ → アクセス権限 → リソースベースのポリシーステートメント → 対象のステートメントを選択 → 削除（送信元アカウントまたは ARN を指定して追加し直す）。',
      },
      cli: 'aws lambda get-policy --function-name <FUNCTION>\naws lambda remove-permission --function-name <FUNCTION> --statement-id <SID>\naws lambda add-permission --function-name <FUNCTION> --statement-id <SID> --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn <BUCKET_ARN> --source-account <ACCOUNT_ID>',
      cloudformation: 'AWS::Lambda::Permission → SourceArn / SourceAccount set; Principal not "*"',
      terraform: 'resource "aws_lambda_permission" → source_arn / source_account set; principal not "*"',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    },
  },
  evaluate: ({ props }) => {
    const doc: unknown = props.Policy;
    if (isUnknown(doc)) return error(`unresolved value at Policy: ${doc.$unknown}`);
    const all = statements(props.Policy);
    const open = publicAllowStatements(props.Policy);
    // A service principal without a source condition lets that service act for any account (confused deputy).
    for (const s of all) {
      const p = s.Principal;
      const service = typeof p === 'object' && p !== null && 'Service' in p;
      if (s.Effect === 'Allow' && service && !hasRestrictingCondition(s) && !open.includes(s)) open.push(s);
    }
    // A function URL without authentication is public when the policy lets anyone invoke it, whatever the
    // lambda:FunctionUrlAuthType condition says.
    const url: unknown = props.FunctionUrlConfig;
    if (isUnknown(url)) return error(`unresolved value at FunctionUrlConfig: ${url.$unknown}`);
    if (props.FunctionUrlConfig?.AuthType === 'NONE') {
      for (const s of all) {
        if (
          s.Effect === 'Allow' &&
          isPublicPrincipal(s) &&
          actionMatches(s.Action, 'lambda:InvokeFunctionUrl') &&
          !open.includes(s)
        ) {
          open.push(s);
        }
      }
    }
    if (open.length === 0) return pass();
    const i = all.indexOf(open[0]!);
    const sids = open.map((s) => s.Sid ?? '(no Sid)').join(', ');
    return fail(Array.isArray(props.Policy?.Statement) ? `Policy.Statement.${i}` : 'Policy.Statement', {
      en: `Function ${props.FunctionName ?? ''} can be invoked by anyone: statement(s) ${sids}`,
      ja: `関数 ${props.FunctionName ?? ''} を誰でも呼び出せる: ステートメント ${sids}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: lambdaFunction() },
        {
          props: lambdaFunction({
            Policy: policy(
              invoke(
                { Service: 's3.amazonaws.com' },
                {
                  StringEquals: { 'AWS:SourceAccount': '111122223333' },
                  ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads-111122223333' },
                },
              ),
              invoke({ AWS: 'arn:aws:iam::444455556666:root' }),
            ),
          }),
        },
        {
          // A URL with IAM auth, and the statement the console adds for it.
          props: lambdaFunction({
            FunctionUrlConfig: { FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/', AuthType: 'AWS_IAM' },
            Policy: policy({
              Sid: 'url',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:root' },
              Action: 'lambda:InvokeFunctionUrl',
              Resource: ARN,
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
            }),
          }),
        },
      ],
      fail: [
        { props: lambdaFunction({ Policy: policy(invoke('*')) }) },
        { props: lambdaFunction({ Policy: policy(invoke({ Service: 's3.amazonaws.com' })) }) },
        {
          props: lambdaFunction({
            FunctionUrlConfig: { FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/', AuthType: 'NONE' },
            Policy: policy({
              Sid: 'FunctionURLAllowPublicAccess',
              Effect: 'Allow',
              Principal: '*',
              Action: 'lambda:InvokeFunctionUrl',
              Resource: ARN,
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
            }),
          }),
        },
      ],
      error: [
        { props: lambdaFunction({ Policy: undefined }) },
        { props: lambdaFunction({ Policy: null }), gaps: { Policy: 'AccessDenied: lambda:GetPolicy' } },
        { props: lambdaFunction({ Policy: { $unknown: 'principal unresolved' } }) },
      ],
    },
    cloudformation: {
      pass: [
        cfnFunction(
          '      Runtime: nodejs22.x\n',
          `  UploadsInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt OrdersApi.Arn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: '111122223333'
      SourceArn: arn:aws:s3:::uploads-111122223333
`,
        ),
        cfnFunction('      Runtime: nodejs22.x\n'),
      ],
      fail: [
        cfnFunction(
          '      Runtime: nodejs22.x\n',
          `  PublicInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref OrdersApi
      Action: lambda:InvokeFunction
      Principal: '*'
`,
        ),
      ],
      error: [
        cfnFunction(
          '      Runtime: nodejs22.x\n',
          `  CallerInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref OrdersApi
      Action: lambda:InvokeFunction
      Principal: !Ref Caller
`,
          '  Caller:\n    Type: String\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfFunction(
          '  runtime       = "python3.13"\n',
          `
resource "aws_lambda_permission" "uploads" {
  statement_id   = "uploads"
  function_name  = aws_lambda_function.orders.function_name
  action         = "lambda:InvokeFunction"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads-111122223333"
  source_account = "111122223333"
}
`,
        ),
      ],
      fail: [
        tfFunction(
          '  runtime       = "python3.13"\n',
          `
resource "aws_lambda_permission" "sns" {
  statement_id  = "sns"
  function_name = "orders-api"
  action        = "lambda:InvokeFunction"
  principal     = "sns.amazonaws.com"
}
`,
        ),
        tfFunction(
          '  runtime       = "python3.13"\n',
          `
resource "aws_lambda_function_url" "orders" {
  function_name      = aws_lambda_function.orders.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "url" {
  statement_id           = "FunctionURLAllowPublicAccess"
  function_name          = aws_lambda_function.orders.function_name
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}
`,
        ),
      ],
      error: [
        `variable "caller" {\n  type = string\n}\n\n${tfFunction(
          '  runtime       = "python3.13"\n',
          `
resource "aws_lambda_permission" "caller" {
  function_name = aws_lambda_function.orders.function_name
  action        = "lambda:InvokeFunction"
  principal     = var.caller
}
`,
        )}`,
      ],
    },
  },
});
