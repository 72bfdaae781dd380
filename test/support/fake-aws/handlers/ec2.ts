import type { Resource } from '../../../../src/core/resource.js';
import type {
  InstanceProps,
  SnapshotProps,
  VpcPeeringConnectionProps,
  VpcProps,
} from '../../../../src/inventory/aws/ec2.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandler, FakeHandlers, FakeInput } from '../types.js';

export interface Ec2HandlerOptions {
  /** Items per page, smaller than AWS's own so that the demo's lists take several pages (default 2). */
  pageSize?: number;
  /** Adds, in every region with instances, a terminated instance (as DescribeInstances shows one for about an hour). */
  terminatedInstance?: boolean;
}

/** MaxResults each operation accepts (the EC2 API reference); outside it EC2 answers InvalidParameterValue. */
const MAX_RESULTS: Record<string, number> = { DescribeRouteTables: 100, DescribeNetworkAcls: 100 };

function checkMaxResults(input: FakeInput, operation: string): void {
  const max = input.MaxResults;
  if (max === undefined) return;
  const limit = MAX_RESULTS[operation] ?? 1000;
  if (typeof max !== 'number' || max < 5 || max > limit) {
    throw fakeError(
      'InvalidParameterValue',
      `Value ( ${String(max)} ) for parameter maxResults is invalid. Parameter must be between 5 and ${limit}.`,
      400,
    );
  }
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * EC2 (ec2Query) networking and compute answering from the demo, as the EC2 API reference shapes the outputs:
 * NextToken / MaxResults pagination, DescribeInstances grouped in reservations, DescribeFlowLogs for the region,
 * cross-region peering connections listed in both regions, snapshots and their createVolumePermission.
 */
export function ec2Handlers(inv: DemoIndex, options: Ec2HandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 2;
  const of = <P>(type: string, ctx: FakeContext) => inv.ofType<P>(`aws.ec2.${type}`, ctx.account, ctx.region);

  /** A paginated Describe* over the region's resources of a type, optionally narrowed by the ids input member. */
  const describe =
    <P>(operation: string, type: string, itemsKey: string, idKey: string, idsKey: string, shape?: (p: P) => unknown) =>
    (input: FakeInput, ctx: FakeContext) => {
      checkMaxResults(input, operation);
      const wanted = ids(input[idsKey]);
      const items = of<P>(type, ctx)
        .map((r) => r.props)
        .filter((p) => wanted.length === 0 || wanted.includes(String((p as Record<string, unknown>)[idKey])));
      return page(shape ? items.map(shape) : items, input, { itemsKey, tokenIn: 'NextToken', pageSize });
    };

  const snapshots = (ctx: FakeContext) => of<SnapshotProps>('snapshot', ctx);

  const handlers: Record<string, FakeHandler> = {
    DescribeVpcs: describe<VpcProps>(
      'DescribeVpcs',
      'vpc',
      'Vpcs',
      'VpcId',
      'VpcIds',
      ({ FlowLogs: _, ...vpc }) => vpc,
    ),
    DescribeFlowLogs: (input, ctx) => {
      checkMaxResults(input, 'DescribeFlowLogs');
      const flowLogs = of<VpcProps>('vpc', ctx).flatMap((v) => v.props.FlowLogs ?? []);
      return page(flowLogs, input, { itemsKey: 'FlowLogs', tokenIn: 'NextToken', pageSize });
    },
    DescribeSubnets: describe('DescribeSubnets', 'subnet', 'Subnets', 'SubnetId', 'SubnetIds'),
    DescribeRouteTables: describe('DescribeRouteTables', 'route_table', 'RouteTables', 'RouteTableId', 'RouteTableIds'),
    DescribeInternetGateways: describe(
      'DescribeInternetGateways',
      'internet_gateway',
      'InternetGateways',
      'InternetGatewayId',
      'InternetGatewayIds',
    ),
    DescribeSecurityGroups: describe(
      'DescribeSecurityGroups',
      'security_group',
      'SecurityGroups',
      'GroupId',
      'GroupIds',
    ),
    DescribeNetworkAcls: describe('DescribeNetworkAcls', 'network_acl', 'NetworkAcls', 'NetworkAclId', 'NetworkAclIds'),
    DescribeVolumes: describe('DescribeVolumes', 'volume', 'Volumes', 'VolumeId', 'VolumeIds'),
    // A peering connection between two regions shows in both: the requester's and the accepter's.
    DescribeVpcPeeringConnections: (input, ctx) => {
      checkMaxResults(input, 'DescribeVpcPeeringConnections');
      const list = inv
        .ofType<VpcPeeringConnectionProps>('aws.ec2.vpc_peering_connection', ctx.account)
        .map((r) => r.props)
        .filter((c) => c.RequesterVpcInfo?.Region === ctx.region || c.AccepterVpcInfo?.Region === ctx.region);
      return page(list, input, { itemsKey: 'VpcPeeringConnections', tokenIn: 'NextToken', pageSize });
    },
    DescribeInstances: (input, ctx) => {
      checkMaxResults(input, 'DescribeInstances');
      return page(reservations(of<InstanceProps>('instance', ctx), ctx, options.terminatedInstance === true), input, {
        itemsKey: 'Reservations',
        tokenIn: 'NextToken',
        pageSize,
      });
    },
    DescribeSnapshots: (input, ctx) => {
      checkMaxResults(input, 'DescribeSnapshots');
      const owners = ids(input.OwnerIds);
      // The demo has only the account's own snapshots; without OwnerIds AWS would add public and shared ones.
      const mine = owners.length === 0 || owners.includes('self') || owners.includes(ctx.account);
      const list = mine ? snapshots(ctx).map(({ props: { CreateVolumePermissions: _, ...s } }) => s) : [];
      return page(list, input, { itemsKey: 'Snapshots', tokenIn: 'NextToken', pageSize });
    },
    DescribeSnapshotAttribute: (input, ctx) => {
      const id = String(input.SnapshotId);
      const snapshot = snapshots(ctx).find((s) => s.props.SnapshotId === id);
      if (!snapshot) throw fakeError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`, 400);
      if (input.Attribute === 'createVolumePermission') {
        return { SnapshotId: id, CreateVolumePermissions: snapshot.props.CreateVolumePermissions };
      }
      if (input.Attribute === 'productCodes') return { SnapshotId: id, ProductCodes: [] };
      throw fakeError(
        'InvalidParameterValue',
        `Value (${String(input.Attribute)}) for parameter attribute is invalid.`,
      );
    },
  };
  return { ec2: handlers };
}

/**
 * Instances launched together (same launch time and image) share a reservation, as one RunInstances call gives;
 * the reservation id is derived from the first instance's id.
 */
function reservations(instances: Resource<InstanceProps>[], ctx: FakeContext, terminated: boolean) {
  const groups = new Map<string, InstanceProps[]>();
  for (const { props } of instances) {
    const key = `${props.LaunchTime}\u0000${props.ImageId}`;
    groups.set(key, [...(groups.get(key) ?? []), props]);
  }
  const list = [...groups.values()].map((group) => ({
    ReservationId: `r-${String(group[0]?.InstanceId).slice(2)}`,
    OwnerId: ctx.account,
    Groups: [],
    Instances: group,
  }));
  const first = instances[0]?.props;
  if (terminated && first) {
    const InstanceId = `i-0ffff${String(first.InstanceId).slice(7)}`;
    list.push({
      ReservationId: `r-${InstanceId.slice(2)}`,
      OwnerId: ctx.account,
      Groups: [],
      Instances: [
        {
          ...first,
          InstanceId,
          State: { Code: 48, Name: 'terminated' },
          StateTransitionReason: 'User initiated (2026-11-20 02:10:00 GMT)',
          BlockDeviceMappings: [],
          NetworkInterfaces: [],
          SecurityGroups: [],
        } as InstanceProps,
      ],
    });
  }
  return list;
}
