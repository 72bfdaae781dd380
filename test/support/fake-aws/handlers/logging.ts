import type { Resource } from '../../../../src/core/resource.js';
import type {
  MetricAlarmProps,
  MetricFilterProps,
  SnsTopicProps,
  TrailProps,
} from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers } from '../types.js';

/** Page sizes, smaller than AWS's own so that the demo's lists take several pages. */
export interface LoggingHandlerOptions {
  metricFilters?: number;
  alarms?: number;
  topics?: number;
  subscriptions?: number;
}

/** A demo gap ("AccessDeniedException: …") as the error AWS answered, with the code the service uses. */
function deniedIfGap(resource: Resource<unknown>, paths: readonly string[], code: string): void {
  for (const path of paths) {
    const gap = resource.gaps?.[path];
    if (gap === undefined) continue;
    const m = /^(\w+): ([\s\S]*)$/.exec(gap);
    throw fakeError(m?.[1] ?? code, m?.[2] ?? gap, 403);
  }
}

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** The members DescribeTrails gives: the trail's own settings, without what GetTrailStatus and the selectors add. */
function trailOf(trail: Resource<TrailProps>): Record<string, unknown> {
  const { Status: _s, EventSelectors: _e, AdvancedEventSelectors: _a, ...rest } = trail.props;
  return rest;
}

/**
 * CloudTrail (JSON 1.1), CloudWatch Logs (JSON 1.1), CloudWatch (JSON 1.0, query-compatible) and SNS (Query)
 * answering from the demo, as the API references shape their outputs.
 *
 * DescribeTrails shows, in each region, the trails created there and the multi-region trails of other regions
 * (shadow trails), and in member accounts of the Organization also its organization trails, as AWS does.
 */
