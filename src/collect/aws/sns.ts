import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  paginateListSubscriptionsByTopic,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import type { SnsTopicProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/** aws.sns.topic: ListTopics → GetTopicAttributes (Policy parsed), ListSubscriptionsByTopic, ListTagsForResource. */
export const snsCollector: Collector = {
  service: 'sns',
  scope: 'regional',
  types: ['aws.sns.topic'],
  async collect(ctx) {
    const sns = ctx.client(SNSClient);
    const topics = await ctx.list('aws.sns.topic', 'ListTopics', () =>
      allPages(paginateListTopics({ client: sns }, {}), (p) => p.Topics ?? []),
    );
    if (!topics) return;
    await ctx.each(topics, async ({ TopicArn }) => {
      if (!TopicArn) return;
      const props = { TopicArn } as SnsTopicProps;
      const topic = ctx.resource('aws.sns.topic', {
        uid: TopicArn,
        name: TopicArn.split(':').pop() ?? TopicArn,
        props,
      });

      const attributes = await ctx.detail(topic, 'Attributes', () =>
        sns.send(new GetTopicAttributesCommand({ TopicArn })).then((o) => o.Attributes ?? {}),
      );
      if (attributes) {
        props.Attributes = attributes;
        props.Policy = attributes.Policy ? parsePolicy(attributes.Policy) : null;
      } else if (topic.gaps?.Attributes) {
        // The policy is one of the attributes.
        topic.gaps.Policy = topic.gaps.Attributes;
      }

      const subscriptions = await ctx.detail(topic, 'Subscriptions', () =>
        allPages(paginateListSubscriptionsByTopic({ client: sns }, { TopicArn }), (p) => p.Subscriptions ?? []),
      );
      if (subscriptions) props.Subscriptions = toJson(subscriptions);

      const tags = await ctx.detail(topic, 'Tags', () =>
        sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn })).then((o) => o.Tags ?? []),
      );
      if (tags) topic.tags = tagMap(tags);

      ctx.emit(topic);
    });
  },
};
