// AWS Config recorders, GuardDuty detectors and IAM Access Analyzer analyzers in their live API shapes
// (src/inventory/aws/detect.ts), with the recorder status and detector features the templates write separately.
import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import type { IacBlock } from '../../model.js';
import { at, type BlockMapper, type MapContext, type Mapped } from '../mapper.js';
import { bool, boolOr, list, literalNames, nested, nestedAll, str, tagsOf, type Value } from './values.js';

// ── AWS Config ──

const strings = (v: Value): unknown => {
  const l = list(v);
  return isUnknown(l) ? l : l.map((x) => str(x) ?? unknown('not a string'));
};

interface GroupInput {
  allSupported: Value;
  includeGlobal: Value;
  resourceTypes: Value;
  exclusions: Value;
  useOnly: Value;
}

/**
 * recordingGroup as DescribeConfigurationRecorders gives it. Without a recording group, AWS Config records all
 * supported resource types (PutConfigurationRecorder's default).
 */
function recordingGroup(g: GroupInput | undefined, allDefault: boolean): Record<string, unknown> {
  if (g === undefined) {
    return {
      allSupported: true,
      includeGlobalResourceTypes: false,
      resourceTypes: [],
      exclusionByResourceTypes: { resourceTypes: [] },
      recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
    };
  }
  const all = boolOr(g.allSupported, allDefault);
  const types = strings(g.resourceTypes);
  const excluded = strings(g.exclusions);
  const strategy =
    str(g.useOnly) ??
    (all === true
      ? 'ALL_SUPPORTED_RESOURCE_TYPES'
      : Array.isArray(excluded) && excluded.length > 0
        ? 'EXCLUSION_BY_RESOURCE_TYPES'
        : 'INCLUSION_BY_RESOURCE_TYPES');
  return {
    allSupported: all,
    includeGlobalResourceTypes: boolOr(g.includeGlobal, false),
    resourceTypes: types,
    exclusionByResourceTypes: { resourceTypes: excluded },
    recordingStrategy: { useOnly: strategy },
  };
}

const cfnRecorder: BlockMapper = {
  source: 'AWS::Config::ConfigurationRecorder',
  map(block, ctx): Mapped {
    const p = block.props;
    const name = typeof p.Name === 'string' ? p.Name : 'default';
    const g = nested(p.RecordingGroup);
    const ex = nested(g?.ExclusionByResourceTypes);
    const channels = ctx.blocks.filter((b) => b.type === 'AWS::Config::DeliveryChannel');
    // CloudFormation starts the recorder as soon as a delivery channel is available.
    const recording: boolean | Unknown =
      channels.length > 0
        ? true
        : unknown('CloudFormation starts the recorder once a delivery channel exists; this template declares none');
    return {
      type: 'aws.config.recorder',
      name,
      props: {
        name,
        ...(p.RoleARN !== undefined ? { roleARN: str(p.RoleARN) } : {}),
        recordingGroup: recordingGroup(
          g && {
            allSupported: g.AllSupported,
            includeGlobal: g.IncludeGlobalResourceTypes,
            resourceTypes: g.ResourceTypes,
            exclusions: ex?.ResourceTypes,
            useOnly: nested(g.RecordingStrategy)?.UseOnly,
          },
          false,
        ),
        ...(p.RecordingMode !== undefined ? { recordingMode: recordingMode(nested(p.RecordingMode), 'cfn') } : {}),
        Status: { name, recording },
      },
      locations: {
        recordingGroup: at(block, 'RecordingGroup'),
        'Status.recording': channels[0] ? at(channels[0]) : at(block),
      },
    };
  },
};

function recordingMode(m: Record<string, Value> | undefined, format: 'cfn' | 'tf'): unknown {
  if (m === undefined) return undefined;
  return format === 'cfn'
    ? { recordingFrequency: str(m.RecordingFrequency) }
    : { recordingFrequency: str(m.recording_frequency) };
}

