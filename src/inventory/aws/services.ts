import type { Budget } from '@aws-sdk/client-budgets';
import type { AdvancedEventSelector, EventSelector, GetTrailStatusResponse, Trail } from '@aws-sdk/client-cloudtrail';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { BackupPolicy, FileSystemDescription } from '@aws-sdk/client-efs';
import type { LoadBalancer, LoadBalancerAttribute } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type {
  Account,
  DelegatedAdministrator,
  Organization,
  PolicySummary,
  PolicyTargetSummary,
  Root,
} from '@aws-sdk/client-organizations';
import type { DBCluster, DBInstance, DBSnapshot, DBSnapshotAttribute } from '@aws-sdk/client-rds';
import type { Subscription } from '@aws-sdk/client-sns';
import type { Json, PolicyDocument } from '../json.js';

/** aws.cloudtrail.trail (region = HomeRegion; shadow copies in other regions are dropped). */
export type TrailProps = Json<Trail> & {
  /** cloudtrail:GetTrailStatus */
  Status: Json<Omit<GetTrailStatusResponse, '$metadata'>>;
  /** cloudtrail:GetEventSelectors: one of the two lists is present. */
  EventSelectors?: Json<EventSelector>[];
  AdvancedEventSelectors?: Json<AdvancedEventSelector>[];
};

/** aws.kms.key: kms:DescribeKey, GetKeyRotationStatus (customer managed keys), GetKeyPolicy (default), ListAliases. */
export interface KmsKeyProps {
  KeyMetadata: Json<KeyMetadata>;
  KeyRotationEnabled?: boolean;
  Policy: PolicyDocument;
  AliasNames: string[];
}

/** aws.logs.metric_filter */
export type MetricFilterProps = Json<MetricFilter>;
/** aws.cloudwatch.alarm */
export type MetricAlarmProps = Json<MetricAlarm>;

/** aws.sns.topic: sns:GetTopicAttributes (Policy parsed) and ListSubscriptionsByTopic. */
export interface SnsTopicProps {
  TopicArn: string;
  Attributes: Record<string, string>;
  Policy: PolicyDocument | null;
  Subscriptions: Json<Subscription>[];
}

export type DbInstanceProps = Json<DBInstance>;
export type DbClusterProps = Json<DBCluster>;
/**
 * aws.rds.db_snapshot (regional; uid DBSnapshotArn): one rds:DescribeDBSnapshots item (SnapshotType manual) with
 * rds:DescribeDBSnapshotAttributes. `Attributes` holds DBSnapshotAttributes: `restore` lists the accounts that may
 * copy or restore the snapshot, and `["all"]` makes it public.
 */
export type DbSnapshotProps = Json<DBSnapshot> & { Attributes: Json<DBSnapshotAttribute>[] };
export type EfsFileSystemProps = Json<FileSystemDescription> & {
  /** efs:DescribeBackupPolicy `BackupPolicy` (automatic backups); null for PolicyNotFound (never turned on). */
  BackupPolicy?: Json<BackupPolicy> | null;
};
/** aws.budgets.budget (region global). */
export type BudgetProps = Json<Budget>;

/** aws.elbv2.load_balancer with elasticloadbalancing:DescribeLoadBalancerAttributes. */
export type LoadBalancerProps = Json<LoadBalancer> & {
  Attributes: Json<LoadBalancerAttribute>[];
  /**
   * Application Load Balancers: wafv2:GetWebACLForResource WebACL.ARN (the regional AWS WAF web ACL associated with
   * the load balancer); null when none is associated.
   */
  WebACLArn?: string | null;
};

/** aws.organizations.organization (in the management account, region global). */
export interface OrganizationProps {
  Organization: Json<Organization>;
  Roots: Json<Root>[];
  /** organizations:ListPolicies per type (SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY) with ListTargetsForPolicy. */
  Policies: Array<Json<PolicySummary> & { Targets: Json<PolicyTargetSummary>[] }>;
  DelegatedAdministrators: Json<DelegatedAdministrator>[];
  /** iam:ListOrganizationsFeatures EnabledFeatures (RootCredentialsManagement, RootSessions). */
  EnabledFeatures: string[];
}

/** aws.organizations.account: one organizations:ListAccounts item, in the management account (region global). */
export type OrganizationAccountProps = Json<Account>;
