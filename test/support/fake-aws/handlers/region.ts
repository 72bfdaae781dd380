import type { Resource } from '../../../../src/core/resource.js';
import type { RegionProps } from '../../../../src/inventory/aws/region.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers } from '../types.js';

export interface RegionHandlerOptions {
  /** Items per page of the paginated lists (ListAnalyzers, ListDetectors, GetEnabledStandards, DescribeStandards). */
  pageSize?: number;
}

type Standard = NonNullable<NonNullable<RegionProps['SecurityHub']>['EnabledStandards']>[number];

/** Standards Security Hub offers besides the demo's, so that DescribeStandards lists more than is enabled. */
const OTHER_STANDARDS = (region: string): Standard[] => [
  {
    StandardsArn: `arn:aws:securityhub:${region}::standards/nist-800-53/v/5.0.0`,
    Name: 'NIST Special Publication 800-53 Revision 5',
    Description: 'Controls mapped to NIST SP 800-53 Rev. 5 (fake-aws catalogue entry).',
    EnabledByDefault: false,
    StandardsManagedBy: { Company: 'NIST', Product: 'NIST 800-53 r5' },
  },
  {
    StandardsArn: `arn:aws:securityhub:${region}::standards/pci-dss/v/3.2.1`,
    Name: 'PCI DSS v3.2.1',
    Description: 'Controls mapped to PCI DSS 3.2.1 (fake-aws catalogue entry).',
    EnabledByDefault: false,
    StandardsManagedBy: { Company: 'AWS', Product: 'Security Hub' },
  },
];

/** A demo gap ("AccessDeniedException: …") as the error AWS answered. */
function deniedIfGap(resource: Resource<unknown>, path: string): void {
  const gap = resource.gaps?.[path];
  if (gap === undefined) return;
  const m = /^(\w+): ([\s\S]*)$/.exec(gap);
  throw fakeError(m?.[1] ?? 'AccessDeniedException', m?.[2] ?? gap, 403);
}

/**
 * The region-wide settings of the demo's aws.region resources, answered by the APIs they come from: EC2
 * (DescribeRegions, GetEbsEncryptionByDefault, GetInstanceMetadataDefaults), Config, IAM Access Analyzer, Security
 * Hub, GuardDuty and Macie, with each service's own "not enabled" answer where the demo has null.
 */
