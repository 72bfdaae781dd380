import { ConfigServiceClient, DescribeDeliveryChannelsCommand } from '@aws-sdk/client-config-service';
import {
  DescribeRegionsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import {
  DescribeHubCommand,
  paginateDescribeStandards,
  paginateGetEnabledStandards,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { Resource } from '../../core/resource.js';
import type { RegionProps } from '../../inventory/aws/region.js';
import { describeRecorderStatus, describeRecorders, getDetector, listAnalyzers, listDetectorIds } from './detect.js';
import type { Collector } from './runtime/collector.js';
import type { CollectContext } from './runtime/context.js';
import { type CallFailure, classify, describeFailure } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

type RegionResource = Resource<RegionProps>;
type Detector = RegionProps['GuardDutyDetectors'][number];

/**
 * aws.region: the account's region-wide settings, one resource per region. Each setting is read on its own: a
 * call that fails leaves that prop unset with a gap (and an entry in the snapshot's errors naming the API), never
 * the region dropped. `null` only where the API answers "not enabled".
 */
export const regionCollector: Collector = {
  service: 'region',
  scope: 'regional',
  types: ['aws.region'],
  async collect(ctx) {
    const region = ctx.region;
    const props = { RegionName: region } as RegionProps;
    const resource = ctx.resource('aws.region', {
      uid: `arn:aws:ec2:${region}:${ctx.account}:region/${region}`,
      name: region,
      props,
    });
    await Promise.all([
      readEc2Settings(ctx, resource),
      readConfig(ctx, resource),
      readAnalyzers(ctx, resource),
      readSecurityHub(ctx, resource),
      readGuardDuty(ctx, resource),
      readMacie(ctx, resource),
    ]);
    ctx.emit(resource);
  },
};

interface Setting<T> {
  /** Prop path that gets the gap. */
  path: string;
  /** The API's service and operation, for the collection error. */
  service: string;
  operation: string;
  call: () => Promise<T>;
  /** The API's "not enabled / none" answer, and the value it stands for. */
  absent?: { when: (f: CallFailure) => boolean; value: T };
}

/** One region-wide call: its answer, or `absent.value`, or undefined after a gap on `path` and a collection error. */
async function setting<T>(ctx: CollectContext, resource: RegionResource, s: Setting<T>): Promise<T | undefined> {
  try {
    return await s.call();
  } catch (e) {
    const failure = classify(e);
    if (s.absent?.when(failure)) return s.absent.value;
    resource.gaps ??= {};
    resource.gaps[s.path] = describeFailure(failure);
    ctx.failed(s.operation, failure, undefined, s.service);
    return undefined;
  }
}

/** SDK outputs without their response metadata. */
function answer<T extends { $metadata?: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = output;
  return rest;
}

async function readEc2Settings(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const ec2 = ctx.client(EC2Client);
  const props = resource.props;
  await Promise.all([
    setting(ctx, resource, {
      path: 'OptInStatus',
      service: 'ec2',
      operation: 'DescribeRegions',
      call: () => ec2.send(new DescribeRegionsCommand({ RegionNames: [ctx.region], AllRegions: true })),
    }).then((out) => {
      const status = out?.Regions?.find((r) => r.RegionName === ctx.region)?.OptInStatus;
      if (status !== undefined) props.OptInStatus = status;
    }),
    setting(ctx, resource, {
      path: 'EbsEncryptionByDefault',
      service: 'ec2',
      operation: 'GetEbsEncryptionByDefault',
      call: () => ec2.send(new GetEbsEncryptionByDefaultCommand({})),
    }).then((out) => {
      if (out) props.EbsEncryptionByDefault = out.EbsEncryptionByDefault === true;
    }),
    setting(ctx, resource, {
      path: 'InstanceMetadataDefaults',
      service: 'ec2',
      operation: 'GetInstanceMetadataDefaults',
      call: () => ec2.send(new GetInstanceMetadataDefaultsCommand({})),
    }).then((out) => {
      // Unset when the account has no IMDS defaults in the region (the instance's own settings then apply).
      const { HttpTokens, HttpPutResponseHopLimit } = out?.AccountLevel ?? {};
      if (HttpTokens === undefined && HttpPutResponseHopLimit === undefined) return;
      props.InstanceMetadataDefaults = {
        ...(HttpTokens !== undefined ? { HttpTokens } : {}),
        ...(HttpPutResponseHopLimit !== undefined ? { HttpPutResponseHopLimit } : {}),
      };
    }),
  ]);
}

async function readConfig(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const config = ctx.client(ConfigServiceClient);
  const props = resource.props;
  await Promise.all([
    setting(ctx, resource, {
      path: 'ConfigurationRecorders',
      service: 'config',
      operation: 'DescribeConfigurationRecorders',
      call: () => describeRecorders(ctx),
    }).then((out) => {
      if (out) props.ConfigurationRecorders = toJson(out);
    }),
    setting(ctx, resource, {
      path: 'ConfigurationRecordersStatus',
      service: 'config',
      operation: 'DescribeConfigurationRecorderStatus',
      call: () => describeRecorderStatus(ctx),
    }).then((out) => {
      if (out) props.ConfigurationRecordersStatus = toJson(out);
    }),
    setting(ctx, resource, {
      path: 'DeliveryChannels',
      service: 'config',
      operation: 'DescribeDeliveryChannels',
      call: () => config.send(new DescribeDeliveryChannelsCommand({})),
    }).then((out) => {
      if (out) props.DeliveryChannels = toJson(out.DeliveryChannels ?? []);
    }),
  ]);
}

async function readAnalyzers(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const analyzers = await setting(ctx, resource, {
    path: 'Analyzers',
    service: 'access-analyzer',
    operation: 'ListAnalyzers',
    call: () => listAnalyzers(ctx),
  });
  if (analyzers) resource.props.Analyzers = toJson(analyzers);
}

/** Security Hub's hub (null when the account is not subscribed) with the standards enabled in it. */
async function readSecurityHub(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const client = ctx.client(SecurityHubClient);
  const hub = await setting(ctx, resource, {
    path: 'SecurityHub',
    service: 'securityhub',
    operation: 'DescribeHub',
    call: () => client.send(new DescribeHubCommand({})),
    // "Account … is not subscribed to AWS Security Hub"
    absent: { when: (f) => f.code === 'InvalidAccessException', value: null },
  });
  if (hub === null) {
    resource.props.SecurityHub = null;
    return;
  }
  if (!hub) return;
  const props: NonNullable<RegionProps['SecurityHub']> = toJson(answer(hub));
  resource.props.SecurityHub = props;
  const [subscriptions, standards] = await Promise.all([
    setting(ctx, resource, {
      path: 'SecurityHub.EnabledStandards',
      service: 'securityhub',
      operation: 'GetEnabledStandards',
      call: () => allPages(paginateGetEnabledStandards({ client }, {}), (p) => p.StandardsSubscriptions ?? []),
    }),
    setting(ctx, resource, {
      path: 'SecurityHub.EnabledStandards',
      service: 'securityhub',
      operation: 'DescribeStandards',
      call: () => allPages(paginateDescribeStandards({ client }, {}), (p) => p.Standards ?? []),
    }),
  ]);
  if (!subscriptions || !standards) return;
  // GetEnabledStandards names the subscribed standards by ARN; DescribeStandards describes them.
  props.EnabledStandards = toJson(
    subscriptions
      .filter((s) => s.StandardsArn !== undefined)
      .map((s) => standards.find((d) => d.StandardsArn === s.StandardsArn) ?? { StandardsArn: s.StandardsArn }),
  );
}

/** Every detector of the region with its GetDetector answer; a detector whose details failed keeps its id. */
async function readGuardDuty(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const ids = await setting(ctx, resource, {
    path: 'GuardDutyDetectors',
    service: 'guardduty',
    operation: 'ListDetectors',
    call: () => listDetectorIds(ctx),
  });
  if (!ids) return;
  resource.props.GuardDutyDetectors = await Promise.all(
    ids.map(async (DetectorId, i) => {
      const detector = await setting(ctx, resource, {
        path: `GuardDutyDetectors.${i}`,
        service: 'guardduty',
        operation: 'GetDetector',
        call: () => getDetector(ctx, DetectorId),
      });
      // Status stays unset when GetDetector failed: the rule reads that as "not collected".
      return { DetectorId, ...(detector ? toJson<Detector>(answer(detector)) : {}) } as Detector;
    }),
  );
}

/**
 * Macie answers GetMacieSession with AccessDeniedException "Macie is not enabled" (or ResourceNotFoundException)
 * when it is off: that is null. Any other denial (IAM, an SCP) is a gap: whether Macie is on is unknown.
 */
async function readMacie(ctx: CollectContext, resource: RegionResource): Promise<void> {
  const client = ctx.client(Macie2Client);
  const session = await setting(ctx, resource, {
    path: 'MacieSession',
    service: 'macie2',
    operation: 'GetMacieSession',
    call: () => client.send(new GetMacieSessionCommand({})),
    absent: { when: macieNotEnabled, value: null },
  });
  if (session !== undefined) resource.props.MacieSession = session === null ? null : toJson(answer(session));
}

const macieNotEnabled = (f: CallFailure): boolean =>
  f.code === 'ResourceNotFoundException' ||
  (f.code === 'AccessDeniedException' && /Macie is not enabled/i.test(f.message));
