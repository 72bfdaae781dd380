// Benchmark: evaluate every built-in rule over a generated inventory of N resources, against the floor of
// JSON.parse-ing the same inventory, in one run. Prints one line of key=value figures last.
// Usage: npm run bench:engine -- --resources 1000000
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '../src/core/resource.js';
import { runScan } from '../src/engine/scan.js';
import { type InventoryStream, loadSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('resources', 1_000_000);

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

/** Writes the inventory as one snapshot part per account (the demo's and the live scanner's layout). */
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
    flush();
  }
  return dir;
}

/**
 * The scan reads the snapshot part by part, as `mamori scan --from DIR` does; the clock for the floor runs only
 * around JSON.parse, the clock for evaluation around the whole scan minus file reads and parsing.
 */
function measure(dir: string): void {
  const files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
  let parseMs = 0;
  let readMs = 0;
  let count = 0;
  const stream: InventoryStream = {
    files,
    sizes: [],
    warnings: [],
    *parts() {
      for (const file of files) {
        const t0 = performance.now();
        const text = readFileSync(file, 'utf8');
        const t1 = performance.now();
        const doc = JSON.parse(text) as { resources: Resource[]; generatedAt: string };
        const t2 = performance.now();
        readMs += t1 - t0;
        parseMs += t2 - t1;
        count += doc.resources.length;
        yield { file, resources: doc.resources, errors: [], generatedAt: doc.generatedAt };
      }
    },
  };
  const t0 = performance.now();
  const result = runScan(stream, BUILTIN_RULES);
  const evalMs = performance.now() - t0 - parseMs - readMs;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const s = result.summary.byStatus;
  console.log(
    `rules=${BUILTIN_RULES.length} findings=${result.findings.length} not_applicable=${result.notApplicable} pass=${s.PASS} fail=${s.FAIL} error=${s.ERROR} read_s=${(readMs / 1000).toFixed(2)}`,
  );
  console.log(
    `resources=${count} eval_s=${(evalMs / 1000).toFixed(2)} parse_s=${(parseMs / 1000).toFixed(2)} ratio=${(evalMs / parseMs).toFixed(2)} peak_rss_mb=${Math.round(peakMb)}`,
  );
}

// Generation runs in a child process so that the peak RSS measured is the scan's alone.
if (process.argv.includes('--generate')) {
  generate();
} else {
  const dir = packagePath('bench', '.data', `engine-${N}`);
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--generate', '--resources', String(N)], {
    stdio: 'inherit',
  });
  measure(dir);
  rmSync(dir, { recursive: true, force: true });
}
