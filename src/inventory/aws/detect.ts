import type { AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { Json } from '../json.js';

/**
 * aws.config.recorder (regional; uid the recorder's arn): one config:DescribeConfigurationRecorders item, with its
 * config:DescribeConfigurationRecorderStatus entry when that was read.
 */
export type ConfigRecorderProps = Json<ConfigurationRecorder> & {
  /** config:DescribeConfigurationRecorderStatus entry of this recorder (recording, lastStatus, …). */
  Status?: Json<ConfigurationRecorderStatus>;
};

/**
 * aws.guardduty.detector (regional): guardduty:GetDetector output (without $metadata) with the id from
 * guardduty:ListDetectors. `Features` lists the protection plans (S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING, …).
 */
export type GuardDutyDetectorProps = { DetectorId?: string } & Json<Omit<GetDetectorResponse, '$metadata'>>;

/** aws.accessanalyzer.analyzer (regional; uid the analyzer arn): one access-analyzer:ListAnalyzers item. */
export type AccessAnalyzerProps = Json<AnalyzerSummary>;
