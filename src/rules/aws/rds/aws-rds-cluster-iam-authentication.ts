import { AURORA, iamAuthenticationRule } from './cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default iamAuthenticationRule(AURORA, { id: 'aws-rds-cluster-iam-authentication', fsbp: ['RDS.12'] });
