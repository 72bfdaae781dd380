import type { IpPermission, NetworkAclEntry } from '@aws-sdk/client-ec2';
import { isUnknown } from '../../../core/resource.js';
import type { Text } from '../../../core/text.js';
import type { Json } from '../../../inventory/json.js';

/**
 * Network helpers for security group, network ACL and route table rules: protocols, port ranges and
 * "the whole internet" CIDRs, as the EC2 API reports them (DescribeSecurityGroups, DescribeNetworkAcls,
 * DescribeRouteTables). Every helper reports unresolved (IaC) values instead of guessing, so a rule can
 * answer ERROR rather than PASS.
 */

export type Family = 'ipv4' | 'ipv6';
/** The transports that carry ports; 'all' is protocol "-1". */
export type Transport = 'tcp' | 'udp';
export type Protocol = Transport | 'all' | 'other';

/** IpProtocol (security groups: 'tcp', '6', '-1' …) or Protocol (network ACLs: '6', '17', '-1' …), normalised. */
export function protocolOf(p: string | undefined): Protocol {
  switch (String(p ?? '').toLowerCase()) {
    case '-1':
    case 'all':
      return 'all';
    case 'tcp':
    case '6':
      return 'tcp';
    case 'udp':
    case '17':
      return 'udp';
    default:
      return 'other';
  }
}

/** The family of a CIDR ('10.0.0.0/16' → ipv4, '::/0' → ipv6); undefined when it is not a CIDR. */
export function cidrFamily(cidr: string): Family | undefined {
  if (!cidr.includes('/')) return undefined;
  return cidr.includes(':') ? 'ipv6' : 'ipv4';
}

