import type {
  Bucket,
  GetBucketAclOutput,
  GetBucketVersioningOutput,
  LoggingEnabled,
  PublicAccessBlockConfiguration,
  ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import type { Json, PolicyDocument } from '../json.js';

/** aws.s3.bucket: s3:ListBuckets item plus per-bucket Get* answers; null means "none configured". */
export type S3BucketProps = Json<Bucket> & {
  /** s3:GetBucketLocation (us-east-1 for a null LocationConstraint). */
  BucketRegion: string;
  /** s3:GetBucketPolicy parsed; null for NoSuchBucketPolicy. */
  Policy: PolicyDocument | null;
  Acl: Json<Omit<GetBucketAclOutput, '$metadata'>>;
  /** s3:GetBucketEncryption; null for ServerSideEncryptionConfigurationNotFoundError. */
  ServerSideEncryptionConfiguration: Json<ServerSideEncryptionConfiguration> | null;
  /** s3:GetPublicAccessBlock; null for NoSuchPublicAccessBlockConfiguration. */
  PublicAccessBlockConfiguration: Json<PublicAccessBlockConfiguration> | null;
  /** s3:GetBucketVersioning (Status and MFADelete are absent when never set). */
  Versioning: Json<Omit<GetBucketVersioningOutput, '$metadata'>>;
  /** s3:GetBucketLogging LoggingEnabled; null when server access logging is off. */
  LoggingEnabled: Json<LoggingEnabled> | null;
};
