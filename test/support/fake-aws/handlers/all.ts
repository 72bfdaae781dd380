import type { DemoIndex } from '../demo-index.js';
import type { FakeHandlers } from '../types.js';
import { dataHandlers } from './data.js';
import { mergeHandlers, orgAccountsHandlers } from './demo.js';
import { ec2Handlers } from './ec2.js';
import { iamHandlers } from './iam.js';
import { kmsHandlers } from './kms.js';
import { loggingHandlers } from './logging.js';
import { regionHandlers } from './region.js';
import { s3Handlers } from './s3.js';
import { stsHandlers } from './sts.js';

/** A whole AWS organisation answering from the bundled demo: every service the collectors call. */
export function demoOrgHandlers(inv: DemoIndex): FakeHandlers {
  return mergeHandlers(
    stsHandlers(),
    iamHandlers(inv),
    ec2Handlers(inv),
    regionHandlers(inv),
    s3Handlers(inv),
    loggingHandlers(inv),
    kmsHandlers(inv),
    dataHandlers(inv),
    orgAccountsHandlers(inv),
  );
}
