import { AccessAnalyzerClient, type AnalyzerSummary, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import {
  ConfigServiceClient,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import {
  GetDetectorCommand,
  type GetDetectorCommandOutput,
  GuardDutyClient,
  paginateListDetectors,
} from '@aws-sdk/client-guardduty';
import type { AccessAnalyzerProps, ConfigRecorderProps, GuardDutyDetectorProps } from '../../inventory/aws/detect.js';
import type { Collector } from './runtime/collector.js';
import type { CollectContext } from './runtime/context.js';
import { classify, describeFailure } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

// The region-wide calls of GuardDuty, AWS Config and IAM Access Analyzer, shared per account and region by the
// region collector (aws.region's settings) and the per-item collectors below: each call is made once, and each
// collector says what its failure means for its own types.

/** guardduty:ListDetectors, all pages. */
export const listDetectorIds = (ctx: CollectContext): Promise<string[]> =>
  ctx.shared(`guardduty:${ctx.region}:ListDetectors`, () => {
    const client = ctx.client(GuardDutyClient);
    return allPages(paginateListDetectors({ client }, {}), (p) => p.DetectorIds ?? []);
  });

/** guardduty:GetDetector of one detector. */
export const getDetector = (ctx: CollectContext, DetectorId: string): Promise<GetDetectorCommandOutput> =>
  ctx.shared(`guardduty:${ctx.region}:GetDetector:${DetectorId}`, () =>
    ctx.client(GuardDutyClient).send(new GetDetectorCommand({ DetectorId })),
  );

/** config:DescribeConfigurationRecorders (not paginated: a region holds one recorder, plus service-linked ones). */
export const describeRecorders = (ctx: CollectContext): Promise<ConfigurationRecorder[]> =>
  ctx.shared(`config:${ctx.region}:DescribeConfigurationRecorders`, async () => {
    const out = await ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecordersCommand({}));
    return out.ConfigurationRecorders ?? [];
  });

/** config:DescribeConfigurationRecorderStatus of every recorder of the region. */
export const describeRecorderStatus = (ctx: CollectContext): Promise<ConfigurationRecorderStatus[]> =>
  ctx.shared(`config:${ctx.region}:DescribeConfigurationRecorderStatus`, async () => {
    const out = await ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecorderStatusCommand({}));
    return out.ConfigurationRecordersStatus ?? [];
  });

/** access-analyzer:ListAnalyzers, every type, all pages. */
export const listAnalyzers = (ctx: CollectContext): Promise<AnalyzerSummary[]> =>
  ctx.shared(`access-analyzer:${ctx.region}:ListAnalyzers`, () => {
    const client = ctx.client(AccessAnalyzerClient);
    return allPages(paginateListAnalyzers({ client }, {}), (p) => p.analyzers ?? []);
  });

/** The GetDetector fields the detector rules read: unset with a gap when GetDetector failed. */
const DETECTOR_DETAILS = ['Status', 'Features'] as const;

/**
 * aws.guardduty.detector: one resource per guardduty:ListDetectors id, with its guardduty:GetDetector answer
 * (Status, Features = the protection plans, Tags). uid arn:aws:guardduty:<region>:<account>:detector/<id>.
 */
export const guarddutyCollector: Collector = {
  service: 'guardduty',
  scope: 'regional',
  types: ['aws.guardduty.detector'],
  async collect(ctx) {
    const ids = await ctx.list('aws.guardduty.detector', 'ListDetectors', () => listDetectorIds(ctx));
    if (!ids) return;
    const resources = await Promise.all(
      ids.map(async (DetectorId) => {
        // ServiceRole and Status stay unset when GetDetector failed (a gap says so).
        const props = { DetectorId } as GuardDutyDetectorProps;
        const resource = ctx.resource('aws.guardduty.detector', {
          uid: `arn:aws:guardduty:${ctx.region}:${ctx.account}:detector/${DetectorId}`,
          name: DetectorId,
          props,
        });
        try {
          const { $metadata: _, ...detector } = await getDetector(ctx, DetectorId);
          Object.assign(props, toJson<GuardDutyDetectorProps>(detector));
          resource.tags = { ...(detector.Tags ?? {}) };
        } catch (e) {
          const why = describeFailure(classify(e));
          resource.gaps = Object.fromEntries(DETECTOR_DETAILS.map((path) => [path, why]));
        }
        return resource;
      }),
    );
    for (const r of resources) ctx.emit(r);
  },
};

/**
 * aws.config.recorder: one resource per config:DescribeConfigurationRecorders item, with its
 * config:DescribeConfigurationRecorderStatus entry as `Status` (a gap on Status when that call failed).
 * uid: the recorder's arn (arn:aws:config:<region>:<account>:configuration-recorder/<name>/<id>).
 */
export const configCollector: Collector = {
  service: 'config',
  scope: 'regional',
  types: ['aws.config.recorder'],
  async collect(ctx) {
    const recorders = await ctx.list('aws.config.recorder', 'DescribeConfigurationRecorders', () =>
      describeRecorders(ctx),
    );
    if (!recorders || recorders.length === 0) return;
    let statuses: ConfigurationRecorderStatus[] | undefined;
    let why: string | undefined;
    try {
      statuses = await describeRecorderStatus(ctx);
    } catch (e) {
      why = describeFailure(classify(e));
    }
    for (const recorder of recorders) {
      const name = recorder.name ?? 'default';
      const props: ConfigRecorderProps = toJson(recorder);
      const status = statuses?.find((s) => (s.arn && recorder.arn ? s.arn === recorder.arn : s.name === name));
      if (status) props.Status = toJson(status);
      const resource = ctx.resource('aws.config.recorder', {
        uid: recorder.arn ?? `arn:aws:config:${ctx.region}:${ctx.account}:configuration-recorder/${name}`,
        name,
        props,
      });
      if (why !== undefined) resource.gaps = { Status: why };
      ctx.emit(resource);
    }
  },
};

/** aws.accessanalyzer.analyzer: one resource per access-analyzer:ListAnalyzers item (uid its arn). */
export const accessAnalyzerCollector: Collector = {
  service: 'accessanalyzer',
  scope: 'regional',
  types: ['aws.accessanalyzer.analyzer'],
  async collect(ctx) {
    const analyzers = await ctx.list('aws.accessanalyzer.analyzer', 'ListAnalyzers', () => listAnalyzers(ctx));
    for (const a of analyzers ?? []) {
      if (!a.arn) continue;
      ctx.emit(
        ctx.resource('aws.accessanalyzer.analyzer', {
          uid: a.arn,
          name: a.name ?? a.arn,
          props: toJson<AccessAnalyzerProps>(a),
          tags: { ...(a.tags ?? {}) },
        }),
      );
    }
  },
};
