import { isUnknown, unknown } from '../../../core/resource.js';
import type { IacBlock } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import { bool, compact, isCfn, joinChildren, Locations, obj, setStr, str, tagsOf } from './util.js';

/**
 * aws.efs.file_system from AWS::EFS::FileSystem and aws_efs_file_system (+ aws_efs_backup_policy), in
 * DescribeFileSystems' shape with DescribeBackupPolicy. Created through the API (CloudFormation, Terraform), a file
 * system is unencrypted unless Encrypted is set, and has automatic backups off unless a backup policy turns them on
 * (the console's defaults differ).
 */

function fsProps(f: {
  encrypted: unknown;
  kmsKey: unknown;
  performance: unknown;
  throughput: unknown;
  backup: unknown;
  tags: Record<string, string>;
}): Record<string, unknown> {
  const status = str(f.backup);
  return compact({
    FileSystemId: unknown('assigned by EFS when the file system is created'),
    Name: f.tags.Name,
    Encrypted: bool(f.encrypted) ?? false,
    KmsKeyId: setStr(f.kmsKey),
    PerformanceMode: str(f.performance) ?? 'generalPurpose',
    ThroughputMode: str(f.throughput) ?? 'bursting',
    BackupPolicy: status === undefined ? null : { Status: status },
    Tags: Object.entries(f.tags).map(([Key, Value]) => ({ Key, Value })),
  });
}

function mapCfn(block: IacBlock): Mapped {
  const p = block.props;
  const tags = tagsOf(block, 'FileSystemTags');
  const backup = obj(p.BackupPolicy);
  const loc = new Locations()
    .add('Encrypted', block, 'Encrypted')
    .add('KmsKeyId', block, 'KmsKeyId')
    .add('BackupPolicy', block, 'BackupPolicy')
    .add('BackupPolicy.Status', block, 'BackupPolicy.Status');
  return {
    type: 'aws.efs.file_system',
    name: tags.Name ?? block.address,
    props: fsProps({
      encrypted: p.Encrypted,
      kmsKey: p.KmsKeyId,
      performance: p.PerformanceMode,
      throughput: p.ThroughputMode,
      backup: backup === undefined || isUnknown(backup) ? backup : backup.Status,
      tags,
    }),
    tags,
    locations: loc.map,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const tags = tagsOf(block);
  const loc = new Locations().add('Encrypted', block, 'encrypted').add('KmsKeyId', block, 'kms_key_id');
  const bp = joinChildren(ctx, block, 'aws_efs_backup_policy', 'file_system_id', [], joined)[0];
  let backup: unknown;
  if (bp) {
    const cfg = obj(bp.props.backup_policy);
    backup = cfg === undefined || isUnknown(cfg) ? cfg : cfg.status;
    loc.add('BackupPolicy', bp, 'backup_policy').add('BackupPolicy.Status', bp, 'backup_policy.0.status');
  }
  return {
    type: 'aws.efs.file_system',
    name: tags.Name ?? block.address,
    props: fsProps({
      encrypted: p.encrypted,
      kmsKey: p.kms_key_id,
      performance: p.performance_mode,
      throughput: p.throughput_mode,
      backup,
      tags,
    }),
    tags,
    locations: loc.map,
    joined,
  };
}

export const efsMappers: BlockMapper[] = [
  { source: 'AWS::EFS::FileSystem', map: (b) => (isCfn(b) ? mapCfn(b) : undefined) },
  { source: 'aws_efs_file_system', map: (b, ctx) => mapTf(b, ctx) },
];
