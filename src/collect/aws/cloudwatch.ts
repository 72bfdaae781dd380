import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { MetricAlarmProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { allPages, toJson } from './runtime/pages.js';

/** aws.cloudwatch.alarm: DescribeAlarms, metric alarms only (NextToken pages). */
export const cloudwatchCollector: Collector = {
  service: 'cloudwatch',
  scope: 'regional',
  types: ['aws.cloudwatch.alarm'],
  async collect(ctx) {
    const cloudwatch = ctx.client(CloudWatchClient);
    const alarms = await ctx.list('aws.cloudwatch.alarm', 'DescribeAlarms', () =>
      allPages(
        paginateDescribeAlarms({ client: cloudwatch }, { AlarmTypes: ['MetricAlarm'] }),
        (p) => p.MetricAlarms ?? [],
      ),
    );
    for (const alarm of alarms ?? []) {
      if (!alarm.AlarmArn) continue;
      ctx.emit(
        ctx.resource('aws.cloudwatch.alarm', {
          uid: alarm.AlarmArn,
          name: alarm.AlarmName ?? alarm.AlarmArn.split(':alarm:').pop() ?? alarm.AlarmArn,
          props: toJson<MetricAlarmProps>(alarm),
        }),
      );
    }
  },
};
