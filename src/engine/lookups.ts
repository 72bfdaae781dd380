import type { Resource } from '../core/resource.js';
import type { Lookups } from '../core/rule.js';

const EMPTY: readonly Resource[] = Object.freeze([]);

/** Indexes built once per inventory: by uid, and by type × account (× region). */
export function buildLookups(resources: readonly Resource[]): Lookups {
  const byUid = new Map<string, Resource>();
  const byTypeAccount = new Map<string, Resource[]>();
  const byTypeAccountRegion = new Map<string, Resource[]>();
  const regionsByAccount = new Map<string, string[]>();
  for (const r of resources) {
    byUid.set(r.uid, r);
    push(byTypeAccount, `${r.type}\u0000${r.account}`, r);
    push(byTypeAccountRegion, `${r.type}\u0000${r.account}\u0000${r.region}`, r);
    if (r.type === 'aws.region') push(regionsByAccount, r.account, r.region);
  }
  return {
    byUid: (uid) => byUid.get(uid),
    ofType: <P>(type: string, account: string, region?: string) =>
      ((region === undefined
        ? byTypeAccount.get(`${type}\u0000${account}`)
        : byTypeAccountRegion.get(`${type}\u0000${account}\u0000${region}`)) ?? EMPTY) as readonly Resource<P>[],
    regions: (account) => regionsByAccount.get(account) ?? [],
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The lookups one rule may use: only the types it declared in `uses` or `reads` (regions() reads aws.region).
 * Reading anything else throws, which the engine reports as ERROR, so an undeclared read shows in the fixtures.
 */
export function restrictLookups(lookups: Lookups, types: readonly string[]): Lookups {
  const allowed = new Set(types);
  const check = (type: string) => {
    if (!allowed.has(type)) throw new Error(`reads ${type} without declaring it in uses or reads`);
  };
  return {
    byUid: (uid) => {
      const r = lookups.byUid(uid);
      if (r !== undefined) check(r.type);
      return r;
    },
    ofType: <P>(type: string, account: string, region?: string) => {
      check(type);
      return lookups.ofType<P>(type, account, region);
    },
    regions: (account) => {
      check('aws.region');
      return lookups.regions(account);
    },
  };
}
