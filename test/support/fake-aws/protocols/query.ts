/**
 * awsQuery (IAM, STS, SNS, RDS, ELBv2) and ec2Query: form-encoded `Action=…&Version=…` requests with flattened
 * member keys (`Filter.1.Value.1`, `Names.member.1`, `Attributes.entry.1.key`), XML responses.
 */
import type { OperationModel, ServiceModel } from '../catalog.js';
import { element, xmlMembers } from '../codec/xml.js';
import { DATE_TIME, members, type NormalizedSchema, scalarFromText, timestampFormat, upperFirst } from '../schema.js';
import type { FakeInput } from '../types.js';
import type { Protocol, WireRequest, WireResponse } from './protocol.js';

interface Node {
  value?: string;
  children: Map<string, Node>;
}

export function formParams(req: WireRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) params.append(k, v);
  return params;
}

function tree(params: URLSearchParams): Node {
  const root: Node = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split('.')) {
      let next = node.children.get(part);
      if (!next) {
        next = { children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

const indexed = (node: Node | undefined): Node[] =>
  node
    ? [...node.children.entries()]
        .filter(([k]) => /^\d+$/.test(k))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, n]) => n)
    : [];

function keyName(ns: NormalizedSchema, fallback: string, ec2: boolean): string {
  const t = ns.getMergedTraits();
  return (ec2 ? (t.ec2QueryName as string | undefined) : undefined) ?? t.xmlName ?? fallback;
}

function memberKey(member: NormalizedSchema, name: string, ec2: boolean): string {
  const t = member.getMergedTraits();
  if (!ec2) return t.xmlName ?? name;
  return (t.ec2QueryName as string | undefined) ?? upperFirst(t.xmlName ?? name);
}

function read(ns: NormalizedSchema, node: Node, ec2: boolean): unknown {
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const flat = ec2 || !!ns.getMergedTraits().xmlFlattened;
    const holder = flat ? node : node.children.get(keyName(item, 'member', ec2));
    return indexed(holder).map((n) => read(item, n, ec2));
  }
  if (ns.isMapSchema()) {
    const keyNs = ns.getKeySchema();
    const valueNs = ns.getValueSchema();
    const holder = ns.getMergedTraits().xmlFlattened ? node : node.children.get('entry');
    const out: Record<string, unknown> = {};
    for (const entry of indexed(holder)) {
      const k = entry.children.get(keyName(keyNs, 'key', ec2))?.value;
      const v = entry.children.get(keyName(valueNs, 'value', ec2));
      if (k !== undefined && v) out[k] = read(valueNs, v, ec2);
    }
    return out;
  }
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [name, member] of members(ns)) {
      const child = node.children.get(memberKey(member, name, ec2));
      if (child) out[name] = read(member, child, ec2);
    }
    return out;
  }
  return scalarFromText(ns, node.value ?? '', timestampFormat(ns, DATE_TIME));
}

function queryProtocol(ec2: boolean): Protocol {
  return {
    operationName: (req) => formParams(req).get('Action') ?? undefined,
    readInput: (req, op) => {
      const params = formParams(req);
      params.delete('Action');
      params.delete('Version');
      return op.input.isStructSchema() ? (read(op.input, tree(params), ec2) as FakeInput) : {};
    },
    writeOutput: (output, op, service, requestId) => writeResponse(output, op, service, requestId, ec2),
  };
}

function writeResponse(
  output: unknown,
  op: OperationModel,
  service: ServiceModel,
  requestId: string,
  ec2: boolean,
): WireResponse {
  const path = `${op.name} output`;
  const { content } = op.output.isStructSchema() ? xmlMembers(op.output, output ?? {}, { ec2 }, path) : { content: '' };
  const xmlns = { xmlns: xmlNamespace(service) };
  const body = ec2
    ? element(`${op.name}Response`, element('requestId', requestId) + content, xmlns)
    : element(
        `${op.name}Response`,
        (op.output.isStructSchema() ? element(`${op.name}Result`, content) : '') +
          element('ResponseMetadata', element('RequestId', requestId)),
        xmlns,
      );
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** The service's XML namespace as AWS writes it (with the trailing slash the SDK's EC2 setting lacks). */
export function xmlNamespace(service: ServiceModel): string {
  const ns = service.xmlNamespace ?? '';
  return ns && !ns.endsWith('/') ? `${ns}/` : ns;
}

export const awsQuery = queryProtocol(false);
export const ec2Query = queryProtocol(true);
