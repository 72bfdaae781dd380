import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import type { MetricFilterProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { allPages, toJson } from './runtime/pages.js';

/** aws.logs.metric_filter: DescribeMetricFilters over every log group of the region (nextToken pages). */
export const logsCollector: Collector = {
  service: 'logs',
  scope: 'regional',
  types: ['aws.logs.metric_filter'],
  async collect(ctx) {
    const logs = ctx.client(CloudWatchLogsClient);
    const filters = await ctx.list('aws.logs.metric_filter', 'DescribeMetricFilters', () =>
      allPages(paginateDescribeMetricFilters({ client: logs }, {}), (p) => p.metricFilters ?? []),
    );
    for (const filter of filters ?? []) {
      if (!filter.filterName || !filter.logGroupName) continue;
      // Metric filters have no ARN of their own: they live under their log group's.
      const uid = `arn:aws:logs:${ctx.region}:${ctx.account}:log-group:${filter.logGroupName}:metric-filter/${filter.filterName}`;
      ctx.emit(
        ctx.resource('aws.logs.metric_filter', {
          uid,
          name: filter.filterName,
          props: toJson<MetricFilterProps>(filter),
        }),
      );
    }
  },
};
