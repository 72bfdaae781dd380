import { detectMappers } from './identity/detect.js';
import { iamMappers } from './identity/iam.js';
import { trailMappers } from './identity/trail.js';
import type { BlockMapper } from './mapper.js';

/** IAM, CloudTrail, AWS Config, GuardDuty and IAM Access Analyzer. */
export const mappers: BlockMapper[] = [...iamMappers, ...trailMappers, ...detectMappers];
