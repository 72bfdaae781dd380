import { analyticsMappers } from './data/analytics.js';
import { rdsMappers } from './data/rds.js';
import type { BlockMapper } from './mapper.js';

/** Databases, analytics and containers: RDS / Aurora / Neptune / DocumentDB, Redshift, ElastiCache, OpenSearch, EKS. */
export const mappers: BlockMapper[] = [...rdsMappers, ...analyticsMappers];