const tfRecorder: BlockMapper = {
  source: 'aws_config_configuration_recorder',
  map(block, ctx): Mapped {
    const p = block.props;
    const name = typeof p.name === 'string' ? p.name : 'default';
    const g = nested(p.recording_group);
    const statuses = ctx.referrers(
      'aws_config_configuration_recorder_status',
      'name',
      block,
      literalNames(block, 'name'),
    );
    for (const s of statuses) ctx.consume(s);
    const status = statuses[0];
    // A recorder Terraform creates stays stopped until aws_config_configuration_recorder_status enables it.
    const recording = status ? (bool(status.props.is_enabled) ?? unknown('is_enabled is not a boolean')) : false;
    return {
      type: 'aws.config.recorder',
      name,
      props: {
        name,
        ...(p.role_arn !== undefined ? { roleARN: str(p.role_arn) } : {}),
        recordingGroup: recordingGroup(
          g && {
            allSupported: g.all_supported,
            includeGlobal: g.include_global_resource_types,
            resourceTypes: g.resource_types,
            exclusions: nested(g.exclusion_by_resource_types)?.resource_types,
            useOnly: nested(g.recording_strategy)?.use_only,
          },
          true,
        ),
        ...(p.recording_mode !== undefined ? { recordingMode: recordingMode(nested(p.recording_mode), 'tf') } : {}),
        Status: { name, recording },
      },
      locations: {
        recordingGroup: at(block, 'recording_group'),
        'Status.recording': status ? at(status, 'is_enabled') : at(block),
      },
      joined: statuses,
    };
  },
};

// ── GuardDuty ──

/** Protection plans a detector can turn on or off; the foundational sources are always on. */
export const GUARDDUTY_FEATURES = [
  'S3_DATA_EVENTS',
  'EKS_AUDIT_LOGS',
  'EBS_MALWARE_PROTECTION',
  'RDS_LOGIN_EVENTS',
  'EKS_RUNTIME_MONITORING',
  'LAMBDA_NETWORK_LOGS',
  'RUNTIME_MONITORING',
] as const;
const FOUNDATIONAL = ['CLOUD_TRAIL', 'DNS_LOGS', 'FLOW_LOGS'];

interface FeatureIn {
  name: string;
  status: unknown;
  additional: Array<{ Name: unknown; Status: unknown }>;
  where: ReturnType<typeof at>;
}

/**
 * GetDetector's Features list: the template's declarations, then the legacy DataSources switches, and for every
 * plan the template leaves out an Unknown status: whether it is on then depends on the account's and organisation's
 * settings, not on the template.
 */
function features(block: IacBlock, declared: FeatureIn[], legacy: Record<string, unknown>) {
  const out: Array<Record<string, unknown>> = FOUNDATIONAL.map((Name) => ({ Name, Status: 'ENABLED' }));
  const locations: Record<string, ReturnType<typeof at>> = {};
  for (const name of GUARDDUTY_FEATURES) {
    const d = declared.find((f) => f.name === name);
    locations[`Features.${out.length}`] = d ? d.where : at(block);
    if (d) {
      out.push({
        Name: name,
        Status: d.status,
        ...(d.additional.length > 0 ? { AdditionalConfiguration: d.additional } : {}),
      });
    } else if (legacy[name] !== undefined) {
      out.push({ Name: name, Status: legacy[name] });
    } else {
      out.push({
        Name: name,
        Status: unknown(`${name} is not set in the template (the account or organisation default applies)`),
      });
    }
  }
  return { list: out, locations };
}

const status = (v: Value): unknown => {
  const b = bool(v);
  if (b !== undefined) return isUnknown(b) ? b : b ? 'ENABLED' : 'DISABLED';
  return str(v) ?? unknown('status is not set');
};

