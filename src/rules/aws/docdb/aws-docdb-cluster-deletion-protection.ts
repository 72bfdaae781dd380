import { DOCDB, deletionProtectionRule } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default deletionProtectionRule(DOCDB, { id: 'aws-docdb-cluster-deletion-protection', fsbp: ['DocumentDB.5'] });
