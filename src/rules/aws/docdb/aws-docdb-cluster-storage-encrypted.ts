import { DOCDB, storageEncryptedRule } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default storageEncryptedRule(DOCDB, { id: 'aws-docdb-cluster-storage-encrypted', fsbp: ['DocumentDB.1'] });
