import { iamAuthenticationRule, NEPTUNE } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default iamAuthenticationRule(NEPTUNE, { id: 'aws-neptune-cluster-iam-authentication', fsbp: ['Neptune.7'] });
