// A synthetic one-account inventory for the live-collection benchmark: the bundled demo's production account
// cloned over the 17 standard commercial regions, every id, ARN and name made unique per clone.
import type { Resource } from '../../src/core/resource.js';
import { loadSnapshot } from '../../src/inventory/snapshot.js';
import { packagePath } from '../../src/paths.js';
import type { DemoIndex } from '../../test/support/fake-aws/demo-index.js';

export const TEMPLATE_ACCOUNT = '345678901234';

/** The 17 commercial regions enabled by default in every account. */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
] as const;

/** Kept once, as in the template (one account record, one budget, one organisation trail). */
const SINGLE = new Set(['aws.account', 'aws.budgets.budget', 'aws.cloudtrail.trail']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Tokens that identify a template resource: its name and the last segment of its uid. */
function tokensOf(resources: readonly Resource[]): string[] {
  const out = new Set<string>();
  for (const r of resources) {
    if (SINGLE.has(r.type) || r.type === 'aws.region') continue;
    for (const t of [r.name, r.uid.split(/[/:]/).pop()]) if (t && t.length >= 4) out.add(t);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export interface Synthetic {
  index: DemoIndex;
  counts: Record<string, number>;
}

/**
 * Builds about `target` resources: global IAM objects cloned `globalCopies` times; every regional object cloned into
 * each region enough times to reach the target.
 */
export function synthesize(target = 5_000, globalCopies = 6): Synthetic {
  const demo = loadSnapshot(packagePath('examples', 'demo-org')).resources.filter(
    (r) => r.account === TEMPLATE_ACCOUNT,
  );
  const tokens = tokensOf(demo);
  const tokenRe = new RegExp(`(?<![A-Za-z0-9_-])(${tokens.map(escapeRe).join('|')})(?![A-Za-z0-9_-])`, 'g');
  const ec2Id = /\b([a-z]{1,6})-([0-9a-f]{8,17})\b/g;
  const uuid = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-f]{12})\b/g;
  const templateRegions = /\b(ap-northeast-1|ap-northeast-3|us-east-1)(?![0-9])/g;

  const clone = (r: Resource, copy: number, region: string | undefined): Resource => {
    const hex = copy.toString(16).padStart(4, '0');
    let text = JSON.stringify(r);
    text = text.replace(uuid, (_m, head: string, tail: string) => `${head}${hex}${tail.slice(4)}`);
    text = text.replace(ec2Id, (_m, prefix: string, id: string) => `${prefix}-${id}${hex}`);
    text = text.replace(tokenRe, (m) => `${m}-c${copy}`);
    if (region) text = text.replace(templateRegions, region);
    return JSON.parse(text) as Resource;
  };

  const regional = demo.filter((r) => r.region !== 'global' && !SINGLE.has(r.type) && r.type !== 'aws.region');
  const global = demo.filter((r) => r.region === 'global' && !SINGLE.has(r.type));
  const regionTemplate = demo.find((r) => r.type === 'aws.region' && r.region === 'ap-northeast-1');
  if (!regionTemplate) throw new Error('demo has no ap-northeast-1 region record');

  const resources: Resource[] = demo.filter((r) => SINGLE.has(r.type));
  let copy = 1;
  for (let g = 0; g < globalCopies; g++) for (const r of global) resources.push(clone(r, copy++, undefined));
  for (const region of REGIONS) {
    const text = JSON.stringify(regionTemplate).replace(/\bap-northeast-1(?![0-9])/g, region);
    resources.push(JSON.parse(text) as Resource);
  }
  const perRegion = Math.max(1, (target - resources.length) / REGIONS.length / regional.length);
  for (const [i, region] of REGIONS.entries()) {
    // Spread the fractional copies so the total lands near the target.
    const want = Math.round(perRegion * (i + 1)) - Math.round(perRegion * i);
    for (let k = 0; k < want; k++, copy++) for (const r of regional) resources.push(clone(r, copy, region));
  }

  const byUid = new Map(resources.map((r) => [r.uid, r]));
  const byKey = new Map<string, Resource[]>();
  for (const r of resources) {
    for (const key of [`${r.type}|${r.account}`, `${r.type}|${r.account}|${r.region}`]) {
      const list = byKey.get(key) ?? [];
      list.push(r);
      byKey.set(key, list);
    }
  }
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  const index: DemoIndex = {
    resources,
    accounts: [TEMPLATE_ACCOUNT],
    ofType: <P>(type: string, account: string, region?: string) =>
      (byKey.get(region === undefined ? `${type}|${account}` : `${type}|${account}|${region}`) ?? []) as Resource<P>[],
    byUid: (uid) => byUid.get(uid),
  };
  return { index, counts };
}
