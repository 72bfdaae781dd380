import { auditLogsRule, NEPTUNE } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default auditLogsRule(NEPTUNE, { id: 'aws-neptune-cluster-audit-logs', fsbp: ['Neptune.2'] });
