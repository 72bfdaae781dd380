// Benchmark: `mamori iac` over a generated corpus of CloudFormation templates and Terraform configurations,
// against the floor of parsing the same files with the same parsers (yaml with the CloudFormation tags,
// @cdktf/hcl2json), in one run. Prints one line of key=value figures last.
// Usage: npm run bench:iac -- --cloudformation 700 --terraform 300
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { iacRules } from '../src/cli/iac.js';
import { runScan } from '../src/engine/scan.js';
import { parseTemplate } from '../src/iac/cloudformation/parse.js';
import { adaptPaths, suppressionAdjuster } from '../src/iac/run.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { generateCorpus } from './iac-corpus.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-bench-iac-'));
  try {
    const files = generateCorpus(dir, {
      cloudformation: arg('cloudformation', 700),
      terraform: arg('terraform', 300),
    });
    const paths = walk(dir).sort();
    // Warm both parsers once (hcl2json loads a WebAssembly module on first use).
    await parseHcl('warm.tf', 'locals {}\n');
    parseTemplate('warm.yaml', 'Resources: {}\n');

    // Floor: read and parse every file with the parsers the adapters use.
    let t = process.hrtime.bigint();
    for (const p of paths) {
      const text = readFileSync(p, 'utf8');
      if (p.endsWith('.tf')) await parseHcl(p, text);
      else parseTemplate(p, text);
    }
    const parseS = Number(process.hrtime.bigint() - t) / 1e9;

    // Full scan: discover, adapt (resolve, join, map), evaluate every IaC-applicable rule, find secrets.
    t = process.hrtime.bigint();
    const adapted = await adaptPaths([dir]);
    const result = runScan(
      { files: adapted.files, resources: adapted.resources, errors: [], warnings: [] },
      iacRules(BUILTIN_RULES),
      { adjust: suppressionAdjuster(adapted.suppressions) },
    );
    const scanS = Number(process.hrtime.bigint() - t) / 1e9;

    const errors = adapted.problems.filter((p) => p.level === 'error');
    if (errors.length > 0) throw new Error(`corpus does not adapt: ${errors[0]!.file}: ${errors[0]!.message}`);
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `resources=${adapted.resources.length} findings=${result.findings.length} rules=${iacRules(BUILTIN_RULES).length}`,
    );
    console.log(
      `files=${files} scan_s=${scanS.toFixed(2)} parse_s=${parseS.toFixed(2)} ratio=${(scanS / parseS).toFixed(2)} ` +
        `files_per_s=${Math.round(files / scanS)} peak_rss_mb=${Math.round(peak)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