const cfnDetector: BlockMapper = {
  source: 'AWS::GuardDuty::Detector',
  map(block): Mapped {
    const p = block.props;
    const declared: FeatureIn[] = nestedAll(p.Features).map((f, i) => ({
      name: String(str(f.Name) ?? ''),
      status: str(f.Status) ?? unknown('feature status is not set'),
      additional: nestedAll(f.AdditionalConfiguration).map((a) => ({ Name: str(a.Name), Status: str(a.Status) })),
      where: at(block, `Features.${i}`),
    }));
    const ds = nested(p.DataSources);
    const legacy: Record<string, unknown> = {};
    const s3 = nested(ds?.S3Logs)?.Enable;
    if (s3 !== undefined) legacy.S3_DATA_EVENTS = status(s3);
    const k8s = nested(nested(ds?.Kubernetes)?.AuditLogs)?.Enable;
    if (k8s !== undefined) legacy.EKS_AUDIT_LOGS = status(k8s);
    const ebs = nested(nested(ds?.MalwareProtection)?.ScanEc2InstanceWithFindings)?.EbsVolumes;
    if (ebs !== undefined) legacy.EBS_MALWARE_PROTECTION = status(ebs);
    const f = features(block, declared, legacy);
    const tags = tagsOf(p.Tags);
    return {
      type: 'aws.guardduty.detector',
      name: block.address,
      props: {
        Status: p.Enable === undefined ? unknown('Enable is not set (it is required)') : status(p.Enable),
        FindingPublishingFrequency: str(p.FindingPublishingFrequency) ?? 'SIX_HOURS',
        Features: f.list,
        Tags: tags,
      },
      tags,
      locations: { Status: at(block, 'Enable'), Features: at(block, 'Features'), ...f.locations },
    };
  },
};

const tfDetector: BlockMapper = {
  source: 'aws_guardduty_detector',
  map(block, ctx: MapContext): Mapped {
    const p = block.props;
    const declared: FeatureIn[] = [];
    const joined: IacBlock[] = [];
    for (const fb of ctx.referrers('aws_guardduty_detector_feature', 'detector_id', block)) {
      declared.push({
        name: String(str(fb.props.name) ?? ''),
        status: str(fb.props.status) ?? unknown('feature status is not set'),
        additional: nestedAll(fb.props.additional_configuration).map((a) => ({
          Name: str(a.name),
          Status: str(a.status),
        })),
        where: at(fb, 'status'),
      });
      ctx.consume(fb);
      joined.push(fb);
    }
    const ds = nested(p.datasources);
    const legacy: Record<string, unknown> = {};
    const s3 = nested(nested(ds?.s3_logs))?.enable;
    if (s3 !== undefined) legacy.S3_DATA_EVENTS = status(s3);
    const k8s = nested(nested(nested(ds?.kubernetes)?.audit_logs))?.enable;
    if (k8s !== undefined) legacy.EKS_AUDIT_LOGS = status(k8s);
    const ebs = nested(
      nested(nested(nested(ds?.malware_protection)?.scan_ec2_instance_with_findings)?.ebs_volumes),
    )?.enable;
    if (ebs !== undefined) legacy.EBS_MALWARE_PROTECTION = status(ebs);
    const f = features(block, declared, legacy);
    const tags = tagsOf(p.tags);
    return {
      type: 'aws.guardduty.detector',
      name: block.address,
      props: {
        Status: p.enable === undefined ? 'ENABLED' : status(p.enable),
        FindingPublishingFrequency: str(p.finding_publishing_frequency) ?? 'SIX_HOURS',
        Features: f.list,
        Tags: tags,
      },
      tags,
      locations: { Status: at(block, 'enable'), Features: at(block), ...f.locations },
      joined,
    };
  },
};

// ── IAM Access Analyzer ──

function analyzer(block: IacBlock, name: Value, type: Value, tagsValue: Value): Mapped {
  const n = typeof name === 'string' ? name : block.address;
  const tags = tagsOf(tagsValue);
  return {
    type: 'aws.accessanalyzer.analyzer',
    name: n,
    props: { name: n, type: str(type) ?? 'ACCOUNT', status: 'ACTIVE', tags },
    tags,
    locations: { type: at(block, block.format === 'cloudformation' ? 'Type' : 'type') },
  };
}

const cfnAnalyzer: BlockMapper = {
  source: 'AWS::AccessAnalyzer::Analyzer',
  map: (block) => analyzer(block, block.props.AnalyzerName, block.props.Type, block.props.Tags),
};
const tfAnalyzer: BlockMapper = {
  source: 'aws_accessanalyzer_analyzer',
  map: (block) => analyzer(block, block.props.analyzer_name, block.props.type, block.props.tags),
};

export const detectMappers: BlockMapper[] = [cfnRecorder, tfRecorder, cfnDetector, tfDetector, cfnAnalyzer, tfAnalyzer];
