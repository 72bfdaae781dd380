import { backupRetentionRule, DOCDB } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default backupRetentionRule(DOCDB, { id: 'aws-docdb-cluster-backup-retention', fsbp: ['DocumentDB.2'] });
