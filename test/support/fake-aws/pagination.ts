/** Splits a list into pages the way AWS list operations do, for handlers. */
import { fakeError } from './errors.js';

export interface PageOptions {
  /** Output member holding the page's items: `Users`, `SecurityGroups`, `Buckets`, `metricFilters`… */
  itemsKey: string;
  /** Input member carrying the token: `Marker` (IAM, RDS), `NextToken` (EC2), `nextToken` (logs), `ContinuationToken` (S3)… */
  tokenIn: string;
  /** Output member for the next token; default `tokenIn` (S3 ListObjectsV2: `NextContinuationToken`). */
  tokenOut?: string;
  /** Most items a page holds; the request's page size (`MaxItems`, `MaxResults`…) lowers it. */
  pageSize: number;
  /** Output flag telling whether more pages follow (IAM `IsTruncated`). */
  truncatedFlag?: string;
  /** Input member with the caller's page size; default: the first present of the usual names. */
  maxKey?: string;
  /** Error code for a token this helper did not issue; default `InvalidNextToken`. */
  invalidTokenCode?: string;
}

/** Output members of one page: the items, the next token when more follow, and the truncation flag if asked. */
export type Page = Record<string, unknown>;

const MAX_KEYS = [
  'MaxResults',
  'MaxItems',
  'MaxRecords',
  'MaxKeys',
  'MaxBuckets',
  'Limit',
  'maxResults',
  'limit',
  'maxItems',
];

const encode = (offset: number): string => Buffer.from(`fake-aws:${offset}`).toString('base64url');

function decode(token: string, code: string): number {
  const m = /^fake-aws:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw fakeError(code, `The pagination token ${token} is not valid.`, 400);
  return Number(m[1]);
}

/**
 * One page of `items` for the request `input`, as output members: return it from a handler, or spread it with the
 * operation's other members (`{ ...page(buckets, input, opts), Owner }`).
 */
export function page(items: readonly unknown[], input: object, opts: PageOptions): Page {
  const record = input as Record<string, unknown>;
  const token = record[opts.tokenIn];
  const start =
    typeof token === 'string' && token !== '' ? decode(token, opts.invalidTokenCode ?? 'InvalidNextToken') : 0;
  const maxKey = opts.maxKey ?? MAX_KEYS.find((k) => typeof record[k] === 'number');
  const asked = maxKey ? Number(record[maxKey]) : 0;
  const size = Math.max(1, asked > 0 ? Math.min(asked, opts.pageSize) : opts.pageSize);
  const end = Math.min(items.length, start + size);
  const more = end < items.length;
  const out: Page = { [opts.itemsKey]: items.slice(start, end) };
  if (more) out[opts.tokenOut ?? opts.tokenIn] = encode(end);
  if (opts.truncatedFlag) out[opts.truncatedFlag] = more;
  return out;
}
