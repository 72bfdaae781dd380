/** Public types of the fake AWS endpoint used by collector tests. */

/** A decoded request: the operation's input members, named as in the AWS API (and the SDK). */
export type FakeInput = Record<string, unknown>;

/** What a handler learns about the request besides its input. */
export interface FakeContext {
  /** Key of the service: the SigV4 signing name (`ec2`, `monitoring`, `access-analyzer`…), or `s3-control`. */
  service: string;
  operation: string;
  /** Account of the caller: `options.accounts[accessKeyId]`, else `options.defaultAccount`. */
  account: string;
  region: string;
  accessKeyId: string;
  /** 1-based number of this request among all requests the server received. */
  seq: number;
  /** SDK attempt number (1 for the first try, 2 for the first retry…), from the `amz-sdk-request` header. */
  attempt: number;
}

/**
 * Answers one operation. Returns the output in the SDK's shape (member names as in the API reference; dates as
 * `Date`, ISO 8601 strings or epoch seconds); the server writes it in the service's wire protocol. Throw
 * `fakeError(...)` to answer with an AWS error.
 */
export type FakeHandler = {
  bivarianceHack(input: FakeInput, ctx: FakeContext): unknown;
}['bivarianceHack'];

/** Handlers by service key, then by operation name (`{ iam: { ListUsers: … } }`). */
export type FakeHandlers = Record<string, Record<string, FakeHandler>>;

export interface FakeErrorSpec {
  code: string;
  message?: string;
  /** HTTP status; defaults to the status the service model gives the error, else 400. */
  status?: number;
}

/** Answers matching requests with an error instead of calling the handler. */
export interface FakeFault {
  service?: string;
  operation?: string;
  account?: string;
  region?: string;
  /** How many matching requests fail; unset = every one. */
  times?: number;
  error: FakeErrorSpec;
}

export interface CallSummary {
  service: string;
  operation: string;
  account: string;
  region: string;
}

export interface FakeAwsOptions {
  handlers?: FakeHandlers;
  /** Access key id → account id. */
  accounts?: Record<string, string>;
  /** Account of access keys missing from `accounts`; default `123456789012`. */
  defaultAccount?: string;
  /** Delay before answering, fixed or per call. */
  latencyMs?: number | ((call: CallSummary) => number);
  faults?: FakeFault[];
  /** More services: service key (SigV4 signing name) → SDK client package, e.g. `{ lambda: '@aws-sdk/client-lambda' }`. */
  clientPackages?: Record<string, string>;
}

/** One request as the server saw it. `operation` is `''` when no operation matched the request. */
export interface RecordedCall {
  seq: number;
  service: string;
  operation: string;
  account: string;
  region: string;
  accessKeyId: string;
  input: FakeInput;
  method: string;
  path: string;
  /** HTTP status of the answer. */
  status: number;
  /** Error code of the answer, when it was an error. */
  error?: string;
}

export interface FakeAws {
  /** Endpoint URL for every service (`http://127.0.0.1:<port>`). */
  url: string;
  /** Every request so far, in arrival order. */
  calls: RecordedCall[];
  close(): Promise<void>;
}
