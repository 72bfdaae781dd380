import { NEPTUNE, storageEncryptedRule } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default storageEncryptedRule(NEPTUNE, { id: 'aws-neptune-cluster-storage-encrypted', fsbp: ['Neptune.1'] });
