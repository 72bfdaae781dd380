import type { DemoIndex } from '../demo-index.js';
import type { FakeHandlers } from '../types.js';
import { dataHandlers } from './data.js';
import { mergeHandlers, orgAccountsHandlers } from './demo.js';
import { ec2Handlers } from './ec2.js';
import { emptyFindings, type FindingsStore, findingsHandlers } from './findings.js';
import { iamHandlers } from './iam.js';
import { kmsHandlers } from './kms.js';
import { lambdaHandlers } from './lambda.js';
import { loggingHandlers } from './logging.js';
import { regionHandlers } from './region.js';
import { s3Handlers } from './s3.js';
import { storageHandlers } from './storage.js';
import { stsHandlers } from './sts.js';

/**
 * A whole AWS organisation answering from the bundled demo: every service the collectors call. Its detectors hold
 * no findings unless a test puts some in `findings`.
 */
export function demoOrgHandlers(inv: DemoIndex, findings: FindingsStore = emptyFindings()): FakeHandlers {
  return mergeHandlers(
    stsHandlers(),
    iamHandlers(inv),
    ec2Handlers(inv),
    regionHandlers(inv),
    s3Handlers(inv),
    loggingHandlers(inv),
    kmsHandlers(inv),
    dataHandlers(inv),
    lambdaHandlers(inv),
    storageHandlers(inv),
    orgAccountsHandlers(inv),
    findingsHandlers(inv, findings),
  );
}
