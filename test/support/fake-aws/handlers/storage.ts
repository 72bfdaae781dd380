import type { Resource } from '../../../../src/core/resource.js';
import type { DynamoDbTableProps, EcrRepositoryProps, SqsQueueProps } from '../../../../src/inventory/aws/storage.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

export interface StorageHandlerOptions {
  /** Most items per page of every list; small by default so that paging is exercised. */
  pageSize?: number;
}

/** A demo gap ("AccessDenied…: message") answered as the error AWS gave. */
function deniedIfGap(resource: Resource<unknown>, path: string): void {
  const gap = resource.gaps?.[path];
  if (gap === undefined) return;
  const m = /^(\w+): ([\s\S]*)$/.exec(gap);
  throw fakeError(m?.[1] ?? 'AccessDeniedException', m?.[2] ?? gap, 403);
}

/**
 * SQS, DynamoDB (JSON 1.0) and ECR (JSON 1.1), answering from the demo's queues, tables and repositories as the API
 * references shape their outputs.
 */
export function storageHandlers(inv: DemoIndex, options: StorageHandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 1;
  const queues = (ctx: FakeContext) => inv.ofType<SqsQueueProps>('aws.sqs.queue', ctx.account, ctx.region);
  const queue = (input: FakeInput, ctx: FakeContext) => {
    const q = queues(ctx).find((x) => x.props.QueueUrl === input.QueueUrl);
    if (!q) throw fakeError('QueueDoesNotExist', 'The specified queue does not exist.', 400);
    return q;
  };
  const tables = (ctx: FakeContext) => inv.ofType<DynamoDbTableProps>('aws.dynamodb.table', ctx.account, ctx.region);
  const table = (name: unknown, ctx: FakeContext, code = 'ResourceNotFoundException') => {
    const found = tables(ctx).find((x) => x.props.TableName === name || x.uid === name);
    if (!found) throw fakeError(code, `Requested resource not found: Table: ${String(name)} not found`, 400);
    return found;
  };
  const repositories = (ctx: FakeContext) =>
    inv.ofType<EcrRepositoryProps>('aws.ecr.repository', ctx.account, ctx.region);
  const repository = (input: FakeInput, ctx: FakeContext) => {
    const name = input.repositoryName ?? String(input.resourceArn ?? '').split(':repository/')[1];
    const found = repositories(ctx).find((r) => r.props.repositoryName === name);
    if (!found) {
      throw fakeError(
        'RepositoryNotFoundException',
        `The repository with name '${String(name)}' does not exist in the registry with id '${ctx.account}'`,
        400,
      );
    }
    return found;
  };
  return {
    ecr: {
      // DescribeRepositories: nextToken in and out, maxResults page size; policies and tags are not in this answer.
      DescribeRepositories: (input, ctx) =>
        page(
          repositories(ctx).map(({ props: { Policy: _p, LifecyclePolicy: _l, ...repo } }) => repo),
          input,
          { itemsKey: 'repositories', tokenIn: 'nextToken', pageSize, maxKey: 'maxResults' },
        ),
      GetRepositoryPolicy: (input, ctx) => {
        const r = repository(input, ctx);
        deniedIfGap(r, 'Policy');
        if (!r.props.Policy) {
          throw fakeError(
            'RepositoryPolicyNotFoundException',
            `Repository policy does not exist for the repository with name '${r.name}' in the registry with id '${ctx.account}'`,
            400,
          );
        }
        return {
          registryId: ctx.account,
          repositoryName: r.name,
          policyText: JSON.stringify(r.props.Policy, null, 2),
        };
      },
      GetLifecyclePolicy: (input, ctx) => {
        const r = repository(input, ctx);
        deniedIfGap(r, 'LifecyclePolicy');
        if (!r.props.LifecyclePolicy) {
          throw fakeError(
            'LifecyclePolicyNotFoundException',
            `Lifecycle policy does not exist for the repository with name '${r.name}' in the registry with id '${ctx.account}'`,
            400,
          );
        }
        return {
          registryId: ctx.account,
          repositoryName: r.name,
          lifecyclePolicyText: JSON.stringify(r.props.LifecyclePolicy),
          lastEvaluatedAt: new Date('2026-11-19T00:00:00Z'),
        };
      },
      ListTagsForResource: (input, ctx) => {
        const r = repository(input, ctx);
        deniedIfGap(r, 'Tags');
        return { tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) };
      },
    },
    dynamodb: {
      // ListTables: names in order, ExclusiveStartTableName in, LastEvaluatedTableName out, Limit page size.
      ListTables: (input, ctx) => {
        const names = tables(ctx)
          .map((x) => x.props.TableName ?? x.name)
          .sort();
        const after = typeof input.ExclusiveStartTableName === 'string' ? input.ExclusiveStartTableName : undefined;
        const start = after === undefined ? 0 : names.findIndex((n) => n > after);
        const rest = start < 0 ? [] : names.slice(start);
        const size = Math.min(typeof input.Limit === 'number' ? input.Limit : 100, pageSize);
        const TableNames = rest.slice(0, size);
        return rest.length > size ? { TableNames, LastEvaluatedTableName: TableNames.at(-1) } : { TableNames };
      },
      DescribeTable: (input, ctx) => {
        const t = table(input.TableName, ctx);
        deniedIfGap(t, 'SSEDescription');
        const { ContinuousBackups: _, ...description } = t.props;
        return { Table: description };
      },
      DescribeContinuousBackups: (input, ctx) => {
        const t = table(input.TableName, ctx, 'TableNotFoundException');
        deniedIfGap(t, 'ContinuousBackups');
        return { ContinuousBackupsDescription: t.props.ContinuousBackups };
      },
      // ListTagsOfResource: NextToken in and out.
      ListTagsOfResource: (input, ctx) => {
        const t = table(input.ResourceArn, ctx);
        deniedIfGap(t, 'Tags');
        const tags = Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value }));
        return page(tags, input, { itemsKey: 'Tags', tokenIn: 'NextToken', pageSize });
      },
    },
    sqs: {
      // ListQueues: NextToken in and out, MaxResults (up to 1000) page size; QueueNamePrefix filters by name.
      ListQueues: (input, ctx) => {
        const prefix = typeof input.QueueNamePrefix === 'string' ? input.QueueNamePrefix : '';
        const urls = queues(ctx)
          .filter((q) => q.name.startsWith(prefix))
          .map((q) => q.props.QueueUrl);
        return page(urls, input, { itemsKey: 'QueueUrls', tokenIn: 'NextToken', pageSize, maxKey: 'MaxResults' });
      },
      // GetQueueAttributes (All): every attribute as a string, the access policy as JSON text when there is one.
      GetQueueAttributes: (input, ctx) => {
        const q = queue(input, ctx);
        deniedIfGap(q, 'Attributes');
        return {
          Attributes: { ...q.props.Attributes, ...(q.props.Policy ? { Policy: JSON.stringify(q.props.Policy) } : {}) },
        };
      },
      ListQueueTags: (input, ctx) => {
        const q = queue(input, ctx);
        deniedIfGap(q, 'Tags');
        return Object.keys(q.tags).length > 0 ? { Tags: q.tags } : {};
      },
    },
  };
}
