import type { AlternateContact } from '@aws-sdk/client-account';
import type {
  OpenIDConnectProviderListEntry,
  PasswordPolicy,
  SAMLProviderListEntry,
  VirtualMFADevice,
} from '@aws-sdk/client-iam';
import type { Organization } from '@aws-sdk/client-organizations';
import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3-control';
import type { Json } from '../json.js';

/**
 * One row of the IAM credential report (iam:GetCredentialReport), keyed by the CSV's own column names
 * (user, arn, password_enabled, password_last_used, mfa_active, access_key_1_active, …). Values stay strings
 * as in the CSV ('true', 'false', 'N/A', 'no_information', ISO dates).
 */
export type CredentialReportRow = Record<string, string>;

/** Account-wide facts, so account-level rules stay per-resource. Type 'aws.account', region 'global'. */
export interface AccountProps {
  AccountId: string;
  /** iam:GetAccountSummary SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, Users, …). */
  SummaryMap: Record<string, number>;
  /** iam:GetAccountPasswordPolicy; null when the account has none (NoSuchEntity). */
  PasswordPolicy: Json<PasswordPolicy> | null;
  /** The credential report's <root_account> row. */
  RootCredentialReport: CredentialReportRow;
  /** When the credential report was generated (ISO). */
  CredentialReportGeneratedTime?: string;
  /** account:GetAlternateContact per type; null when not set (ResourceNotFoundException). */
  AlternateContacts: {
    SECURITY: Json<AlternateContact> | null;
    BILLING: Json<AlternateContact> | null;
    OPERATIONS: Json<AlternateContact> | null;
  };
  /** iam:ListVirtualMFADevices (AssignmentStatus Any). */
  VirtualMFADevices: Json<VirtualMFADevice>[];
  SAMLProviderList: Json<SAMLProviderListEntry>[];
  OpenIDConnectProviderList: Json<OpenIDConnectProviderListEntry>[];
  /** s3control:GetPublicAccessBlock for the account; null when none is set (NoSuchPublicAccessBlockConfiguration). */
  PublicAccessBlockConfiguration: Json<PublicAccessBlockConfiguration> | null;
  /** organizations:DescribeOrganization; null when the account is in no organization. */
  Organization?: Json<Organization> | null;
}
