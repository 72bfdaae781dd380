import {
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { Resource } from '../../core/resource.js';
import type { ListenerProps } from '../../inventory/aws/edge.js';
import type { LoadBalancerProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { type CollectContext, tagMap } from './runtime/context.js';
import { classify, describeFailure } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

/** DescribeTags takes at most 20 load balancer ARNs per call. */
const TAG_BATCH = 20;

/**
 * aws.elbv2.load_balancer (Application, Network and Gateway Load Balancers): DescribeLoadBalancers, then
 * DescribeLoadBalancerAttributes per load balancer (access logs, deletion protection, header handling), the web ACL
 * of each Application Load Balancer (wafv2:GetWebACLForResource; none associated → null) and DescribeTags in
 * batches of 20. aws.elbv2.listener: DescribeListeners of each load balancer (all pages), tagged the same way; a
 * load balancer whose listeners cannot be listed is a collection error of the listener type (its rules: ERROR).
 */
export const elbv2Collector: Collector = {
  service: 'elbv2',
  scope: 'regional',
  types: ['aws.elbv2.load_balancer', 'aws.elbv2.listener'],
  async collect(ctx) {
    const elb = ctx.client(ElasticLoadBalancingV2Client);
    const waf = ctx.client(WAFV2Client);
    let balancers: LoadBalancer[];
    try {
      balancers = await allPages(paginateDescribeLoadBalancers({ client: elb }, {}), (p) => p.LoadBalancers ?? []);
    } catch (e) {
      const failure = classify(e);
      ctx.failed('DescribeLoadBalancers', failure, 'aws.elbv2.load_balancer');
      // Listeners are listed per load balancer: none of them can be seen either.
      ctx.failed('DescribeLoadBalancers', failure, 'aws.elbv2.listener');
      return;
    }
    const resources: Resource<LoadBalancerProps>[] = [];
    const listeners = new Map<string, Resource<ListenerProps>[]>();
    await ctx.each(balancers, async (lb) => {
      const arn = lb.LoadBalancerArn;
      if (!arn) return;
      const props = toJson<LoadBalancerProps>(lb);
      const resource = ctx.resource('aws.elbv2.load_balancer', {
        uid: arn,
        name: lb.LoadBalancerName ?? arn,
        props,
      });
      const attributes = await ctx.detail(resource, 'Attributes', () =>
        elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
      );
      if (attributes) props.Attributes = toJson(attributes.Attributes ?? []);
      // Only Application Load Balancers take a web ACL.
      if (lb.Type === 'application') {
        const acl = await ctx.detail(
          resource,
          'WebACLArn',
          async () => (await waf.send(new GetWebACLForResourceCommand({ ResourceArn: arn }))).WebACL?.ARN ?? null,
          { codes: ['WAFNonexistentItemException'], value: null },
        );
        if (acl !== undefined) props.WebACLArn = acl;
      }
      const found = await ctx.list('aws.elbv2.listener', 'DescribeListeners', () =>
        allPages(paginateDescribeListeners({ client: elb }, { LoadBalancerArn: arn }), (p) => p.Listeners ?? []),
      );
      listeners.set(
        arn,
        (found ?? []).flatMap((l) => listenerResource(ctx, lb.LoadBalancerName ?? arn, l)),
      );
      resources.push(resource);
    });
    // Keep the order of DescribeLoadBalancers, whatever order the attribute calls finished in.
    const order = new Map(balancers.map((lb, i) => [lb.LoadBalancerArn, i]));
    resources.sort((a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0));

    const all: Resource<unknown>[] = [...resources, ...resources.flatMap((r) => listeners.get(r.uid) ?? [])];
    const batches: Resource<unknown>[][] = [];
    for (let i = 0; i < all.length; i += TAG_BATCH) batches.push(all.slice(i, i + TAG_BATCH));
    await ctx.each(batches, async (batch) => {
      try {
        const out = await elb.send(new DescribeTagsCommand({ ResourceArns: batch.map((r) => r.uid) }));
        const tags = new Map((out.TagDescriptions ?? []).map((d) => [d.ResourceArn, tagMap(d.Tags)]));
        for (const r of batch) r.tags = tags.get(r.uid) ?? {};
      } catch (e) {
        // Tags unknown: say so on each resource of the batch rather than claim it has none.
        const why = describeFailure(classify(e));
        for (const r of batch) {
          r.gaps ??= {};
          r.gaps['Tags'] = why;
        }
      }
    });
    for (const r of all) ctx.emit(r);
  },
};

/** One DescribeListeners item as a resource, named after its load balancer, protocol and port. */
function listenerResource(ctx: CollectContext, balancer: string, l: Listener): Resource<ListenerProps>[] {
  if (!l.ListenerArn) return [];
  return [
    ctx.resource('aws.elbv2.listener', {
      uid: l.ListenerArn,
      name: `${balancer} ${l.Protocol ?? ''}:${l.Port ?? ''}`,
      props: toJson<ListenerProps>(l),
    }),
  ];
}
