import type { Resource } from '../../../../src/core/resource.js';
import type { LambdaFunctionProps } from '../../../../src/inventory/aws/lambda.js';
import type { DbSnapshotProps } from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

export interface LambdaHandlerOptions {
  /** Most items per page of ListFunctions and DescribeDBSnapshots; small by default so that paging is exercised. */
  pageSize?: number;
}

/** A demo gap ("AccessDeniedException: User: … is not authorized …") answered as the error AWS gave. */
function deniedIfGap(resource: Resource<unknown>, path: string, fallback: string): void {
  const gap = resource.gaps?.[path];
  if (gap === undefined) return;
  const m = /^(\w+): ([\s\S]*)$/.exec(gap);
  throw fakeError(m?.[1] ?? fallback, m?.[2] ?? gap, 403);
}

/**
 * The values behind a demo function's variable names. The demo keeps names only (the collector never stores
 * values), so the fake makes values up: for a variable the demo lists as secret-like, a made-up access key id
 * (AKIA + 16 characters, found by its value whatever its name); for the others, an SSM parameter ARN, which is a
 * reference and never taken for a secret.
 */
export function fakeVariables(props: LambdaFunctionProps, ctx: FakeContext): Record<string, string> {
  const env = props.Environment;
  if (!env) return {};
  const secret = new Set(env.SecretLikeVariables);
  return Object.fromEntries(
    env.VariableNames.map((name, i) => [
      name,
      secret.has(name)
        ? `AKIAFAKE${String(i).padStart(5, '0')}EXAMPLE`
        : `arn:aws:ssm:${ctx.region}:${ctx.account}:parameter/fake-aws/${name.toLowerCase()}`,
    ]),
  );
}

/**
 * Lambda (REST JSON) and RDS DB snapshots (Query), answering from the demo's functions and manual snapshots as the
 * API references shape their outputs.
 */
export function lambdaHandlers(inv: DemoIndex, options: LambdaHandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 2;
  const functions = (ctx: FakeContext) =>
    inv.ofType<LambdaFunctionProps>('aws.lambda.function', ctx.account, ctx.region);
  /** FunctionName may be a name, an ARN or a partial ARN; a qualifier is not used by the collector. */
  const fn = (input: FakeInput, key: string, ctx: FakeContext) => {
    const id = String(input[key]);
    const found = functions(ctx).find((f) => f.uid === id || f.props.FunctionName === id || f.uid.endsWith(`:${id}`));
    if (!found) {
      throw fakeError(
        'ResourceNotFoundException',
        `Function not found: arn:aws:lambda:${ctx.region}:${ctx.account}:function:${id}`,
        404,
      );
    }
    return found;
  };
  const snapshots = (ctx: FakeContext) => inv.ofType<DbSnapshotProps>('aws.rds.db_snapshot', ctx.account, ctx.region);

  return {
    lambda: {
      // ListFunctions: the $LATEST configuration of each function, with its environment variables (values
      // included, as Lambda returns them); Marker in, NextMarker out, MaxItems (at most 50).
      ListFunctions: (input: FakeInput, ctx: FakeContext) =>
        page(
          functions(ctx).map((f) => {
            const { Policy: _policy, FunctionUrlConfig: _url, Environment, ...config } = f.props;
            const unreadable = f.gaps?.Environment;
            if (unreadable !== undefined) {
              // A demo gap on Environment: Lambda gave an error instead of the variables.
              const m = /^(\w+): ([\s\S]*)$/.exec(unreadable);
              return {
                ...config,
                Environment: { Error: { ErrorCode: m?.[1] ?? 'Error', Message: m?.[2] ?? unreadable } },
              };
            }
            if (!Environment) return config;
            return {
              ...config,
              Environment: {
                Variables: fakeVariables(f.props, ctx),
                ...(Environment.Error ? { Error: Environment.Error } : {}),
              },
            };
          }),
          input,
          { itemsKey: 'Functions', tokenIn: 'Marker', tokenOut: 'NextMarker', pageSize, maxKey: 'MaxItems' },
        ),
      // GetPolicy: the resource-based policy as a JSON string; none → ResourceNotFoundException.
      GetPolicy: (input: FakeInput, ctx: FakeContext) => {
        const f = fn(input, 'FunctionName', ctx);
        deniedIfGap(f, 'Policy', 'AccessDeniedException');
        if (f.props.Policy === null) {
          throw fakeError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
        }
        return { Policy: JSON.stringify(f.props.Policy), RevisionId: f.props.RevisionId };
      },
      // GetFunctionUrlConfig: the unqualified function's URL; none → ResourceNotFoundException.
      GetFunctionUrlConfig: (input: FakeInput, ctx: FakeContext) => {
        const f = fn(input, 'FunctionName', ctx);
        deniedIfGap(f, 'FunctionUrlConfig', 'AccessDeniedException');
        if (f.props.FunctionUrlConfig === null) {
          throw fakeError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
        }
        return f.props.FunctionUrlConfig;
      },
      // ListTags: Resource is the function ARN.
      ListTags: (input: FakeInput, ctx: FakeContext) => {
        const f = fn(input, 'Resource', ctx);
        deniedIfGap(f, 'Tags', 'AccessDeniedException');
        return { Tags: f.tags };
      },
    },
    rds: {
      // DescribeDBSnapshots: the account's own snapshots (TagList included), filtered by SnapshotType, instance or
      // snapshot identifier; Marker in and out, MaxRecords.
      DescribeDBSnapshots: (input: FakeInput, ctx: FakeContext) => {
        let items = snapshots(ctx);
        if (typeof input.SnapshotType === 'string') {
          const type = input.SnapshotType;
          items = items.filter((s) => s.props.SnapshotType === type);
        }
        if (typeof input.DBInstanceIdentifier === 'string') {
          const id = input.DBInstanceIdentifier;
          items = items.filter((s) => s.props.DBInstanceIdentifier === id);
        }
        if (typeof input.DBSnapshotIdentifier === 'string') {
          const id = input.DBSnapshotIdentifier;
          items = items.filter((s) => s.props.DBSnapshotIdentifier === id || s.uid === id);
          if (items.length === 0) throw fakeError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
        }
        return page(
          items.map(({ props: { Attributes: _attributes, ...snapshot } }) => snapshot),
          input,
          { itemsKey: 'DBSnapshots', tokenIn: 'Marker', pageSize, invalidTokenCode: 'InvalidParameterValue' },
        );
      },
      // DescribeDBSnapshotAttributes: the restore attribute (accounts allowed to restore; 'all' = public).
      DescribeDBSnapshotAttributes: (input: FakeInput, ctx: FakeContext) => {
        const id = String(input.DBSnapshotIdentifier);
        const s = snapshots(ctx).find((x) => x.props.DBSnapshotIdentifier === id || x.uid === id);
        if (!s) throw fakeError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
        deniedIfGap(s, 'Attributes', 'AccessDenied');
        return {
          DBSnapshotAttributesResult: {
            DBSnapshotIdentifier: s.props.DBSnapshotIdentifier,
            DBSnapshotAttributes: s.props.Attributes,
          },
        };
      },
    },
  };
}
