import { AURORA, copyTagsToSnapshotRule } from './cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default copyTagsToSnapshotRule(AURORA, { id: 'aws-rds-cluster-copy-tags-to-snapshots', fsbp: ['RDS.16'] });
