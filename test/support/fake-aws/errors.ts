/** AWS errors: what handlers throw, and how each protocol puts them on the wire. */
import type { ProtocolKind, ServiceModel } from './catalog.js';
import { element, escapeXml } from './codec/xml.js';
import type { WireResponse } from './protocols/protocol.js';
import { xmlNamespace } from './protocols/query.js';
import type { FakeErrorSpec } from './types.js';

/** An AWS error answer. The SDK surfaces it as an exception whose `name` is `code`. */
export class FakeAwsError extends Error {
  override name = 'FakeAwsError';
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; unset = the status the service model gives this error, else 400. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Builds an error for a handler to throw: `throw fakeError('AccessDenied', 'User is not authorized', 403)`. */
export function fakeError(code: string, message = `${code} (fake)`, status?: number): FakeAwsError {
  return new FakeAwsError(code, message, status);
}

export const fromSpec = (spec: FakeErrorSpec): FakeAwsError => fakeError(spec.code, spec.message, spec.status);

/** The code the protocol uses for an operation nobody handles. */
export function unknownOperation(protocol: ProtocolKind, operation: string | undefined): FakeAwsError {
  const what = operation ? `operation ${operation}` : 'request';
  if (protocol === 'awsQuery' || protocol === 'ec2Query') {
    return fakeError(
      'InvalidAction',
      `The action ${operation ?? ''} is not valid for this web service (fake: no handler).`,
      400,
    );
  }
  if (protocol === 'restXml') return fakeError('NotImplemented', `No handler for this ${what} (fake).`, 501);
  return fakeError('UnknownOperationException', `No handler for this ${what} (fake).`, 400);
}

export function writeError(service: ServiceModel, err: FakeAwsError, requestId: string): WireResponse {
  const info = service.errorInfo(err.code);
  const status = err.status ?? info.status ?? 400;
  const type = status >= 500 ? 'Receiver' : 'Sender';
  // awsQuery services answer a modelled error with its awsQuery code (SNS NotFoundException → NotFound).
  const code = escapeXml(service.protocol === 'awsQuery' ? (info.queryCode ?? err.code) : err.code);
  const message = escapeXml(err.message);
  switch (service.protocol) {
    case 'awsQuery':
      return xml(
        status,
        requestId,
        element(
          'ErrorResponse',
          element('Error', element('Type', type) + element('Code', code) + element('Message', message)) +
            element('RequestId', requestId),
          { xmlns: xmlNamespace(service) },
        ),
      );
    case 'ec2Query':
      return xml(
        status,
        requestId,
        element(
          'Response',
          element('Errors', element('Error', element('Code', code) + element('Message', message))) +
            element('RequestID', requestId),
        ),
      );
    case 'restXml': {
      const inner = element('Code', code) + element('Message', message) + element('RequestId', requestId);
      // S3 answers a bare <Error>; other restXml services (S3 Control) wrap it in <ErrorResponse>.
      const body = service.bucketInPath
        ? element('Error', inner)
        : element('ErrorResponse', element('Error', element('Type', type) + inner) + element('RequestId', requestId));
      return {
        ...xml(status, requestId, body),
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      };
    }
    default: {
      const headers: Record<string, string> = {
        'content-type':
          service.protocol === 'restJson1'
            ? 'application/json'
            : `application/x-amz-json-${service.protocol === 'awsJson1_0' ? '1.0' : '1.1'}`,
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': info.shape ?? err.code,
      };
      if (service.queryCompatible) headers['x-amzn-query-error'] = `${info.queryCode ?? err.code};${type}`;
      return { status, headers, body: JSON.stringify({ __type: info.shape ?? err.code, message: err.message }) };
    }
  }
}

function xml(status: number, requestId: string, body: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}
