import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import type { Resource } from '../../core/resource.js';
import type { DynamoDbTableProps } from '../../inventory/aws/storage.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/** The DescribeTable fields the table rules read besides TableName: unset with a gap when DescribeTable failed. */
const DESCRIBE_TABLE_PATHS = ['TableArn', 'SSEDescription', 'DeletionProtectionEnabled'] as const;

/**
 * aws.dynamodb.table: ListTables (all pages), then per table DescribeTable, DescribeContinuousBackups (point-in-time
 * recovery) and ListTagsOfResource (all pages). A table whose description fails keeps its name, with gaps.
 */
export const dynamodbCollector: Collector = {
  service: 'dynamodb',
  scope: 'regional',
  types: ['aws.dynamodb.table'],
  async collect(ctx) {
    const ddb = ctx.client(DynamoDBClient);
    const names = await ctx.list('aws.dynamodb.table', 'ListTables', () =>
      allPages(paginateListTables({ client: ddb }, {}), (p) => p.TableNames ?? []),
    );
    const resources: Resource<DynamoDbTableProps>[] = [];
    await ctx.each(names ?? [], async (TableName) => {
      const props = { TableName } as DynamoDbTableProps;
      const resource = ctx.resource('aws.dynamodb.table', {
        uid: `arn:aws:dynamodb:${ctx.region}:${ctx.account}:table/${TableName}`,
        name: TableName,
        props,
      });
      const [table, backups] = await Promise.all([
        ctx.detail(resource, 'SSEDescription', async () => {
          const out = await ddb.send(new DescribeTableCommand({ TableName }));
          return out.Table ?? {};
        }),
        ctx.detail(resource, 'ContinuousBackups', async () => {
          const out = await ddb.send(new DescribeContinuousBackupsCommand({ TableName }));
          return out.ContinuousBackupsDescription ?? {};
        }),
      ]);
      if (table) {
        Object.assign(props, toJson<DynamoDbTableProps>(table));
        if (table.TableArn) resource.uid = table.TableArn;
      } else {
        const why = resource.gaps?.SSEDescription ?? 'not collected';
        for (const path of DESCRIBE_TABLE_PATHS) resource.gaps = { ...resource.gaps, [path]: why };
      }
      if (backups) props.ContinuousBackups = toJson(backups);
      const tags = await ctx.detail(resource, 'Tags', async () => {
        const all: Tag[] = [];
        let NextToken: string | undefined;
        do {
          const out = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: resource.uid, NextToken }));
          all.push(...(out.Tags ?? []));
          NextToken = out.NextToken;
        } while (NextToken);
        return all;
      });
      if (tags) resource.tags = tagMap(tags);
      resources.push(resource);
    });
    // Keep the order of ListTables, whatever order the detail calls finished in.
    const order = new Map((names ?? []).map((n, i) => [n, i]));
    resources.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    for (const r of resources) ctx.emit(r);
  },
};
