import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import {
  DescribeOrganizationCommand,
  type Organization,
  OrganizationsClient,
  type PolicyType,
  paginateListDelegatedAdministrators,
  paginateListPolicies,
  paginateListRoots,
  paginateListTagsForResource,
  paginateListTargetsForPolicy,
} from '@aws-sdk/client-organizations';
import type { OrganizationProps } from '../../inventory/aws/services.js';
import { setProp } from './iam.js';
import type { Collector } from './runtime/collector.js';
import { type CollectContext, tagMap } from './runtime/context.js';
import { classify } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

/** The authorization policy types the organization resource lists (with their targets). */
const GUARDRAIL_TYPES: readonly PolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

/**
 * organizations:DescribeOrganization, once per account (the account and organization collectors share it):
 * the organization, or null when the account belongs to none (AWSOrganizationsNotInUseException). The promise
 * rejects with the SDK error on any other failure; it never goes unhandled.
 */
export function describeOrganization(ctx: CollectContext): Promise<Organization | null> {
  return ctx.shared('organizations:DescribeOrganization', () => {
    const p = ctx
      .client(OrganizationsClient)
      .send(new DescribeOrganizationCommand({}))
      .then(
        (out) => out.Organization ?? null,
        (e: unknown) => {
          if (classify(e).code === 'AWSOrganizationsNotInUseException') return null;
          throw e;
        },
      );
    p.catch(() => undefined);
    return p;
  });
}

/**
 * aws.organizations.organization, only in the organization's management account (elsewhere these calls are not
 * allowed): the organization, its roots, its SCPs and RCPs with their targets, the delegated administrators and
 * the IAM organization features (centralized root access). Named after the organization id, tagged with the
 * root's tags (Organizations has no name or tags for the organization itself).
 */
export const organizationsCollector: Collector = {
  service: 'organizations',
  scope: 'global',
  types: ['aws.organizations.organization'],
  async collect(ctx) {
    let org: Organization | null;
    try {
      org = await describeOrganization(ctx);
    } catch (e) {
      ctx.failed('DescribeOrganization', classify(e), 'aws.organizations.organization');
      return;
    }
    if (!org?.Arn || !org.Id || org.MasterAccountId !== ctx.account) return;
    const client = ctx.client(OrganizationsClient);
    const props = { Organization: toJson(org) } as OrganizationProps;
    const resource = ctx.resource('aws.organizations.organization', { uid: org.Arn, name: org.Id, props });
    const [roots, policies, delegated, features] = await Promise.all([
      ctx.detail(resource, 'Roots', async () =>
        toJson<OrganizationProps['Roots']>(await allPages(paginateListRoots({ client }, {}), (p) => p.Roots ?? [])),
      ),
      ctx.detail(resource, 'Policies', async () => {
        const policies: OrganizationProps['Policies'] = [];
        for (const Filter of GUARDRAIL_TYPES) {
          const listed = await allPages(paginateListPolicies({ client }, { Filter }), (p) => p.Policies ?? []);
          const withTargets = await Promise.all(
            listed.map(async (policy) => ({
              ...toJson<Omit<OrganizationProps['Policies'][number], 'Targets'>>(policy),
              Targets: toJson<OrganizationProps['Policies'][number]['Targets']>(
                await allPages(
                  paginateListTargetsForPolicy({ client }, { PolicyId: policy.Id }),
                  (p) => p.Targets ?? [],
                ),
              ),
            })),
          );
          policies.push(...withTargets);
        }
        return policies;
      }),
      ctx.detail(resource, 'DelegatedAdministrators', async () =>
        toJson<OrganizationProps['DelegatedAdministrators']>(
          await allPages(paginateListDelegatedAdministrators({ client }, {}), (p) => p.DelegatedAdministrators ?? []),
        ),
      ),
      ctx.detail(
        resource,
        'EnabledFeatures',
        async () => [
          ...((await ctx.client(IAMClient).send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures ?? []),
        ],
        // Without trusted access for IAM, no IAM organization feature can be enabled.
        { codes: ['ServiceAccessNotEnabledException'], value: [] },
      ),
    ]);
    setProp(props, 'Roots', roots);
    setProp(props, 'Policies', policies);
    setProp(props, 'DelegatedAdministrators', delegated);
    setProp(props, 'EnabledFeatures', features);
    const ResourceId = roots?.[0]?.Id;
    if (ResourceId) {
      try {
        resource.tags = tagMap(
          await allPages(paginateListTagsForResource({ client }, { ResourceId }), (p) => p.Tags ?? []),
        );
      } catch {
        // Tags only label the resource.
      }
    }
    ctx.emit(resource);
  },
};
