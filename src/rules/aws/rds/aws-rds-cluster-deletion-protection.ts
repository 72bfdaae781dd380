import { AURORA, deletionProtectionRule } from './cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default deletionProtectionRule(AURORA, { id: 'aws-rds-cluster-deletion-protection', fsbp: ['RDS.7'] });
