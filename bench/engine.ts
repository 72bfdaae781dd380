// Benchmark: evaluate every built-in rule over a generated inventory of N resources, against the floor of
// JSON.parse-ing the same inventory, in one run. Prints one line of key=value figures last.
// Usage: npm run bench:engine -- --resources 1000000
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from '../src/core/resource.js';
import { runScan } from '../src/engine/scan.js';
import type { LoadedInventory } from '../src/inventory/snapshot.js';
import { loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('resources', 1_000_000);
const PART = 50_000;

/**
 * Share of each resource type in a large organisation's inventory (per account: a handful of account/region
 * records, many network and compute objects, fewer identities and data stores).
 */
const WEIGHTS: Record<string, number> = {
  'aws.ec2.security_group': 12,
  'aws.ec2.instance': 9,
  'aws.ec2.volume': 12,
  'aws.ec2.snapshot': 8,
  'aws.ec2.subnet': 8,
  'aws.ec2.route_table': 4,
  'aws.ec2.network_acl': 3,
  'aws.ec2.vpc': 1.5,
  'aws.ec2.internet_gateway': 1,
  'aws.ec2.vpc_peering_connection': 0.3,
  'aws.s3.bucket': 6,
  'aws.iam.user': 4,
  'aws.iam.role': 9,
  'aws.iam.group': 1,
  'aws.iam.policy': 5,
  'aws.iam.server_certificate': 0.2,
  'aws.kms.key': 3,
  'aws.rds.db_instance': 2,
  'aws.rds.db_cluster': 0.5,
  'aws.efs.file_system': 0.7,
  'aws.sns.topic': 2,
  'aws.cloudwatch.alarm': 4,
  'aws.logs.metric_filter': 2,
  'aws.elbv2.load_balancer': 1.5,
  'aws.budgets.budget': 0.3,
};
const RESOURCES_PER_ACCOUNT = 2_000;

function templates(): Map<string, Resource[]> {
  const demo = loadSnapshot(packagePath('examples', 'demo-org'));
  const byType = new Map<string, Resource[]>();
  for (const r of demo.resources) {
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  return byType;
}

/** Writes the inventory as snapshot parts of PART resources; returns the directory. */
function generate(): string {
  const dir = packagePath('bench', '.data', `engine-${N}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byType = templates();
  const accountTemplates = byType.get('aws.account')!;
  const regionTemplates = byType.get('aws.region')!;
  const trailTemplates = byType.get('aws.cloudtrail.trail')!;
  const totalWeight = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  const accounts = Math.max(1, Math.round(N / RESOURCES_PER_ACCOUNT));
  let part: Resource[] = [];
  let partNo = 0;
  let made = 0;
  const flush = () => {
    const name = `part-${String(partNo++).padStart(4, '0')}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({ format: 'mamori.snapshot', version: 1, generatedAt: '2026-11-20T03:00:00Z', resources: part }),
    );
    part = [];
  };
  const emit = (r: Resource) => {
    part.push(r);
    made++;
    if (part.length === PART) flush();
  };
  const clone = (t: Resource, account: string, i: number): Resource => {
    const r = structuredClone(t);
    r.account = account;
    r.uid = `${t.uid.replace(/\d{12}/g, account)}#${i}`;
    return r;
  };
  let i = 0;
  for (let a = 0; a < accounts && made < N; a++) {
    const account = String(100000000000 + a);
    emit(clone(accountTemplates[a % accountTemplates.length]!, account, i++));
    for (const t of regionTemplates.slice(0, 3)) emit(clone(t, account, i++));
    for (const t of trailTemplates.slice(0, 2)) emit(clone(t, account, i++));
    const budget = Math.min(RESOURCES_PER_ACCOUNT, N - made) - 6;
    for (const [type, w] of Object.entries(WEIGHTS)) {
      const list = byType.get(type);
      if (!list) continue;
      const count = Math.round((budget * w) / totalWeight);
      for (let k = 0; k < count && made < N; k++) emit(clone(list[k % list.length]!, account, i++));
    }
  }
  if (part.length > 0) flush();
  return dir;
}

function main(): void {
  const dir = generate();
  const files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
  // Floor: JSON.parse of the same inventory (file reads are outside the timing).
  let parseMs = 0;
  const resources: Resource[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const t0 = performance.now();
    const doc = JSON.parse(text) as { resources: Resource[] };
    parseMs += performance.now() - t0;
    for (const r of doc.resources) resources.push(r);
  }
  const inventory: LoadedInventory = { resources, errors: [], files, warnings: [] };
  const t0 = performance.now();
  const result = runScan(inventory, BUILTIN_RULES, { now: new Date('2026-11-20T03:00:00Z') });
  const evalMs = performance.now() - t0;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const s = result.summary.byStatus;
  console.log(
    `rules=${BUILTIN_RULES.length} findings=${result.findings.length} not_applicable=${result.notApplicable} pass=${s.PASS} fail=${s.FAIL} error=${s.ERROR}`,
  );
  console.log(
    `resources=${resources.length} eval_s=${(evalMs / 1000).toFixed(2)} parse_s=${(parseMs / 1000).toFixed(2)} ratio=${(evalMs / parseMs).toFixed(2)} peak_rss_mb=${Math.round(peakMb)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

main();
