import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListTags,
} from '@aws-sdk/client-cloudtrail';
import type { TrailProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, toJson } from './runtime/pages.js';

/** The account id of an ARN (its fifth field). */
const arnAccount = (arn: string): string | undefined => arn.split(':')[4];

/**
 * aws.cloudtrail.trail: DescribeTrails (shadow trails included) → GetTrailStatus, GetEventSelectors, ListTags.
 * A multi-region trail shows up in every region; it is emitted once, by the run of its home region, or, when the
 * home region is not scanned, by the first scanned region that sees it (its details are still read in its home
 * region), so a trail is never missed for living elsewhere. Trails of another account (an Organization trail seen
 * from a member account) belong to the account that owns them.
 */
export const cloudtrailCollector: Collector = {
  service: 'cloudtrail',
  scope: 'regional',
  types: ['aws.cloudtrail.trail'],
  async collect(ctx) {
    const cloudtrail = ctx.client(CloudTrailClient);
    const trails = await ctx.list('aws.cloudtrail.trail', 'DescribeTrails', async () => {
      const out = await cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      return out.trailList ?? [];
    });
    if (!trails) return;
    const firstScanned = [...ctx.scannedRegions].sort()[0];
    const emittedHere = (home: string | undefined) =>
      home === ctx.region || (home !== undefined && !ctx.scannedRegions.includes(home) && ctx.region === firstScanned);
    const own = trails.filter((t) => t.TrailARN && emittedHere(t.HomeRegion) && arnAccount(t.TrailARN) === ctx.account);
    await ctx.each(own, async (listed) => {
      const TrailARN = listed.TrailARN!;
      const home = listed.HomeRegion!;
      const cloudtrail = ctx.client(CloudTrailClient, home);
      const props = toJson<TrailProps>(listed);
      const trail = ctx.resource('aws.cloudtrail.trail', {
        uid: TrailARN,
        name: listed.Name ?? TrailARN.split('/').pop() ?? TrailARN,
        props,
        region: home,
      });

      const status = await ctx.detail(trail, 'Status', () =>
        cloudtrail.send(new GetTrailStatusCommand({ Name: TrailARN })),
      );
      if (status) {
        const { $metadata: _, ...rest } = status;
        props.Status = toJson(rest);
      }

      const selectors = await ctx.detail(trail, 'EventSelectors', () =>
        cloudtrail.send(new GetEventSelectorsCommand({ TrailName: TrailARN })),
      );
      if (selectors) {
        if (selectors.EventSelectors) props.EventSelectors = toJson(selectors.EventSelectors);
        if (selectors.AdvancedEventSelectors) props.AdvancedEventSelectors = toJson(selectors.AdvancedEventSelectors);
      } else if (trail.gaps?.EventSelectors) {
        // One call answers both lists: neither is known.
        trail.gaps.AdvancedEventSelectors = trail.gaps.EventSelectors;
      }

      const tags = await ctx.detail(trail, 'Tags', () =>
        allPages(paginateListTags({ client: cloudtrail }, { ResourceIdList: [TrailARN] }), (p) =>
          (p.ResourceTagList ?? []).filter((r) => r.ResourceId === TrailARN).flatMap((r) => r.TagsList ?? []),
        ),
      );
      if (tags) trail.tags = tagMap(tags);

      ctx.emit(trail);
    });
  },
};
