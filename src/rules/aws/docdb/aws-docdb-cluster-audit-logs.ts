import { auditLogsRule, DOCDB } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default auditLogsRule(DOCDB, { id: 'aws-docdb-cluster-audit-logs', fsbp: ['DocumentDB.4'] });
