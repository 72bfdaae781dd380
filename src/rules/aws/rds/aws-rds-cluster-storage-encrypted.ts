import { AURORA, storageEncryptedRule } from './cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default storageEncryptedRule(AURORA, { id: 'aws-rds-cluster-storage-encrypted', fsbp: ['RDS.27'] });
