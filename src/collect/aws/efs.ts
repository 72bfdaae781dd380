import { DescribeBackupPolicyCommand, EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { Resource } from '../../core/resource.js';
import type { EfsFileSystemProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/**
 * aws.efs.file_system: DescribeFileSystems, whose answer carries encryption, the Name tag and the tags; then
 * DescribeBackupPolicy per file system (automatic backups; PolicyNotFound means never turned on → null).
 */
export const efsCollector: Collector = {
  service: 'efs',
  scope: 'regional',
  types: ['aws.efs.file_system'],
  async collect(ctx) {
    const efs = ctx.client(EFSClient);
    const fileSystems = await ctx.list('aws.efs.file_system', 'DescribeFileSystems', () =>
      allPages(paginateDescribeFileSystems({ client: efs }, {}), (p) => p.FileSystems ?? []),
    );
    const resources: Resource<EfsFileSystemProps>[] = [];
    await ctx.each(fileSystems ?? [], async (fs) => {
      if (!fs.FileSystemArn) return;
      const props = toJson<EfsFileSystemProps>(fs);
      const resource = ctx.resource('aws.efs.file_system', {
        uid: fs.FileSystemArn,
        // Name is the value of the file system's Name tag, when it has one.
        name: fs.Name || fs.FileSystemId || fs.FileSystemArn,
        props,
        tags: tagMap(fs.Tags),
      });
      const backup = await ctx.detail(
        resource,
        'BackupPolicy',
        async () => (await efs.send(new DescribeBackupPolicyCommand({ FileSystemId: fs.FileSystemId }))).BackupPolicy,
        { codes: ['PolicyNotFound'], value: null },
      );
      if (backup !== undefined) props.BackupPolicy = backup === null ? null : toJson(backup);
      resources.push(resource);
    });
    // Keep the order of DescribeFileSystems, whatever order the detail calls finished in.
    const order = new Map((fileSystems ?? []).map((f, i) => [f.FileSystemArn, i]));
    resources.sort((a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0));
    for (const r of resources) ctx.emit(r);
  },
};
