import { paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import type { DbClusterProps, DbInstanceProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/**
 * aws.rds.db_instance (DescribeDBInstances) and aws.rds.db_cluster (DescribeDBClusters). Both answers carry every
 * setting the rules read and the tags (TagList), so no call per resource is needed.
 */
export const rdsCollector: Collector = {
  service: 'rds',
  scope: 'regional',
  types: ['aws.rds.db_instance', 'aws.rds.db_cluster'],
  async collect(ctx) {
    const rds = ctx.client(RDSClient);
    const [instances, clusters] = await Promise.all([
      ctx.list('aws.rds.db_instance', 'DescribeDBInstances', () =>
        allPages(paginateDescribeDBInstances({ client: rds }, {}), (p) => p.DBInstances ?? []),
      ),
      ctx.list('aws.rds.db_cluster', 'DescribeDBClusters', () =>
        allPages(paginateDescribeDBClusters({ client: rds }, {}), (p) => p.DBClusters ?? []),
      ),
    ]);
    for (const db of instances ?? []) {
      if (!db.DBInstanceArn) continue;
      const props = toJson<DbInstanceProps>(db);
      ctx.emit(
        ctx.resource('aws.rds.db_instance', {
          uid: db.DBInstanceArn,
          name: db.DBInstanceIdentifier ?? db.DBInstanceArn,
          props,
          tags: tagMap(db.TagList),
        }),
      );
    }
    for (const cluster of clusters ?? []) {
      if (!cluster.DBClusterArn) continue;
      const props = toJson<DbClusterProps>(cluster);
      ctx.emit(
        ctx.resource('aws.rds.db_cluster', {
          uid: cluster.DBClusterArn,
          name: cluster.DBClusterIdentifier ?? cluster.DBClusterArn,
          props,
          tags: tagMap(cluster.TagList),
        }),
      );
    }
  },
};
