import type { DemoIndex } from '../demo-index.js';
import { page } from '../index.js';
import type { FakeHandlers } from '../types.js';

/** Merges handler sets service by service (several areas answer for one service, e.g. s3 and s3-control). */
export function mergeHandlers(...sets: FakeHandlers[]): FakeHandlers {
  const out: FakeHandlers = {};
  for (const set of sets) for (const [service, ops] of Object.entries(set)) out[service] = { ...out[service], ...ops };
  return out;
}

/** Organizations ListAccounts for --org, from the demo's aws.organizations.account records. */
export function orgAccountsHandlers(inv: DemoIndex): FakeHandlers {
  return {
    organizations: {
      ListAccounts: (input) =>
        page(
          inv.resources.filter((r) => r.type === 'aws.organizations.account').map((r) => r.props),
          input,
          { itemsKey: 'Accounts', tokenIn: 'NextToken', pageSize: 2 },
        ),
    },
  };
}
