/**
 * restJson1 (GuardDuty, Access Analyzer, Account, Security Hub, EFS, Macie) and restXml (S3, S3 Control):
 * operations bound to method + path; members bound to path labels, query, headers, status and payload.
 */
import { parseXML } from '@aws-sdk/xml-builder';
import type { OperationModel, ServiceModel } from '../catalog.js';
import { fromJson, jsonMembers, toJson } from '../codec/json.js';
import { element, readXml, xmlMembers } from '../codec/xml.js';
import {
  checkMembers,
  DATE_TIME,
  HTTP_DATE,
  isRecord,
  members,
  type NormalizedSchema,
  scalarFromText,
  scalarText,
  timestampFormat,
  toBytes,
} from '../schema.js';
import type { FakeInput } from '../types.js';
import { header, type Protocol, type WireRequest, type WireResponse } from './protocol.js';
import { xmlNamespace } from './query.js';
import { findRoute, match } from './routes.js';

const rootNamespace = (service: ServiceModel): Record<string, string> =>
  service.xmlNamespace ? { xmlns: xmlNamespace(service) } : {};

type Binding = 'label' | 'query' | 'queryParams' | 'header' | 'prefixHeaders' | 'payload' | 'status' | 'body';

function bindingOf(member: NormalizedSchema): Binding {
  const t = member.getMergedTraits();
  if (t.httpLabel) return 'label';
  if (typeof t.httpQuery === 'string') return 'query';
  if (t.httpQueryParams) return 'queryParams';
  if (typeof t.httpHeader === 'string') return 'header';
  if (typeof t.httpPrefixHeaders === 'string') return 'prefixHeaders';
  if (t.httpPayload) return 'payload';
  if (t.httpResponseCode) return 'status';
  return 'body';
}

const isBody = (ns: NormalizedSchema) => (name: string) => {
  const m = members(ns).find(([n]) => n === name);
  return !m || bindingOf(m[1]) !== 'body';
};

/** Reads a text value bound to a label, query parameter or header. */
function fromText(member: NormalizedSchema, text: string, fallback: typeof DATE_TIME | typeof HTTP_DATE): unknown {
  if (member.isListSchema()) {
    const item = member.getValueSchema();
    return text.split(',').map((s) => scalarFromText(item, s.trim(), timestampFormat(item, fallback)));
  }
  return scalarFromText(member, text, timestampFormat(member, fallback));
}

