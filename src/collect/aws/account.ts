import { AccountClient, type AlternateContactType, GetAlternateContactCommand } from '@aws-sdk/client-account';
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateListAccountAliases,
  paginateListVirtualMFADevices,
} from '@aws-sdk/client-iam';
import { OrganizationsClient, paginateListTagsForResource } from '@aws-sdk/client-organizations';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { AccountProps } from '../../inventory/aws/account.js';
import { credentialReport, ROOT_ROW } from './credential-report.js';
import { NO_SUCH_ENTITY, setProp } from './iam.js';
import { describeOrganization } from './organizations.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

const CONTACT_TYPES: readonly AlternateContactType[] = ['SECURITY', 'BILLING', 'OPERATIONS'];

/**
 * aws.account (uid arn:aws:iam::<account>:root, region global): the account-wide facts account-level rules read —
 * IAM account summary, password policy, the root user's credential report row, alternate contacts, virtual MFA
 * devices, identity providers, account-level S3 Block Public Access and the organization. Named after the account
 * alias (else the account id); tagged with the account's tags in Organizations when the account may read them.
 */
export const accountCollector: Collector = {
  service: 'account',
  scope: 'global',
  types: ['aws.account'],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const AccountId = ctx.account;
    let name = AccountId;
    try {
      const aliases = await allPages(paginateListAccountAliases({ client: iam }, {}), (p) => p.AccountAliases ?? []);
      name = aliases[0] ?? AccountId;
    } catch {
      // The alias only names the resource.
    }
    const props = { AccountId } as AccountProps;
    const account = ctx.resource('aws.account', { uid: `arn:aws:iam::${AccountId}:root`, name, props });
    const contacts = ctx.client(AccountClient);
    const [summary, passwordPolicy, root, alternateContacts, virtualMfa, saml, oidc, publicAccessBlock, org] =
      await Promise.all([
        ctx.detail(
          account,
          'SummaryMap',
          async () => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap as Record<string, number>,
        ),
        ctx.detail(
          account,
          'PasswordPolicy',
          async () =>
            toJson<AccountProps['PasswordPolicy']>(
              (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null,
            ),
          { codes: NO_SUCH_ENTITY, value: null },
        ),
        ctx.detail(account, 'RootCredentialReport', async () => {
          const report = await credentialReport(ctx, iam);
          const row = report.rows.get(ROOT_ROW);
          if (!row) {
            throw Object.assign(new Error(`the credential report has no ${ROOT_ROW} row`), {
              name: 'NotInCredentialReport',
            });
          }
          return { row, generatedTime: report.generatedTime };
        }),
        Promise.all(
          CONTACT_TYPES.map((AlternateContactType) =>
            ctx.detail(
              account,
              `AlternateContacts.${AlternateContactType}`,
              async () =>
                toJson<AccountProps['AlternateContacts']['SECURITY']>(
                  (await contacts.send(new GetAlternateContactCommand({ AlternateContactType }))).AlternateContact ??
                    null,
                ),
              { codes: ['ResourceNotFoundException'], value: null },
            ),
          ),
        ),
        ctx.detail(account, 'VirtualMFADevices', async () =>
          toJson<AccountProps['VirtualMFADevices']>(
            await allPages(paginateListVirtualMFADevices({ client: iam }, {}), (p) => p.VirtualMFADevices ?? []),
          ),
        ),
        ctx.detail(account, 'SAMLProviderList', async () =>
          toJson<AccountProps['SAMLProviderList']>(
            (await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList ?? [],
          ),
        ),
        ctx.detail(account, 'OpenIDConnectProviderList', async () =>
          toJson<AccountProps['OpenIDConnectProviderList']>(
            (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? [],
          ),
        ),
        ctx.detail(
          account,
          'PublicAccessBlockConfiguration',
          async () =>
            toJson<AccountProps['PublicAccessBlockConfiguration']>(
              (await ctx.client(S3ControlClient).send(new GetPublicAccessBlockCommand({ AccountId })))
                .PublicAccessBlockConfiguration ?? null,
            ),
          { codes: ['NoSuchPublicAccessBlockConfiguration'], value: null },
        ),
        ctx.detail(account, 'Organization', async () => {
          const org = await describeOrganization(ctx);
          return org ? toJson<NonNullable<AccountProps['Organization']>>(org) : null;
        }),
      ]);
    setProp(props, 'SummaryMap', summary);
    setProp(props, 'PasswordPolicy', passwordPolicy);
    if (root) {
      props.RootCredentialReport = root.row;
      setProp(props, 'CredentialReportGeneratedTime', root.generatedTime);
    } else if (account.gaps?.RootCredentialReport) {
      account.gaps.CredentialReportGeneratedTime = account.gaps.RootCredentialReport;
    }
    // A contact whose call failed stays unset (a gap on its path); the object is always there.
    props.AlternateContacts = {} as AccountProps['AlternateContacts'];
    for (const [i, type] of CONTACT_TYPES.entries()) setProp(props.AlternateContacts, type, alternateContacts[i]);
    setProp(props, 'VirtualMFADevices', virtualMfa);
    setProp(props, 'SAMLProviderList', saml);
    setProp(props, 'OpenIDConnectProviderList', oidc);
    setProp(props, 'PublicAccessBlockConfiguration', publicAccessBlock);
    setProp(props, 'Organization', org);
    if (org) {
      // Only the management account (or a member the organization's delegation policy allows) may read them.
      try {
        account.tags = tagMap(
          await allPages(
            paginateListTagsForResource({ client: ctx.client(OrganizationsClient) }, { ResourceId: AccountId }),
            (p) => p.Tags ?? [],
          ),
        );
      } catch {
        // Tags only label the resource.
      }
    }
    ctx.emit(account);
  },
};
