import type { OrganizationProps } from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import type { FakeHandlers } from '../types.js';

/** Merges handler sets service by service (several areas answer for one service, e.g. s3 and s3-control). */
export function mergeHandlers(...sets: FakeHandlers[]): FakeHandlers {
  const out: FakeHandlers = {};
  for (const set of sets) for (const [service, ops] of Object.entries(set)) out[service] = { ...out[service], ...ops };
  return out;
}

/** Organizations ListAccounts for --org, from the demo's organization and account records. */
export function orgAccountsHandlers(inv: DemoIndex): FakeHandlers {
  return {
    organizations: {
      ListAccounts: () => {
        const org = inv.resources.find((r) => r.type === 'aws.organizations.organization');
        const orgProps = org?.props as OrganizationProps | undefined;
        return {
          Accounts: inv.accounts.map((id) => {
            const account = inv.ofType('aws.account', id)[0];
            return {
              Id: id,
              Arn: `arn:aws:organizations::${org?.account}:account/${orgProps?.Organization.Id}/${id}`,
              Email: `aws-${id}@example.co.jp`,
              Name: account?.name ?? id,
              Status: 'ACTIVE',
              State: 'ACTIVE',
              JoinedMethod: id === org?.account ? 'CREATED' : 'INVITED',
              JoinedTimestamp: '2021-04-01T00:00:00Z',
            };
          }),
        };
      },
    },
  };
}