export function regionHandlers(inv: DemoIndex, options: RegionHandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 1;
  const regions = (account: string) => inv.ofType<RegionProps>('aws.region', account);
  /** The region's settings; a region the demo does not cover has everything off, as a new account's would. */
  const settings = (ctx: FakeContext): Resource<RegionProps> =>
    regions(ctx.account).find((r) => r.region === ctx.region) ??
    ({
      uid: `arn:aws:ec2:${ctx.region}:${ctx.account}:region/${ctx.region}`,
      region: ctx.region,
      props: {
        RegionName: ctx.region,
        EbsEncryptionByDefault: false,
        ConfigurationRecorders: [],
        ConfigurationRecordersStatus: [],
        DeliveryChannels: [],
        Analyzers: [],
        SecurityHub: null,
        GuardDutyDetectors: [],
        MacieSession: null,
      },
    } as unknown as Resource<RegionProps>);

  /** Every standard the demo enables somewhere, as offered in `region`, and a few more. */
  const catalogue = (region: string): Standard[] => {
    const byArn = new Map<string, Standard>();
    for (const r of inv.resources) {
      if (r.type !== 'aws.region') continue;
      for (const s of (r.props as unknown as RegionProps).SecurityHub?.EnabledStandards ?? []) {
        const arn = s.StandardsArn?.replace(`:${r.region}::`, `:${region}::`);
        if (arn && !byArn.has(arn)) byArn.set(arn, { ...s, StandardsArn: arn });
      }
    }
    return [...byArn.values(), ...OTHER_STANDARDS(region)];
  };
  const hub = (ctx: FakeContext) => {
    const securityHub = settings(ctx).props.SecurityHub;
    if (!securityHub) {
      throw fakeError('InvalidAccessException', `Account ${ctx.account} is not subscribed to AWS Security Hub`);
    }
    return securityHub;
  };
  const detectors = (ctx: FakeContext) => settings(ctx).props.GuardDutyDetectors ?? [];

  return {
    ec2: {
      // Every region the demo account uses is enabled; with AllRegions an opt-in region it has not enabled shows too.
      DescribeRegions: (input, ctx) => {
        const names = Array.isArray(input.RegionNames) ? input.RegionNames.map(String) : [];
        const list = regions(ctx.account).map((r) => ({
          RegionName: r.region,
          Endpoint: `ec2.${r.region}.amazonaws.com`,
          OptInStatus: r.props.OptInStatus ?? 'opt-in-not-required',
        }));
        if (input.AllRegions === true) {
          list.push({
            RegionName: 'af-south-1',
            Endpoint: 'ec2.af-south-1.amazonaws.com',
            OptInStatus: 'not-opted-in',
          });
        }
        return { Regions: names.length > 0 ? list.filter((r) => names.includes(r.RegionName)) : list };
      },
      GetEbsEncryptionByDefault: (_input, ctx) => ({
        EbsEncryptionByDefault: settings(ctx).props.EbsEncryptionByDefault,
        SseType: 'sse-ebs',
      }),
      // Without account defaults the answer carries an empty accountLevel.
      GetInstanceMetadataDefaults: (_input, ctx) => ({
        AccountLevel: settings(ctx).props.InstanceMetadataDefaults ?? {},
      }),
    },
    config: {
      DescribeConfigurationRecorders: (_input, ctx) => ({
        ConfigurationRecorders: settings(ctx).props.ConfigurationRecorders,
      }),
      DescribeConfigurationRecorderStatus: (_input, ctx) => ({
        ConfigurationRecordersStatus: settings(ctx).props.ConfigurationRecordersStatus,
      }),
      DescribeDeliveryChannels: (_input, ctx) => ({ DeliveryChannels: settings(ctx).props.DeliveryChannels }),
    },
    'access-analyzer': {
      ListAnalyzers: (input, ctx) => {
        const type = typeof input.type === 'string' ? input.type : undefined;
        const list = settings(ctx).props.Analyzers.filter((a) => type === undefined || a.type === type);
        return page(list, input, { itemsKey: 'analyzers', tokenIn: 'nextToken', maxKey: 'maxResults', pageSize });
      },
    },
    securityhub: {
      DescribeHub: (_input, ctx) => {
        const { EnabledStandards: _, ...described } = hub(ctx);
        return described;
      },
      GetEnabledStandards: (input, ctx) => {
        const enabled = hub(ctx).EnabledStandards ?? [];
        const subscriptions = enabled.map((s) => ({
          StandardsSubscriptionArn: String(s.StandardsArn).replace(
            /^arn:aws:securityhub:([^:]*)::standards\//,
            `arn:aws:securityhub:$1:${ctx.account}:subscription/`,
          ),
          StandardsArn: s.StandardsArn,
          StandardsInput: {},
          StandardsStatus: 'READY',
          StandardsControlsUpdatable: 'READY_FOR_UPDATES',
        }));
        return page(subscriptions, input, { itemsKey: 'StandardsSubscriptions', tokenIn: 'NextToken', pageSize });
      },
      DescribeStandards: (input, ctx) =>
        page(catalogue(ctx.region), input, { itemsKey: 'Standards', tokenIn: 'NextToken', pageSize }),
    },
    guardduty: {
      ListDetectors: (input, ctx) =>
        page(
          detectors(ctx).map((d) => d.DetectorId),
          input,
          { itemsKey: 'DetectorIds', tokenIn: 'NextToken', maxKey: 'MaxResults', pageSize },
        ),
      GetDetector: (input, ctx) => {
        const detector = detectors(ctx).find((d) => d.DetectorId === input.DetectorId);
        if (!detector) {
          throw fakeError(
            'BadRequestException',
            'The request is rejected because the input detectorId is not owned by the current account.',
          );
        }
        const { DetectorId: _, ...rest } = detector;
        return rest;
      },
    },
    macie2: {
      GetMacieSession: (_input, ctx) => {
        const region = settings(ctx);
        deniedIfGap(region, 'MacieSession');
        // What Macie answers in a region where it has never been enabled.
        if (!region.props.MacieSession) throw fakeError('AccessDeniedException', 'Macie is not enabled.', 403);
        return region.props.MacieSession;
      },
    },
  };
}
