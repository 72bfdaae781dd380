/** What went wrong with one AWS call, in words a finding can carry. */
export interface CallFailure {
  code: string;
  message: string;
  kind: 'denied' | 'throttled' | 'timeout' | 'not-enabled' | 'not-found' | 'other';
}

const DENIED =
  /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|AuthorizationErrorException|AuthFailure|InvalidClientTokenId|UnrecognizedClientException|ExpiredToken|ExpiredTokenException|Forbidden)$/;
const THROTTLED =
  /^(Throttling|ThrottlingException|ThrottledException|RequestLimitExceeded|TooManyRequestsException|SlowDown|RequestThrottled|RequestThrottledException|ProvisionedThroughputExceededException|LimitExceededException)$/;
const NOT_ENABLED =
  /^(OptInRequired|InvalidAccessException|SubscriptionRequiredException|AWSOrganizationsNotInUseException|BadRequestException)$/;

/** Classifies an SDK error (its name is the AWS error code) or a network failure. */
export function classify(e: unknown): CallFailure {
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const code = err.name && err.name !== 'Error' ? err.name : (err.code ?? 'Error');
  const message = (err.message ?? String(e)).slice(0, 500);
  const status = err.$metadata?.httpStatusCode;
  let kind: CallFailure['kind'] = 'other';
  if (DENIED.test(code) || status === 403) kind = 'denied';
  else if (THROTTLED.test(code) || status === 429) kind = 'throttled';
  else if (/Timeout|ETIMEDOUT|ECONNRESET|TimeoutError|RequestTimeout/.test(code) || /timed? ?out/i.test(message))
    kind = 'timeout';
  else if (NOT_ENABLED.test(code)) kind = 'not-enabled';
  else if (/NotFound|NoSuch/.test(code) || status === 404) kind = 'not-found';
  return { code, message, kind };
}

export const describeFailure = (f: CallFailure): string => `${f.code}: ${f.message}`;
