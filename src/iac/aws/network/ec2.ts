import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  compact,
  isCfn,
  Locations,
  list,
  literals,
  nameOf,
  num,
  obj,
  refTarget,
  selfId,
  str,
  tagList,
  tagsOf,
} from './util.js';

type Props = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Protocols and rule entries

const SG_PROTOCOLS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };
const ACL_PROTOCOLS: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

/** IpProtocol as DescribeSecurityGroups reports it: 'tcp', 'udp', 'icmp', 'icmpv6', '-1' or another number. */
function sgProtocol(v: unknown): string | Unknown {
  const s = str(v);
  if (s === undefined) return unknown('protocol not set');
  if (isUnknown(s)) return s;
  const p = s.trim().toLowerCase();
  return SG_PROTOCOLS[p] ?? p;
}

/** Protocol as DescribeNetworkAcls reports it: a number as a string ('6', '17', '-1'). */
function aclProtocol(v: unknown): string | Unknown {
  const s = str(v);
  if (s === undefined) return unknown('protocol not set');
  if (isUnknown(s)) return s;
  const p = s.trim().toLowerCase();
  return ACL_PROTOCOLS[p] ?? p;
}

/** A CIDR list as ranges; an unresolved list becomes one unresolved range, so rules see something is unknown. */
function ranges(v: unknown, key: 'CidrIp' | 'CidrIpv6'): Array<Record<string, unknown>> {
  const l = list(v);
  if (isUnknown(l)) return [{ [key]: l }];
  return l.map((c) => ({ [key]: isUnknown(c) ? c : str(c) }));
}

interface RuleSpec {
  protocol: unknown;
  from: unknown;
  to: unknown;
  cidr4?: unknown;
  cidr6?: unknown;
  groups?: unknown;
  prefixLists?: unknown;
}

/** One IpPermission in the API's shape. Protocol "-1" carries no ports. */
function ipPermission(spec: RuleSpec): Props {
  const IpProtocol = sgProtocol(spec.protocol);
  const perm: Props = { IpProtocol };
  if (IpProtocol !== '-1') {
    perm.FromPort = num(spec.from);
    perm.ToPort = num(spec.to);
  }
  perm.IpRanges = spec.cidr4 === undefined ? [] : ranges(spec.cidr4, 'CidrIp');
  perm.Ipv6Ranges = spec.cidr6 === undefined ? [] : ranges(spec.cidr6, 'CidrIpv6');
  const groups = list(spec.groups);
  perm.UserIdGroupPairs = isUnknown(groups) ? [{ GroupId: groups }] : groups.map((g) => ({ GroupId: str(g) }));
  const lists = list(spec.prefixLists);
  perm.PrefixListIds = isUnknown(lists) ? [{ PrefixListId: lists }] : lists.map((p) => ({ PrefixListId: str(p) }));
  return compact(perm);
}

/** CloudFormation SecurityGroupIngress/Egress entries (inline or as their own resources). */
function cfnRule(e: Props, egress: boolean): Props {
  return ipPermission({
    protocol: e.IpProtocol,
    from: e.FromPort,
    to: e.ToPort,
    cidr4: e.CidrIp,
    cidr6: e.CidrIpv6,
    groups: egress ? e.DestinationSecurityGroupId : (e.SourceSecurityGroupId ?? e.SourceSecurityGroupName),
    prefixLists: egress ? e.DestinationPrefixListId : e.SourcePrefixListId,
  });
}

/** Terraform inline ingress/egress blocks and aws_security_group_rule. */
function tfRule(e: Props, self: string): Props {
  const groups = [...asArray(e.security_groups), ...asArray(e.source_security_group_id)];
  if (bool(e.self) === true) groups.push(self);
  return ipPermission({
    protocol: e.protocol,
    from: e.from_port,
    to: e.to_port,
    cidr4: e.cidr_blocks,
    cidr6: e.ipv6_cidr_blocks,
    groups,
    prefixLists: e.prefix_list_ids,
  });
}

/** aws_vpc_security_group_ingress_rule / egress_rule. */
function tfVpcRule(e: Props): Props {
  return ipPermission({
    protocol: e.ip_protocol,
    from: e.from_port,
    to: e.to_port,
    cidr4: e.cidr_ipv4,
    cidr6: e.cidr_ipv6,
    groups: e.referenced_security_group_id,
    prefixLists: e.prefix_list_id,
  });
}

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

