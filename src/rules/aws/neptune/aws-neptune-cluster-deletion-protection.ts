import { deletionProtectionRule, NEPTUNE } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default deletionProtectionRule(NEPTUNE, { id: 'aws-neptune-cluster-deletion-protection', fsbp: ['Neptune.4'] });
