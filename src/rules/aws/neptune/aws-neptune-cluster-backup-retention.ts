import { backupRetentionRule, NEPTUNE } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default backupRetentionRule(NEPTUNE, { id: 'aws-neptune-cluster-backup-retention', fsbp: ['Neptune.5'] });
