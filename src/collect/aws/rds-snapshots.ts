import { DescribeDBSnapshotAttributesCommand, paginateDescribeDBSnapshots, RDSClient } from '@aws-sdk/client-rds';
import type { DbSnapshotProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/**
 * aws.rds.db_snapshot: DescribeDBSnapshots (manual snapshots, the only kind that can be shared; the answer carries
 * TagList) → DescribeDBSnapshotAttributes per snapshot, whose `restore` attribute says who may restore it.
 */
export const rdsSnapshotCollector: Collector = {
  service: 'rds',
  scope: 'regional',
  types: ['aws.rds.db_snapshot'],
  async collect(ctx) {
    const rds = ctx.client(RDSClient);
    const snapshots = await ctx.list('aws.rds.db_snapshot', 'DescribeDBSnapshots', () =>
      allPages(paginateDescribeDBSnapshots({ client: rds }, { SnapshotType: 'manual' }), (p) => p.DBSnapshots ?? []),
    );
    await ctx.each(snapshots ?? [], async (snapshot) => {
      const { DBSnapshotArn, DBSnapshotIdentifier } = snapshot;
      if (!DBSnapshotArn || !DBSnapshotIdentifier) return;
      const props = toJson<DbSnapshotProps>(snapshot);
      const resource = ctx.resource('aws.rds.db_snapshot', {
        uid: DBSnapshotArn,
        name: DBSnapshotIdentifier,
        props,
        tags: tagMap(snapshot.TagList),
      });
      const attributes = await ctx.detail(resource, 'Attributes', async () => {
        const out = await rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier }));
        return toJson<DbSnapshotProps['Attributes']>(out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? []);
      });
      if (attributes) props.Attributes = attributes;
      ctx.emit(resource);
    });
  },
};
