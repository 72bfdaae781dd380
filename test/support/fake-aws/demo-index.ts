import type { Resource } from '../../../src/core/resource.js';
import { loadSnapshot } from '../../../src/inventory/snapshot.js';
import { packagePath } from '../../../src/paths.js';

/** The bundled demo organisation, indexed for fake AWS handlers that answer from it. */
export interface DemoIndex {
  resources: readonly Resource[];
  accounts: readonly string[];
  ofType<P = Record<string, unknown>>(type: string, account: string, region?: string): Resource<P>[];
  byUid(uid: string): Resource | undefined;
}

export function demoIndex(path = packagePath('examples', 'demo-org')): DemoIndex {
  const { resources } = loadSnapshot(path);
  const byUid = new Map(resources.map((r) => [r.uid, r]));
  const accounts = [...new Set(resources.map((r) => r.account))].sort();
  return {
    resources,
    accounts,
    ofType: <P>(type: string, account: string, region?: string) =>
      resources.filter(
        (r) => r.type === type && r.account === account && (region === undefined || r.region === region),
      ) as Resource<P>[],
    byUid: (uid) => byUid.get(uid),
  };
}

/** Long-term access key id of each demo account (AKIA + account + DEMO = 20 characters, as AWS key ids are). */
export const accessKeyFor = (account: string): string => `AKIA${account}DEMO`;
/** The session key id AssumeRole hands out for a member account. */
export const sessionKeyFor = (account: string): string => `ASIA${account}DEMO`;

/** Access key id → account, for startFakeAws({ accounts }). */
export function demoKeys(accounts: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    accounts.flatMap((a) => [
      [accessKeyFor(a), a],
      [sessionKeyFor(a), a],
    ]),
  );
}

/** Static credentials of one demo account, for collectAws({ credentials }). */
export const credentialsFor = (account: string) => async () => ({
  accessKeyId: accessKeyFor(account),
  secretAccessKey: 'fake-secret-for-tests-only',
});