export function loggingHandlers(inv: DemoIndex, options: LoggingHandlerOptions = {}): FakeHandlers {
  const trails = (ctx: FakeContext) =>
    inv.resources.filter(
      (r): r is Resource<TrailProps> =>
        r.type === 'aws.cloudtrail.trail' &&
        (r.account === ctx.account ||
          ((r.props as TrailProps).IsOrganizationTrail === true && inv.accounts.includes(ctx.account))),
    );
  const visibleTrails = (ctx: FakeContext, shadows: boolean) =>
    trails(ctx).filter((t) => t.props.HomeRegion === ctx.region || (shadows && t.props.IsMultiRegionTrail === true));
  /** A trail named by ARN (any region it shows in), or by name (its home region only). */
  const findTrail = (name: unknown, ctx: FakeContext) => {
    const id = String(name);
    const trail = visibleTrails(ctx, true).find(
      (t) => t.uid === id || (t.props.Name === id && t.props.HomeRegion === ctx.region),
    );
    if (!trail) {
      throw fakeError('TrailNotFoundException', `Unknown trail: ${id} for the user: ${ctx.account}`, 400);
    }
    return trail;
  };

  const filters = (ctx: FakeContext) =>
    inv.ofType<MetricFilterProps>('aws.logs.metric_filter', ctx.account, ctx.region);
  const alarms = (ctx: FakeContext) => inv.ofType<MetricAlarmProps>('aws.cloudwatch.alarm', ctx.account, ctx.region);
  const topics = (ctx: FakeContext) => inv.ofType<SnsTopicProps>('aws.sns.topic', ctx.account, ctx.region);
  const findTopic = (arn: unknown, ctx: FakeContext) => {
    const topic = topics(ctx).find((t) => t.uid === String(arn));
    if (!topic) throw fakeError('NotFound', 'Topic does not exist', 404);
    return topic;
  };

  return {
    cloudtrail: {
      DescribeTrails: (input, ctx) => {
        const names = Array.isArray(input.trailNameList) ? input.trailNameList.map(String) : [];
        let list = visibleTrails(ctx, input.includeShadowTrails !== false);
        if (names.length > 0) list = list.filter((t) => names.includes(t.uid) || names.includes(t.props.Name ?? ''));
        return { trailList: list.map(trailOf) };
      },
      GetTrailStatus: (input, ctx) => {
        const trail = findTrail(input.Name, ctx);
        deniedIfGap(trail, ['Status'], 'AccessDeniedException');
        return trail.props.Status;
      },
      GetEventSelectors: (input, ctx) => {
        const trail = findTrail(input.TrailName, ctx);
        deniedIfGap(trail, ['EventSelectors', 'AdvancedEventSelectors'], 'AccessDeniedException');
        return {
          TrailARN: trail.uid,
          ...(trail.props.EventSelectors ? { EventSelectors: trail.props.EventSelectors } : {}),
          ...(trail.props.AdvancedEventSelectors ? { AdvancedEventSelectors: trail.props.AdvancedEventSelectors } : {}),
        };
      },
      // Tags are read in the trail's home region only.
      ListTags: (input, ctx) => {
        const ids = Array.isArray(input.ResourceIdList) ? input.ResourceIdList.map(String) : [];
        return {
          ResourceTagList: ids.map((id) => {
            const trail = trails(ctx).find((t) => t.uid === id && t.props.HomeRegion === ctx.region);
            if (!trail) throw fakeError('ResourceNotFoundException', `Resource ${id} not found in ${ctx.region}`, 400);
            deniedIfGap(trail, ['Tags'], 'AccessDeniedException');
            return { ResourceId: id, TagsList: tagList(trail.tags) };
          }),
        };
      },
    },
    logs: {
      DescribeMetricFilters: (input, ctx) => {
        let list = filters(ctx).map((f) => f.props);
        if (typeof input.logGroupName === 'string') list = list.filter((f) => f.logGroupName === input.logGroupName);
        const prefix = input.filterNamePrefix;
        if (typeof prefix === 'string') list = list.filter((f) => f.filterName?.startsWith(prefix));
        return page(list, input, {
          itemsKey: 'metricFilters',
          tokenIn: 'nextToken',
          pageSize: options.metricFilters ?? 5,
        });
      },
    },
    monitoring: {
      // Without AlarmTypes only metric alarms are listed; the demo has no composite alarms.
      DescribeAlarms: (input, ctx) => {
        const types = Array.isArray(input.AlarmTypes) ? input.AlarmTypes.map(String) : ['MetricAlarm'];
        const names = Array.isArray(input.AlarmNames) ? input.AlarmNames.map(String) : [];
        let list = types.includes('MetricAlarm') ? alarms(ctx).map((a) => a.props) : [];
        if (names.length > 0) list = list.filter((a) => names.includes(a.AlarmName ?? ''));
        return {
          ...page(list, input, { itemsKey: 'MetricAlarms', tokenIn: 'NextToken', pageSize: options.alarms ?? 5 }),
          ...(types.includes('CompositeAlarm') ? { CompositeAlarms: [] } : {}),
        };
      },
    },
    sns: {
      ListTopics: (input, ctx) =>
        page(
          topics(ctx).map((t) => ({ TopicArn: t.uid })),
          input,
          { itemsKey: 'Topics', tokenIn: 'NextToken', pageSize: options.topics ?? 2 },
        ),
      GetTopicAttributes: (input, ctx) => {
        const topic = findTopic(input.TopicArn, ctx);
        deniedIfGap(topic, ['Attributes', 'Policy'], 'AuthorizationError');
        return { Attributes: topic.props.Attributes };
      },
      ListSubscriptionsByTopic: (input, ctx) => {
        const topic = findTopic(input.TopicArn, ctx);
        deniedIfGap(topic, ['Subscriptions'], 'AuthorizationError');
        return page(topic.props.Subscriptions, input, {
          itemsKey: 'Subscriptions',
          tokenIn: 'NextToken',
          pageSize: options.subscriptions ?? 1,
        });
      },
      ListTagsForResource: (input, ctx) => {
        const topic = topics(ctx).find((t) => t.uid === String(input.ResourceArn));
        if (!topic) throw fakeError('ResourceNotFound', 'Resource does not exist', 404);
        deniedIfGap(topic, ['Tags'], 'AuthorizationError');
        return { Tags: tagList(topic.tags) };
      },
    },
  };
}
