/** Builders for fixture props in the API's shapes, shared by rules that judge the same structures. */

/** One ec2 IpPermission (DescribeSecurityGroups); FromPort undefined for protocol "-1". */
export const ipPermission = (
  IpProtocol: string,
  FromPort: number | undefined,
  ToPort: number | undefined,
  v4: string[],
  v6: string[] = [],
) => ({
  IpProtocol,
  ...(FromPort === undefined ? {} : { FromPort, ToPort }),
  IpRanges: v4.map((CidrIp) => ({ CidrIp })),
  Ipv6Ranges: v6.map((CidrIpv6) => ({ CidrIpv6 })),
  PrefixListIds: [],
  UserIdGroupPairs: [],
});
