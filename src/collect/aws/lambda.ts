import type { EnvironmentResponse } from '@aws-sdk/client-lambda';
import {
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { looksSecret } from '../../core/secret-like.js';
import type {
  LambdaEnvironmentSummary,
  LambdaFunctionProps,
  LambdaFunctionUrlConfig,
} from '../../inventory/aws/lambda.js';
import type { Collector } from './runtime/collector.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/** The environment without its values: variable names, and which of them hold secret-like values. */
export function summarizeEnvironment(env: EnvironmentResponse): LambdaEnvironmentSummary {
  const vars = env.Variables ?? {};
  const names = Object.keys(vars).sort();
  return {
    VariableNames: names,
    SecretLikeVariables: names.filter((n) => looksSecret(n, vars[n] ?? '')),
    ...(env.Error ? { Error: toJson(env.Error) } : {}),
  };
}

/**
 * aws.lambda.function: ListFunctions (the $LATEST configuration of every function; environment values are dropped,
 * see summarizeEnvironment) → GetPolicy, GetFunctionUrlConfig and ListTags per function.
 */
export const lambdaCollector: Collector = {
  service: 'lambda',
  scope: 'regional',
  types: ['aws.lambda.function'],
  async collect(ctx) {
    const lambda = ctx.client(LambdaClient);
    const functions = await ctx.list('aws.lambda.function', 'ListFunctions', () =>
      allPages(paginateListFunctions({ client: lambda }, {}), (p) => p.Functions ?? []),
    );
    await ctx.each(functions ?? [], async (fn) => {
      const { FunctionArn, FunctionName, Environment, ...config } = fn;
      if (!FunctionArn || !FunctionName) return;
      const props = toJson<Omit<LambdaFunctionProps, 'Policy' | 'FunctionUrlConfig'>>({
        FunctionName,
        FunctionArn,
        ...config,
      }) as LambdaFunctionProps;
      const resource = ctx.resource('aws.lambda.function', { uid: FunctionArn, name: FunctionName, props });
      if (Environment?.Variables === undefined && Environment?.Error) {
        // Lambda answered with an error instead of the variables (e.g. their KMS key refused to decrypt them):
        // which variables exist is unknown, so rules about them must not pass.
        resource.gaps = {
          Environment: `${Environment.Error.ErrorCode ?? 'Error'}: ${Environment.Error.Message ?? 'no variables returned'}`,
        };
      } else if (Environment) {
        props.Environment = summarizeEnvironment(Environment);
      }
      const none = { codes: ['ResourceNotFoundException'], value: null };
      const [policy, url, tags] = await Promise.all([
        ctx.detail(
          resource,
          'Policy',
          async () => {
            const out = await lambda.send(new GetPolicyCommand({ FunctionName: FunctionArn }));
            return out.Policy ? parsePolicy(out.Policy) : null;
          },
          none,
        ),
        ctx.detail(
          resource,
          'FunctionUrlConfig',
          async () => {
            const { $metadata: _metadata, ...config } = await lambda.send(
              new GetFunctionUrlConfigCommand({ FunctionName: FunctionArn }),
            );
            return toJson<LambdaFunctionUrlConfig>(config);
          },
          none,
        ),
        ctx.detail(
          resource,
          'Tags',
          async () => (await lambda.send(new ListTagsCommand({ Resource: FunctionArn }))).Tags,
        ),
      ]);
      if (policy !== undefined) props.Policy = policy;
      if (url !== undefined) props.FunctionUrlConfig = url;
      resource.tags = tags ?? {};
      ctx.emit(resource);
    });
  },
};
