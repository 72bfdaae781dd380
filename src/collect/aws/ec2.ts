import {
  DescribeSnapshotAttributeCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { EC2_PAGE, ec2Resources, emitEc2 } from './ec2-common.js';
import { collectNetwork, collectVpcs } from './ec2-network.js';
import type { Collector } from './runtime/collector.js';
import type { CollectContext } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/**
 * EC2 networking and compute of one region: VPCs (with flow logs), subnets, route tables, internet gateways,
 * peering connections, security groups, network ACLs, instances, EBS volumes and the account's own snapshots
 * (with who may create volumes from them).
 */
export const ec2Collector: Collector = {
  service: 'ec2',
  scope: 'regional',
  types: [
    'aws.ec2.vpc',
    'aws.ec2.subnet',
    'aws.ec2.route_table',
    'aws.ec2.internet_gateway',
    'aws.ec2.vpc_peering_connection',
    'aws.ec2.security_group',
    'aws.ec2.network_acl',
    'aws.ec2.instance',
    'aws.ec2.volume',
    'aws.ec2.snapshot',
  ],
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    await Promise.all([
      collectVpcs(ctx, ec2),
      collectNetwork(ctx, ec2),
      collectInstances(ctx, ec2),
      collectVolumes(ctx, ec2),
      collectSnapshots(ctx, ec2),
    ]);
  },
};

/** Every reservation's instances, except terminated ones (they linger in the answer for about an hour). */
function collectInstances(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  return emitEc2(ctx, {
    type: 'aws.ec2.instance',
    operation: 'DescribeInstances',
    kind: 'instance',
    fetch: () =>
      allPages(paginateDescribeInstances({ client: ec2, pageSize: EC2_PAGE }, {}), (p) =>
        (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
      ),
    id: (i) => i.InstanceId,
    keep: (i) => i.State?.Name !== 'terminated',
  });
}

function collectVolumes(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  return emitEc2(ctx, {
    type: 'aws.ec2.volume',
    operation: 'DescribeVolumes',
    kind: 'volume',
    fetch: () => allPages(paginateDescribeVolumes({ client: ec2, pageSize: EC2_PAGE }, {}), (p) => p.Volumes ?? []),
    id: (v) => v.VolumeId,
  });
}

/** The account's own snapshots, each with DescribeSnapshotAttribute createVolumePermission (public or shared). */
async function collectSnapshots(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const snapshots = await ec2Resources(ctx, {
    type: 'aws.ec2.snapshot',
    operation: 'DescribeSnapshots',
    kind: 'snapshot',
    fetch: () =>
      allPages(
        paginateDescribeSnapshots({ client: ec2, pageSize: EC2_PAGE }, { OwnerIds: ['self'] }),
        (p) => p.Snapshots ?? [],
      ),
    id: (s) => s.SnapshotId,
  });
  await ctx.each(snapshots ?? [], async (snapshot) => {
    const attribute = await ctx.detail(snapshot, 'CreateVolumePermissions', () =>
      ec2.send(
        new DescribeSnapshotAttributeCommand({
          SnapshotId: snapshot.props.SnapshotId,
          Attribute: 'createVolumePermission',
        }),
      ),
    );
    if (attribute) snapshot.props.CreateVolumePermissions = toJson(attribute.CreateVolumePermissions ?? []);
    ctx.emit(snapshot);
  });
}
