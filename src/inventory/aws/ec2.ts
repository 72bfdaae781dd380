import type {
  CreateVolumePermission,
  FlowLog,
  Instance,
  InternetGateway,
  NetworkAcl,
  RouteTable,
  SecurityGroup,
  Snapshot,
  Subnet,
  Volume,
  Vpc,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import type { Json } from '../json.js';

/** aws.ec2.vpc with the flow logs whose ResourceId is this VPC (ec2:DescribeFlowLogs). */
export type VpcProps = Json<Vpc> & { FlowLogs: Json<FlowLog>[] };
export type SubnetProps = Json<Subnet>;
export type RouteTableProps = Json<RouteTable>;
export type InternetGatewayProps = Json<InternetGateway>;
export type VpcPeeringConnectionProps = Json<VpcPeeringConnection>;
export type SecurityGroupProps = Json<SecurityGroup>;
export type NetworkAclProps = Json<NetworkAcl>;
export type InstanceProps = Json<Instance>;
export type VolumeProps = Json<Volume>;
/** aws.ec2.snapshot with ec2:DescribeSnapshotAttribute createVolumePermission. */
export type SnapshotProps = Json<Snapshot> & { CreateVolumePermissions: Json<CreateVolumePermission>[] };
