import {
  type EC2Client,
  type FlowLog,
  paginateDescribeFlowLogs,
  paginateDescribeInternetGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { EC2_PAGE, EC2_SMALL_PAGE, ec2Resources, emitEc2 } from './ec2-common.js';
import type { CollectContext } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/** VPCs with their flow logs (DescribeVpcs + DescribeFlowLogs: the flow logs whose ResourceId is the VPC). */
export async function collectVpcs(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  const vpcs = await ec2Resources(ctx, {
    type: 'aws.ec2.vpc',
    operation: 'DescribeVpcs',
    kind: 'vpc',
    fetch: () => allPages(paginateDescribeVpcs({ client: ec2, pageSize: EC2_PAGE }, {}), (p) => p.Vpcs ?? []),
    id: (v) => v.VpcId,
  });
  if (!vpcs || vpcs.length === 0) return;
  // One listing for the region; when it fails, every VPC gets a gap on FlowLogs (their rules give ERROR).
  const flowLogs = allPages(paginateDescribeFlowLogs({ client: ec2, pageSize: EC2_PAGE }, {}), (p) => p.FlowLogs ?? []);
  flowLogs.catch(() => undefined);
  await ctx.each(vpcs, async (vpc) => {
    const all = await ctx.detail<FlowLog[]>(vpc, 'FlowLogs', () => flowLogs);
    if (all) vpc.props.FlowLogs = toJson(all.filter((f) => f.ResourceId === vpc.props.VpcId));
    ctx.emit(vpc);
  });
}

/** Subnets, route tables, internet gateways, peering connections, security groups and network ACLs. */
export async function collectNetwork(ctx: CollectContext, ec2: EC2Client): Promise<void> {
  await Promise.all([
    emitEc2(ctx, {
      type: 'aws.ec2.subnet',
      operation: 'DescribeSubnets',
      kind: 'subnet',
      fetch: () => allPages(paginateDescribeSubnets({ client: ec2, pageSize: EC2_PAGE }, {}), (p) => p.Subnets ?? []),
      id: (s) => s.SubnetId,
    }),
    emitEc2(ctx, {
      type: 'aws.ec2.route_table',
      operation: 'DescribeRouteTables',
      kind: 'route-table',
      fetch: () =>
        allPages(
          paginateDescribeRouteTables({ client: ec2, pageSize: EC2_SMALL_PAGE }, {}),
          (p) => p.RouteTables ?? [],
        ),
      id: (t) => t.RouteTableId,
    }),
    emitEc2(ctx, {
      type: 'aws.ec2.internet_gateway',
      operation: 'DescribeInternetGateways',
      kind: 'internet-gateway',
      fetch: () =>
        allPages(
          paginateDescribeInternetGateways({ client: ec2, pageSize: EC2_PAGE }, {}),
          (p) => p.InternetGateways ?? [],
        ),
      id: (g) => g.InternetGatewayId,
    }),
    emitEc2(ctx, {
      type: 'aws.ec2.vpc_peering_connection',
      operation: 'DescribeVpcPeeringConnections',
      kind: 'vpc-peering-connection',
      fetch: () =>
        allPages(
          paginateDescribeVpcPeeringConnections({ client: ec2, pageSize: EC2_PAGE }, {}),
          (p) => p.VpcPeeringConnections ?? [],
        ),
      id: (c) => c.VpcPeeringConnectionId,
      keep: (c) => !keptInAnotherRegion(ctx, c),
    }),
    emitEc2(ctx, {
      type: 'aws.ec2.security_group',
      operation: 'DescribeSecurityGroups',
      kind: 'security-group',
      fetch: () =>
        allPages(
          paginateDescribeSecurityGroups({ client: ec2, pageSize: EC2_PAGE }, {}),
          (p) => p.SecurityGroups ?? [],
        ),
      id: (g) => g.GroupId,
      // The console's name of a security group is its group name (every group has one; the Name tag is optional).
      name: (g, id) => g.GroupName ?? id,
    }),
    emitEc2(ctx, {
      type: 'aws.ec2.network_acl',
      operation: 'DescribeNetworkAcls',
      kind: 'network-acl',
      fetch: () =>
        allPages(
          paginateDescribeNetworkAcls({ client: ec2, pageSize: EC2_SMALL_PAGE }, {}),
          (p) => p.NetworkAcls ?? [],
        ),
      id: (a) => a.NetworkAclId,
    }),
  ]);
}

/**
 * A cross-region peering connection is listed in both regions. It is kept once, in the requester's region, when
 * the requester VPC is this account's; one requested by another account is kept in the accepter's region.
 */
function keptInAnotherRegion(ctx: CollectContext, c: VpcPeeringConnection): boolean {
  const requester = c.RequesterVpcInfo;
  return requester?.OwnerId === ctx.account && requester.Region !== undefined && requester.Region !== ctx.region;
}
