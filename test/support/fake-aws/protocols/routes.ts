/** Matches REST requests to operations by the `http` trait of each operation (`GET /detector/{DetectorId}`). */
import type { OperationModel, ServiceModel } from '../catalog.js';
import type { WireRequest } from './protocol.js';

type Segment = { literal: string } | { label: string; greedy: boolean };

interface Template {
  method: string;
  segments: Segment[];
  query: [string, string | undefined][];
}

export interface Route {
  op: OperationModel;
  labels: Record<string, string>;
}

const templates = new WeakMap<OperationModel, Template>();

function templateOf(op: OperationModel): Template | undefined {
  if (!op.http) return undefined;
  let t = templates.get(op);
  if (!t) {
    const [method, uri] = op.http;
    const [path = '', search = ''] = uri.split('?', 2);
    const segments = splitPath(path).map((s): Segment => {
      const m = /^\{([^}+]+)(\+?)\}$/.exec(s);
      return m?.[1] ? { label: m[1], greedy: m[2] === '+' } : { literal: s };
    });
    const query = search
      .split('&')
      .filter(Boolean)
      .map((kv): [string, string | undefined] => {
        const [k = '', v] = kv.split('=', 2);
        return [decodeURIComponent(k), v === undefined ? undefined : decodeURIComponent(v)];
      });
    t = { method: method.toUpperCase(), segments, query };
    templates.set(op, t);
  }
  return t;
}

/** Path segments without the leading and trailing slash, still encoded. */
export function splitPath(path: string): string[] {
  const parts = path.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** S3 with path-style addressing: the first segment is the bucket, the rest is matched against the template. */
export function bucketAndPath(req: WireRequest, service: ServiceModel): { bucket?: string; segments: string[] } {
  const segments = splitPath(req.path);
  if (!service.bucketInPath || segments.length === 0 || segments[0] === '') return { segments };
  return { bucket: decodeURIComponent(segments[0] ?? ''), segments: segments.slice(1) };
}

function hasBucketLabel(op: OperationModel): boolean {
  if (!op.input.isStructSchema()) return false;
  return [...op.input.structIterator()].some(([name, m]) => name === 'Bucket' && !!m.getMergedTraits().httpLabel);
}

/** Labels and a specificity score when the template matches, else undefined. */
export function match(
  op: OperationModel,
  req: WireRequest,
  service: ServiceModel,
): (Route & { score: number }) | undefined {
  const t = templateOf(op);
  if (!t || t.method !== req.method.toUpperCase()) return undefined;
  const { bucket, segments } = bucketAndPath(req, service);
  if (service.bucketInPath && (bucket !== undefined) !== hasBucketLabel(op)) return undefined;
  const labels: Record<string, string> = {};
  if (bucket !== undefined) labels.Bucket = bucket;
  let score = 0;
  let i = 0;
  for (const seg of t.segments) {
    if ('literal' in seg) {
      if (segments[i] !== seg.literal) return undefined;
      score += 10;
      i++;
    } else if (seg.greedy) {
      const rest = segments.slice(i);
      if (rest.length === 0) return undefined;
      labels[seg.label] = rest.map(decodeURIComponent).join('/');
      i = segments.length;
    } else {
      const s = segments[i];
      if (!s) return undefined;
      labels[seg.label] = decodeURIComponent(s);
      score += 1;
      i++;
    }
  }
  if (i !== segments.length) return undefined;
  for (const [k, v] of t.query) {
    if (!req.query.has(k) || (v !== undefined && req.query.get(k) !== v)) return undefined;
    score += 100;
  }
  return { op, labels, score };
}

/** The most specific operation whose template matches the request. */
export function findRoute(req: WireRequest, service: ServiceModel): Route | undefined {
  let best: (Route & { score: number }) | undefined;
  for (const op of service.operations.values()) {
    const m = match(op, req, service);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}
