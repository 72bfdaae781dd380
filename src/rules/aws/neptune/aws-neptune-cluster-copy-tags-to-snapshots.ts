import { copyTagsToSnapshotRule, NEPTUNE } from '../rds/cluster-family.js';

// Shared wording and fixtures per cluster family: see cluster-family.ts.
export default copyTagsToSnapshotRule(NEPTUNE, {
  id: 'aws-neptune-cluster-copy-tags-to-snapshots',
  fsbp: ['Neptune.8'],
});