/** The prefix length of a CIDR ('0.0.0.0/0' → 0); undefined when absent or malformed. */
export function prefixLength(cidr: string): number | undefined {
  const m = /\/(\d{1,3})$/.exec(cidr.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const max = cidrFamily(cidr) === 'ipv6' ? 128 : 32;
  return n <= max ? n : undefined;
}

/** True for a CIDR that covers every address of its family: 0.0.0.0/0, ::/0 (or any spelling with prefix 0). */
export const isWorldCidr = (cidr: string): boolean => prefixLength(cidr) === 0;

/** The text shown for "the whole internet" in a family. */
export const worldCidr = (family: Family): string => (family === 'ipv4' ? '0.0.0.0/0' : '::/0');

/**
 * Parses a port list parameter ('22,3389'); undefined when any item is not a port number (0–65535).
 */
export function parsePorts(spec: string | number | boolean | undefined): number[] | undefined {
  const items = String(spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return undefined;
  const ports = items.map((s) => (/^\d{1,5}$/.test(s) ? Number(s) : Number.NaN));
  return ports.every((p) => p >= 0 && p <= 65535) ? ports : undefined;
}

export interface PortRange {
  from: number;
  to: number;
}

/** A port bound as the API gives it: absent or -1 means "no bound". */
const bound = (v: number | undefined, fallback: number): number => (typeof v !== 'number' || v < 0 ? fallback : v);

/** One way the whole internet reaches a port. */
export interface PublicIngress {
  /** Evidence path inside the resource's props, e.g. 'IpPermissions.2' or 'Entries.0'. */
  path: string;
  family: Family;
  cidr: string;
  protocol: Protocol;
  range: PortRange;
  /** The watched ports the range covers. */
  ports: number[];
}

export interface IngressScan {
  open: PublicIngress[];
  /** Paths of values an IaC template left unresolved, which might hide an opening. */
  unresolved: string[];
}

export interface IngressQuery {
  /** Ports to watch; a range containing any of them counts. */
  ports: readonly number[];
  /** Transports that count; protocol "-1" (all traffic) always counts. */
  transports: readonly Transport[];
  /** Source families that count. */
  families: readonly Family[];
}

const coveredPorts = (range: PortRange, ports: readonly number[]): number[] =>
  ports.filter((p) => p >= range.from && p <= range.to);

/**
 * Security group ingress permissions (IpPermissions) that let the whole internet (0.0.0.0/0, ::/0) reach any of
 * the watched ports. Protocol "-1" means all traffic and all ports; a tcp/udp rule covers FromPort..ToPort
 * (absent or -1 bounds mean the full range). Security group references and prefix lists are not "the internet".
 */
export function securityGroupPublicIngress(
  permissions: readonly Json<IpPermission>[],
  query: IngressQuery,
  base = 'IpPermissions',
): IngressScan {
  const open: PublicIngress[] = [];
  const unresolved: string[] = [];
  permissions.forEach((perm, i) => {
    const path = `${base}.${i}`;
    if (isUnknown(perm) || isUnknown(perm.IpProtocol) || isUnknown(perm.FromPort) || isUnknown(perm.ToPort)) {
      unresolved.push(path);
      return;
    }
    const protocol = protocolOf(perm.IpProtocol);
    if (protocol === 'other' || (protocol !== 'all' && !query.transports.includes(protocol))) return;
    const range: PortRange =
      protocol === 'all' ? { from: 0, to: 65535 } : { from: bound(perm.FromPort, 0), to: bound(perm.ToPort, 65535) };
    const ports = coveredPorts(range, query.ports);
    if (ports.length === 0) return;
    const sources: Array<{ family: Family; cidr: unknown; at: string }> = [
      ...(perm.IpRanges ?? []).map((r, j) => ({
        family: 'ipv4' as const,
        cidr: r.CidrIp,
        at: `${path}.IpRanges.${j}`,
      })),
      ...(perm.Ipv6Ranges ?? []).map((r, j) => ({
        family: 'ipv6' as const,
        cidr: r.CidrIpv6,
        at: `${path}.Ipv6Ranges.${j}`,
      })),
    ];
    for (const s of sources) {
      if (!query.families.includes(s.family)) continue;
      if (isUnknown(s.cidr)) {
        unresolved.push(s.at);
        continue;
      }
      if (typeof s.cidr === 'string' && isWorldCidr(s.cidr)) {
        open.push({ path, family: s.family, cidr: s.cidr, protocol, range, ports });
      }
    }
  });
  return { open, unresolved };
}

/**
 * Network ACL ingress entries through which the whole internet reaches a watched port. Entries are judged as
 * AWS does: ingress only, lowest RuleNumber first, the first entry that matches the traffic decides. For each
 * family × transport × port, the first entry whose source is the whole family (0.0.0.0/0 or ::/0) and that covers
 * the traffic decides: ALLOW is an opening, DENY closes it. Narrower entries are skipped: a narrower DENY leaves
 * the rest of the internet in, and a narrower ALLOW is not "from anywhere". The built-in rule 32767 (DENY all)
 * is an ordinary entry here. An unresolved (IaC) entry met before the deciding one makes that traffic unresolved.
 */
export function networkAclPublicIngress(entries: readonly Json<NetworkAclEntry>[], query: IngressQuery): IngressScan {
  interface Item {
    entry: Json<NetworkAclEntry>;
    path: string;
    order: number;
    unresolved: boolean;
  }
  const items: Item[] = [];
  entries.forEach((entry, i) => {
    const path = `Entries.${i}`;
    if (isUnknown(entry)) {
      items.push({ entry: {}, path, order: Number.NEGATIVE_INFINITY, unresolved: true });
      return;
    }
    if (entry.Egress === true) return;
    const fields: unknown[] = [
      entry.Egress,
      entry.Protocol,
      entry.RuleAction,
      entry.CidrBlock,
      entry.Ipv6CidrBlock,
      entry.PortRange,
      entry.PortRange?.From,
      entry.PortRange?.To,
    ];
    const unresolved = fields.some((f) => isUnknown(f));
    const order = isUnknown(entry.RuleNumber) ? Number.NEGATIVE_INFINITY : (entry.RuleNumber ?? 0);
    items.push({ entry, path, order, unresolved: unresolved || order === Number.NEGATIVE_INFINITY });
  });
  items.sort((a, b) => a.order - b.order);

  const found = new Map<string, PublicIngress>();
  const unresolved = new Set<string>();
  for (const family of query.families) {
    for (const transport of query.transports) {
      for (const port of query.ports) {
        for (const { entry, path, unresolved: blind } of items) {
          if (blind) {
            unresolved.add(path);
            break;
          }
          const cidr = family === 'ipv4' ? entry.CidrBlock : entry.Ipv6CidrBlock;
          if (typeof cidr !== 'string' || !isWorldCidr(cidr)) continue;
          const protocol = protocolOf(entry.Protocol);
          if (protocol !== 'all' && protocol !== transport) continue;
          const range: PortRange =
            protocol === 'all' || entry.PortRange === undefined
              ? { from: 0, to: 65535 }
              : { from: bound(entry.PortRange.From, 0), to: bound(entry.PortRange.To, 65535) };
          if (port < range.from || port > range.to) continue;
          if (String(entry.RuleAction).toLowerCase() === 'allow') {
            const prior = found.get(path);
            if (prior === undefined) found.set(path, { path, family, cidr, protocol, range, ports: [port] });
            else if (!prior.ports.includes(port)) prior.ports.push(port);
          }
          break;
        }
      }
    }
  }
  const index = (p: string) => Number(p.slice(p.lastIndexOf('.') + 1));
  const open = [...found.values()].sort((a, b) => index(a.path) - index(b.path));
  for (const o of open) o.ports.sort((a, b) => a - b);
  return { open, unresolved: [...unresolved] };
}

/** "tcp port 22", "tcp ports 3000-4000 (includes 3389)", "all traffic" — in en and ja. */
export function describeOpening(o: PublicIngress): Text {
  const list = o.ports.join(', ');
  if (o.protocol === 'all') {
    return { en: `all traffic from ${o.cidr} (${o.path})`, ja: `${o.cidr} からのすべての通信（${o.path}）` };
  }
  if (o.range.from === o.range.to) {
    return {
      en: `${o.protocol} port ${o.range.from} from ${o.cidr} (${o.path})`,
      ja: `${o.cidr} から ${o.protocol} ポート ${o.range.from}（${o.path}）`,
    };
  }
  return {
    en: `${o.protocol} ports ${o.range.from}-${o.range.to} from ${o.cidr}, which include ${list} (${o.path})`,
    ja: `${o.cidr} から ${o.protocol} ポート ${o.range.from}-${o.range.to}（${list} を含む、${o.path}）`,
  };
}

/** Joins the descriptions of several openings into one reason sentence body. */
export function describeOpenings(open: readonly PublicIngress[]): Text {
  const parts = open.map(describeOpening);
  return { en: parts.map((p) => p.en).join('; '), ja: parts.map((p) => p.ja).join('、') };
}

/** One inbound permission open to the whole internet, whatever its ports (for "authorized ports only" checks). */
export interface WorldPermission {
  path: string;
  cidr: string;
  protocol: Protocol;
  /** The IpProtocol as written ('icmp', '50', …), for the reason text. */
  ipProtocol: string;
  range: PortRange;
}

/**
 * Every inbound security group permission whose source is 0.0.0.0/0 or ::/0, with its protocol and port range
 * (protocol "-1" is all ports). Unresolved (IaC) protocols, ports or CIDRs are reported, not guessed.
 */
export function worldOpenPermissions(
  permissions: readonly Json<IpPermission>[],
  base = 'IpPermissions',
): { open: WorldPermission[]; unresolved: string[] } {
  const open: WorldPermission[] = [];
  const unresolved: string[] = [];
  permissions.forEach((perm, i) => {
    const path = `${base}.${i}`;
    if (isUnknown(perm) || isUnknown(perm.IpProtocol) || isUnknown(perm.FromPort) || isUnknown(perm.ToPort)) {
      unresolved.push(path);
      return;
    }
    const protocol = protocolOf(perm.IpProtocol);
    const range: PortRange =
      protocol === 'all' ? { from: 0, to: 65535 } : { from: bound(perm.FromPort, 0), to: bound(perm.ToPort, 65535) };
    const cidrs = [...(perm.IpRanges ?? []).map((r) => r.CidrIp), ...(perm.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)];
    for (const cidr of cidrs) {
      if (isUnknown(cidr)) {
        unresolved.push(path);
        continue;
      }
      if (typeof cidr === 'string' && isWorldCidr(cidr)) {
        open.push({ path, cidr, protocol, ipProtocol: String(perm.IpProtocol), range });
      }
    }
  });
  return { open, unresolved };
}

/** A load balancer attribute (DescribeLoadBalancerAttributes) by key, with its index for the evidence path. */
export function lbAttribute(
  attributes: readonly { Key?: string; Value?: string }[],
  key: string,
): { index: number; value: unknown } | undefined {
  const index = attributes.findIndex((a) => a.Key === key);
  return index === -1 ? undefined : { index, value: attributes[index]!.Value };
}
