// Benchmark: live collection of one large account (about 5,000 resources over the 17 standard regions) through the
// real AWS SDK against the fake AWS endpoint, with 50 ms latency per call and per-API rate limits, compared with
// the floor those limits allow, in one run. Prints one line of key=value figures last.
// Usage: npm run bench:live [-- --resources 5000 --latency 50]
//
// Rate limits (token buckets; burst = one second's worth; an answer over the limit is the service's own throttling
// error, which the SDK retries with backoff):
//
// | service                                   | bucket                   | rate      | throttling error       |
// |-------------------------------------------|--------------------------|-----------|------------------------|
// | iam                                       | account (global)         | 20 req/s  | Throttling (400)       |
// | sts, organizations, budgets, account      | account (global)         | 20 req/s  | Throttling / ...Exc.   |
// | s3, s3-control                            | account (global)         | 100 req/s | SlowDown (503)         |
// | ec2                                       | account × region         | 100 req/s | RequestLimitExceeded   |
// | every other service (kms, logs, rds, ...) | account × region         | 50 req/s  | Throttling (query) /   |
// |                                           |                          |           | ThrottlingException    |
//
// Floor: for each bucket, max(0, successful calls − burst) / rate; and the latency of the longest chain of calls
// that must run in sequence, chain × latency, where chain = 2 (GetCallerIdentity, before any collector) + the most
// pages one list operation took in one bucket (its first page included) + 1 (a detail call on the last page's items).
// floor_s = max(every bucket floor, chain floor); ratio = wall_s / floor_s.

import { collectAws } from '../src/collect/aws/scan.js';
import type { Resource } from '../src/core/resource.js';
import type { CollectionError } from '../src/core/rule.js';
import { loadService } from '../test/support/fake-aws/catalog.js';
import { credentialsFor, demoKeys } from '../test/support/fake-aws/demo-index.js';
import { demoOrgHandlers } from '../test/support/fake-aws/handlers/all.js';
import {
  CLIENT_PACKAGES,
  type FakeHandlers,
  fakeError,
  type RecordedCall,
  startFakeAws,
} from '../test/support/fake-aws/index.js';
import { REGIONS, synthesize, TEMPLATE_ACCOUNT } from './live/synthetic.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const TARGET = arg('resources', 5_000);
const LATENCY_MS = arg('latency', 50);

const GLOBAL = new Set(['iam', 'sts', 'organizations', 'budgets', 'account', 's3', 's3-control']);
const QUERY = new Set(['iam', 'sts', 'sns', 'rds', 'monitoring', 'elasticloadbalancing']);

function rateOf(service: string): number {
  if (service === 'iam' || service === 'sts' || service === 'organizations') return 20;
  if (service === 'budgets' || service === 'account') return 20;
  if (service === 'ec2' || service === 's3' || service === 's3-control') return 100;
  return 50;
}

function throttle(service: string) {
  if (service === 'ec2') return fakeError('RequestLimitExceeded', 'Request limit exceeded.', 503);
  if (service === 's3' || service === 's3-control')
    return fakeError('SlowDown', 'Please reduce your request rate.', 503);
  if (QUERY.has(service)) return fakeError('Throttling', 'Rate exceeded', 400);
  return fakeError('ThrottlingException', 'Rate exceeded', 400);
}

const bucketOf = (service: string, account: string, region: string): string =>
  GLOBAL.has(service) ? `${service} ${account}` : `${service} ${account} ${region}`;

