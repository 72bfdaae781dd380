/** The fake endpoint: one loopback HTTP server answering every service in its own wire protocol. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_PACKAGES, loadService, type ProtocolKind, type ServiceModel } from './catalog.js';
import { FakeAwsError, fakeError, fromSpec, unknownOperation, writeError } from './errors.js';
import { FaultBook, latencyFor, sleep } from './faults.js';
import { callerOf, serviceKey } from './identity.js';
import { awsJson1_0, awsJson1_1 } from './protocols/json-rpc.js';
import type { Protocol, WireRequest, WireResponse } from './protocols/protocol.js';
import { awsQuery, ec2Query } from './protocols/query.js';
import { restJson1, restXml } from './protocols/rest.js';
import { ShapeError } from './schema.js';
import type { FakeAws, FakeAwsOptions, FakeContext, RecordedCall } from './types.js';

const PROTOCOLS: Record<ProtocolKind, Protocol> = { awsQuery, ec2Query, awsJson1_0, awsJson1_1, restJson1, restXml };

const DEFAULT_ACCOUNT = '123456789012';

/** Starts the fake on 127.0.0.1 (a free port). Point SDK clients' `endpoint` at `url`. */
export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const calls: RecordedCall[] = [];
  const faults = new FaultBook(options.faults);
  const packages = { ...CLIENT_PACKAGES, ...options.clientPackages };
  let seq = 0;

  async function answer(wire: WireRequest): Promise<WireResponse> {
    const requestId = randomUUID();
    const caller = callerOf(wire);
    const key = caller ? serviceKey(caller, wire) : '';
    const call: RecordedCall = {
      seq: ++seq,
      service: key,
      operation: '',
      account: caller ? (options.accounts?.[caller.accessKeyId] ?? options.defaultAccount ?? DEFAULT_ACCOUNT) : '',
      region: caller?.region ?? '',
      accessKeyId: caller?.accessKeyId ?? '',
      input: {},
      method: wire.method,
      path: wire.path,
      status: 0,
    };
    calls.push(call);
    const pkg = packages[key];
    if (!caller || !pkg) {
      const code = caller ? 'UnknownService' : 'MissingAuthenticationToken';
      call.status = 400;
      call.error = code;
      const body = `<ErrorResponse><Error><Code>${code}</Code><Message>fake-aws: no service for this request</Message></Error></ErrorResponse>`;
      return { status: 400, headers: { 'content-type': 'text/xml', 'x-amzn-errortype': code }, body };
    }
    const service = await loadService(key, pkg);
    const response = await dispatch(service, wire, call, requestId);
    call.status = response.status;
    return response;
  }

  async function dispatch(
    service: ServiceModel,
    wire: WireRequest,
    call: RecordedCall,
    requestId: string,
  ): Promise<WireResponse> {
    const protocol = PROTOCOLS[service.protocol];
    const name = protocol.operationName(wire, service);
    const op = name ? service.operations.get(name) : undefined;
    call.operation = name ?? '';
    try {
      if (op) call.input = protocol.readInput(wire, op, service);
      await sleep(latencyFor(options.latencyMs, call));
      const fault = faults.take(call);
      if (fault) throw fromSpec(fault);
      const handler = name ? options.handlers?.[service.key]?.[name] : undefined;
      if (!op || !handler) throw unknownOperation(service.protocol, name);
      const ctx: FakeContext = {
        service: service.key,
        operation: op.name,
        account: call.account,
        region: call.region,
        accessKeyId: call.accessKeyId,
        seq: call.seq,
        attempt: Number(/attempt=(\d+)/.exec(String(wire.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1),
      };
      const output = await handler(call.input, ctx);
      return protocol.writeOutput(output, op, service, requestId);
    } catch (e) {
      const err =
        e instanceof FakeAwsError
          ? e
          : e instanceof ShapeError
            ? fakeError('FakeAwsShapeError', `fake-aws: handler output does not fit the API: ${e.message}`, 400)
            : fakeError('FakeAwsHandlerError', `fake-aws: ${call.service}.${call.operation}: ${String(e)}`, 400);
      call.error = err.code;
      return writeError(service, err, requestId);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake-aws.invalid');
    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    const response = await answer(wire);
    res.writeHead(response.status, response.headers);
    res.end(wire.method === 'HEAD' ? undefined : response.body);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake-aws internal error: ${String(e)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
