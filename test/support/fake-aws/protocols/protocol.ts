/** What every wire protocol implements: find the operation, decode its input, encode its output. */
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationModel, ServiceModel } from '../catalog.js';
import type { FakeInput } from '../types.js';

export interface WireRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface Protocol {
  /** The operation the request names, whether or not the model has it; undefined when nothing matches. */
  operationName(req: WireRequest, service: ServiceModel): string | undefined;
  readInput(req: WireRequest, op: OperationModel, service: ServiceModel): FakeInput;
  writeOutput(output: unknown, op: OperationModel, service: ServiceModel, requestId: string): WireResponse;
}

export const header = (req: WireRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
};