/** Token bucket: `rate` tokens a second, at most `rate` saved up. */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(readonly rate: number) {
    this.tokens = rate;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** First and last admitted call of each bucket (ms since the fake started). */
const spans = new Map<string, { first: number; last: number }>();

function rateLimited(handlers: FakeHandlers): FakeHandlers {
  const buckets = new Map<string, TokenBucket>();
  const out: FakeHandlers = {};
  for (const [service, ops] of Object.entries(handlers)) {
    out[service] = {};
    for (const [op, handler] of Object.entries(ops)) {
      out[service][op] = (input, ctx) => {
        const key = bucketOf(ctx.service, ctx.account, ctx.region);
        let b = buckets.get(key);
        if (!b) {
          b = new TokenBucket(rateOf(ctx.service));
          buckets.set(key, b);
        }
        if (!b.take()) throw throttle(ctx.service);
        const now = performance.now();
        const span = spans.get(key) ?? { first: now, last: now };
        span.last = now;
        spans.set(key, span);
        return handler(input, ctx);
      };
    }
  }
  return out;
}

const PAGE_TOKENS = ['NextToken', 'nextToken', 'Marker', 'ContinuationToken', 'NextMarker', 'ExclusiveStartKey'];

interface BucketRow {
  bucket: string;
  calls: number;
  throttled: number;
  errors: number;
  rate: number;
  floor: number;
}

function analyse(calls: readonly RecordedCall[]): { rows: BucketRow[]; chain: number; longest: string } {
  const rows = new Map<string, BucketRow>();
  const pages = new Map<string, number>();
  for (const c of calls) {
    if (!c.service) continue;
    const bucket = bucketOf(c.service, c.account, c.region);
    const row = rows.get(bucket) ?? { bucket, calls: 0, throttled: 0, errors: 0, rate: rateOf(c.service), floor: 0 };
    if (c.status < 400) row.calls++;
    else if (/^(Throttling|ThrottlingException|RequestLimitExceeded|SlowDown)$/.test(c.error ?? '')) row.throttled++;
    else row.errors++;
    rows.set(bucket, row);
    if (c.status < 400 && PAGE_TOKENS.some((t) => c.input[t] !== undefined)) {
      const key = `${bucket} ${c.operation} ${JSON.stringify({ ...c.input, ...Object.fromEntries(PAGE_TOKENS.map((t) => [t, undefined])) })}`;
      pages.set(key, (pages.get(key) ?? 0) + 1);
    }
  }
  for (const row of rows.values()) row.floor = Math.max(0, row.calls - row.rate) / row.rate;
  // +1 for each list's first page (no token), +2 before (identity, regions), +1 after (a detail call).
  let longest = ['', 0] as [string, number];
  for (const [key, n] of pages) if (n > longest[1]) longest = [key, n];
  return {
    rows: [...rows.values()].sort((a, b) => b.floor - a.floor),
    chain: 2 + longest[1] + 1 + 1,
    longest: longest[0].split(' {')[0] ?? '',
  };
}

async function main(): Promise<void> {
  const { index, counts } = synthesize(TARGET);
  const fake = await startFakeAws({
    handlers: rateLimited(demoOrgHandlers(index)),
    accounts: demoKeys(index.accounts),
    defaultAccount: TEMPLATE_ACCOUNT,
    latencyMs: LATENCY_MS,
  });
  // The fake reads each service's model from its SDK package on first use: load them before the clock starts, so
  // that one-off cost is not counted as AWS time.
  const warm = performance.now();
  await Promise.all(Object.entries(CLIENT_PACKAGES).map(([key, pkg]) => loadService(key, pkg)));
  console.log(`fake AWS service models loaded in ${((performance.now() - warm) / 1000).toFixed(2)} s (not counted)`);
  const resources: Resource[] = [];
  const errors: CollectionError[] = [];
  const started = performance.now();
  try {
    for await (const part of collectAws({
      regions: [...REGIONS],
      endpointUrl: fake.url,
      credentials: credentialsFor(TEMPLATE_ACCOUNT),
      homeRegion: 'us-east-1',
      maxAttempts: 8,
    })) {
      resources.push(...part.resources);
      errors.push(...part.errors);
    }
  } finally {
    await fake.close();
  }
  const wall = (performance.now() - started) / 1000;
  const { rows, chain, longest } = analyse(fake.calls);
  const chainFloor = (chain * LATENCY_MS) / 1000;
  const floor = Math.max(chainFloor, ...rows.map((r) => r.floor));
  const total = rows.reduce((a, r) => a + r.calls, 0);
  const throttled = rows.reduce((a, r) => a + r.throttled, 0);

  console.log(
    `inventory: ${index.resources.length} resources served (${Object.keys(counts).length} types), ${REGIONS.length} regions`,
  );
  console.log(`collected: ${resources.length} resources, ${errors.length} collection errors`);
  const byCode = new Map<string, number>();
  for (const e of errors) {
    const key = `${e.service}.${e.operation}:${e.code}`;
    byCode.set(key, (byCode.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...byCode].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  error ${k} ×${n}`);
  console.log('\nbucket                                   calls  throttled  other_err  rate/s  floor_s');
  for (const r of rows.slice(0, 25)) {
    console.log(
      `${r.bucket.padEnd(40)} ${String(r.calls).padStart(6)} ${String(r.throttled).padStart(10)} ${String(r.errors).padStart(10)} ${String(r.rate).padStart(7)} ${r.floor.toFixed(2).padStart(8)}`,
    );
  }
  if (rows.length > 25) console.log(`… ${rows.length - 25} more buckets`);
  console.log(
    `\nfloor = max(max over buckets of max(0, calls − burst) / rate, chain × latency = ${chain} × ${LATENCY_MS} ms = ${chainFloor.toFixed(2)} s)`,
  );
  const top = rows[0];
  const span = top ? spans.get(top.bucket) : undefined;
  if (top && span) {
    const first = (span.first - started) / 1000;
    const last = (span.last - started) / 1000;
    console.log(
      `binding bucket ${top.bucket}: first admitted call at ${first.toFixed(2)} s, last at ${last.toFixed(2)} s ` +
        `(${((top.calls + top.errors) / Math.max(0.001, last - first)).toFixed(1)} admitted calls/s of ${top.rate})`,
    );
  }
  const firstAny = Math.min(...[...spans.values()].map((x) => x.first));
  console.log(`first admitted call of any bucket at ${((firstAny - started) / 1000).toFixed(2)} s`);
  console.log(`longest list (pages in sequence): ${longest}; throttled answers: ${throttled}`);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `calls=${total} floor_s=${floor.toFixed(2)} wall_s=${wall.toFixed(2)} ratio=${(wall / floor).toFixed(2)} peak_rss_mb=${Math.round(rss)}`,
  );
}

await main();
