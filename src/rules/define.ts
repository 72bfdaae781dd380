import type { Rule } from '../core/rule.js';
import type { ResourceType, ResourceTypes } from '../inventory/types.js';

/** defineRule with props typed from the resource type: `defineAwsRule({ resourceType: 'aws.kms.key', … })`. */
export const defineAwsRule = <T extends ResourceType>(
  rule: Rule<ResourceTypes[T]> & { resourceType: T },
): Rule<ResourceTypes[T]> => rule;
