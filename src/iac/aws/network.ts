import type { BlockMapper } from './mapper.js';
import { ec2Mappers } from './network/ec2.js';
import { edgeMappers } from './network/edge.js';

/** Network, compute and edge: VPCs, subnets, security groups, NACLs, instances, load balancers, CDN, APIs, Lambda. */
export const mappers: BlockMapper[] = [...ec2Mappers, ...edgeMappers];
