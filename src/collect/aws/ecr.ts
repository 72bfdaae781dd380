import {
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import type { Resource } from '../../core/resource.js';
import type { EcrRepositoryProps } from '../../inventory/aws/storage.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/**
 * aws.ecr.repository: DescribeRepositories (all pages; tag mutability, scan on push, encryption), then per
 * repository GetRepositoryPolicy (RepositoryPolicyNotFoundException → null), GetLifecyclePolicy
 * (LifecyclePolicyNotFoundException → null) and ListTagsForResource.
 */
export const ecrCollector: Collector = {
  service: 'ecr',
  scope: 'regional',
  types: ['aws.ecr.repository'],
  async collect(ctx) {
    const ecr = ctx.client(ECRClient);
    const repositories = await ctx.list('aws.ecr.repository', 'DescribeRepositories', () =>
      allPages(paginateDescribeRepositories({ client: ecr }, {}), (p) => p.repositories ?? []),
    );
    const resources: Resource<EcrRepositoryProps>[] = [];
    await ctx.each(repositories ?? [], async (repo) => {
      const { repositoryArn, repositoryName, registryId } = repo;
      if (!repositoryArn || !repositoryName) return;
      const props = toJson<EcrRepositoryProps>(repo);
      const resource = ctx.resource('aws.ecr.repository', { uid: repositoryArn, name: repositoryName, props });
      const [policy, lifecycle, tags] = await Promise.all([
        ctx.detail(
          resource,
          'Policy',
          async () => {
            const out = await ecr.send(new GetRepositoryPolicyCommand({ repositoryName, registryId }));
            return out.policyText ? parsePolicy(out.policyText) : null;
          },
          { codes: ['RepositoryPolicyNotFoundException'], value: null },
        ),
        ctx.detail(
          resource,
          'LifecyclePolicy',
          async () => {
            const out = await ecr.send(new GetLifecyclePolicyCommand({ repositoryName, registryId }));
            return out.lifecyclePolicyText
              ? (JSON.parse(out.lifecyclePolicyText) as EcrRepositoryProps['LifecyclePolicy'])
              : null;
          },
          { codes: ['LifecyclePolicyNotFoundException'], value: null },
        ),
        ctx.detail(resource, 'Tags', async () => {
          const out = await ecr.send(new ListTagsForResourceCommand({ resourceArn: repositoryArn }));
          return out.tags ?? [];
        }),
      ]);
      if (policy !== undefined) props.Policy = policy;
      if (lifecycle !== undefined) props.LifecyclePolicy = lifecycle;
      if (tags) resource.tags = tagMap(tags);
      resources.push(resource);
    });
    // Keep the order of DescribeRepositories, whatever order the detail calls finished in.
    const order = new Map((repositories ?? []).map((r, i) => [r.repositoryArn, i]));
    resources.sort((a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0));
    for (const r of resources) ctx.emit(r);
  },
};