const ALL_EGRESS: Props = {
  IpProtocol: '-1',
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Security groups

function securityGroup(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const loc = new Locations();
  const joined: IacBlock[] = [];
  const inbound: unknown[] = [];
  const outbound: unknown[] = [];
  const tags = tagsOf(block);
  const id = selfId(block);
  let props: Props;
  if (isCfn(block)) {
    const names = literals(p.GroupName);
    const inline = (key: 'SecurityGroupIngress' | 'SecurityGroupEgress', egress: boolean, into: unknown[]) => {
      const l = list(p[key]);
      if (isUnknown(l)) return l;
      l.forEach((e, j) => {
        loc.set(`${egress ? 'IpPermissionsEgress' : 'IpPermissions'}.${into.length}`, block, `${key}.${j}`);
        into.push(isUnknown(e) ? e : cfnRule(e as Props, egress));
      });
      return undefined;
    };
    const inUnknown = inline('SecurityGroupIngress', false, inbound);
    const outUnknown = inline('SecurityGroupEgress', true, outbound);
    // Without SecurityGroupEgress, CloudFormation keeps the rule AWS adds to every new VPC security group.
    if (p.SecurityGroupEgress === undefined) outbound.push({ ...ALL_EGRESS });
    for (const [type, egress, into] of [
      ['AWS::EC2::SecurityGroupIngress', false, inbound],
      ['AWS::EC2::SecurityGroupEgress', true, outbound],
    ] as const) {
      const children = [
        ...ctx.referrers(type, 'GroupId', block),
        ...(egress ? [] : ctx.referrers(type, 'GroupName', block, names)),
      ];
      for (const child of new Set(children)) {
        loc.set(`${egress ? 'IpPermissionsEgress' : 'IpPermissions'}.${into.length}`, child);
        into.push(cfnRule(child.props, egress));
        ctx.consume(child);
        joined.push(child);
      }
    }
    props = {
      GroupId: id,
      GroupName: nameOf(block, p.GroupName),
      Description: str(p.GroupDescription),
      VpcId: str(p.VpcId),
      IpPermissions: inUnknown ?? inbound,
      IpPermissionsEgress: outUnknown ?? outbound,
      Tags: tagList(tags),
    };
  } else {
    const isDefault = block.type === 'aws_default_security_group';
    const inline = (key: 'ingress' | 'egress', into: unknown[]) => {
      const l = list(p[key]);
      if (isUnknown(l)) return l;
      l.forEach((e, j) => {
        loc.set(`${key === 'egress' ? 'IpPermissionsEgress' : 'IpPermissions'}.${into.length}`, block, `${key}.${j}`);
        into.push(isUnknown(e) ? e : tfRule(e as Props, id));
      });
      return undefined;
    };
    // Terraform removes the allow-all egress rule AWS adds, so only the declared rules remain.
    const inUnknown = inline('ingress', inbound);
    const outUnknown = inline('egress', outbound);
    for (const child of ctx.referrers('aws_security_group_rule', 'security_group_id', block)) {
      const egress = child.props.type === 'egress';
      const into = egress ? outbound : inbound;
      loc.set(`${egress ? 'IpPermissionsEgress' : 'IpPermissions'}.${into.length}`, child);
      into.push(
        child.props.type === undefined || isUnknown(child.props.type) ? unknown('rule type') : tfRule(child.props, id),
      );
      ctx.consume(child);
      joined.push(child);
    }
    for (const [type, into, key] of [
      ['aws_vpc_security_group_ingress_rule', inbound, 'IpPermissions'],
      ['aws_vpc_security_group_egress_rule', outbound, 'IpPermissionsEgress'],
    ] as const) {
      for (const child of ctx.referrers(type, 'security_group_id', block)) {
        loc.set(`${key}.${into.length}`, child);
        into.push(tfVpcRule(child.props));
        ctx.consume(child);
        joined.push(child);
      }
    }
    props = {
      GroupId: id,
      GroupName: isDefault ? 'default' : nameOf(block, p.name),
      Description: str(p.description) ?? (isDefault ? 'default VPC security group' : 'Managed by Terraform'),
      VpcId: str(p.vpc_id),
      IpPermissions: inUnknown ?? inbound,
      IpPermissionsEgress: outUnknown ?? outbound,
      Tags: tagList(tags),
    };
  }
  loc.set('IpPermissions', block, isCfn(block) ? 'SecurityGroupIngress' : 'ingress');
  loc.set('IpPermissionsEgress', block, isCfn(block) ? 'SecurityGroupEgress' : 'egress');
  return {
    type: 'aws.ec2.security_group',
    name: String(props.GroupName),
    props: compact(props),
    tags,
    locations: loc.map,
    joined,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// VPCs and flow logs

function flowLog(child: IacBlock, vpcId: string): Props {
  const p = child.props;
  const cfn = isCfn(child);
  return compact({
    FlowLogId: selfId(child),
    FlowLogStatus: 'ACTIVE',
    ResourceId: vpcId,
    TrafficType: str(cfn ? p.TrafficType : p.traffic_type) ?? unknown('TrafficType not set'),
    LogDestinationType: str(cfn ? p.LogDestinationType : p.log_destination_type) ?? 'cloud-watch-logs',
    LogDestination: str(cfn ? p.LogDestination : p.log_destination),
    LogGroupName: str(cfn ? p.LogGroupName : p.log_group_name),
    DeliverLogsPermissionArn: str(cfn ? p.DeliverLogsPermissionArn : p.iam_role_arn),
    LogFormat: str(cfn ? p.LogFormat : p.log_format),
    MaxAggregationInterval: num(cfn ? p.MaxAggregationInterval : p.max_aggregation_interval) ?? 600,
  });
}

function vpc(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const id = selfId(block);
  const loc = new Locations();
  const children = cfn
    ? ctx.referrers('AWS::EC2::FlowLog', 'ResourceId', block)
    : ctx.referrers('aws_flow_log', 'vpc_id', block);
  const logs = children.map((c) => flowLog(c, id));
  children.forEach((c, i) => {
    loc.set(`FlowLogs.${i}`, c);
    ctx.consume(c);
  });
  // A flow log whose traffic type is unresolved might be the one that captures rejected traffic.
  const unresolved = logs.some((l) => isUnknown(l.TrafficType));
  const tags = tagsOf(block);
  return {
    type: 'aws.ec2.vpc',
    name: tags.Name ?? block.address,
    props: compact({
      VpcId: id,
      CidrBlock: str(cfn ? p.CidrBlock : p.cidr_block),
      State: 'available',
      IsDefault: false,
      InstanceTenancy: str(cfn ? p.InstanceTenancy : p.instance_tenancy) ?? 'default',
      Tags: tagList(tags),
      FlowLogs: unresolved ? unknown('a flow log with an unresolved traffic type') : logs,
    }),
    tags,
    locations: loc.map,
    joined: children,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Subnets

function subnet(block: IacBlock): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  loc.set('MapPublicIpOnLaunch', block, cfn ? 'MapPublicIpOnLaunch' : 'map_public_ip_on_launch');
  loc.set(
    'AssignIpv6AddressOnCreation',
    block,
    cfn ? 'AssignIpv6AddressOnCreation' : 'assign_ipv6_address_on_creation',
  );
  const tags = tagsOf(block);
  return {
    type: 'aws.ec2.subnet',
    name: tags.Name ?? block.address,
    props: compact({
      SubnetId: selfId(block),
      VpcId: str(cfn ? p.VpcId : p.vpc_id),
      CidrBlock: str(cfn ? p.CidrBlock : p.cidr_block),
      AvailabilityZone: str(cfn ? p.AvailabilityZone : p.availability_zone),
      State: 'available',
      // Both default to false for a subnet created through the API (only default subnets differ).
      MapPublicIpOnLaunch: bool(cfn ? p.MapPublicIpOnLaunch : p.map_public_ip_on_launch) ?? false,
      AssignIpv6AddressOnCreation:
        bool(cfn ? p.AssignIpv6AddressOnCreation : p.assign_ipv6_address_on_creation) ?? false,
      DefaultForAz: false,
      Tags: tagList(tags),
    }),
    tags,
    locations: loc.map,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Network ACLs

/** The two entries every network ACL ends with (rule 32767, deny all), ingress and egress. */
const DEFAULT_DENY: Props[] = [false, true].map((Egress) => ({
  RuleNumber: 32767,
  Protocol: '-1',
  RuleAction: 'deny',
  Egress,
  CidrBlock: '0.0.0.0/0',
}));

const lower = (v: string | Unknown | undefined) => (typeof v === 'string' ? v.toLowerCase() : v);

function aclEntry(e: Props, cfn: boolean, egress?: boolean): Props {
  if (cfn) {
    const range = obj(e.PortRange);
    return compact({
      RuleNumber: num(e.RuleNumber),
      Protocol: aclProtocol(e.Protocol),
      RuleAction: lower(str(e.RuleAction)) ?? unknown('RuleAction not set'),
      Egress: bool(e.Egress) ?? false,
      CidrBlock: str(e.CidrBlock),
      Ipv6CidrBlock: str(e.Ipv6CidrBlock),
      PortRange:
        range === undefined ? undefined : isUnknown(range) ? range : { From: num(range.From), To: num(range.To) },
    });
  }
  const action = e.action ?? e.rule_action;
  const protocol = aclProtocol(e.protocol);
  return compact({
    RuleNumber: num(e.rule_no ?? e.rule_number),
    Protocol: protocol,
    RuleAction: lower(str(action)) ?? unknown('action not set'),
    Egress: egress ?? bool(e.egress) ?? false,
    CidrBlock: str(e.cidr_block),
    Ipv6CidrBlock: str(e.ipv6_cidr_block),
    PortRange: protocol === '-1' ? undefined : { From: num(e.from_port), To: num(e.to_port) },
  });
}

function networkAcl(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const entries: unknown[] = [];
  const joined: IacBlock[] = [];
  let unresolved: Unknown | undefined;
  if (!cfn) {
    for (const key of ['ingress', 'egress'] as const) {
      const l = list(p[key]);
      if (isUnknown(l)) {
        unresolved = l;
        continue;
      }
      l.forEach((e, j) => {
        loc.set(`Entries.${entries.length}`, block, `${key}.${j}`);
        entries.push(isUnknown(e) ? e : aclEntry(e as Props, false, key === 'egress'));
      });
    }
  }
  const children = cfn
    ? ctx.referrers('AWS::EC2::NetworkAclEntry', 'NetworkAclId', block)
    : ctx.referrers('aws_network_acl_rule', 'network_acl_id', block);
  for (const child of children) {
    loc.set(`Entries.${entries.length}`, child);
    entries.push(aclEntry(child.props, cfn));
    ctx.consume(child);
    joined.push(child);
  }
  const tags = tagsOf(block);
  return {
    type: 'aws.ec2.network_acl',
    name: tags.Name ?? block.address,
    props: compact({
      NetworkAclId: selfId(block),
      VpcId: str(cfn ? p.VpcId : p.vpc_id),
      IsDefault: false,
      Entries: unresolved ?? [...entries, ...DEFAULT_DENY],
      Tags: tagList(tags),
    }),
    tags,
    locations: loc.map,
    joined,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Route tables

function route(e: Props, cfn: boolean): Props {
  return compact(
    cfn
      ? {
          DestinationCidrBlock: str(e.DestinationCidrBlock),
          DestinationIpv6CidrBlock: str(e.DestinationIpv6CidrBlock),
          DestinationPrefixListId: str(e.DestinationPrefixListId),
          GatewayId: str(e.GatewayId),
          NatGatewayId: str(e.NatGatewayId),
          TransitGatewayId: str(e.TransitGatewayId),
          VpcPeeringConnectionId: str(e.VpcPeeringConnectionId),
          Origin: 'CreateRoute',
          State: 'active',
        }
      : {
          DestinationCidrBlock: str(e.cidr_block ?? e.destination_cidr_block),
          DestinationIpv6CidrBlock: str(e.ipv6_cidr_block ?? e.destination_ipv6_cidr_block),
          DestinationPrefixListId: str(e.destination_prefix_list_id),
          GatewayId: str(e.gateway_id),
          NatGatewayId: str(e.nat_gateway_id),
          TransitGatewayId: str(e.transit_gateway_id),
          VpcPeeringConnectionId: str(e.vpc_peering_connection_id),
          Origin: 'CreateRoute',
          State: 'active',
        },
  );
}

function routeTable(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  const routes: unknown[] = [];
  let unresolved: Unknown | undefined;
  if (!cfn) {
    const l = list(p.route);
    if (isUnknown(l)) unresolved = l;
    else
      l.forEach((e, j) => {
        loc.set(`Routes.${routes.length}`, block, `route.${j}`);
        routes.push(isUnknown(e) ? e : route(e as Props, false));
      });
  }
  const children = cfn
    ? ctx.referrers('AWS::EC2::Route', 'RouteTableId', block)
    : ctx.referrers('aws_route', 'route_table_id', block);
  for (const child of children) {
    loc.set(`Routes.${routes.length}`, child);
    routes.push(route(child.props, cfn));
    ctx.consume(child);
  }
  const tags = tagsOf(block);
  return {
    type: 'aws.ec2.route_table',
    name: tags.Name ?? block.address,
    props: compact({
      RouteTableId: selfId(block),
      VpcId: str(cfn ? p.VpcId : p.vpc_id),
      Routes: unresolved ?? routes,
      Associations: [],
      Tags: tagList(tags),
    }),
    tags,
    locations: loc.map,
    joined: children,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Instances (with their launch template) and volumes

/** The launch template data an instance names, when it is in the same document. */
function launchTemplate(block: IacBlock, ctx: MapContext): { data?: Props; named: boolean; lt?: IacBlock } {
  const p = block.props;
  const spec = obj(isCfn(block) ? p.LaunchTemplate : p.launch_template);
  if (spec === undefined) return { named: false };
  if (isUnknown(spec)) return { named: true };
  const ref = isCfn(block) ? (spec.LaunchTemplateId ?? spec.LaunchTemplateName) : (spec.id ?? spec.name);
  const lt = refTarget(ref, ctx.byAddress);
  if (lt === undefined) return { named: true };
  const data = isCfn(lt) ? obj(lt.props.LaunchTemplateData) : lt.props;
  return { data: data === undefined || isUnknown(data) ? undefined : data, named: true, lt };
}

const UNKNOWN_IMDS = 'the instance metadata defaults of the AMI and the account decide when HttpTokens is not set';

function metadataOptions(own: unknown, fromTemplate: unknown, named: boolean, cfn: boolean): Props | Unknown {
  const o = obj(own) ?? obj(fromTemplate);
  if (o === undefined) return unknown(named ? 'launch template not in this document' : UNKNOWN_IMDS);
  if (isUnknown(o)) return o;
  const tokens = str(cfn ? o.HttpTokens : o.http_tokens);
  return compact({
    State: 'applied',
    HttpTokens: tokens ?? unknown(UNKNOWN_IMDS),
    HttpEndpoint: str(cfn ? o.HttpEndpoint : o.http_endpoint) ?? 'enabled',
    HttpPutResponseHopLimit: num(cfn ? o.HttpPutResponseHopLimit : o.http_put_response_hop_limit),
    InstanceMetadataTags: str(cfn ? o.InstanceMetadataTags : o.instance_metadata_tags),
  });
}

/** Whether the instance gets a public IPv4 address: its own setting, else its subnet's, else unknown. */
function publicIp(block: IacBlock, ctx: MapContext, template: Props | undefined): unknown {
  const p = block.props;
  const cfn = isCfn(block);
  const eips = cfn ? ctx.referrers('AWS::EC2::EIP', 'InstanceId', block) : ctx.referrers('aws_eip', 'instance', block);
  if (eips.length > 0) return `\${${eips[0]!.address}}`;
  let assoc: unknown;
  let subnetRef: unknown;
  if (cfn) {
    const nics = list(p.NetworkInterfaces);
    if (isUnknown(nics)) return nics;
    const primary = nics.find((n) => isUnknown(n) || num((n as Props).DeviceIndex) === 0) as
      | Props
      | Unknown
      | undefined;
    if (primary !== undefined && isUnknown(primary)) return primary;
    assoc = primary?.AssociatePublicIpAddress;
    subnetRef = primary?.SubnetId ?? p.SubnetId;
    if (assoc === undefined && template) {
      const tnics = list(template.NetworkInterfaces);
      const tprimary = isUnknown(tnics) ? undefined : (tnics[0] as Props | undefined);
      assoc = tprimary?.AssociatePublicIpAddress;
    }
  } else {
    assoc = p.associate_public_ip_address;
    subnetRef = p.subnet_id;
    if (assoc === undefined && template) {
      const nic = obj(template.network_interfaces);
      if (nic !== undefined && !isUnknown(nic)) assoc = nic.associate_public_ip_address;
    }
  }
  const explicit = bool(assoc);
  let decided = explicit;
  if (decided === undefined) {
    if (subnetRef === undefined) {
      return unknown('no subnet: the default subnet of the default VPC decides whether a public IP is assigned');
    }
    const sn = refTarget(subnetRef, ctx.byAddress);
    if (sn === undefined) return unknown('the subnet is outside this document');
    decided = bool(isCfn(sn) ? sn.props.MapPublicIpOnLaunch : sn.props.map_public_ip_on_launch) ?? false;
  }
  if (isUnknown(decided)) return decided;
  return decided ? 'assigned at launch' : undefined;
}

function instanceProfile(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (isRef(v) || typeof v === 'string') {
    const s = str(v);
    if (s === undefined || isUnknown(s)) return s;
    return { Arn: s.startsWith('arn:') || s.startsWith('${') ? s : `instance-profile/${s}` };
  }
  const o = obj(v);
  if (o === undefined || isUnknown(o)) return o;
  const arn = str(o.Arn ?? o.arn ?? o.Name ?? o.name);
  if (arn === undefined || isUnknown(arn)) return arn;
  return { Arn: arn.startsWith('arn:') || arn.startsWith('${') ? arn : `instance-profile/${arn}` };
}

const UNKNOWN_VOLUME =
  "the AMI's snapshot and the account's EBS encryption by default decide when Encrypted is not set";

function instance(block: IacBlock, ctx: MapContext): Mapped[] {
  const p = block.props;
  const cfn = isCfn(block);
  const { data: template, named } = launchTemplate(block, ctx);
  const tcfn = cfn;
  const loc = new Locations();
  loc.set('MetadataOptions', block, cfn ? 'LaunchTemplate' : 'metadata_options');
  loc.set('MetadataOptions.HttpTokens', block, cfn ? 'LaunchTemplate' : 'metadata_options.0.http_tokens');
  loc.set('IamInstanceProfile', block, cfn ? 'IamInstanceProfile' : 'iam_instance_profile');
  loc.set('PublicIpAddress', block, cfn ? 'NetworkInterfaces' : 'associate_public_ip_address');
  const tags = tagsOf(block);
  const id = selfId(block);
  const metadata = cfn
    ? metadataOptions(undefined, template?.MetadataOptions, named, tcfn)
    : metadataOptions(p.metadata_options, template?.metadata_options, named, tcfn);
  const profile = instanceProfile(
    cfn
      ? (p.IamInstanceProfile ?? template?.IamInstanceProfile)
      : (p.iam_instance_profile ?? template?.iam_instance_profile),
  );
  const props = compact({
    InstanceId: id,
    ImageId: str(cfn ? p.ImageId : p.ami) ?? str(cfn ? template?.ImageId : template?.image_id),
    InstanceType:
      str(cfn ? p.InstanceType : p.instance_type) ?? str(cfn ? template?.InstanceType : template?.instance_type),
    State: { Code: 16, Name: 'running' },
    SubnetId: str(cfn ? p.SubnetId : p.subnet_id),
    MetadataOptions: metadata,
    IamInstanceProfile: profile,
    PublicIpAddress: publicIp(block, ctx, template),
    Tags: tagList(tags),
  });
  const out: Mapped[] = [
    { type: 'aws.ec2.instance', name: tags.Name ?? block.address, props, tags, locations: loc.map },
  ];
  // EBS volumes the instance creates at launch are volumes of their own in the API.
  const devices: Array<{ device: Props; path: string; name: unknown }> = [];
  if (cfn) {
    const l = list(p.BlockDeviceMappings);
    if (!isUnknown(l)) {
      l.forEach((m, j) => {
        const ebs = isUnknown(m) ? undefined : obj((m as Props).Ebs);
        if (ebs !== undefined && !isUnknown(ebs))
          devices.push({ device: ebs, path: `BlockDeviceMappings.${j}`, name: (m as Props).DeviceName });
      });
    }
  } else {
    for (const key of ['root_block_device', 'ebs_block_device'] as const) {
      const l = list(p[key]);
      if (isUnknown(l)) continue;
      l.forEach((d, j) => {
        if (!isUnknown(d)) devices.push({ device: d as Props, path: `${key}.${j}`, name: (d as Props).device_name });
      });
    }
  }
  for (const { device, path, name } of devices) {
    const vloc = new Locations();
    vloc.set('Encrypted', block, `${path}.${cfn ? 'Ebs.Encrypted' : 'encrypted'}`);
    const devName = str(name) ?? (path.startsWith('root') ? 'root' : path);
    out.push({
      type: 'aws.ec2.volume',
      name: `${block.address} ${isUnknown(devName) ? path : devName}`,
      props: compact({
        VolumeId: `${id}:${isUnknown(devName) ? path : devName}`,
        Size: num(cfn ? device.VolumeSize : device.volume_size),
        VolumeType: str(cfn ? device.VolumeType : device.volume_type),
        Encrypted: bool(cfn ? device.Encrypted : device.encrypted) ?? unknown(UNKNOWN_VOLUME),
        KmsKeyId: str(cfn ? device.KmsKeyId : device.kms_key_id),
        SnapshotId: str(cfn ? device.SnapshotId : device.snapshot_id),
        State: 'in-use',
        Attachments: [{ InstanceId: id, Device: isUnknown(devName) ? undefined : devName, State: 'attached' }],
      }),
      tags,
      locations: vloc.map,
    });
  }
  return out;
}

function volume(block: IacBlock): Mapped {
  const p = block.props;
  const cfn = isCfn(block);
  const loc = new Locations();
  loc.set('Encrypted', block, cfn ? 'Encrypted' : 'encrypted');
  const snapshot = str(cfn ? p.SnapshotId : p.snapshot_id);
  const tags = tagsOf(block);
  return {
    type: 'aws.ec2.volume',
    name: tags.Name ?? block.address,
    props: compact({
      VolumeId: selfId(block),
      AvailabilityZone: str(cfn ? p.AvailabilityZone : p.availability_zone),
      Size: num(cfn ? p.Size : p.size),
      VolumeType: str(cfn ? p.VolumeType : p.type) ?? 'gp2',
      // A new volume is unencrypted unless asked (or the account's encryption by default applies, outside the
      // template); one made from a snapshot follows the snapshot.
      Encrypted:
        bool(cfn ? p.Encrypted : p.encrypted) ??
        (snapshot === undefined ? false : unknown('encryption follows the snapshot the volume is made from')),
      KmsKeyId: str(cfn ? p.KmsKeyId : p.kms_key_id),
      SnapshotId: snapshot,
      State: 'available',
      Attachments: [],
      Tags: tagList(tags),
    }),
    tags,
    locations: loc.map,
  };
}

// ---------------------------------------------------------------------------------------------------------------

const m = (source: string, map: BlockMapper['map']): BlockMapper => ({ source, map });

export const ec2Mappers: BlockMapper[] = [
  m('AWS::EC2::SecurityGroup', securityGroup),
  m('aws_security_group', securityGroup),
  m('aws_default_security_group', securityGroup),
  m('AWS::EC2::VPC', vpc),
  m('aws_vpc', vpc),
  m('AWS::EC2::Subnet', (b) => subnet(b)),
  m('aws_subnet', (b) => subnet(b)),
  m('AWS::EC2::NetworkAcl', networkAcl),
  m('aws_network_acl', networkAcl),
  m('AWS::EC2::RouteTable', routeTable),
  m('aws_route_table', routeTable),
  m('AWS::EC2::Instance', instance),
  m('aws_instance', instance),
  m('AWS::EC2::Volume', (b) => volume(b)),
  m('aws_ebs_volume', (b) => volume(b)),
];
