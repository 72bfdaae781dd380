import { EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { EfsFileSystemProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/** aws.efs.file_system: DescribeFileSystems, whose answer carries encryption, the Name tag and the tags. */
export const efsCollector: Collector = {
  service: 'efs',
  scope: 'regional',
  types: ['aws.efs.file_system'],
  async collect(ctx) {
    const efs = ctx.client(EFSClient);
    const fileSystems = await ctx.list('aws.efs.file_system', 'DescribeFileSystems', () =>
      allPages(paginateDescribeFileSystems({ client: efs }, {}), (p) => p.FileSystems ?? []),
    );
    for (const fs of fileSystems ?? []) {
      if (!fs.FileSystemArn) continue;
      ctx.emit(
        ctx.resource('aws.efs.file_system', {
          uid: fs.FileSystemArn,
          // Name is the value of the file system's Name tag, when it has one.
          name: fs.Name || fs.FileSystemId || fs.FileSystemArn,
          props: toJson<EfsFileSystemProps>(fs),
          tags: tagMap(fs.Tags),
        }),
      );
    }
  },
};
