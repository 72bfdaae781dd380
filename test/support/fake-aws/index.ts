/**
 * fake-aws: a loopback HTTP server that answers the AWS SDK for JavaScript v3 in each service's wire protocol,
 * for testing collectors through the real SDK clients. See README.md in this directory.
 */
export { CLIENT_PACKAGES } from './catalog.js';
export { FakeAwsError, fakeError } from './errors.js';
export { type Page, type PageOptions, page } from './pagination.js';
export { startFakeAws } from './server.js';
export { typed } from './typed.js';
export type {
  CallSummary,
  FakeAws,
  FakeAwsOptions,
  FakeContext,
  FakeErrorSpec,
  FakeFault,
  FakeHandler,
  FakeHandlers,
  FakeInput,
  RecordedCall,
} from './types.js';
