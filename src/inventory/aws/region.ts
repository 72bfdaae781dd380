import type { AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type {
  ConfigurationRecorder,
  ConfigurationRecorderStatus,
  DeliveryChannel,
} from '@aws-sdk/client-config-service';
import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { GetMacieSessionResponse } from '@aws-sdk/client-macie2';
import type { DescribeHubResponse, Standard } from '@aws-sdk/client-securityhub';
import type { Json } from '../json.js';

/**
 * aws.region: region-wide settings of one account, one resource per enabled region (uid arn:aws::<region>:<account>).
 * Each field is the named API's output; null means the API answered "not enabled / not found".
 */
export interface RegionProps {
  RegionName: string;
  /** ec2:DescribeRegions OptInStatus. */
  OptInStatus?: string;
  /** ec2:GetEbsEncryptionByDefault */
  EbsEncryptionByDefault: boolean;
  /** ec2:GetInstanceMetadataDefaults AccountLevel.HttpTokens, when set. */
  InstanceMetadataDefaults?: { HttpTokens?: string; HttpPutResponseHopLimit?: number };
  /** config:DescribeConfigurationRecorders / DescribeConfigurationRecorderStatus / DescribeDeliveryChannels */
  ConfigurationRecorders: Json<ConfigurationRecorder>[];
  ConfigurationRecordersStatus: Json<ConfigurationRecorderStatus>[];
  DeliveryChannels: Json<DeliveryChannel>[];
  /** access-analyzer:ListAnalyzers */
  Analyzers: Json<AnalyzerSummary>[];
  /** securityhub:DescribeHub; null when Security Hub is not enabled (InvalidAccessException). */
  SecurityHub: (Json<Omit<DescribeHubResponse, '$metadata'>> & { EnabledStandards?: Json<Standard>[] }) | null;
  /** guardduty:ListDetectors + GetDetector */
  GuardDutyDetectors: Array<{ DetectorId: string } & Json<Omit<GetDetectorResponse, '$metadata'>>>;
  /** macie2:GetMacieSession; null when Macie is not enabled. */
  MacieSession: Json<Omit<GetMacieSessionResponse, '$metadata'>> | null;
}
