import { AURORA, backupRetentionRule } from './cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default backupRetentionRule(AURORA, { id: 'aws-rds-cluster-backup-retention' });