function restProtocol(json: boolean): Protocol {
  const jsonOpts = { jsonName: true };

  function parseBody(req: WireRequest): unknown {
    const text = req.body.toString('utf8');
    if (!text) return {};
    if (json) return JSON.parse(text);
    const parsed = parseXML(text) as Record<string, unknown>;
    return Object.values(parsed)[0];
  }

  function readBodyValue(member: NormalizedSchema, value: unknown): unknown {
    return json ? fromJson(member, value, jsonOpts) : readXml(member, value);
  }

  function readInput(req: WireRequest, op: OperationModel, service: ServiceModel): FakeInput {
    const input: FakeInput = {};
    const labels = match(op, req, service)?.labels ?? {};
    let body: unknown;
    const bodyValue = () => {
      body ??= parseBody(req);
      return body;
    };
    const bound = new Set<string>();
    for (const [name, member] of members(op.input)) {
      const t = member.getMergedTraits();
      const binding = bindingOf(member);
      if (binding === 'label' && labels[name] !== undefined) {
        input[name] = scalarFromText(member, labels[name], timestampFormat(member, DATE_TIME));
      } else if (binding === 'query' && typeof t.httpQuery === 'string') {
        bound.add(t.httpQuery);
        const all = req.query.getAll(t.httpQuery);
        if (all.length === 0) continue;
        input[name] = member.isListSchema()
          ? all.map((v) => scalarFromText(member.getValueSchema(), v, DATE_TIME))
          : scalarFromText(member, all[0] ?? '', timestampFormat(member, DATE_TIME));
      } else if (binding === 'header' && typeof t.httpHeader === 'string') {
        const v = header(req, t.httpHeader);
        if (v !== undefined) input[name] = fromText(member, v, HTTP_DATE);
      } else if (binding === 'prefixHeaders' && typeof t.httpPrefixHeaders === 'string') {
        const prefix = t.httpPrefixHeaders.toLowerCase();
        const map: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (k.startsWith(prefix) && v !== undefined) map[k.slice(prefix.length)] = String(v);
        }
        if (Object.keys(map).length) input[name] = map;
      } else if (binding === 'payload' && req.body.length > 0) {
        input[name] = member.isStringSchema()
          ? req.body.toString('utf8')
          : member.isBlobSchema()
            ? new Uint8Array(req.body)
            : readBodyValue(member, bodyValue());
      } else if (binding === 'body' && req.body.length > 0) {
        const b = bodyValue();
        const key = json ? (t.jsonName ?? name) : (member.getMemberTraits().xmlName ?? name);
        if (isRecord(b) && b[key] != null) input[name] = readBodyValue(member, b[key]);
      }
    }
    for (const [name, member] of members(op.input)) {
      if (bindingOf(member) !== 'queryParams') continue;
      const map: Record<string, unknown> = {};
      for (const k of new Set(req.query.keys())) if (!bound.has(k)) map[k] = req.query.get(k);
      input[name] = map;
    }
    return input;
  }

  function writeOutput(output: unknown, op: OperationModel, service: ServiceModel, requestId: string): WireResponse {
    const path = `${op.name} output`;
    const record = op.output.isStructSchema() ? checkMembers(op.output, output ?? {}, path) : {};
    const headers: Record<string, string> = json
      ? { 'x-amzn-requestid': requestId }
      : { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(requestId).toString('base64') };
    let status = op.http?.[2] ?? 200;
    let body: string | Uint8Array = '';
    let hasBodyMembers = false;
    for (const [name, member] of members(op.output)) {
      const v = record[name];
      const t = member.getMergedTraits();
      const binding = bindingOf(member);
      if (binding === 'body') hasBodyMembers = true;
      if (v == null) continue;
      if (binding === 'header' && typeof t.httpHeader === 'string') {
        const item = member.isListSchema() ? member.getValueSchema() : member;
        const values = Array.isArray(v) ? v : [v];
        headers[t.httpHeader.toLowerCase()] = values
          .map((x) => scalarText(item, x, `${path}.${name}`, timestampFormat(item, HTTP_DATE)))
          .join(', ');
      } else if (binding === 'prefixHeaders' && typeof t.httpPrefixHeaders === 'string' && isRecord(v)) {
        for (const [k, x] of Object.entries(v)) headers[`${t.httpPrefixHeaders}${k}`.toLowerCase()] = String(x);
      } else if (binding === 'status' && typeof v === 'number') {
        status = v;
      } else if (binding === 'payload') {
        body = payload(member, v, service, `${path}.${name}`);
        headers['content-type'] = member.isStringSchema()
          ? (t.mediaType ?? 'text/plain')
          : member.isBlobSchema()
            ? 'application/octet-stream'
            : json
              ? 'application/json'
              : 'application/xml';
      }
    }
    if (hasBodyMembers) {
      if (json) {
        body = JSON.stringify(jsonMembers(op.output, record, jsonOpts, path, isBody(op.output)));
      } else {
        const root = op.output.getMergedTraits().xmlName ?? op.output.getName() ?? `${op.name}Output`;
        const { content, attributes } = xmlMembers(op.output, record, {}, path, isBody(op.output));
        // S3 GetBucketLocation: a lone scalar member named like the root is the root's text.
        const lone = new RegExp(`^<${root}(?:/>|>([^<]*)</${root}>)$`).exec(content);
        body = element(root, lone ? (lone[1] ?? '') : content, { ...rootNamespace(service), ...attributes });
      }
      headers['content-type'] = json ? 'application/json' : 'application/xml';
    }
    return { status, headers, body };
  }

  function payload(member: NormalizedSchema, value: unknown, service: ServiceModel, path: string): string | Uint8Array {
    if (member.isStringSchema()) return String(value);
    if (member.isBlobSchema()) return toBytes(value, path);
    if (json) return JSON.stringify(toJson(member, value, jsonOpts, path));
    const root = member.getMergedTraits().xmlName ?? member.getName() ?? 'Payload';
    const { content, attributes } = xmlMembers(member, value, {}, path);
    return element(root, content, { ...rootNamespace(service), ...attributes });
  }

  return {
    operationName: (req, service) => findRoute(req, service)?.op.name,
    readInput,
    writeOutput,
  };
}

export const restJson1 = restProtocol(true);
export const restXml = restProtocol(false);
