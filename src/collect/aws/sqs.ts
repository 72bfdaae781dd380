import { GetQueueAttributesCommand, ListQueueTagsCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import type { Resource } from '../../core/resource.js';
import type { SqsQueueProps } from '../../inventory/aws/storage.js';
import type { Collector } from './runtime/collector.js';
import { allPages, parsePolicy } from './runtime/pages.js';

/**
 * aws.sqs.queue: ListQueues (all pages), then per queue GetQueueAttributes (All; the Policy attribute parsed into
 * `Policy`, null when the queue has none) and ListQueueTags. A queue whose attributes cannot be read keeps its URL,
 * with gaps on Attributes and Policy (its rules: ERROR).
 */
export const sqsCollector: Collector = {
  service: 'sqs',
  scope: 'regional',
  types: ['aws.sqs.queue'],
  async collect(ctx) {
    const sqs = ctx.client(SQSClient);
    const urls = await ctx.list('aws.sqs.queue', 'ListQueues', () =>
      allPages(paginateListQueues({ client: sqs }, { MaxResults: 1000 }), (p) => p.QueueUrls ?? []),
    );
    const resources: Resource<SqsQueueProps>[] = [];
    await ctx.each(urls ?? [], async (QueueUrl) => {
      const name = QueueUrl.split('/').pop() ?? QueueUrl;
      const props = { QueueUrl } as SqsQueueProps;
      const resource = ctx.resource('aws.sqs.queue', {
        uid: `arn:aws:sqs:${ctx.region}:${ctx.account}:${name}`,
        name,
        props,
      });
      const attributes = await ctx.detail(resource, 'Attributes', async () => {
        const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
        return out.Attributes ?? {};
      });
      if (attributes) {
        const { Policy, ...rest } = attributes;
        props.Attributes = rest;
        props.Policy = Policy ? parsePolicy(Policy) : null;
        if (rest.QueueArn) resource.uid = rest.QueueArn;
      } else {
        resource.gaps = { ...resource.gaps, Policy: resource.gaps?.Attributes ?? 'not collected' };
      }
      const tags = await ctx.detail(resource, 'Tags', async () => {
        const out = await sqs.send(new ListQueueTagsCommand({ QueueUrl }));
        return out.Tags ?? {};
      });
      if (tags) resource.tags = { ...tags };
      resources.push(resource);
    });
    // Keep the order of ListQueues, whatever order the detail calls finished in.
    const order = new Map((urls ?? []).map((u, i) => [u, i]));
    resources.sort((a, b) => (order.get(a.props.QueueUrl) ?? 0) - (order.get(b.props.QueueUrl) ?? 0));
    for (const r of resources) ctx.emit(r);
  },
};
