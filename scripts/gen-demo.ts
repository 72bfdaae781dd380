// Generates examples/demo-org/: a synthetic, deterministic snapshot of a small AWS organisation
// (Kitsune Shoji K.K., three accounts) that `mamori scan --from examples/demo-org` evaluates offline.
// Every resource is built against the props types in src/inventory/aws/*.ts, so the compiler checks the shapes.
// Run: node dist/scripts/gen-demo.js (writes the JSON files relative to the package root).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Resource } from '../src/core/resource.js';
import type { CollectionError } from '../src/core/rule.js';
import type { AccountProps, CredentialReportRow } from '../src/inventory/aws/account.js';
import type { InstanceProps, SecurityGroupProps } from '../src/inventory/aws/ec2.js';
import type { InlinePolicy } from '../src/inventory/aws/iam.js';
import type { LambdaFunctionProps, LambdaFunctionUrlConfig } from '../src/inventory/aws/lambda.js';
import type { RegionProps } from '../src/inventory/aws/region.js';
import type { S3BucketProps } from '../src/inventory/aws/s3.js';
import type { DbInstanceProps, KmsKeyProps, MetricAlarmProps, TrailProps } from '../src/inventory/aws/services.js';
import type { PolicyDocument, PolicyStatement } from '../src/inventory/json.js';
import type { Snapshot } from '../src/inventory/snapshot.js';
import type { ResourceType, ResourceTypes } from '../src/inventory/types.js';
import { packagePath } from '../src/paths.js';

/** Where the demo lives, relative to the package root. */
export const DEMO_DIR = ['examples', 'demo-org'] as const;
const GENERATED_AT = '2026-11-20T03:00:00Z';
const GENERATOR = { name: 'mamori scripts/gen-demo.ts (synthetic demo data)', version: '1' };

const MGMT = '210987654321';
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';
const VIRGINIA = 'us-east-1';
const OSAKA = 'ap-northeast-3';

const ORG_ID = 'o-k7x2m9q4ds';
const ROOT_ID = 'r-k7x2';
const OU_PROD = 'ou-k7x2-p8rd4wq1';
const OU_SANDBOX = 'ou-k7x2-s4nd8x0b';
const SCANNER = 'MamoriReadOnly';

type Tags = Record<string, string>;
type Ec2Tag = { Key: string; Value: string };

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** '2024-03-05 01:12:44' → '2024-03-05T01:12:44.000Z' (how a collector serialises an SDK Date). */
const t = (s: string): string => new Date(`${s.replace(' ', 'T')}Z`).toISOString();
/** A date N days (and minutes) before 02:30 UTC on the snapshot's day, i.e. before any account was read. */
const ago = (days: number, minutes = 0): string =>
  new Date(Date.parse('2026-11-20T02:30:00Z') - days * 86_400_000 - minutes * 60_000).toISOString();
const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
/** Credential report dates: '2024-03-05T01:12:44+00:00'. */
const cr = (iso: string): string => iso.replace(/\.\d{3}Z$/, '+00:00');
/** Epoch milliseconds (CloudWatch Logs creationTime). */
const ms = (iso: string): number => Date.parse(iso);
const ec2Tags = (tags: Tags): Ec2Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const V = '2012-10-17';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Partial<PolicyStatement> = {}) =>
  ({ Effect: 'Allow', Action, Resource, ...extra }) as PolicyStatement;
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: V, Statement });
const trustService = (service: string): PolicyDocument =>
  doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const denyInsecureTransport = (bucket: string): PolicyStatement => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

// ---------------------------------------------------------------------------------------------------------------
// The account under construction

interface AccountInfo {
  id: string;
  alias: string;
  label: string;
  email: string;
  regions: string[];
  collectedAt: string;
}

class Acct {
  readonly resources: Resource<unknown>[] = [];
  readonly errors: CollectionError[] = [];
  private readonly rng: () => number;
  readonly canonicalId: string;
  readonly dhcp = new Map<string, string>();

  constructor(readonly info: AccountInfo) {
    this.rng = mulberry32(Number(info.id.slice(-7)) ^ 0x6b697473);
    this.canonicalId = this.hex(64);
  }

  get id(): string {
    return this.info.id;
  }

  private chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rng() * alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.chars(n, '0123456789abcdef');
  }
  /** IAM unique ids and access key ids use upper-case base32. */
  b32(n: number): string {
    return this.chars(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
  }
  lower(n: number): string {
    return this.chars(n, 'abcdefghijklmnopqrstuvwxyz0123456789');
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[Math.floor(this.rng() * 4)]}${this.hex(3)}-${this.hex(12)}`;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  ec2Id(prefix: string): string {
    return `${prefix}-0${this.hex(16)}`;
  }
  ec2Arn(region: string, kind: string, id: string): string {
    return `arn:aws:ec2:${region}:${this.id}:${kind}/${id}`;
  }
  dhcpOptions(region: string): string {
    let id = this.dhcp.get(region);
    if (id === undefined) {
      id = this.ec2Id('dopt');
      this.dhcp.set(region, id);
    }
    return id;
  }

  add<T extends ResourceType>(
    type: T,
    uid: string,
    region: string,
    name: string,
    props: ResourceTypes[T],
    extra: { tags?: Tags; gaps?: Record<string, string> } = {},
  ): void {
    const r: Resource<unknown> = {
      uid,
      provider: 'aws',
      account: this.id,
      region,
      type,
      name,
      tags: extra.tags ?? {},
      props,
      source: { kind: 'live', collectedAt: this.info.collectedAt },
    };
    if (extra.gaps) r.gaps = extra.gaps;
    this.resources.push(r);
  }

  /** A detail call failed: the field is left out of props and recorded as a gap. */
  static withGap<P extends object, K extends keyof P>(props: P, key: K): P {
    const copy = { ...props };
    delete copy[key];
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IAM: AWS managed policies (documents abbreviated where AWS's own are long), specs, builder

interface ManagedPolicy {
  path: string;
  created: string;
  updated: string;
  version: string;
  doc: PolicyDocument;
}

const AWS_POLICIES: Record<string, ManagedPolicy> = {
  AdministratorAccess: {
    path: '/',
    created: t('2015-02-06 18:39:46'),
    updated: t('2015-02-06 18:39:46'),
    version: 'v1',
    doc: doc(allow('*')),
  },
  ReadOnlyAccess: {
    path: '/',
    created: t('2015-02-06 18:39:48'),
    updated: t('2026-09-18 17:02:11'),
    version: 'v121',
    doc: doc(
      allow([
        'acm:Describe*',
        'acm:Get*',
        'acm:List*',
        'cloudtrail:Describe*',
        'cloudtrail:Get*',
        'cloudtrail:List*',
        'cloudwatch:Describe*',
        'cloudwatch:Get*',
        'cloudwatch:List*',
        'ec2:Describe*',
        'ec2:Get*',
        'elasticloadbalancing:Describe*',
        'iam:Generate*',
        'iam:Get*',
        'iam:List*',
        'kms:Describe*',
        'kms:Get*',
        'kms:List*',
        'logs:Describe*',
        'logs:Get*',
        'rds:Describe*',
        'rds:List*',
        's3:Get*',
        's3:List*',
        'sns:Get*',
        'sns:List*',
      ]),
    ),
  },
  PowerUserAccess: {
    path: '/',
    created: t('2015-02-06 18:39:47'),
    updated: t('2023-07-06 22:04:00'),
    version: 'v5',
    doc: doc(
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
      ]),
    ),
  },
  SecurityAudit: {
    path: '/',
    created: t('2015-02-06 18:41:01'),
    updated: t('2026-08-27 19:12:40'),
    version: 'v52',
    doc: doc(
      allow([
        'access-analyzer:Get*',
        'access-analyzer:List*',
        'account:GetAlternateContact',
        'cloudtrail:DescribeTrails',
        'cloudtrail:GetEventSelectors',
        'cloudtrail:GetTrailStatus',
        'config:Describe*',
        'ec2:Describe*',
        'ec2:GetEbsEncryptionByDefault',
        'guardduty:Get*',
        'guardduty:List*',
        'iam:GenerateCredentialReport',
        'iam:Get*',
        'iam:List*',
        'kms:Describe*',
        'kms:Get*',
        'kms:List*',
        'macie2:GetMacieSession',
        's3:GetBucket*',
        's3:GetAccountPublicAccessBlock',
        's3:ListAllMyBuckets',
        'securityhub:Describe*',
        'securityhub:Get*',
      ]),
    ),
  },
  AWSSupportAccess: {
    path: '/',
    created: t('2015-02-06 18:41:11'),
    updated: t('2015-02-06 18:41:11'),
    version: 'v1',
    doc: doc(allow('support:*')),
  },
  AWSCloudShellFullAccess: {
    path: '/',
    created: t('2020-12-15 17:40:02'),
    updated: t('2020-12-15 17:40:02'),
    version: 'v1',
    doc: doc(allow('cloudshell:*')),
  },
  Billing: {
    path: '/job-function/',
    created: t('2016-11-10 17:33:18'),
    updated: t('2025-06-04 20:31:55'),
    version: 'v14',
    doc: doc(
      allow([
        'account:GetAccountInformation',
        'aws-portal:*Billing',
        'aws-portal:*PaymentMethods',
        'billing:*',
        'budgets:ModifyBudget',
        'budgets:ViewBudget',
        'ce:*',
        'cur:*',
        'invoicing:*',
        'payments:*',
        'tax:*',
      ]),
    ),
  },
  AmazonS3FullAccess: {
    path: '/',
    created: t('2015-02-06 18:40:58'),
    updated: t('2021-09-27 20:16:37'),
    version: 'v2',
    doc: doc(allow(['s3:*', 's3-object-lambda:*'])),
  },
  AmazonSSMManagedInstanceCore: {
    path: '/',
    created: t('2019-03-15 17:22:12'),
    updated: t('2023-05-24 16:41:48'),
    version: 'v3',
    doc: doc(
      allow([
        'ssm:DescribeAssociation',
        'ssm:GetDeployablePatchSnapshotForInstance',
        'ssm:GetDocument',
        'ssm:DescribeDocument',
        'ssm:GetManifest',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:ListAssociations',
        'ssm:ListInstanceAssociations',
        'ssm:PutInventory',
        'ssm:PutComplianceItems',
        'ssm:PutConfigurePackageResult',
        'ssm:UpdateAssociationStatus',
        'ssm:UpdateInstanceAssociationStatus',
        'ssm:UpdateInstanceInformation',
      ]),
      allow([
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ]),
      allow([
        'ec2messages:AcknowledgeMessage',
        'ec2messages:DeleteMessage',
        'ec2messages:FailMessage',
        'ec2messages:GetEndpoint',
        'ec2messages:GetMessages',
        'ec2messages:SendReply',
      ]),
    ),
  },
  CloudWatchAgentServerPolicy: {
    path: '/',
    created: t('2018-03-07 01:06:44'),
    updated: t('2023-12-21 18:50:13'),
    version: 'v3',
    doc: doc(
      allow([
        'cloudwatch:PutMetricData',
        'ec2:DescribeVolumes',
        'ec2:DescribeTags',
        'logs:PutLogEvents',
        'logs:PutRetentionPolicy',
        'logs:DescribeLogStreams',
        'logs:DescribeLogGroups',
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
      ]),
      allow('ssm:GetParameter', 'arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*'),
    ),
  },
  AmazonRDSEnhancedMonitoringRole: {
    path: '/service-role/',
    created: t('2015-11-11 19:58:29'),
    updated: t('2023-12-05 18:05:57'),
    version: 'v3',
    doc: doc(
      allow(['logs:CreateLogGroup', 'logs:PutRetentionPolicy'], 'arn:aws:logs:*:*:log-group:RDS*', {
        Sid: 'EnableCreationAndManagementOfRDSCloudwatchLogGroups',
      }),
      allow(
        ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams', 'logs:GetLogEvents'],
        'arn:aws:logs:*:*:log-group:RDS*:log-stream:*',
        { Sid: 'EnableCreationAndManagementOfRDSCloudwatchLogStreams' },
      ),
    ),
  },
  AWSLambdaBasicExecutionRole: {
    path: '/service-role/',
    created: t('2015-04-09 15:03:43'),
    updated: t('2015-04-09 15:03:43'),
    version: 'v1',
    doc: doc(allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])),
  },
};

/** Service-linked roles: role name → service principal, its AWS managed policy and a short document. */
const SERVICE_LINKED: Record<string, { service: string; policy: string; description: string; doc: PolicyDocument }> = {
  AWSServiceRoleForSupport: {
    service: 'support.amazonaws.com',
    policy: 'AWSSupportServiceRolePolicy',
    description: 'Enables resource access for AWS to provide billing, administrative and support services',
    doc: doc(
      allow(
        [
          'ec2:Describe*',
          'iam:Get*',
          'iam:List*',
          'rds:Describe*',
          's3:GetBucket*',
          's3:ListAllMyBuckets',
          'trustedadvisor:Describe*',
        ],
        '*',
        { Sid: 'AWSSupportAPIGatewayAccess' },
      ),
    ),
  },
  AWSServiceRoleForTrustedAdvisor: {
    service: 'trustedadvisor.amazonaws.com',
    policy: 'AWSTrustedAdvisorServiceRolePolicy',
    description:
      'Access for the AWS Trusted Advisor Service to help reduce cost, increase performance, and improve security of your AWS environment.',
    doc: doc(
      allow(
        [
          'autoscaling:Describe*',
          'cloudtrail:DescribeTrails',
          'cloudtrail:GetTrailStatus',
          'ec2:Describe*',
          'iam:GenerateCredentialReport',
          'iam:GetCredentialReport',
          's3:GetBucketPolicyStatus',
          's3:ListAllMyBuckets',
        ],
        '*',
        { Sid: 'TrustedAdvisorServiceRolePermissions' },
      ),
    ),
  },
  AWSServiceRoleForOrganizations: {
    service: 'organizations.amazonaws.com',
    policy: 'AWSOrganizationsServiceTrustPolicy',
    description:
      'Service-linked role used by AWS Organizations to enable integration of other AWS services with Organizations.',
    doc: doc(
      {
        Sid: 'AllowDeletionOfServiceLinkedRoleForOrganizations',
        Effect: 'Allow',
        Action: 'iam:DeleteRole',
        Resource: 'arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*',
      },
      allow('iam:CreateServiceLinkedRole', '*', { Sid: 'AllowCreationOfServiceLinkedRoles' }),
    ),
  },
  AWSServiceRoleForSSO: {
    service: 'sso.amazonaws.com',
    policy: 'AWSSSOServiceRolePolicy',
    description:
      'Service-linked role used by AWS SSO to manage AWS resources, including IAM roles, policies and SAML IdP on your behalf.',
    doc: doc(
      allow(
        [
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:DeleteRole',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePolicy',
          'iam:UpdateRole',
        ],
        'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*',
        { Sid: 'IAMRoleProvisioningActions' },
      ),
      allow(
        ['iam:CreateSAMLProvider', 'iam:GetSAMLProvider', 'iam:UpdateSAMLProvider', 'iam:DeleteSAMLProvider'],
        'arn:aws:iam::*:saml-provider/AWSSSO_*',
        { Sid: 'IAMSLRCleanupActions' },
      ),
    ),
  },
  AWSServiceRoleForConfig: {
    service: 'config.amazonaws.com',
    policy: 'AWSConfigServiceRolePolicy',
    description: '',
    doc: doc(
      allow([
        'cloudtrail:DescribeTrails',
        'ec2:Describe*',
        'iam:GetAccountAuthorizationDetails',
        'iam:GetAccountPasswordPolicy',
        'kms:DescribeKey',
        'rds:Describe*',
        's3:GetBucket*',
        's3:ListAllMyBuckets',
      ]),
    ),
  },
  AWSServiceRoleForAmazonGuardDuty: {
    service: 'guardduty.amazonaws.com',
    policy: 'AmazonGuardDutyServiceRolePolicy',
    description: 'A service-linked role required for Amazon GuardDuty to access your resources. ',
    doc: doc(
      allow(
        [
          'ec2:DescribeInstances',
          'ec2:DescribeImages',
          'ec2:DescribeVpcEndpoints',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcPeeringConnections',
          'ec2:DescribeTransitGatewayAttachments',
          'organizations:ListAccounts',
          'organizations:DescribeAccount',
          's3:GetBucketPublicAccessBlock',
          's3:GetEncryptionConfiguration',
          's3:GetBucketTagging',
          's3:GetBucketAcl',
          's3:GetBucketPolicy',
          's3:ListAllMyBuckets',
        ],
        '*',
        { Sid: 'GuardDutyGetDescribeListPolicy' },
      ),
    ),
  },
  AWSServiceRoleForSecurityHub: {
    service: 'securityhub.amazonaws.com',
    policy: 'AWSSecurityHubServiceRolePolicy',
    description: 'A service-linked role required for AWS Security Hub to access your resources.',
    doc: doc(
      allow(
        [
          'cloudtrail:DescribeTrails',
          'cloudtrail:GetTrailStatus',
          'cloudtrail:GetEventSelectors',
          'cloudwatch:DescribeAlarms',
          'logs:DescribeMetricFilters',
          'sns:ListSubscriptionsByTopic',
          'config:DescribeConfigurationRecorders',
          'config:PutEvaluations',
          'config:PutConfigRule',
          'config:DeleteConfigRule',
          'organizations:ListAccounts',
          'organizations:DescribeOrganization',
        ],
        '*',
        { Sid: 'SecurityHubServiceRolePermissions' },
      ),
    ),
  },
  AWSServiceRoleForAccessAnalyzer: {
    service: 'access-analyzer.amazonaws.com',
    policy: 'AccessAnalyzerServiceRolePolicy',
    description: '',
    doc: doc(
      allow([
        'ec2:DescribeAddresses',
        'ec2:DescribeSnapshotAttribute',
        'iam:GetRole',
        'iam:ListRoles',
        'kms:DescribeKey',
        'kms:GetKeyPolicy',
        'kms:ListKeys',
        's3:GetAccessPoint',
        's3:GetBucketAcl',
        's3:GetBucketPolicy',
        's3:GetBucketPolicyStatus',
        's3:GetBucketPublicAccessBlock',
        's3:ListAllMyBuckets',
        'sns:GetTopicAttributes',
        'sns:ListTopics',
      ]),
    ),
  },
  AWSServiceRoleForAmazonMacie: {
    service: 'macie.amazonaws.com',
    policy: 'AmazonMacieServiceRolePolicy',
    description: 'Service-linked role for Amazon Macie.',
    doc: doc(
      allow([
        'cloudwatch:PutMetricData',
        'events:PutEvents',
        's3:GetBucketAcl',
        's3:GetBucketLocation',
        's3:GetBucketLogging',
        's3:GetBucketPolicy',
        's3:GetBucketPublicAccessBlock',
        's3:GetEncryptionConfiguration',
        's3:ListAllMyBuckets',
        's3:ListBucket',
      ]),
    ),
  },
  AWSServiceRoleForElasticLoadBalancing: {
    service: 'elasticloadbalancing.amazonaws.com',
    policy: 'AWSElasticLoadBalancingServiceRolePolicy',
    description: 'Allows ELB to call AWS services on your behalf.',
    doc: doc(
      allow([
        'ec2:DescribeAddresses',
        'ec2:DescribeInstances',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeVpcs',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeAccountAttributes',
        'ec2:DescribeClassicLinkInstances',
        'ec2:DescribeVpcClassicLink',
        'ec2:CreateSecurityGroup',
        'ec2:CreateNetworkInterface',
        'ec2:DeleteNetworkInterface',
        'ec2:ModifyNetworkInterfaceAttribute',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:AssociateAddress',
        'ec2:DisassociateAddress',
        'ec2:AttachNetworkInterface',
        'ec2:DetachNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:AssignIpv6Addresses',
        'ec2:UnassignIpv6Addresses',
      ]),
    ),
  },
  AWSServiceRoleForRDS: {
    service: 'rds.amazonaws.com',
    policy: 'AmazonRDSServiceRolePolicy',
    description: 'Allows Amazon RDS to manage AWS resources on your behalf',
    doc: doc(
      allow([
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:CreateNetworkInterface',
        'ec2:CreateSecurityGroup',
        'ec2:DeleteNetworkInterface',
        'ec2:DeleteSecurityGroup',
        'ec2:DescribeAvailabilityZones',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcAttribute',
        'ec2:DescribeVpcs',
        'ec2:ModifyNetworkInterfaceAttribute',
        'ec2:RevokeSecurityGroupIngress',
      ]),
    ),
  },
  AWSServiceRoleForCloudTrail: {
    service: 'cloudtrail.amazonaws.com',
    policy: 'CloudTrailServiceRolePolicy',
    description: 'Allows CloudTrail to call AWS services on your behalf (organization trails).',
    doc: doc(
      allow(
        [
          'organizations:DescribeAccount',
          'organizations:DescribeOrganization',
          'organizations:ListAccounts',
          'organizations:ListAWSServiceAccessForOrganization',
        ],
        '*',
        { Sid: 'AWSCloudTrailOrganizationAccess' },
      ),
      allow(['iam:GetRole'], 'arn:aws:iam::*:role/aws-service-role/cloudtrail.amazonaws.com/*', {
        Sid: 'AWSCloudTrailOrganizationRoleAccess',
      }),
    ),
  },
};
for (const [role, slr] of Object.entries(SERVICE_LINKED)) {
  AWS_POLICIES[slr.policy] = {
    path: '/aws-service-role/',
    created: t('2017-10-18 19:02:11'),
    updated: t('2024-11-06 20:14:35'),
    version: role === 'AWSServiceRoleForSupport' ? 'v47' : 'v8',
    doc: slr.doc,
  };
}

interface KeySpec {
  active: boolean;
  created: string;
  lastUsed?: { date: string; service: string; region: string };
}
interface UserSpec {
  name: string;
  created: string;
  tags?: Tags;
  console?: { created: string; lastUsed?: string; changed?: string; reset?: boolean };
  mfa?: { kind: 'virtual' | 'hardware'; enabled: string; device?: string };
  keys?: KeySpec[];
  groups?: string[];
  attached?: string[];
  inline?: InlinePolicy[];
}
interface GroupSpec {
  name: string;
  created: string;
  attached: string[];
  inline?: InlinePolicy[];
}
interface RoleSpec {
  name: string;
  path?: string;
  created: string;
  trust: PolicyDocument;
  description?: string;
  attached: string[];
  inline?: InlinePolicy[];
  lastUsed?: { date: string; region: string };
  maxSession?: number;
  instanceProfile?: boolean;
}
interface CustomerPolicySpec {
  name: string;
  created: string;
  updated: string;
  version: string;
  doc: PolicyDocument;
  path?: string;
}
interface IamSpec {
  users: UserSpec[];
  groups: GroupSpec[];
  roles: RoleSpec[];
  policies: CustomerPolicySpec[];
  serverCertificates: Array<{ name: string; uploaded: string; expires: string; path?: string }>;
  passwordPolicy: AccountProps['PasswordPolicy'];
}
interface IamOut {
  userCount: number;
  groupCount: number;
  roleCount: number;
  policyCount: number;
  instanceProfiles: Map<string, { Arn: string; Id: string }>;
  roleArns: Map<string, string>;
  mfaInUse: number;
  virtualMfa: AccountProps['VirtualMFADevices'];
  serverCertificates: number;
  policyVersionsInUse: number;
}

/** The IAM part of one account: users with their credential report rows, groups, roles, policies, certificates. */
function buildIam(a: Acct, spec: IamSpec): IamOut {
  const acct = a.id;
  const customer = new Map(spec.policies.map((p) => [p.name, p]));
  const policyArn = (name: string): string => {
    const c = customer.get(name);
    if (c) return `arn:aws:iam::${acct}:policy${c.path ?? '/'}${name}`;
    const m = AWS_POLICIES[name];
    if (!m) throw new Error(`unknown policy ${name}`);
    return `arn:aws:iam::aws:policy${m.path}${name}`;
  };
  const attachedList = (names: readonly string[]) => names.map((n) => ({ PolicyName: n, PolicyArn: policyArn(n) }));
  const attach = new Map<
    string,
    {
      groups: { GroupName: string; GroupId: string }[];
      users: { UserName: string; UserId: string }[];
      roles: { RoleName: string; RoleId: string }[];
    }
  >();
  const entry = (name: string) => {
    let e = attach.get(name);
    if (!e) {
      e = { groups: [], users: [], roles: [] };
      attach.set(name, e);
    }
    return e;
  };

  // Groups first: users list their groups.
  const groupIds = new Map<string, string>();
  const groupMembers = new Map<string, string[]>();
  for (const g of spec.groups) groupIds.set(g.name, `AGPA${a.b32(17)}`);
  for (const u of spec.users)
    for (const g of u.groups ?? []) groupMembers.set(g, [...(groupMembers.get(g) ?? []), u.name]);

  const virtualMfa: AccountProps['VirtualMFADevices'] = [];
  let mfaInUse = 0;
  for (const u of spec.users) {
    const arn = `arn:aws:iam::${acct}:user/${u.name}`;
    const userId = `AIDA${a.b32(17)}`;
    const keys = (u.keys ?? []).map((k) => ({ ...k, id: `AKIA${a.b32(16)}` }));
    const mfaDevices = u.mfa
      ? [
          {
            UserName: u.name,
            SerialNumber:
              u.mfa.kind === 'virtual'
                ? `arn:aws:iam::${acct}:mfa/${u.mfa.device ?? u.name}`
                : `GAHT${String(a.int(10_000_000, 99_999_999))}`,
            EnableDate: u.mfa.enabled,
          },
        ]
      : [];
    if (u.mfa) mfaInUse++;
    const passwordLastUsed = u.console?.lastUsed;
    if (u.mfa?.kind === 'virtual') {
      virtualMfa.push({
        SerialNumber: mfaDevices[0]!.SerialNumber,
        User: {
          Path: '/',
          UserName: u.name,
          UserId: userId,
          Arn: arn,
          CreateDate: u.created,
          ...(passwordLastUsed ? { PasswordLastUsed: passwordLastUsed } : {}),
        },
        EnableDate: u.mfa.enabled,
      });
    }
    const pp = spec.passwordPolicy;
    const changed = u.console ? (u.console.changed ?? u.console.created) : undefined;
    const keyCols = (i: 1 | 2): CredentialReportRow => {
      const k = keys[i - 1];
      return {
        [`access_key_${i}_active`]: k?.active ? 'true' : 'false',
        [`access_key_${i}_last_rotated`]: k ? cr(k.created) : 'N/A',
        [`access_key_${i}_last_used_date`]: k?.lastUsed ? cr(k.lastUsed.date) : 'N/A',
        [`access_key_${i}_last_used_region`]: k?.lastUsed ? k.lastUsed.region : 'N/A',
        [`access_key_${i}_last_used_service`]: k?.lastUsed ? k.lastUsed.service : 'N/A',
      };
    };
    const report: CredentialReportRow = {
      user: u.name,
      arn,
      user_creation_time: cr(u.created),
      password_enabled: u.console ? 'true' : 'false',
      password_last_used: u.console ? (passwordLastUsed ? cr(passwordLastUsed) : 'no_information') : 'N/A',
      password_last_changed: changed ? cr(changed) : 'N/A',
      password_next_rotation:
        changed && pp?.ExpirePasswords && pp.MaxPasswordAge ? cr(addDays(changed, pp.MaxPasswordAge)) : 'N/A',
      mfa_active: u.mfa ? 'true' : 'false',
      ...keyCols(1),
      ...keyCols(2),
      cert_1_active: 'false',
      cert_1_last_rotated: 'N/A',
      cert_2_active: 'false',
      cert_2_last_rotated: 'N/A',
    };
    for (const p of u.attached ?? []) entry(p).users.push({ UserName: u.name, UserId: userId });
    a.add(
      'aws.iam.user',
      arn,
      'global',
      u.name,
      {
        Path: '/',
        UserName: u.name,
        UserId: userId,
        Arn: arn,
        CreateDate: u.created,
        ...(passwordLastUsed ? { PasswordLastUsed: passwordLastUsed } : {}),
        LoginProfile: u.console
          ? { UserName: u.name, CreateDate: u.console.created, PasswordResetRequired: u.console.reset ?? false }
          : null,
        MFADevices: mfaDevices,
        AccessKeyMetadata: keys.map((k) => ({
          UserName: u.name,
          AccessKeyId: k.id,
          Status: k.active ? 'Active' : 'Inactive',
          CreateDate: k.created,
          AccessKeyLastUsed: k.lastUsed
            ? { LastUsedDate: k.lastUsed.date, ServiceName: k.lastUsed.service, Region: k.lastUsed.region }
            : { ServiceName: 'N/A', Region: 'N/A' },
        })),
        AttachedManagedPolicies: attachedList(u.attached ?? []),
        UserPolicyList: u.inline ?? [],
        GroupList: u.groups ?? [],
        CredentialReport: report,
      },
      { tags: u.tags ?? {} },
    );
  }

  for (const g of spec.groups) {
    const id = groupIds.get(g.name)!;
    for (const p of g.attached) entry(p).groups.push({ GroupName: g.name, GroupId: id });
    a.add('aws.iam.group', `arn:aws:iam::${acct}:group/${g.name}`, 'global', g.name, {
      Path: '/',
      GroupName: g.name,
      GroupId: id,
      Arn: `arn:aws:iam::${acct}:group/${g.name}`,
      CreateDate: g.created,
      AttachedManagedPolicies: attachedList(g.attached),
      GroupPolicyList: g.inline ?? [],
      UserNames: groupMembers.get(g.name) ?? [],
    });
  }

  const instanceProfiles = new Map<string, { Arn: string; Id: string }>();
  const roleArns = new Map<string, string>();
  for (const r of spec.roles) {
    const path = r.path ?? '/';
    const arn = `arn:aws:iam::${acct}:role${path}${r.name}`;
    const id = `AROA${a.b32(17)}`;
    roleArns.set(r.name, arn);
    if (r.instanceProfile) {
      instanceProfiles.set(r.name, { Arn: `arn:aws:iam::${acct}:instance-profile/${r.name}`, Id: `AIPA${a.b32(17)}` });
    }
    for (const p of r.attached) entry(p).roles.push({ RoleName: r.name, RoleId: id });
    a.add('aws.iam.role', arn, 'global', r.name, {
      Path: path,
      RoleName: r.name,
      RoleId: id,
      Arn: arn,
      CreateDate: r.created,
      AssumeRolePolicyDocument: r.trust,
      ...(r.description !== undefined ? { Description: r.description } : {}),
      MaxSessionDuration: r.maxSession ?? 3600,
      RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.date, Region: r.lastUsed.region } : {},
      AttachedManagedPolicies: attachedList(r.attached),
      RolePolicyList: r.inline ?? [],
    });
  }

  // Customer managed policies (all of them), then the AWS managed ones that are attached somewhere.
  let versionsInUse = 0;
  const policyResource = (
    name: string,
    p: { path: string; created: string; updated: string; version: string; doc: PolicyDocument },
    id: string,
  ) => {
    const arn = policyArn(name);
    const e = attach.get(name) ?? { groups: [], users: [], roles: [] };
    const count = e.groups.length + e.users.length + e.roles.length;
    // An AWS managed policy has the same ARN in every account, but its attachments are per account:
    // its uid carries the account so that the accounts' copies stay distinct in one inventory.
    const uid = customer.has(name) ? arn : `${arn}#${acct}`;
    a.add('aws.iam.policy', uid, 'global', name, {
      PolicyName: name,
      PolicyId: id,
      Arn: arn,
      Path: p.path,
      DefaultVersionId: p.version,
      AttachmentCount: count,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: p.created,
      UpdateDate: p.updated,
      DefaultVersionDocument: p.doc,
      PolicyGroups: e.groups,
      PolicyUsers: e.users,
      PolicyRoles: e.roles,
    });
  };
  for (const p of spec.policies) {
    versionsInUse += Number(p.version.slice(1)) > 1 ? 2 : 1;
    policyResource(p.name, { ...p, path: p.path ?? '/' }, `ANPA${a.b32(17)}`);
  }
  const awsAttached = [...attach.keys()].filter((n) => !customer.has(n)).sort();
  for (const name of awsAttached) policyResource(name, AWS_POLICIES[name]!, `ANPA${stableB32(name)}`);

  for (const c of spec.serverCertificates) {
    const path = c.path ?? '/';
    const arn = `arn:aws:iam::${acct}:server-certificate${path}${c.name}`;
    a.add('aws.iam.server_certificate', arn, 'global', c.name, {
      Path: path,
      ServerCertificateName: c.name,
      ServerCertificateId: `ASCA${a.b32(17)}`,
      Arn: arn,
      UploadDate: c.uploaded,
      Expiration: c.expires,
    });
  }

  return {
    userCount: spec.users.length,
    groupCount: spec.groups.length,
    roleCount: spec.roles.length,
    policyCount: spec.policies.length,
    instanceProfiles,
    roleArns,
    mfaInUse,
    virtualMfa,
    serverCertificates: spec.serverCertificates.length,
    policyVersionsInUse: versionsInUse,
  };
}

/** AWS managed policy ids are the same in every account: derive them from the name. */
function stableB32(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const rng = mulberry32(h);
  let s = '';
  for (let i = 0; i < 17; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(rng() * 32)];
  return s;
}

const serviceLinkedRole = (name: string, created: string, lastUsed?: { date: string; region: string }): RoleSpec => {
  const slr = SERVICE_LINKED[name]!;
  return {
    name,
    path: `/aws-service-role/${slr.service}/`,
    created,
    trust: trustService(slr.service),
    description: slr.description,
    attached: [slr.policy],
    ...(lastUsed ? { lastUsed } : {}),
  };
};

const ssoRole = (
  a: Acct,
  permissionSet: string,
  samlProvider: string,
  policies: string[],
  created: string,
  lastUsed?: string,
): RoleSpec => ({
  name: `AWSReservedSSO_${permissionSet}_${a.hex(16)}`,
  path: `/aws-reserved/sso.amazonaws.com/${TOKYO}/`,
  created,
  trust: doc({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${a.id}:saml-provider/${samlProvider}` },
    Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  }),
  description: '',
  attached: policies,
  maxSession: 43200,
  ...(lastUsed ? { lastUsed: { date: lastUsed, region: TOKYO } } : {}),
});

const scannerRole = (created: string, lastUsed: string): RoleSpec => ({
  name: SCANNER,
  created,
  trust: doc({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${MGMT}:role/mamori-scanner` },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'kitsune-mamori-scan' } },
  }),
  description: 'Read-only role assumed by the nightly mamori posture scan',
  attached: ['SecurityAudit'],
  lastUsed: { date: lastUsed, region: TOKYO },
});

const orgAccessRole = (created: string, lastUsed?: string): RoleSpec => ({
  name: 'OrganizationAccountAccessRole',
  created,
  trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MGMT}:root` }, Action: 'sts:AssumeRole' }),
  attached: ['AdministratorAccess'],
  ...(lastUsed ? { lastUsed: { date: lastUsed, region: TOKYO } } : {}),
});

// ---------------------------------------------------------------------------------------------------------------
// Account and region resources

interface RootSpec {
  created: string;
  passwordLastUsed: string | null;
  mfa: 'hardware' | 'virtual' | null;
  mfaEnabled?: string;
  accessKey?: KeySpec;
}

function buildAccount(
  a: Acct,
  iam: IamOut,
  iamSpec: IamSpec,
  root: RootSpec,
  opts: {
    contacts: AccountProps['AlternateContacts'];
    saml: AccountProps['SAMLProviderList'];
    oidc: AccountProps['OpenIDConnectProviderList'];
    publicAccessBlock: AccountProps['PublicAccessBlockConfiguration'];
    extraVirtualMfa?: AccountProps['VirtualMFADevices'];
    tags: Tags;
  },
): void {
  const acct = a.id;
  const virtual = [...iam.virtualMfa];
  if (root.mfa === 'virtual') {
    virtual.unshift({
      SerialNumber: `arn:aws:iam::${acct}:mfa/root-account-mfa-device`,
      User: {
        Path: undefined,
        UserName: undefined,
        UserId: acct,
        Arn: `arn:aws:iam::${acct}:root`,
        CreateDate: root.created,
      },
      EnableDate: root.mfaEnabled,
    });
  }
  virtual.push(...(opts.extraVirtualMfa ?? []));
  const k = root.accessKey;
  const summary: Record<string, number> = {
    AccessKeysPerUserQuota: 2,
    AccountAccessKeysPresent: k?.active ? 1 : 0,
    AccountMFAEnabled: root.mfa ? 1 : 0,
    AccountPasswordPresent: 1,
    AccountSigningCertificatesPresent: 0,
    AssumeRolePolicySizeQuota: 2048,
    AttachedPoliciesPerGroupQuota: 10,
    AttachedPoliciesPerRoleQuota: 10,
    AttachedPoliciesPerUserQuota: 10,
    GlobalEndpointTokenVersion: 1,
    GroupPolicySizeQuota: 5120,
    Groups: iam.groupCount,
    GroupsPerUserQuota: 10,
    GroupsQuota: 300,
    InstanceProfiles: iam.instanceProfiles.size,
    InstanceProfilesQuota: 1000,
    MFADevices: virtual.length + (root.mfa === 'hardware' ? 1 : 0),
    MFADevicesInUse: iam.mfaInUse + (root.mfa ? 1 : 0),
    Policies: iam.policyCount,
    PoliciesQuota: 1500,
    PolicySizeQuota: 6144,
    PolicyVersionsInUse: iam.policyVersionsInUse,
    PolicyVersionsInUseQuota: 10000,
    Providers: opts.saml.length + opts.oidc.length,
    RolePolicySizeQuota: 10240,
    Roles: iam.roleCount,
    RolesQuota: 1000,
    ServerCertificates: iam.serverCertificates,
    ServerCertificatesQuota: 20,
    SigningCertificatesPerUserQuota: 2,
    UserPolicySizeQuota: 2048,
    Users: iam.userCount,
    UsersQuota: 5000,
    VersionsPerPolicyQuota: 5,
  };
  const rootRow: CredentialReportRow = {
    user: '<root_account>',
    arn: `arn:aws:iam::${acct}:root`,
    user_creation_time: cr(root.created),
    password_enabled: 'not_supported',
    password_last_used: root.passwordLastUsed ? cr(root.passwordLastUsed) : 'no_information',
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: root.mfa ? 'true' : 'false',
    access_key_1_active: k?.active ? 'true' : 'false',
    access_key_1_last_rotated: k ? cr(k.created) : 'N/A',
    access_key_1_last_used_date: k?.lastUsed ? cr(k.lastUsed.date) : 'N/A',
    access_key_1_last_used_region: k?.lastUsed ? k.lastUsed.region : 'N/A',
    access_key_1_last_used_service: k?.lastUsed ? k.lastUsed.service : 'N/A',
    access_key_2_active: 'false',
    access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A',
    access_key_2_last_used_region: 'N/A',
    access_key_2_last_used_service: 'N/A',
    cert_1_active: 'false',
    cert_1_last_rotated: 'N/A',
    cert_2_active: 'false',
    cert_2_last_rotated: 'N/A',
  };
  a.add(
    'aws.account',
    `arn:aws:iam::${acct}:root`,
    'global',
    a.info.alias,
    {
      AccountId: acct,
      SummaryMap: summary,
      PasswordPolicy: iamSpec.passwordPolicy,
      RootCredentialReport: rootRow,
      CredentialReportGeneratedTime: new Date(Date.parse(a.info.collectedAt) - 4 * 60_000).toISOString(),
      AlternateContacts: opts.contacts,
      VirtualMFADevices: virtual,
      SAMLProviderList: opts.saml,
      OpenIDConnectProviderList: opts.oidc,
      PublicAccessBlockConfiguration: opts.publicAccessBlock,
      Organization: ORGANIZATION,
    },
    { tags: opts.tags },
  );
}

const ORGANIZATION = {
  Id: ORG_ID,
  Arn: `arn:aws:organizations::${MGMT}:organization/${ORG_ID}`,
  FeatureSet: 'ALL',
  MasterAccountArn: `arn:aws:organizations::${MGMT}:account/${ORG_ID}/${MGMT}`,
  MasterAccountId: MGMT,
  MasterAccountEmail: 'aws-root+management@kitsune-shoji.co.jp',
  AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
} as const satisfies AccountProps['Organization'];

const contact = (type: 'SECURITY' | 'BILLING' | 'OPERATIONS', name: string, title: string, email: string) => ({
  AlternateContactType: type,
  Name: name,
  Title: title,
  EmailAddress: email,
  PhoneNumber: '+81-3-5555-0142',
});

interface RegionSpec {
  ebsDefault: boolean;
  imdsDefault?: RegionProps['InstanceMetadataDefaults'];
  config: 'recording' | 'stopped' | 'none';
  configBucket?: string;
  analyzer?: 'ORGANIZATION' | 'ACCOUNT' | null;
  securityHub: boolean;
  standards?: Array<'fsbp' | 'cis3'>;
  guardDuty: 'ENABLED' | 'DISABLED' | null;
  macie: 'ENABLED' | 'PAUSED' | null | { gap: string };
  since: string;
}

/** The Config API answers lastStatus in upper case ('SUCCESS'), although the SDK's enum spells it 'Success'. */
const API_SUCCESS = 'SUCCESS' as 'Success';

function buildRegion(a: Acct, region: string, s: RegionSpec): void {
  const acct = a.id;
  const recorderArn = `arn:aws:config:${region}:${acct}:configuration-recorder/default/${a.lower(16)}`;
  const analyzerName = s.analyzer === 'ORGANIZATION' ? 'kitsune-org-analyzer' : `ConsoleAnalyzer-${a.uuid()}`;
  const props: RegionProps = {
    RegionName: region,
    OptInStatus: 'opt-in-not-required',
    EbsEncryptionByDefault: s.ebsDefault,
    ...(s.imdsDefault ? { InstanceMetadataDefaults: s.imdsDefault } : {}),
    ConfigurationRecorders:
      s.config === 'none'
        ? []
        : [
            {
              arn: recorderArn,
              name: 'default',
              roleARN: `arn:aws:iam::${acct}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
              recordingGroup: {
                allSupported: true,
                includeGlobalResourceTypes: region === TOKYO,
                resourceTypes: [],
                exclusionByResourceTypes: { resourceTypes: [] },
                recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
              },
              recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
            },
          ],
    ConfigurationRecordersStatus:
      s.config === 'none'
        ? []
        : [
            s.config === 'recording'
              ? {
                  arn: recorderArn,
                  name: 'default',
                  lastStartTime: s.since,
                  recording: true,
                  lastStatus: API_SUCCESS,
                  lastStatusChangeTime: ago(0, 17),
                }
              : {
                  arn: recorderArn,
                  name: 'default',
                  lastStartTime: s.since,
                  lastStopTime: t('2025-08-21 09:14:02'),
                  recording: false,
                  lastStatus: API_SUCCESS,
                  lastStatusChangeTime: t('2025-08-21 09:14:02'),
                },
          ],
    DeliveryChannels:
      s.config === 'none' || !s.configBucket
        ? []
        : [
            {
              name: 'default',
              s3BucketName: s.configBucket,
              configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
            },
          ],
    Analyzers: s.analyzer
      ? [
          {
            arn: `arn:aws:access-analyzer:${region}:${acct}:analyzer/${analyzerName}`,
            name: analyzerName,
            type: s.analyzer,
            createdAt: s.since,
            lastResourceAnalyzed: `arn:aws:iam::${acct}:role/${SCANNER}`,
            lastResourceAnalyzedAt: ago(0, 40),
            tags: {},
            status: 'ACTIVE',
          },
        ]
      : [],
    SecurityHub: s.securityHub
      ? {
          HubArn: `arn:aws:securityhub:${region}:${acct}:hub/default`,
          SubscribedAt: s.since,
          AutoEnableControls: true,
          ControlFindingGenerator: 'SECURITY_CONTROL',
          EnabledStandards: (s.standards ?? []).map((k) =>
            k === 'fsbp'
              ? {
                  StandardsArn: `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
                  Name: 'AWS Foundational Security Best Practices v1.0.0',
                  Description:
                    'The AWS Foundational Security Best Practices standard is a set of automated security checks that detect when AWS accounts and deployed resources do not align to security best practices.',
                  EnabledByDefault: true,
                  StandardsManagedBy: { Company: 'AWS', Product: 'Security Hub' },
                }
              : {
                  StandardsArn: `arn:aws:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
                  Name: 'CIS AWS Foundations Benchmark v3.0.0',
                  Description:
                    'The Center for Internet Security (CIS) AWS Foundations Benchmark v3.0.0 is a set of security configuration best practices for AWS.',
                  EnabledByDefault: false,
                  StandardsManagedBy: { Company: 'CIS', Product: 'CIS AWS Foundations Benchmark' },
                },
          ),
        }
      : null,
    GuardDutyDetectors: s.guardDuty
      ? [
          {
            DetectorId: a.hex(32),
            CreatedAt: s.since,
            FindingPublishingFrequency: 'SIX_HOURS',
            ServiceRole: `arn:aws:iam::${acct}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
            Status: s.guardDuty,
            UpdatedAt: ago(31, 200),
            // Foundational sources on everywhere; RDS protection only where there are databases (not in the sandbox).
            Features: (
              [
                ['CLOUD_TRAIL', true],
                ['DNS_LOGS', true],
                ['FLOW_LOGS', true],
                ['S3_DATA_EVENTS', true],
                ['EBS_MALWARE_PROTECTION', false],
                ['RDS_LOGIN_EVENTS', acct !== DEV],
                ['RUNTIME_MONITORING', false],
              ] as const
            ).map(([Name, on]) => ({ Name, Status: on ? 'ENABLED' : 'DISABLED', UpdatedAt: ago(31, 200) })),
            Tags: {},
          },
        ]
      : [],
    MacieSession:
      s.macie === null || typeof s.macie === 'object'
        ? null
        : {
            createdAt: s.since,
            findingPublishingFrequency: 'SIX_HOURS',
            serviceRole: `arn:aws:iam::${acct}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
            status: s.macie,
            updatedAt: ago(120),
          },
  };
  const gap = s.macie !== null && typeof s.macie === 'object' ? s.macie.gap : undefined;
  a.add(
    'aws.region',
    `arn:aws:ec2:${region}:${acct}:region/${region}`,
    region,
    region,
    gap ? Acct.withGap(props, 'MacieSession') : props,
    gap ? { gaps: { MacieSession: gap } } : {},
  );
  regionItems(a, region, props);
}

/**
 * The region's detectors, recorders and analyzers as resources of their own, from the same answers (the collectors
 * share the calls): derived from the region's props, so that they take nothing from the account's random stream.
 */
function regionItems(a: Acct, region: string, props: RegionProps): void {
  for (const d of props.GuardDutyDetectors) {
    const id = d.DetectorId!;
    a.add('aws.guardduty.detector', `arn:aws:guardduty:${region}:${a.id}:detector/${id}`, region, id, d, {
      tags: { ...(d.Tags ?? {}) },
    });
  }
  for (const r of props.ConfigurationRecorders) {
    const status = props.ConfigurationRecordersStatus.find((s) => s.arn === r.arn);
    a.add('aws.config.recorder', r.arn!, region, r.name!, { ...r, ...(status ? { Status: status } : {}) });
  }
  for (const an of props.Analyzers) {
    a.add('aws.accessanalyzer.analyzer', an.arn!, region, an.name!, an, { tags: { ...(an.tags ?? {}) } });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// EC2 networking

const AZ_IDS: Record<string, Record<string, string>> = {
  [TOKYO]: { a: 'apne1-az4', c: 'apne1-az1', d: 'apne1-az2' },
  [OSAKA]: { a: 'apne3-az3', b: 'apne3-az1', c: 'apne3-az2' },
  [VIRGINIA]: { a: 'use1-az6', b: 'use1-az1', c: 'use1-az2', d: 'use1-az4', e: 'use1-az3', f: 'use1-az5' },
};
const DEFAULT_AZS: Record<string, string[]> = {
  [TOKYO]: ['a', 'c', 'd'],
  [OSAKA]: ['a', 'b', 'c'],
  [VIRGINIA]: ['a', 'b', 'c', 'd', 'e', 'f'],
};

interface SubnetOut {
  key: string;
  id: string;
  az: string;
  cidr: string;
  public: boolean;
}
interface VpcOut {
  region: string;
  id: string;
  cidr: string;
  ipv6?: string;
  subnets: Map<string, SubnetOut>;
  defaultSgId: string;
  igwId?: string;
}
type RouteSpec =
  | { dest: string; igw: true }
  | { dest: string; nat: string }
  | { dest: string; pcx: string }
  | { dest6: string; igw: true };
interface NaclEntry {
  n: number;
  egress?: boolean;
  proto: '-1' | '6' | '17';
  from?: number;
  to?: number;
  cidr: string;
  action?: 'allow' | 'deny';
}

const subnet = (vpc: VpcOut, key: string): SubnetOut => {
  const s = vpc.subnets.get(key);
  if (!s) throw new Error(`no subnet ${key} in ${vpc.id}`);
  return s;
};

/** Usable host address n of an IPv4 CIDR (10.10.1.0/24, 12 → 10.10.1.12). */
const host = (cidr: string, n: number): string => {
  const [base] = cidr.split('/');
  const parts = (base ?? '0.0.0.0').split('.').map(Number);
  const v = ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]! + n;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
};

function addSubnet(
  a: Acct,
  region: string,
  vpc: VpcOut,
  s: { key: string; az: string; cidr: string; public: boolean; isDefault: boolean; name?: string; tags?: Tags },
): SubnetOut {
  const id = a.ec2Id('subnet');
  const az = `${region}${s.az}`;
  const size = 2 ** (32 - Number(s.cidr.split('/')[1])) - 5;
  const tags = { ...(s.name ? { Name: s.name } : {}), ...(s.tags ?? {}) };
  a.add(
    'aws.ec2.subnet',
    a.ec2Arn(region, 'subnet', id),
    region,
    s.name ?? id,
    {
      AvailabilityZone: az,
      AvailabilityZoneId: AZ_IDS[region]?.[s.az] ?? `${region}-az1`,
      AvailableIpAddressCount: size - a.int(2, 30),
      CidrBlock: s.cidr,
      DefaultForAz: s.isDefault,
      MapPublicIpOnLaunch: s.public && s.isDefault,
      State: 'available',
      SubnetId: id,
      VpcId: vpc.id,
      OwnerId: a.id,
      AssignIpv6AddressOnCreation: false,
      Ipv6CidrBlockAssociationSet: [],
      ...(Object.keys(tags).length ? { Tags: ec2Tags(tags) } : {}),
      SubnetArn: a.ec2Arn(region, 'subnet', id),
      EnableDns64: false,
      Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: {
        HostnameType: 'ip-name',
        EnableResourceNameDnsARecord: false,
        EnableResourceNameDnsAAAARecord: false,
      },
      MapCustomerOwnedIpOnLaunch: false,
    },
    { tags },
  );
  const out: SubnetOut = { key: s.key, id, az, cidr: s.cidr, public: s.public };
  vpc.subnets.set(s.key, out);
  return out;
}

function routeTable(
  a: Acct,
  vpc: VpcOut,
  rt: { name?: string; main?: boolean; subnets: string[]; routes: RouteSpec[]; tags?: Tags },
): string {
  const region = vpc.region;
  const id = a.ec2Id('rtb');
  const tags = { ...(rt.name ? { Name: rt.name } : {}), ...(rt.tags ?? {}) };
  const associations = [
    ...(rt.main
      ? [
          {
            Main: true,
            RouteTableAssociationId: a.ec2Id('rtbassoc'),
            RouteTableId: id,
            AssociationState: { State: 'associated' as const },
          },
        ]
      : []),
    ...rt.subnets.map((k) => ({
      Main: false,
      RouteTableAssociationId: a.ec2Id('rtbassoc'),
      RouteTableId: id,
      SubnetId: subnet(vpc, k).id,
      AssociationState: { State: 'associated' as const },
    })),
  ];
  const routes = [
    {
      DestinationCidrBlock: vpc.cidr,
      GatewayId: 'local',
      Origin: 'CreateRouteTable' as const,
      State: 'active' as const,
    },
    ...(vpc.ipv6
      ? [
          {
            DestinationIpv6CidrBlock: vpc.ipv6,
            GatewayId: 'local',
            Origin: 'CreateRouteTable' as const,
            State: 'active' as const,
          },
        ]
      : []),
    ...rt.routes.map((r) => {
      const common = { Origin: 'CreateRoute' as const, State: 'active' as const };
      if ('dest6' in r) return { DestinationIpv6CidrBlock: r.dest6, GatewayId: vpc.igwId, ...common };
      if ('igw' in r) return { DestinationCidrBlock: r.dest, GatewayId: vpc.igwId, ...common };
      if ('nat' in r) return { DestinationCidrBlock: r.dest, NatGatewayId: r.nat, ...common };
      return { DestinationCidrBlock: r.dest, VpcPeeringConnectionId: r.pcx, ...common };
    }),
  ];
  a.add(
    'aws.ec2.route_table',
    a.ec2Arn(region, 'route-table', id),
    region,
    rt.name ?? id,
    {
      Associations: associations,
      PropagatingVgws: [],
      RouteTableId: id,
      Routes: routes,
      Tags: ec2Tags(tags),
      VpcId: vpc.id,
      OwnerId: a.id,
    },
    { tags },
  );
  return id;
}

const DEFAULT_NACL: NaclEntry[] = [
  { n: 100, egress: true, proto: '-1', cidr: '0.0.0.0/0' },
  { n: 32767, egress: true, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
  { n: 100, proto: '-1', cidr: '0.0.0.0/0' },
  { n: 32767, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
];
/** The default network ACL of a VPC with an IPv6 block also allows ::/0 (rules 101). */
const DEFAULT_NACL_V6: NaclEntry[] = [
  { n: 100, egress: true, proto: '-1', cidr: '0.0.0.0/0' },
  { n: 101, egress: true, proto: '-1', cidr: '::/0' },
  { n: 32767, egress: true, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
  { n: 32768, egress: true, proto: '-1', cidr: '::/0', action: 'deny' },
  { n: 100, proto: '-1', cidr: '0.0.0.0/0' },
  { n: 101, proto: '-1', cidr: '::/0' },
  { n: 32767, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
  { n: 32768, proto: '-1', cidr: '::/0', action: 'deny' },
];

function networkAcl(
  a: Acct,
  vpc: VpcOut,
  acl: { name?: string; isDefault: boolean; subnets: string[]; entries: NaclEntry[]; tags?: Tags },
): void {
  const region = vpc.region;
  const id = a.ec2Id('acl');
  const tags = { ...(acl.name ? { Name: acl.name } : {}), ...(acl.tags ?? {}) };
  a.add(
    'aws.ec2.network_acl',
    a.ec2Arn(region, 'network-acl', id),
    region,
    acl.name ?? id,
    {
      Associations: acl.subnets.map((k) => ({
        NetworkAclAssociationId: a.ec2Id('aclassoc'),
        NetworkAclId: id,
        SubnetId: subnet(vpc, k).id,
      })),
      Entries: acl.entries.map((e) => ({
        ...(e.cidr.includes(':') ? { Ipv6CidrBlock: e.cidr } : { CidrBlock: e.cidr }),
        Egress: e.egress ?? false,
        Protocol: e.proto,
        RuleAction: e.action ?? 'allow',
        RuleNumber: e.n,
        ...(e.from !== undefined ? { PortRange: { From: e.from, To: e.to ?? e.from } } : {}),
      })),
      IsDefault: acl.isDefault,
      NetworkAclId: id,
      Tags: ec2Tags(tags),
      VpcId: vpc.id,
      OwnerId: a.id,
    },
    { tags },
  );
}

type Perm = NonNullable<SecurityGroupProps['IpPermissions']>[number];
/** One IpPermissions entry: protocol, ports, and sources (IPv4 / IPv6 CIDRs with descriptions, or security groups). */
function perm(
  owner: string,
  proto: string,
  ports: [number, number] | null,
  src: {
    v4?: Array<string | [string, string]>;
    v6?: Array<string | [string, string]>;
    sg?: Array<string | [string, string]>;
  },
): Perm {
  const pair = (x: string | [string, string]): [string, string | undefined] =>
    typeof x === 'string' ? [x, undefined] : x;
  return {
    IpProtocol: proto,
    ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : {}),
    UserIdGroupPairs: (src.sg ?? []).map((x) => {
      const [GroupId, Description] = pair(x);
      return { ...(Description ? { Description } : {}), UserId: owner, GroupId };
    }),
    IpRanges: (src.v4 ?? []).map((x) => {
      const [CidrIp, Description] = pair(x);
      return { ...(Description ? { Description } : {}), CidrIp };
    }),
    Ipv6Ranges: (src.v6 ?? []).map((x) => {
      const [CidrIpv6, Description] = pair(x);
      return { ...(Description ? { Description } : {}), CidrIpv6 };
    }),
    PrefixListIds: [],
  };
}
const allEgress = (owner: string, v6 = false): Perm[] => [
  perm(owner, '-1', null, { v4: ['0.0.0.0/0'], ...(v6 ? { v6: ['::/0'] } : {}) }),
];

function securityGroup(
  a: Acct,
  vpc: VpcOut,
  sg: {
    id?: string;
    name: string;
    description: string;
    ingress: (id: string) => Perm[];
    egress?: Perm[];
    tags?: Tags;
    nameTag?: string;
  },
): string {
  const region = vpc.region;
  const id = sg.id ?? a.ec2Id('sg');
  const tags = { ...(sg.nameTag ? { Name: sg.nameTag } : {}), ...(sg.tags ?? {}) };
  a.add(
    'aws.ec2.security_group',
    a.ec2Arn(region, 'security-group', id),
    region,
    sg.name,
    {
      Description: sg.description,
      GroupName: sg.name,
      IpPermissions: sg.ingress(id),
      OwnerId: a.id,
      GroupId: id,
      IpPermissionsEgress: sg.egress ?? allEgress(a.id),
      ...(Object.keys(tags).length ? { Tags: ec2Tags(tags) } : {}),
      VpcId: vpc.id,
      SecurityGroupArn: a.ec2Arn(region, 'security-group', id),
    },
    { tags },
  );
  return id;
}

/** The default flow log record format (the fields of version 2). */
const FLOW_LOG_FORMAT = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
]
  .map((field) => `\${${field}}`)
  .join(' ');

interface VpcSpec {
  name?: string;
  cidr: string;
  ipv6?: string;
  isDefault?: boolean;
  created: string;
  tags?: Tags;
  flowLogs?: Array<{ dest: 'cloud-watch-logs' | 's3'; target: string; traffic: 'ALL' | 'REJECT'; role?: string }>;
  subnets: Array<{ key: string; az: string; cidr: string; public: boolean; name?: string }>;
  igw: boolean;
  /** 'default': the rules AWS creates; 'none': all rules removed; or a custom set. */
  defaultSg: 'default' | 'none' | ((sgId: string) => Perm[]);
}

function vpcResource(a: Acct, region: string, spec: VpcSpec): VpcOut {
  const id = a.ec2Id('vpc');
  const vpc: VpcOut = {
    region,
    id,
    cidr: spec.cidr,
    subnets: new Map(),
    defaultSgId: a.ec2Id('sg'),
    ...(spec.ipv6 ? { ipv6: spec.ipv6 } : {}),
  };
  const tags = { ...(spec.name ? { Name: spec.name } : {}), ...(spec.tags ?? {}) };
  a.add(
    'aws.ec2.vpc',
    a.ec2Arn(region, 'vpc', id),
    region,
    spec.name ?? id,
    {
      CidrBlock: spec.cidr,
      DhcpOptionsId: a.dhcpOptions(region),
      State: 'available',
      VpcId: id,
      OwnerId: a.id,
      InstanceTenancy: 'default',
      Ipv6CidrBlockAssociationSet: spec.ipv6
        ? [
            {
              AssociationId: a.ec2Id('vpc-cidr-assoc'),
              Ipv6CidrBlock: spec.ipv6,
              Ipv6CidrBlockState: { State: 'associated' },
              NetworkBorderGroup: region,
              Ipv6Pool: 'Amazon',
            },
          ]
        : [],
      CidrBlockAssociationSet: [
        { AssociationId: a.ec2Id('vpc-cidr-assoc'), CidrBlock: spec.cidr, CidrBlockState: { State: 'associated' } },
      ],
      IsDefault: spec.isDefault ?? false,
      ...(Object.keys(tags).length ? { Tags: ec2Tags(tags) } : {}),
      FlowLogs: (spec.flowLogs ?? []).map((f) => ({
        CreationTime: spec.created,
        ...(f.role ? { DeliverLogsPermissionArn: f.role } : {}),
        DeliverLogsStatus: 'SUCCESS',
        FlowLogId: `fl-0${a.hex(16)}`,
        FlowLogStatus: 'ACTIVE',
        ...(f.dest === 'cloud-watch-logs' ? { LogGroupName: f.target } : {}),
        ResourceId: id,
        TrafficType: f.traffic,
        LogDestinationType: f.dest,
        LogDestination:
          f.dest === 's3' ? `arn:aws:s3:::${f.target}` : `arn:aws:logs:${region}:${a.id}:log-group:${f.target}`,
        LogFormat: FLOW_LOG_FORMAT,
        Tags: [],
        MaxAggregationInterval: 600,
      })),
    },
    { tags },
  );
  for (const s of spec.subnets) addSubnet(a, region, vpc, { ...s, isDefault: spec.isDefault ?? false });
  if (spec.igw) {
    const igw = a.ec2Id('igw');
    vpc.igwId = igw;
    const igwTags: Tags = spec.name ? { Name: `${spec.name}-igw` } : {};
    a.add(
      'aws.ec2.internet_gateway',
      a.ec2Arn(region, 'internet-gateway', igw),
      region,
      spec.name ? `${spec.name}-igw` : igw,
      {
        Attachments: [{ State: IGW_ATTACHED, VpcId: id }],
        InternetGatewayId: igw,
        OwnerId: a.id,
        Tags: ec2Tags(igwTags),
      },
      { tags: igwTags },
    );
  }
  const defaultRules = (sgId: string): Perm[] =>
    spec.defaultSg === 'default'
      ? [perm(a.id, '-1', null, { sg: [sgId] })]
      : spec.defaultSg === 'none'
        ? []
        : spec.defaultSg(sgId);
  securityGroup(a, vpc, {
    id: vpc.defaultSgId,
    name: 'default',
    description: 'default VPC security group',
    ingress: defaultRules,
    egress: spec.defaultSg === 'none' ? [] : allEgress(a.id),
  });
  return vpc;
}

/** DescribeInternetGateways reports an attached gateway as 'available', outside the SDK's AttachmentStatus enum. */
const IGW_ATTACHED = 'available' as 'attached';

/** A default VPC as AWS creates it: 172.31.0.0/16, a public subnet per AZ, IGW, main route table, open default NACL. */
function defaultVpc(a: Acct, region: string, created: string): VpcOut {
  const azs = DEFAULT_AZS[region] ?? ['a'];
  const vpc = vpcResource(a, region, {
    cidr: '172.31.0.0/16',
    isDefault: true,
    created,
    subnets: azs.map((az, i) => ({ key: az, az, cidr: `172.31.${i * 16}.0/20`, public: true })),
    igw: true,
    defaultSg: 'default',
  });
  routeTable(a, vpc, { main: true, subnets: [], routes: [{ dest: '0.0.0.0/0', igw: true }] });
  networkAcl(a, vpc, { isDefault: true, subnets: azs, entries: DEFAULT_NACL });
  return vpc;
}

function peering(a: Acct, id: string, requester: VpcOut, accepter: VpcOut, name: string, tags: Tags): void {
  const info = (v: VpcOut) => ({
    CidrBlock: v.cidr,
    CidrBlockSet: [{ CidrBlock: v.cidr }],
    OwnerId: a.id,
    PeeringOptions: {
      AllowDnsResolutionFromRemoteVpc: false,
      AllowEgressFromLocalClassicLinkToRemoteVpc: false,
      AllowEgressFromLocalVpcToRemoteClassicLink: false,
    },
    VpcId: v.id,
    Region: v.region,
  });
  const all = { Name: name, ...tags };
  a.add(
    'aws.ec2.vpc_peering_connection',
    a.ec2Arn(requester.region, 'vpc-peering-connection', id),
    requester.region,
    name,
    {
      AccepterVpcInfo: info(accepter),
      RequesterVpcInfo: info(requester),
      Status: { Code: 'active', Message: 'Active' },
      Tags: ec2Tags(all),
      VpcPeeringConnectionId: id,
    },
    { tags: all },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// EC2 compute and storage

const CPU: Record<string, [number, number]> = {
  't3.micro': [1, 2],
  't3.medium': [1, 2],
  't3.large': [1, 2],
  't3.xlarge': [2, 2],
  'm5.large': [1, 2],
  'm7g.large': [2, 1],
  'm7g.xlarge': [4, 1],
  'g5.xlarge': [2, 2],
};

interface VolumeSpec {
  device: string;
  size: number;
  encrypted: boolean;
  kmsKeyId?: string;
  type?: 'gp3' | 'gp2' | 'io2';
  snapshotId?: string;
}
interface InstanceSpec {
  name: string;
  type: string;
  arch: 'x86_64' | 'arm64';
  ami: string;
  windows?: boolean;
  vpc: VpcOut;
  subnet: string;
  hostIndex: number;
  sgs: Array<[string, string]>;
  profile?: { Arn: string; Id: string };
  imds: 'required' | 'optional';
  hopLimit?: number;
  publicIp?: string;
  state: 'running' | 'stopped';
  launched: string;
  keyName?: string;
  volumes: VolumeSpec[];
  tags: Tags;
}

function instance(a: Acct, spec: InstanceSpec): { id: string; volumes: string[] } {
  const region = spec.vpc.region;
  const sub = subnet(spec.vpc, spec.subnet);
  const id = a.ec2Id('i');
  const privateIp = host(sub.cidr, spec.hostIndex);
  const privateDns =
    region === VIRGINIA
      ? `ip-${privateIp.replaceAll('.', '-')}.ec2.internal`
      : `ip-${privateIp.replaceAll('.', '-')}.${region}.compute.internal`;
  const publicDns = spec.publicIp
    ? region === VIRGINIA
      ? `ec2-${spec.publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`
      : `ec2-${spec.publicIp.replaceAll('.', '-')}.${region}.compute.amazonaws.com`
    : '';
  const volumeIds = spec.volumes.map(() => a.ec2Id('vol'));
  const eni = a.ec2Id('eni');
  const [cores, threads] = CPU[spec.type] ?? [1, 2];
  const running = spec.state === 'running';
  const tags = { Name: spec.name, ...spec.tags };
  const rootDevice = spec.windows ? '/dev/sda1' : '/dev/xvda';
  const props: InstanceProps = {
    AmiLaunchIndex: 0,
    ImageId: spec.ami,
    InstanceId: id,
    InstanceType: spec.type as 't3.micro',
    ...(spec.keyName ? { KeyName: spec.keyName } : {}),
    LaunchTime: spec.launched,
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: sub.az, GroupName: '', Tenancy: 'default' },
    // DescribeInstances answers Platform 'windows' in lower case (the SDK's enum says 'Windows').
    ...(spec.windows ? { Platform: 'windows' as 'Windows' } : {}),
    PrivateDnsName: privateDns,
    PrivateIpAddress: privateIp,
    ProductCodes: [],
    PublicDnsName: running ? publicDns : '',
    ...(running && spec.publicIp ? { PublicIpAddress: spec.publicIp } : {}),
    State: running ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
    StateTransitionReason: running ? '' : `User initiated (${spec.launched.slice(0, 19).replace('T', ' ')} GMT)`,
    SubnetId: sub.id,
    VpcId: spec.vpc.id,
    Architecture: spec.arch,
    BlockDeviceMappings: spec.volumes.map((v, i) => ({
      DeviceName: i === 0 ? rootDevice : v.device,
      Ebs: { AttachTime: spec.launched, DeleteOnTermination: i === 0, Status: 'attached', VolumeId: volumeIds[i] },
    })),
    ClientToken: a.uuid(),
    EbsOptimized: !spec.type.startsWith('t3'),
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(spec.profile ? { IamInstanceProfile: spec.profile } : {}),
    NetworkInterfaces: [
      {
        ...(running && spec.publicIp
          ? { Association: { IpOwnerId: 'amazon', PublicDnsName: publicDns, PublicIp: spec.publicIp } }
          : {}),
        Attachment: {
          AttachTime: spec.launched,
          AttachmentId: a.ec2Id('eni-attach'),
          DeleteOnTermination: true,
          DeviceIndex: 0,
          Status: 'attached',
          NetworkCardIndex: 0,
        },
        Description: '',
        Groups: spec.sgs.map(([GroupId, GroupName]) => ({ GroupName, GroupId })),
        Ipv6Addresses: [],
        MacAddress: `06:${a.hex(2)}:${a.hex(2)}:${a.hex(2)}:${a.hex(2)}:${a.hex(2)}`,
        NetworkInterfaceId: eni,
        OwnerId: a.id,
        PrivateDnsName: privateDns,
        PrivateIpAddress: privateIp,
        PrivateIpAddresses: [{ Primary: true, PrivateDnsName: privateDns, PrivateIpAddress: privateIp }],
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: sub.id,
        VpcId: spec.vpc.id,
        InterfaceType: 'interface',
      },
    ],
    RootDeviceName: rootDevice,
    RootDeviceType: 'ebs',
    SecurityGroups: spec.sgs.map(([GroupId, GroupName]) => ({ GroupName, GroupId })),
    SourceDestCheck: true,
    Tags: ec2Tags(tags),
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: cores, ThreadsPerCore: threads },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: spec.imds,
      HttpPutResponseHopLimit: spec.hopLimit ?? (spec.imds === 'required' ? 2 : 1),
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: spec.arch === 'arm64' ? 'uefi' : 'legacy-bios',
    PlatformDetails: spec.windows ? 'Windows' : 'Linux/UNIX',
    UsageOperation: spec.windows ? 'RunInstances:0002' : 'RunInstances',
    UsageOperationUpdateTime: spec.launched,
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: spec.arch === 'arm64' ? 'uefi' : 'legacy-bios',
  };
  a.add('aws.ec2.instance', a.ec2Arn(region, 'instance', id), region, spec.name, props, { tags });
  spec.volumes.forEach((v, i) => {
    const vid = volumeIds[i]!;
    const vtags = { Name: `${spec.name}-${i === 0 ? 'root' : `data${i}`}`, ...spec.tags };
    const type = v.type ?? 'gp3';
    a.add(
      'aws.ec2.volume',
      a.ec2Arn(region, 'volume', vid),
      region,
      vtags.Name,
      {
        Attachments: [
          {
            AttachTime: spec.launched,
            Device: i === 0 ? rootDevice : v.device,
            InstanceId: id,
            State: 'attached',
            VolumeId: vid,
            DeleteOnTermination: i === 0,
          },
        ],
        AvailabilityZone: sub.az,
        CreateTime: spec.launched,
        Encrypted: v.encrypted,
        ...(v.encrypted && v.kmsKeyId ? { KmsKeyId: v.kmsKeyId } : {}),
        Size: v.size,
        SnapshotId: v.snapshotId ?? '',
        State: 'in-use',
        VolumeId: vid,
        Iops: type === 'gp3' ? 3000 : type === 'io2' ? 6000 : Math.max(100, v.size * 3),
        Tags: ec2Tags(vtags),
        VolumeType: type,
        MultiAttachEnabled: false,
        ...(type === 'gp3' ? { Throughput: 125 } : {}),
      },
      { tags: vtags },
    );
  });
  return { id, volumes: volumeIds };
}

function snapshot(
  a: Acct,
  region: string,
  s: {
    volumeId: string;
    size: number;
    encrypted: boolean;
    kmsKeyId?: string;
    description: string;
    started: string;
    permissions: Array<{ Group: 'all' } | { UserId: string }>;
    tags: Tags;
  },
): string {
  const id = a.ec2Id('snap');
  a.add(
    'aws.ec2.snapshot',
    a.ec2Arn(region, 'snapshot', id),
    region,
    s.tags.Name ?? id,
    {
      Description: s.description,
      Encrypted: s.encrypted,
      ...(s.encrypted && s.kmsKeyId ? { KmsKeyId: s.kmsKeyId } : {}),
      OwnerId: a.id,
      Progress: '100%',
      SnapshotId: id,
      StartTime: s.started,
      State: 'completed',
      VolumeId: s.volumeId,
      VolumeSize: s.size,
      Tags: ec2Tags(s.tags),
      StorageTier: 'standard',
      CreateVolumePermissions: s.permissions,
    },
    { tags: s.tags },
  );
  return id;
}

// ---------------------------------------------------------------------------------------------------------------
// KMS

const KMS_VIEW = ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'];

function awsManagedKeyPolicy(a: Acct, region: string, service: string, id: string, viaService: string): PolicyDocument {
  return {
    Version: V,
    Id: id,
    Statement: [
      {
        Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': a.id, 'kms:ViaService': `${viaService}.${region}.amazonaws.com` },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${a.id}:root` },
        Action: KMS_VIEW,
        Resource: '*',
      },
    ],
  };
}

const defaultKeyPolicy = (a: Acct): PolicyDocument => ({
  Version: V,
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${a.id}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

interface KeySpecKms {
  aliases: string[];
  manager: 'CUSTOMER' | 'AWS';
  description: string;
  created: string;
  keySpec?: 'SYMMETRIC_DEFAULT' | 'RSA_2048' | 'ECC_NIST_P256';
  usage?: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';
  /** Customer managed keys only: true / false, or the error that hid it ('{arn}' is replaced by the key ARN). */
  rotation?: boolean | { gap: string };
  state?: 'Enabled' | 'Disabled' | 'PendingDeletion';
  deletionDate?: string;
  policy?: PolicyDocument;
  tags?: Tags;
}

/** Returns the key ARN. AWS managed keys: pass the service's short name as the alias suffix (aws/ebs). */
function kmsKey(a: Acct, region: string, k: KeySpecKms): string {
  const keyId = a.uuid();
  const arn = `arn:aws:kms:${region}:${a.id}:key/${keyId}`;
  const spec = k.keySpec ?? 'SYMMETRIC_DEFAULT';
  const usage = k.usage ?? 'ENCRYPT_DECRYPT';
  const state = k.state ?? 'Enabled';
  let policy = k.policy ?? defaultKeyPolicy(a);
  if (k.manager === 'AWS') {
    const svc = (k.aliases[0] ?? 'alias/aws/ebs').replace('alias/aws/', '');
    const via = svc === 'ebs' ? 'ec2' : svc;
    policy = awsManagedKeyPolicy(a, region, svc.toUpperCase(), `auto-${svc}-2`, via);
  }
  const props: KmsKeyProps = {
    KeyMetadata: {
      AWSAccountId: a.id,
      KeyId: keyId,
      Arn: arn,
      CreationDate: k.created,
      Enabled: state === 'Enabled',
      Description: k.description,
      KeyUsage: usage,
      KeyState: state,
      ...(state === 'PendingDeletion' ? { DeletionDate: k.deletionDate, PendingDeletionWindowInDays: 30 } : {}),
      Origin: 'AWS_KMS',
      KeyManager: k.manager,
      CustomerMasterKeySpec: spec,
      KeySpec: spec,
      ...(usage === 'ENCRYPT_DECRYPT' && spec === 'SYMMETRIC_DEFAULT'
        ? { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT' as const] }
        : {}),
      ...(usage === 'ENCRYPT_DECRYPT' && spec === 'RSA_2048'
        ? { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1' as const, 'RSAES_OAEP_SHA_256' as const] }
        : {}),
      ...(usage === 'SIGN_VERIFY' && spec === 'RSA_2048'
        ? {
            SigningAlgorithms: [
              'RSASSA_PKCS1_V1_5_SHA_256' as const,
              'RSASSA_PKCS1_V1_5_SHA_384' as const,
              'RSASSA_PKCS1_V1_5_SHA_512' as const,
              'RSASSA_PSS_SHA_256' as const,
              'RSASSA_PSS_SHA_384' as const,
              'RSASSA_PSS_SHA_512' as const,
            ],
          }
        : {}),
      ...(usage === 'SIGN_VERIFY' && spec === 'ECC_NIST_P256' ? { SigningAlgorithms: ['ECDSA_SHA_256' as const] } : {}),
      MultiRegion: false,
    },
    ...(k.manager === 'CUSTOMER' && typeof k.rotation === 'boolean' ? { KeyRotationEnabled: k.rotation } : {}),
    Policy: policy,
    AliasNames: k.aliases,
  };
  const gap = typeof k.rotation === 'object' ? k.rotation.gap.replace('{arn}', arn) : undefined;
  a.add('aws.kms.key', arn, region, k.aliases[0]?.replace(/^alias\//, '') ?? keyId, props, {
    tags: k.tags ?? {},
    ...(gap ? { gaps: { KeyRotationEnabled: gap } } : {}),
  });
  return arn;
}

// ---------------------------------------------------------------------------------------------------------------
// S3

interface BucketSpec {
  name: string;
  region: string;
  created: string;
  policy: PolicyDocument | null | { gap: string };
  acl?: 'private' | 'public-read' | 'log-delivery-write';
  sse: 'AES256' | { kms: string };
  pab:
    | boolean
    | null
    | Partial<Record<'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets', boolean>>;
  versioning: 'Enabled' | 'Suspended' | null;
  mfaDelete?: boolean;
  logging?: { bucket: string; prefix: string };
  tags?: Tags;
}

function bucket(a: Acct, b: BucketSpec): void {
  const owner = { ID: a.canonicalId };
  const grants: S3BucketProps['Acl']['Grants'] = [
    { Grantee: { ID: a.canonicalId, Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
  ];
  if (b.acl === 'public-read')
    grants.push({
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
      Permission: 'READ',
    });
  if (b.acl === 'log-delivery-write') {
    grants.push({
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
      Permission: 'WRITE',
    });
    grants.push({
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
      Permission: 'READ_ACP',
    });
  }
  const pab =
    b.pab === null
      ? null
      : b.pab === true || b.pab === false
        ? { BlockPublicAcls: b.pab, IgnorePublicAcls: b.pab, BlockPublicPolicy: b.pab, RestrictPublicBuckets: b.pab }
        : {
            BlockPublicAcls: false,
            IgnorePublicAcls: false,
            BlockPublicPolicy: false,
            RestrictPublicBuckets: false,
            ...b.pab,
          };
  const gap = b.policy !== null && 'gap' in b.policy ? b.policy.gap : undefined;
  const props: S3BucketProps = {
    Name: b.name,
    CreationDate: b.created,
    BucketRegion: b.region,
    Policy: gap ? null : (b.policy as PolicyDocument | null),
    Acl: { Owner: owner, Grants: grants },
    ServerSideEncryptionConfiguration: {
      Rules: [
        b.sse === 'AES256'
          ? { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }
          : {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: b.sse.kms },
              BucketKeyEnabled: true,
            },
      ],
    },
    PublicAccessBlockConfiguration: pab,
    Versioning: b.versioning ? { Status: b.versioning, MFADelete: b.mfaDelete ? 'Enabled' : 'Disabled' } : {},
    LoggingEnabled: b.logging ? { TargetBucket: b.logging.bucket, TargetPrefix: b.logging.prefix } : null,
  };
  a.add('aws.s3.bucket', `arn:aws:s3:::${b.name}`, b.region, b.name, gap ? Acct.withGap(props, 'Policy') : props, {
    tags: b.tags ?? {},
    ...(gap ? { gaps: { Policy: gap } } : {}),
  });
}

/** The statements CloudTrail needs on its bucket (and, for an organisation trail, the organisation's prefix). */
function cloudTrailBucketPolicy(
  bucketName: string,
  trailArn: string | string[],
  account: string,
  org?: string,
): PolicyStatement[] {
  const b = `arn:aws:s3:::${bucketName}`;
  return [
    {
      Sid: 'AWSCloudTrailAclCheck',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: b,
      Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
    },
    {
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${b}/AWSLogs/${account}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
    },
    ...(org
      ? [
          {
            Sid: 'AWSCloudTrailOrganizationWrite',
            Effect: 'Allow' as const,
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `${b}/AWSLogs/${org}/*`,
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
          },
        ]
      : []),
  ];
}

const logDeliveryPolicy = (bucketName: string, sourceAccount: string): PolicyStatement => ({
  Sid: 'S3ServerAccessLogsPolicy',
  Effect: 'Allow',
  Principal: { Service: 'logging.s3.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: `arn:aws:s3:::${bucketName}/*`,
  Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } },
});

// ---------------------------------------------------------------------------------------------------------------
// CloudTrail, CloudWatch Logs metric filters, alarms, SNS

interface TrailSpec {
  name: string;
  home: string;
  bucket: string;
  multiRegion: boolean;
  org?: boolean;
  validation: boolean;
  kms?: string;
  logGroup?: string;
  cwRole?: string;
  logging: boolean;
  started: string;
  stopped?: string;
  selectors: Pick<TrailProps, 'EventSelectors' | 'AdvancedEventSelectors'>;
  tags?: Tags;
}

function trail(a: Acct, s: TrailSpec): string {
  const arn = `arn:aws:cloudtrail:${s.home}:${a.id}:trail/${s.name}`;
  const delivered = ago(0, 7);
  const props: TrailProps = {
    Name: s.name,
    S3BucketName: s.bucket,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: s.multiRegion,
    HomeRegion: s.home,
    TrailARN: arn,
    LogFileValidationEnabled: s.validation,
    ...(s.logGroup
      ? {
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${s.home}:${a.id}:log-group:${s.logGroup}:*`,
          CloudWatchLogsRoleArn: s.cwRole,
        }
      : {}),
    ...(s.kms ? { KmsKeyId: s.kms } : {}),
    HasCustomEventSelectors:
      s.selectors.AdvancedEventSelectors !== undefined ||
      (s.selectors.EventSelectors ?? []).some((e) => (e.DataResources ?? []).length > 0),
    HasInsightSelectors: false,
    IsOrganizationTrail: s.org ?? false,
    Status: s.logging
      ? {
          IsLogging: true,
          LatestDeliveryTime: delivered,
          StartLoggingTime: s.started,
          ...(s.logGroup ? { LatestCloudWatchLogsDeliveryTime: ago(0, 3) } : {}),
          ...(s.validation ? { LatestDigestDeliveryTime: ago(0, 41) } : {}),
          LatestDeliveryAttemptTime: delivered,
          LatestNotificationAttemptTime: '',
          LatestNotificationAttemptSucceeded: '',
          LatestDeliveryAttemptSucceeded: delivered,
          TimeLoggingStarted: s.started,
          TimeLoggingStopped: '',
        }
      : {
          IsLogging: false,
          LatestDeliveryTime: s.stopped,
          StartLoggingTime: s.started,
          StopLoggingTime: s.stopped,
          LatestDeliveryAttemptTime: s.stopped,
          LatestNotificationAttemptTime: '',
          LatestNotificationAttemptSucceeded: '',
          LatestDeliveryAttemptSucceeded: s.stopped,
          TimeLoggingStarted: s.started,
          TimeLoggingStopped: s.stopped,
        },
    ...s.selectors,
  };
  a.add('aws.cloudtrail.trail', arn, s.home, s.name, props, { tags: s.tags ?? {} });
  return arn;
}

/** The 15 CIS monitoring chains: metric filter name and pattern as AWS's CloudWatch documentation gives them. */
const CIS_FILTERS = {
  UnauthorizedAPICalls:
    '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && (($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket")) }',
  ConsoleSigninWithoutMFA:
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  RootAccountUsage:
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  IAMPolicyChanges:
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  CloudTrailChanges:
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  ConsoleAuthenticationFailures: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  DisableOrDeleteCMK:
    '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }',
  S3BucketPolicyChanges:
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  AWSConfigChanges:
    '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
  SecurityGroupChanges:
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
  NACLChanges:
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
  NetworkGatewayChanges:
    '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
  RouteTableChanges:
    '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }',
  VPCChanges:
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  OrganizationsChanges:
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
} as const;
type CisFilter = keyof typeof CIS_FILTERS;
const CIS_ORDER = Object.keys(CIS_FILTERS) as CisFilter[];

const kebab = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** Metric filters on the trail's log group, each (unless listed as missing) with an alarm that notifies a topic. */
function cisMonitoring(
  a: Acct,
  region: string,
  m: {
    logGroup: string;
    namespace: string;
    created: string;
    filters: readonly CisFilter[];
    withoutAlarm: readonly CisFilter[];
    topic: (f: CisFilter) => string;
  },
): void {
  for (const f of m.filters) {
    const filterName = `cis-${kebab(f)}`;
    a.add(
      'aws.logs.metric_filter',
      `arn:aws:logs:${region}:${a.id}:log-group:${m.logGroup}:metric-filter/${filterName}`,
      region,
      filterName,
      {
        filterName,
        filterPattern: CIS_FILTERS[f],
        metricTransformations: [{ metricName: f, metricNamespace: m.namespace, metricValue: '1' }],
        creationTime: ms(m.created),
        logGroupName: m.logGroup,
        applyOnTransformedLogs: false,
      },
    );
  }
  for (const f of m.filters) {
    if (m.withoutAlarm.includes(f)) continue;
    const alarmName = `cis-${kebab(f)}-alarm`;
    const arn = `arn:aws:cloudwatch:${region}:${a.id}:alarm:${alarmName}`;
    const alarming = f === 'ConsoleAuthenticationFailures' || f === 'UnauthorizedAPICalls';
    const props: MetricAlarmProps = {
      AlarmName: alarmName,
      AlarmArn: arn,
      AlarmDescription: `CIS monitoring: ${f}`,
      AlarmConfigurationUpdatedTimestamp: m.created,
      ActionsEnabled: true,
      OKActions: [],
      AlarmActions: [m.topic(f)],
      InsufficientDataActions: [],
      StateValue: alarming && a.id === PROD ? 'ALARM' : 'OK',
      StateReason:
        alarming && a.id === PROD
          ? 'Threshold Crossed: 1 datapoint [3.0 (20/11/26 02:35:00)] was greater than or equal to the threshold (1.0).'
          : 'Threshold Crossed: 1 datapoint [0.0 (20/11/26 02:35:00)] was not greater than or equal to the threshold (1.0).',
      StateUpdatedTimestamp: ago(0, 25),
      MetricName: f,
      Namespace: m.namespace,
      Statistic: 'Sum',
      Dimensions: [],
      Period: 300,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      StateTransitionedTimestamp: ago(0, 25),
    };
    a.add('aws.cloudwatch.alarm', arn, region, alarmName, props);
  }
}

function snsTopic(
  a: Acct,
  region: string,
  t: {
    name: string;
    displayName: string;
    subscriptions: Array<{ protocol: 'email' | 'https' | 'lambda'; endpoint: string; pending?: boolean }>;
    policy?: (arn: string) => PolicyDocument;
    kms?: string;
    tags?: Tags;
  },
): string {
  const arn = `arn:aws:sns:${region}:${a.id}:${t.name}`;
  const policy: PolicyDocument = t.policy
    ? t.policy(arn)
    : {
        Version: '2008-10-17',
        Id: '__default_policy_ID',
        Statement: [
          {
            Sid: '__default_statement_ID',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: [
              'SNS:GetTopicAttributes',
              'SNS:SetTopicAttributes',
              'SNS:AddPermission',
              'SNS:RemovePermission',
              'SNS:DeleteTopic',
              'SNS:Subscribe',
              'SNS:ListSubscriptionsByTopic',
              'SNS:Publish',
            ],
            Resource: arn,
            Condition: { StringEquals: { 'AWS:SourceOwner': a.id } },
          },
        ],
      };
  const confirmed = t.subscriptions.filter((s) => !s.pending).length;
  const pending = t.subscriptions.length - confirmed;
  a.add(
    'aws.sns.topic',
    arn,
    region,
    t.name,
    {
      TopicArn: arn,
      Attributes: {
        Policy: JSON.stringify(policy),
        Owner: a.id,
        SubscriptionsPending: String(pending),
        ...(t.kms ? { KmsMasterKeyId: t.kms } : {}),
        TopicArn: arn,
        EffectiveDeliveryPolicy:
          '{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}',
        SubscriptionsConfirmed: String(confirmed),
        DisplayName: t.displayName,
        SubscriptionsDeleted: '0',
      },
      Policy: policy,
      Subscriptions: t.subscriptions.map((s) => ({
        SubscriptionArn: s.pending ? 'PendingConfirmation' : `${arn}:${a.uuid()}`,
        Owner: a.id,
        Protocol: s.protocol,
        Endpoint: s.endpoint,
        TopicArn: arn,
      })),
    },
    { tags: t.tags ?? {} },
  );
  return arn;
}

// ---------------------------------------------------------------------------------------------------------------
// RDS, EFS, ELBv2, Budgets, Organizations

interface DbSpec {
  id: string;
  cls: string;
  engine: 'mysql' | 'postgres' | 'aurora-postgresql';
  version: string;
  cluster?: string;
  writer?: boolean;
  vpc: VpcOut;
  subnets: string[];
  az: string;
  sg: string;
  created: string;
  encrypted: boolean;
  kms?: string;
  public: boolean;
  multiAz: boolean;
  autoMinor: boolean;
  storage: number;
  backupDays: number;
  deletionProtection: boolean;
  monitoringRole?: string;
  iamAuth?: boolean;
  tags: Tags;
}

function dbInstance(a: Acct, d: DbSpec): void {
  const region = d.vpc.region;
  const arn = `arn:aws:rds:${region}:${a.id}:db:${d.id}`;
  const port = d.engine === 'mysql' ? 3306 : 5432;
  const aurora = d.engine.startsWith('aurora');
  const family = d.engine === 'mysql' ? 'mysql8.0' : d.engine === 'postgres' ? 'postgres16' : 'aurora-postgresql16';
  const subnetGroup = aurora || d.engine !== 'mysql' ? `${d.cluster ?? d.id}-subnets` : `${d.id}-subnets`;
  a.add(
    'aws.rds.db_instance',
    arn,
    region,
    d.id,
    {
      DBInstanceIdentifier: d.id,
      DBInstanceClass: d.cls,
      Engine: d.engine,
      DBInstanceStatus: 'available',
      MasterUsername: 'kitsune_admin',
      Endpoint: {
        Address: `${d.id}.c${a.lower(11)}.${region}.rds.amazonaws.com`,
        Port: port,
        HostedZoneId: 'Z24O6O9L7SGTNB',
      },
      AllocatedStorage: aurora ? 1 : d.storage,
      InstanceCreateTime: d.created,
      PreferredBackupWindow: '17:00-17:30',
      BackupRetentionPeriod: d.backupDays,
      DBSecurityGroups: [],
      VpcSecurityGroups: [{ VpcSecurityGroupId: d.sg, Status: 'active' }],
      DBParameterGroups: [{ DBParameterGroupName: `default.${family}`, ParameterApplyStatus: 'in-sync' }],
      AvailabilityZone: `${region}${d.az}`,
      DBSubnetGroup: {
        DBSubnetGroupName: subnetGroup,
        DBSubnetGroupDescription: `Subnets for ${d.cluster ?? d.id}`,
        VpcId: d.vpc.id,
        SubnetGroupStatus: 'Complete',
        Subnets: d.subnets.map((k) => {
          const s = subnet(d.vpc, k);
          return {
            SubnetIdentifier: s.id,
            SubnetAvailabilityZone: { Name: s.az },
            SubnetOutpost: {},
            SubnetStatus: 'Active',
          };
        }),
      },
      PreferredMaintenanceWindow: 'sun:18:00-sun:18:30',
      PendingModifiedValues: {},
      LatestRestorableTime: ago(0, 5),
      MultiAZ: d.multiAz,
      EngineVersion: d.version,
      AutoMinorVersionUpgrade: d.autoMinor,
      ReadReplicaDBInstanceIdentifiers: [],
      LicenseModel: d.engine === 'mysql' ? 'general-public-license' : 'postgresql-license',
      OptionGroupMemberships: [
        {
          OptionGroupName: `default:${d.engine}-${d.version.split('.')[0]}${d.engine === 'mysql' ? '-0' : ''}`,
          Status: 'in-sync',
        },
      ],
      PubliclyAccessible: d.public,
      StorageType: aurora ? 'aurora' : 'gp3',
      DbInstancePort: 0,
      ...(d.cluster ? { DBClusterIdentifier: d.cluster } : {}),
      StorageEncrypted: d.encrypted,
      ...(d.encrypted && d.kms ? { KmsKeyId: d.kms } : {}),
      DbiResourceId: `db-${a.b32(26)}`,
      CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      DomainMemberships: [],
      CopyTagsToSnapshot: true,
      MonitoringInterval: d.monitoringRole ? 60 : 0,
      ...(d.monitoringRole
        ? {
            EnhancedMonitoringResourceArn: `arn:aws:logs:${region}:${a.id}:log-group:RDSOSMetrics:log-stream:db-${a.b32(26)}`,
            MonitoringRoleArn: d.monitoringRole,
          }
        : {}),
      ...(d.cluster ? { PromotionTier: d.writer ? 0 : 1 } : {}),
      DBInstanceArn: arn,
      IAMDatabaseAuthenticationEnabled: d.iamAuth ?? false,
      PerformanceInsightsEnabled: aurora,
      DeletionProtection: d.deletionProtection,
      AssociatedRoles: [],
      TagList: ec2Tags(d.tags),
      CustomerOwnedIpEnabled: false,
      BackupTarget: 'region',
      NetworkType: 'IPV4',
      CertificateDetails: { CAIdentifier: 'rds-ca-rsa2048-g1', ValidTill: t('2027-05-14 07:33:10') },
      DedicatedLogVolume: false,
      IsStorageConfigUpgradeAvailable: false,
      EngineLifecycleSupport: 'open-source-rds-extended-support',
    },
    { tags: d.tags },
  );
}

function efs(
  a: Acct,
  region: string,
  f: {
    name: string;
    created: string;
    encrypted: boolean;
    kms?: string;
    mounts: number;
    bytes: number;
    /** Automatic backups (efs:DescribeBackupPolicy); false: never turned on. */
    backup: boolean;
    tags: Tags;
  },
): void {
  const id = `fs-0${a.hex(16)}`;
  const arn = `arn:aws:elasticfilesystem:${region}:${a.id}:file-system/${id}`;
  const tags = { Name: f.name, ...f.tags };
  a.add(
    'aws.efs.file_system',
    arn,
    region,
    f.name,
    {
      OwnerId: a.id,
      CreationToken: `console-${a.uuid()}`,
      FileSystemId: id,
      FileSystemArn: arn,
      CreationTime: f.created,
      LifeCycleState: 'available',
      Name: f.name,
      NumberOfMountTargets: f.mounts,
      SizeInBytes: { Value: f.bytes, ValueInIA: 0, ValueInStandard: f.bytes, ValueInArchive: 0 },
      PerformanceMode: 'generalPurpose',
      Encrypted: f.encrypted,
      ...(f.encrypted && f.kms ? { KmsKeyId: f.kms } : {}),
      ThroughputMode: 'elastic',
      Tags: ec2Tags(tags),
      FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
      BackupPolicy: f.backup ? { Status: 'ENABLED' } : null,
    },
    { tags },
  );
}

const ALB_ZONE: Record<string, string> = {
  [TOKYO]: 'Z14GRHDCWA56QT',
  [VIRGINIA]: 'Z35SXDOTRQ7X7K',
  [OSAKA]: 'Z5LXEXXYW11ES',
};

function loadBalancer(
  a: Acct,
  vpc: VpcOut,
  lb: {
    name: string;
    scheme: 'internet-facing' | 'internal';
    subnets: string[];
    sgs: string[];
    created: string;
    logs: { bucket: string; prefix: string } | null;
    dropInvalidHeaders: boolean;
    deletionProtection: boolean;
    /** `name/id` of the AWS WAF web ACL associated with it (wafv2:GetWebACLForResource), or null. */
    webAcl: string | null;
    tags: Tags;
    /** Its listeners (elbv2:DescribeListeners), in port order. */
    listeners?: ListenerSpec[];
  },
): void {
  const region = vpc.region;
  const suffix = a.hex(16);
  const arn = `arn:aws:elasticloadbalancing:${region}:${a.id}:loadbalancer/app/${lb.name}/${suffix}`;
  const pending = pendingListeners.get(a) ?? [];
  pending.push({ region, balancer: lb.name, arn, suffix, listeners: lb.listeners ?? [] });
  pendingListeners.set(a, pending);
  const dns = `${lb.scheme === 'internal' ? 'internal-' : ''}${lb.name}-${a.int(100_000_000, 2_099_999_999)}.${region}.elb.amazonaws.com`;
  a.add(
    'aws.elbv2.load_balancer',
    arn,
    region,
    lb.name,
    {
      LoadBalancerArn: arn,
      DNSName: dns,
      CanonicalHostedZoneId: ALB_ZONE[region],
      CreatedTime: lb.created,
      LoadBalancerName: lb.name,
      Scheme: lb.scheme,
      VpcId: vpc.id,
      State: { Code: 'active' },
      Type: 'application',
      AvailabilityZones: lb.subnets.map((k) => {
        const s = subnet(vpc, k);
        return { ZoneName: s.az, SubnetId: s.id, LoadBalancerAddresses: [] };
      }),
      SecurityGroups: lb.sgs,
      IpAddressType: 'ipv4',
      EnablePrefixForIpv6SourceNat: 'off',
      Attributes: [
        { Key: 'access_logs.s3.enabled', Value: String(lb.logs !== null) },
        { Key: 'access_logs.s3.bucket', Value: lb.logs?.bucket ?? '' },
        { Key: 'access_logs.s3.prefix', Value: lb.logs?.prefix ?? '' },
        { Key: 'connection_logs.s3.enabled', Value: 'false' },
        { Key: 'connection_logs.s3.bucket', Value: '' },
        { Key: 'connection_logs.s3.prefix', Value: '' },
        { Key: 'deletion_protection.enabled', Value: String(lb.deletionProtection) },
        { Key: 'idle_timeout.timeout_seconds', Value: '60' },
        { Key: 'routing.http.desync_mitigation_mode', Value: 'defensive' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: String(lb.dropInvalidHeaders) },
        { Key: 'routing.http.preserve_host_header.enabled', Value: 'false' },
        { Key: 'routing.http.x_amzn_tls_version_and_cipher_suite.enabled', Value: 'false' },
        { Key: 'routing.http.xff_client_port.enabled', Value: 'false' },
        { Key: 'routing.http.xff_header_processing.mode', Value: 'append' },
        { Key: 'routing.http2.enabled', Value: 'true' },
        { Key: 'waf.fail_open.enabled', Value: 'false' },
        { Key: 'zonal_shift.config.enabled', Value: 'false' },
      ],
      WebACLArn: lb.webAcl ? `arn:aws:wafv2:${region}:${a.id}:regional/webacl/${lb.webAcl}` : null,
    },
    { tags: lb.tags },
  );
}

interface ListenerSpec {
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  /** HTTPS: the security policy (the listener's ACM certificate gets an id of its own). */
  tls?: { policy: string };
  /** Default action: forward to a target group of that name, or redirect to HTTPS. */
  action: { forward: string } | 'redirect-https';
}

/** Listeners wait until every older resource is built: their ids come from Extra, seeded by their names. */
const pendingListeners = new WeakMap<
  Acct,
  Array<{
    region: string;
    balancer: string;
    arn: string;
    suffix: string;
    listeners: ListenerSpec[];
  }>
>();

function buildListeners(a: Acct): void {
  for (const p of pendingListeners.get(a) ?? []) {
    for (const l of p.listeners) {
      const x = new Extra(`${a.id}:${p.region}:listener:${p.balancer}:${l.port}`);
      const listenerArn = `arn:aws:elasticloadbalancing:${p.region}:${a.id}:listener/app/${p.balancer}/${p.suffix}/${x.hex(16)}`;
      const action =
        l.action === 'redirect-https'
          ? {
              Type: 'redirect' as const,
              Order: 1,
              RedirectConfig: {
                Protocol: 'HTTPS',
                Port: '443',
                Host: '#{host}',
                Path: '/#{path}',
                Query: '#{query}',
                StatusCode: 'HTTP_301' as const,
              },
            }
          : (() => {
              const tg = `arn:aws:elasticloadbalancing:${p.region}:${a.id}:targetgroup/${l.action.forward}/${x.hex(16)}`;
              return {
                Type: 'forward' as const,
                TargetGroupArn: tg,
                Order: 1,
                ForwardConfig: {
                  TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }],
                  TargetGroupStickinessConfig: { Enabled: false },
                },
              };
            })();
      a.add('aws.elbv2.listener', listenerArn, p.region, `${p.balancer} ${l.protocol}:${l.port}`, {
        ListenerArn: listenerArn,
        LoadBalancerArn: p.arn,
        Port: l.port,
        Protocol: l.protocol,
        ...(l.tls
          ? {
              Certificates: [{ CertificateArn: `arn:aws:acm:${p.region}:${a.id}:certificate/${x.uuid()}` }],
              SslPolicy: l.tls.policy,
            }
          : {}),
        DefaultActions: [action],
        ...(l.tls ? { MutualAuthentication: { Mode: 'off' } } : {}),
      });
    }
  }
}

function budget(
  a: Acct,
  b: {
    name: string;
    amount: string;
    timeUnit: 'MONTHLY' | 'ANNUALLY';
    actual: string;
    forecast: string;
    start: string;
    updated: string;
  },
): void {
  a.add('aws.budgets.budget', `arn:aws:budgets::${a.id}:budget/${b.name}`, 'global', b.name, {
    BudgetName: b.name,
    BudgetLimit: { Amount: b.amount, Unit: 'USD' },
    CostFilters: {},
    CostTypes: {
      IncludeTax: true,
      IncludeSubscription: true,
      UseBlended: false,
      IncludeRefund: false,
      IncludeCredit: false,
      IncludeUpfront: true,
      IncludeRecurring: true,
      IncludeOtherSubscription: true,
      IncludeSupport: true,
      IncludeDiscount: true,
      UseAmortized: false,
    },
    TimeUnit: b.timeUnit,
    TimePeriod: { Start: b.start, End: t('2087-06-15 00:00:00') },
    CalculatedSpend: {
      ActualSpend: { Amount: b.actual, Unit: 'USD' },
      ForecastedSpend: { Amount: b.forecast, Unit: 'USD' },
    },
    BudgetType: 'COST',
    LastUpdatedTime: b.updated,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The organisation

const samlProvider = (a: Acct, created: string) => {
  const name = `AWSSSO_${a.hex(16)}_DO_NOT_DELETE`;
  return {
    name,
    entry: {
      Arn: `arn:aws:iam::${a.id}:saml-provider/${name}`,
      ValidUntil: t('2125-01-10 04:20:13'),
      CreateDate: created,
    },
  };
};
const trailLogsRole = (name: string, created: string, logGroup: string, region: string, acct: string): RoleSpec => ({
  name,
  path: '/service-role/',
  created,
  trust: trustService('cloudtrail.amazonaws.com'),
  attached: [],
  inline: [
    {
      PolicyName: 'cloudtrail-to-cloudwatch-logs',
      PolicyDocument: doc(
        allow(
          ['logs:CreateLogStream', 'logs:PutLogEvents'],
          `arn:aws:logs:${region}:${acct}:log-group:${logGroup}:log-stream:*`,
          {
            Sid: 'AWSCloudTrailCreateLogStreamAndPutLogEvents',
          },
        ),
      ),
    },
  ],
  lastUsed: { date: ago(0, 3), region },
});
const ACCESS_DENIED_BY = (acct: string) =>
  `User: arn:aws:sts::${acct}:assumed-role/${SCANNER}/mamori-scan is not authorized to perform:`;

function management(): Acct {
  const a = new Acct({
    id: MGMT,
    alias: 'kitsune-management',
    label: 'management',
    email: 'aws-root+management@kitsune-shoji.co.jp',
    regions: [TOKYO, VIRGINIA],
    collectedAt: '2026-11-20T02:41:07Z',
  });
  const since = t('2023-02-01 02:00:00');
  const tags = { CostCenter: 'CC-1000', 担当部署: '情報システム部' };

  // KMS
  const trailName = 'kitsune-org-trail';
  const trailArn = `arn:aws:cloudtrail:${TOKYO}:${MGMT}:trail/${trailName}`;
  const trailKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-org-cloudtrail'],
    manager: 'CUSTOMER',
    description: 'Organisation CloudTrail log encryption',
    created: t('2023-02-01 02:20:41'),
    rotation: true,
    policy: {
      Version: V,
      Id: 'key-cloudtrail-org',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${MGMT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'Allow CloudTrail to encrypt logs',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:GenerateDataKey*',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceArn': trailArn },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${MGMT}:trail/*` },
          },
        },
        {
          Sid: 'Allow CloudTrail to describe key',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:DescribeKey',
          Resource: '*',
        },
        {
          Sid: 'Allow log readers in the organisation to decrypt',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:PrincipalOrgID': ORG_ID },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${MGMT}:trail/*` },
          },
        },
      ],
    },
    tags,
  });
  const exportsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-security-exports'],
    manager: 'CUSTOMER',
    description: 'GuardDuty / Security Hub findings export',
    created: t('2023-03-14 07:12:09'),
    rotation: true,
    tags,
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/s3'],
    manager: 'AWS',
    description: 'Default key that protects my S3 objects when no other key is defined',
    created: t('2023-02-01 02:44:10'),
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/sns'],
    manager: 'AWS',
    description: 'Default key that protects my SNS data when no other key is defined',
    created: t('2023-02-02 01:03:55'),
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/ebs'],
    manager: 'AWS',
    description: 'Default key that protects my EBS volumes when no other key is defined',
    created: t('2023-02-01 03:10:27'),
  });

  // IAM
  const saml = samlProvider(a, t('2023-01-25 04:11:20'));
  const logGroup = 'aws-cloudtrail-logs-kitsune-org';
  const iamSpec: IamSpec = {
    users: [
      {
        name: 'breakglass-admin',
        created: t('2019-04-02 10:15:00'),
        tags: { 用途: '緊急時アクセス', Owner: 'security-team' },
        console: {
          created: t('2019-04-02 10:16:12'),
          lastUsed: t('2026-02-10 23:02:41'),
          changed: t('2025-12-01 09:00:00'),
        },
        mfa: { kind: 'hardware', enabled: t('2019-04-02 10:20:31') },
        groups: ['Administrators'],
      },
      {
        name: 'billing-ops',
        created: t('2021-06-14 02:30:00'),
        tags: { 担当部署: '経理部' },
        console: { created: t('2021-06-14 02:30:00'), lastUsed: ago(8, 310), changed: t('2026-05-11 00:41:20') },
        mfa: { kind: 'virtual', enabled: t('2021-06-14 02:41:19') },
        groups: ['Billing'],
      },
      {
        name: 'terraform-org-ci',
        created: t('2023-01-20 05:00:00'),
        tags: { 用途: 'Organizations の IaC デプロイ' },
        keys: [
          {
            active: true,
            created: t('2026-08-30 05:11:09'),
            lastUsed: { date: ago(1, 130), service: 'organizations', region: VIRGINIA },
          },
        ],
        groups: ['Automation'],
      },
      {
        name: 'y.suzuki',
        created: t('2022-10-03 01:00:00'),
        tags: { 担当部署: 'セキュリティ推進室' },
        console: { created: t('2022-10-03 01:00:00'), lastUsed: ago(3, 45), changed: t('2026-08-19 08:14:02') },
        mfa: { kind: 'virtual', enabled: t('2022-10-03 01:12:45') },
        groups: ['Auditors'],
      },
    ],
    groups: [
      { name: 'Administrators', created: t('2019-04-02 10:10:00'), attached: ['AdministratorAccess'] },
      { name: 'Billing', created: t('2021-06-14 02:25:00'), attached: ['Billing'] },
      { name: 'Automation', created: t('2023-01-20 04:58:00'), attached: ['OrgTerraformDeploy'] },
      { name: 'Auditors', created: t('2022-10-03 00:55:00'), attached: ['SecurityAudit', 'ReadOnlyAccess'] },
    ],
    roles: [
      serviceLinkedRole('AWSServiceRoleForOrganizations', t('2019-04-05 03:00:00'), {
        date: ago(0, 600),
        region: VIRGINIA,
      }),
      serviceLinkedRole('AWSServiceRoleForSupport', t('2019-04-01 09:12:40')),
      serviceLinkedRole('AWSServiceRoleForTrustedAdvisor', t('2019-04-01 09:12:41')),
      serviceLinkedRole('AWSServiceRoleForSSO', t('2023-01-25 04:10:02'), { date: ago(2), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForConfig', since, { date: ago(0, 30), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAmazonGuardDuty', since, { date: ago(0, 12), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForSecurityHub', since, { date: ago(0, 20), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAccessAnalyzer', since, { date: ago(0, 50), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAmazonMacie', since, { date: ago(1), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForCloudTrail', t('2023-02-01 02:31:00'), { date: ago(0, 15), region: TOKYO }),
      ssoRole(a, 'AdministratorAccess', saml.name, ['AdministratorAccess'], t('2023-01-25 04:30:00'), ago(1, 400)),
      ssoRole(a, 'ReadOnlyAccess', saml.name, ['ReadOnlyAccess'], t('2023-01-25 04:30:10'), ago(4)),
      ssoRole(a, 'Billing', saml.name, ['Billing'], t('2023-01-25 04:30:20'), ago(9)),
      trailLogsRole('kitsune-org-trail-cloudwatch-logs', t('2023-02-01 02:25:00'), logGroup, TOKYO, MGMT),
      {
        name: 'mamori-scanner',
        created: t('2026-04-01 01:00:00'),
        trust: trustService('ecs-tasks.amazonaws.com'),
        description: 'Task role of the nightly mamori posture scan',
        attached: ['SecurityAudit'],
        inline: [
          {
            PolicyName: 'assume-member-scan-roles',
            PolicyDocument: doc(allow('sts:AssumeRole', `arn:aws:iam::*:role/${SCANNER}`)),
          },
        ],
        lastUsed: { date: ago(0, 20), region: TOKYO },
      },
      scannerRole(t('2026-04-01 01:05:00'), ago(0, 19)),
    ],
    policies: [
      {
        name: 'OrgTerraformDeploy',
        created: t('2023-01-20 04:55:00'),
        updated: t('2025-09-02 06:31:10'),
        version: 'v4',
        doc: doc(
          allow(
            [
              'organizations:Describe*',
              'organizations:List*',
              'organizations:AttachPolicy',
              'organizations:DetachPolicy',
              'organizations:CreatePolicy',
              'organizations:UpdatePolicy',
              'organizations:TagResource',
            ],
            '*',
            { Sid: 'ManageScps' },
          ),
          allow(
            ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
            ['arn:aws:s3:::kitsune-org-tfstate-210987654321', 'arn:aws:s3:::kitsune-org-tfstate-210987654321/*'],
            { Sid: 'TerraformState' },
          ),
        ),
      },
      {
        name: 'BillingReportsRead',
        created: t('2021-06-14 02:28:00'),
        updated: t('2021-06-14 02:28:00'),
        version: 'v1',
        doc: doc(
          allow(
            ['s3:GetObject', 's3:ListBucket'],
            [
              'arn:aws:s3:::kitsune-org-cur-reports-210987654321',
              'arn:aws:s3:::kitsune-org-cur-reports-210987654321/*',
            ],
          ),
        ),
      },
    ],
    serverCertificates: [],
    passwordPolicy: null,
  };
  const iam = buildIam(a, iamSpec);
  buildAccount(
    a,
    iam,
    iamSpec,
    { created: t('2019-04-01 09:12:33'), passwordLastUsed: t('2026-03-02 01:44:10'), mfa: 'hardware' },
    {
      contacts: {
        SECURITY: contact('SECURITY', 'Security Promotion Office', 'CSIRT', 'security@kitsune-shoji.co.jp'),
        BILLING: contact('BILLING', 'Accounting Department', 'Manager', 'aws-billing@kitsune-shoji.co.jp'),
        OPERATIONS: contact('OPERATIONS', 'IT Infrastructure Team', 'Team Lead', 'it-infra@kitsune-shoji.co.jp'),
      },
      saml: [saml.entry],
      oidc: [],
      publicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
      tags: { Environment: 'management', 環境: '管理' },
    },
  );

  // Organizations
  const orgArn = (kind: string, id: string) => `arn:aws:organizations::${MGMT}:${kind}/${ORG_ID}/${id}`;
  const rootT = { TargetId: ROOT_ID, Arn: orgArn('root', ROOT_ID), Name: 'Root', Type: 'ROOT' as const };
  const ouProdT = {
    TargetId: OU_PROD,
    Arn: orgArn('ou', OU_PROD),
    Name: 'Production',
    Type: 'ORGANIZATIONAL_UNIT' as const,
  };
  const ouSandboxT = {
    TargetId: OU_SANDBOX,
    Arn: orgArn('ou', OU_SANDBOX),
    Name: 'Sandbox',
    Type: 'ORGANIZATIONAL_UNIT' as const,
  };
  const acctT = (id: string, name: string) => ({
    TargetId: id,
    Arn: orgArn('account', id),
    Name: name,
    Type: 'ACCOUNT' as const,
  });
  type Target = { TargetId: string; Arn: string; Name: string; Type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' };
  const scp = (id: string, name: string, description: string, targets: Target[]) => ({
    Id: id,
    Arn: `arn:aws:organizations::${MGMT}:policy/${ORG_ID}/service_control_policy/${id}`,
    Name: name,
    Description: description,
    Type: 'SERVICE_CONTROL_POLICY' as const,
    AwsManaged: false,
    Targets: targets,
  });
  a.add(
    'aws.organizations.organization',
    ORGANIZATION.Arn,
    'global',
    ORG_ID,
    {
      Organization: ORGANIZATION,
      Roots: [
        {
          Id: ROOT_ID,
          Arn: rootT.Arn,
          Name: 'Root',
          PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
        },
      ],
      Policies: [
        {
          Id: 'p-FullAWSAccess',
          Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
          Name: 'FullAWSAccess',
          Description: 'Allows access to every operation',
          Type: 'SERVICE_CONTROL_POLICY',
          AwsManaged: true,
          Targets: [
            rootT,
            ouProdT,
            ouSandboxT,
            acctT(MGMT, 'kitsune-management'),
            acctT(PROD, 'kitsune-production'),
            acctT(DEV, 'kitsune-development'),
          ],
        },
        scp('p-4k2x9d7m', 'DenyLeaveOrganization', 'Member accounts cannot leave the organisation', [rootT]),
        scp('p-8s3q1v6z', 'ProtectSecurityBaseline', 'Deny stopping CloudTrail, Config, GuardDuty and Security Hub', [
          ouProdT,
        ]),
        scp(
          'p-2r7n5c0w',
          'RestrictOsakaRegionServices',
          'ap-northeast-3 is for DR only: deny services not used there',
          [acctT(PROD, 'kitsune-production')],
        ),
      ],
      DelegatedAdministrators: [],
      EnabledFeatures: ['RootCredentialsManagement'],
    },
    { tags: { 会社: 'キツネ商事株式会社' } },
  );

  // organizations:ListAccounts, for the account inventory (棚卸). The old sandbox was closed and waits out its
  // 90-day suspension; it is in no account registry.
  const orgAccount = (
    id: string,
    name: string,
    email: string,
    joined: string,
    method: 'CREATED' | 'INVITED',
    state: 'ACTIVE' | 'SUSPENDED',
  ) =>
    a.add(
      'aws.organizations.account',
      `arn:aws:organizations::${MGMT}:account/${ORG_ID}/${id}`,
      'global',
      name,
      {
        Id: id,
        Arn: `arn:aws:organizations::${MGMT}:account/${ORG_ID}/${id}`,
        Email: email,
        Name: name,
        Status: state,
        State: state,
        JoinedMethod: method,
        JoinedTimestamp: joined,
      },
      { tags: {} },
    );
  orgAccount(
    MGMT,
    'kitsune-management',
    'aws-root+management@kitsune-shoji.co.jp',
    '2019-04-01T01:12:44.000Z',
    'CREATED',
    'ACTIVE',
  );
  orgAccount(
    PROD,
    'kitsune-production',
    'aws-root+production@kitsune-shoji.co.jp',
    '2019-04-03T05:30:10.000Z',
    'CREATED',
    'ACTIVE',
  );
  orgAccount(
    DEV,
    'kitsune-development',
    'aws-root+development@kitsune-shoji.co.jp',
    '2020-07-15T08:02:51.000Z',
    'INVITED',
    'ACTIVE',
  );
  orgAccount(
    '567890123456',
    'kitsune-sandbox-2019',
    'tanaka.k@kitsune-shoji.co.jp',
    '2019-09-20T04:45:00.000Z',
    'CREATED',
    'SUSPENDED',
  );

  // Regions
  const configBucket = `kitsune-org-config-${MGMT}`;
  buildRegion(a, TOKYO, {
    ebsDefault: true,
    config: 'recording',
    configBucket,
    analyzer: 'ORGANIZATION',
    securityHub: true,
    standards: ['fsbp', 'cis3'],
    guardDuty: 'ENABLED',
    macie: 'ENABLED',
    since,
  });
  buildRegion(a, VIRGINIA, {
    ebsDefault: true,
    config: 'recording',
    configBucket,
    analyzer: 'ACCOUNT',
    securityHub: true,
    standards: ['fsbp'],
    guardDuty: 'ENABLED',
    macie: null,
    since,
  });

  // S3
  const logs = `kitsune-org-s3-access-logs-${MGMT}`;
  const trailBucket = `kitsune-org-cloudtrail-${MGMT}`;
  bucket(a, {
    name: trailBucket,
    region: TOKYO,
    created: t('2023-02-01 02:18:00'),
    policy: doc(...cloudTrailBucketPolicy(trailBucket, trailArn, MGMT, ORG_ID), denyInsecureTransport(trailBucket)),
    sse: { kms: trailKey },
    pab: true,
    versioning: 'Enabled',
    mfaDelete: true,
    logging: { bucket: logs, prefix: `${trailBucket}/` },
    tags: { ...tags, データ分類: '監査ログ' },
  });
  bucket(a, {
    name: logs,
    region: TOKYO,
    created: t('2023-02-01 02:10:00'),
    policy: doc(logDeliveryPolicy(logs, MGMT), denyInsecureTransport(logs)),
    sse: 'AES256',
    pab: true,
    versioning: 'Enabled',
    tags,
  });
  bucket(a, {
    name: configBucket,
    region: TOKYO,
    created: t('2023-02-01 02:12:00'),
    policy: doc(
      {
        Sid: 'AWSConfigBucketPermissionsCheck',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: `arn:aws:s3:::${configBucket}`,
        Condition: { StringEquals: { 'aws:SourceOrgID': ORG_ID } },
      },
      {
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${configBucket}/AWSLogs/*/Config/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceOrgID': ORG_ID } },
      },
      denyInsecureTransport(configBucket),
    ),
    sse: 'AES256',
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: `${configBucket}/` },
    tags,
  });
  bucket(a, {
    name: `kitsune-org-cur-reports-${MGMT}`,
    region: VIRGINIA,
    created: t('2021-06-15 01:00:00'),
    policy: doc({
      Sid: 'AllowBillingReportsDelivery',
      Effect: 'Allow',
      Principal: { Service: 'billingreports.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:GetBucketPolicy', 's3:PutObject'],
      Resource: [`arn:aws:s3:::kitsune-org-cur-reports-${MGMT}`, `arn:aws:s3:::kitsune-org-cur-reports-${MGMT}/*`],
      Condition: {
        StringEquals: { 'aws:SourceAccount': MGMT, 'aws:SourceArn': `arn:aws:cur:us-east-1:${MGMT}:definition/*` },
      },
    }),
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: { ...tags, 用途: 'コストと使用状況レポート' },
  });
  bucket(a, {
    name: `kitsune-org-security-exports-${MGMT}`,
    region: TOKYO,
    created: t('2023-03-14 07:20:00'),
    policy: doc(
      {
        Sid: 'AllowGuardDutyExport',
        Effect: 'Allow',
        Principal: { Service: 'guardduty.amazonaws.com' },
        Action: ['s3:PutObject', 's3:GetBucketLocation'],
        Resource: [
          `arn:aws:s3:::kitsune-org-security-exports-${MGMT}`,
          `arn:aws:s3:::kitsune-org-security-exports-${MGMT}/*`,
        ],
        Condition: { StringEquals: { 'aws:SourceAccount': MGMT } },
      },
      denyInsecureTransport(`kitsune-org-security-exports-${MGMT}`),
    ),
    sse: { kms: exportsKey },
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: `kitsune-org-security-exports-${MGMT}/` },
    tags,
  });
  bucket(a, {
    name: `cf-templates-${a.lower(12)}-${TOKYO}`,
    region: TOKYO,
    created: t('2021-02-08 06:41:33'),
    policy: null,
    sse: 'AES256',
    pab: null,
    versioning: null,
  });

  // CloudTrail and monitoring
  trail(a, {
    name: trailName,
    home: TOKYO,
    bucket: trailBucket,
    multiRegion: true,
    org: true,
    validation: true,
    kms: trailKey,
    logGroup,
    cwRole: `arn:aws:iam::${MGMT}:role/service-role/kitsune-org-trail-cloudwatch-logs`,
    logging: true,
    started: t('2023-02-01 02:31:08'),
    selectors: {
      EventSelectors: [
        { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
      ],
    },
    tags,
  });
  const alerts = snsTopic(a, TOKYO, {
    name: 'org-security-alerts',
    displayName: 'SecAlert',
    subscriptions: [
      { protocol: 'email', endpoint: 'security@kitsune-shoji.co.jp' },
      { protocol: 'email', endpoint: 'csirt-oncall@kitsune-shoji.co.jp' },
    ],
    kms: 'alias/aws/sns',
    tags,
  });
  cisMonitoring(a, TOKYO, {
    logGroup,
    namespace: 'CISBenchmark',
    created: t('2023-02-03 05:00:00'),
    filters: CIS_ORDER.filter((f) => f !== 'NACLChanges' && f !== 'RouteTableChanges'),
    withoutAlarm: ['ConsoleAuthenticationFailures'],
    topic: () => alerts,
  });

  // Default VPCs only: the management account runs no workloads.
  defaultVpc(a, TOKYO, t('2019-04-01 09:12:33'));
  defaultVpc(a, VIRGINIA, t('2019-04-01 09:12:33'));

  budget(a, {
    name: 'kitsune-org-monthly-total',
    amount: '8000.0',
    timeUnit: 'MONTHLY',
    actual: '6231.84',
    forecast: '7402.1',
    start: t('2023-04-01 00:00:00'),
    updated: t('2025-04-01 02:11:40'),
  });
  budget(a, {
    name: 'kitsune-org-annual',
    amount: '90000.0',
    timeUnit: 'ANNUALLY',
    actual: '78410.27',
    forecast: '88112.55',
    start: t('2026-01-01 00:00:00'),
    updated: t('2026-01-05 00:30:00'),
  });
  return a;
}

function production(): Acct {
  const a = new Acct({
    id: PROD,
    alias: 'kitsune-production',
    label: 'production',
    email: 'aws-root+production@kitsune-shoji.co.jp',
    regions: [TOKYO, VIRGINIA, OSAKA],
    collectedAt: '2026-11-20T02:46:52Z',
  });
  const since = t('2022-04-01 03:00:00');
  const svc = { Service: 'kitsune-ec', Environment: 'production', 環境: '本番', CostCenter: 'CC-2100' };

  // KMS
  const trailName = 'kitsune-prod-trail';
  const trailArn = `arn:aws:cloudtrail:${TOKYO}:${PROD}:trail/${trailName}`;
  const appKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-ec-app-data'],
    manager: 'CUSTOMER',
    description: 'kitsune-ec application data',
    created: t('2022-04-05 01:22:10'),
    rotation: true,
    tags: svc,
  });
  const rdsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-ec-rds'],
    manager: 'CUSTOMER',
    description: 'kitsune-ec Aurora storage',
    created: t('2022-04-05 01:25:44'),
    rotation: true,
    tags: svc,
  });
  const trailKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-prod-cloudtrail'],
    manager: 'CUSTOMER',
    description: 'Production CloudTrail log encryption',
    created: t('2022-04-01 02:50:00'),
    rotation: true,
    policy: {
      Version: V,
      Id: 'key-cloudtrail-prod',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PROD}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'Allow CloudTrail to encrypt logs',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:GenerateDataKey*',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceArn': trailArn },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${PROD}:trail/*` },
          },
        },
        {
          Sid: 'Allow CloudTrail to describe key',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:DescribeKey',
          Resource: '*',
        },
      ],
    },
    tags: svc,
  });
  const backupKey = kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-ec-backups'],
    manager: 'CUSTOMER',
    description: 'Database dump encryption (created by the DBA team)',
    created: t('2023-07-12 08:01:30'),
    rotation: false,
    tags: svc,
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/kitsune-ec-jwt-signing'],
    manager: 'CUSTOMER',
    description: 'Signs session tokens for the storefront',
    created: t('2024-02-20 04:40:00'),
    keySpec: 'RSA_2048',
    usage: 'SIGN_VERIFY',
    tags: svc,
  });
  const ebsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/aws/ebs'],
    manager: 'AWS',
    description: 'Default key that protects my EBS volumes when no other key is defined',
    created: t('2022-04-02 00:10:00'),
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/rds'],
    manager: 'AWS',
    description: 'Default key that protects my RDS database volumes when no other key is defined',
    created: t('2018-05-10 02:00:00'),
  });
  const efsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/aws/elasticfilesystem'],
    manager: 'AWS',
    description: 'Default key that protects my EFS filesystems when no other key is defined',
    created: t('2023-09-01 03:00:00'),
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/s3'],
    manager: 'AWS',
    description: 'Default key that protects my S3 objects when no other key is defined',
    created: t('2022-04-02 00:12:00'),
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/aws/sns'],
    manager: 'AWS',
    description: 'Default key that protects my SNS data when no other key is defined',
    created: t('2022-04-06 00:00:00'),
  });
  const drKey = kmsKey(a, OSAKA, {
    aliases: ['alias/kitsune-ec-dr'],
    manager: 'CUSTOMER',
    description: 'kitsune-ec DR data (Osaka)',
    created: t('2024-05-09 02:00:00'),
    rotation: true,
    tags: svc,
  });
  const ebsKeyOsaka = kmsKey(a, OSAKA, {
    aliases: ['alias/aws/ebs'],
    manager: 'AWS',
    description: 'Default key that protects my EBS volumes when no other key is defined',
    created: t('2024-05-09 02:30:00'),
  });

  // IAM
  const saml = samlProvider(a, t('2023-01-25 04:40:00'));
  const logGroup = 'aws-cloudtrail-logs-kitsune-prod';
  const github = `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`;
  const s3rw = (bucketName: string) => [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`];
  const iamSpec: IamSpec = {
    users: [
      {
        name: 'deploy-bot',
        created: t('2022-04-10 01:00:00'),
        tags: { 用途: 'CodeDeploy 連携 (旧パイプライン)' },
        keys: [
          {
            active: true,
            created: t('2026-09-20 02:00:11'),
            lastUsed: { date: ago(1, 20), service: 's3', region: TOKYO },
          },
        ],
        groups: ['Deployers'],
      },
      {
        name: 'app-s3-uploader',
        created: t('2022-06-01 06:00:00'),
        tags: { 用途: '外部倉庫システムからの画像アップロード' },
        keys: [
          {
            active: true,
            created: t('2025-06-02 06:12:45'),
            lastUsed: { date: ago(0, 90), service: 's3', region: TOKYO },
          },
        ],
        attached: ['kitsune-ec-uploads-rw'],
      },
      {
        name: 'y.tanaka',
        created: t('2022-04-01 02:00:00'),
        tags: { 担当部署: 'EC事業部 インフラチーム' },
        console: { created: t('2022-04-01 02:00:00'), lastUsed: ago(1, 200), changed: t('2026-09-01 00:20:00') },
        mfa: { kind: 'virtual', enabled: t('2022-04-01 02:10:00') },
        groups: ['Admins'],
      },
      {
        name: 'm.sato',
        created: t('2023-04-03 00:30:00'),
        tags: { 担当部署: 'EC事業部 開発チーム' },
        console: { created: t('2023-04-03 00:30:00'), lastUsed: ago(10, 90), changed: t('2026-10-02 05:10:00') },
        mfa: { kind: 'virtual', enabled: t('2023-04-03 00:40:00') },
        groups: ['Developers-ReadOnly'],
      },
      {
        name: 'support-desk',
        created: t('2022-11-15 01:00:00'),
        tags: { 担当部署: 'カスタマーサポート' },
        console: { created: t('2022-11-15 01:00:00'), lastUsed: ago(21, 30), changed: t('2026-10-20 03:00:00') },
        mfa: { kind: 'virtual', enabled: t('2022-11-15 01:05:00') },
        groups: ['Support'],
      },
      {
        name: 'k.ito',
        created: t('2022-08-22 01:00:00'),
        tags: { 担当部署: 'EC事業部 開発チーム', 備考: '2026-07 より育休中' },
        console: {
          created: t('2022-08-22 01:00:00'),
          lastUsed: t('2026-07-01 09:41:00'),
          changed: t('2026-06-15 00:00:00'),
        },
        mfa: { kind: 'virtual', enabled: t('2022-08-22 01:20:00') },
        keys: [
          {
            active: false,
            created: t('2025-01-10 02:00:00'),
            lastUsed: { date: t('2025-03-30 07:00:00'), service: 'logs', region: TOKYO },
          },
        ],
        groups: ['Developers-ReadOnly'],
      },
    ],
    groups: [
      { name: 'Admins', created: t('2022-04-01 01:50:00'), attached: ['AdministratorAccess'] },
      { name: 'Developers-ReadOnly', created: t('2022-04-01 01:51:00'), attached: ['ReadOnlyAccess'] },
      { name: 'Support', created: t('2022-11-15 00:55:00'), attached: ['AWSSupportAccess'] },
      { name: 'Deployers', created: t('2022-04-10 00:58:00'), attached: ['kitsune-ec-deploy'] },
    ],
    roles: [
      orgAccessRole(t('2021-03-15 05:00:00'), t('2026-06-12 08:00:00')),
      serviceLinkedRole('AWSServiceRoleForSupport', t('2021-03-15 05:00:10')),
      serviceLinkedRole('AWSServiceRoleForTrustedAdvisor', t('2021-03-15 05:00:11')),
      serviceLinkedRole('AWSServiceRoleForSSO', t('2023-01-25 04:39:00'), { date: ago(1), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForConfig', since, { date: ago(0, 22), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAmazonGuardDuty', since, { date: ago(0, 9), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForSecurityHub', since, { date: ago(0, 14), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAccessAnalyzer', since, { date: ago(0, 44), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForAmazonMacie', since, { date: ago(2), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForElasticLoadBalancing', t('2022-04-12 02:00:00'), {
        date: ago(6),
        region: TOKYO,
      }),
      serviceLinkedRole('AWSServiceRoleForRDS', t('2018-05-10 01:59:00'), { date: ago(3), region: TOKYO }),
      ssoRole(a, 'AdministratorAccess', saml.name, ['AdministratorAccess'], t('2023-01-25 04:41:00'), ago(0, 700)),
      ssoRole(a, 'ReadOnlyAccess', saml.name, ['ReadOnlyAccess'], t('2023-01-25 04:41:10'), ago(0, 300)),
      ssoRole(a, 'SupportUser', saml.name, ['AWSSupportAccess', 'ReadOnlyAccess'], t('2023-01-25 04:41:20'), ago(12)),
      {
        name: 'kitsune-ec-web-instance-role',
        created: t('2022-04-12 03:00:00'),
        trust: trustService('ec2.amazonaws.com'),
        description: 'Storefront web servers',
        attached: ['AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy', 'kitsune-ec-web-app'],
        lastUsed: { date: ago(0, 2), region: TOKYO },
        instanceProfile: true,
      },
      {
        name: 'kitsune-ec-batch-instance-role',
        created: t('2022-05-20 03:00:00'),
        trust: trustService('ec2.amazonaws.com'),
        description: 'Nightly order export batch',
        attached: ['AmazonSSMManagedInstanceCore', 'kitsune-ec-batch'],
        lastUsed: { date: ago(0, 160), region: TOKYO },
        instanceProfile: true,
      },
      {
        name: 'rds-monitoring-role',
        created: t('2022-04-20 03:00:00'),
        trust: trustService('monitoring.rds.amazonaws.com'),
        attached: ['AmazonRDSEnhancedMonitoringRole'],
        lastUsed: { date: ago(0, 1), region: TOKYO },
      },
      {
        name: 'kitsune-vpc-flow-logs',
        created: t('2022-04-02 01:00:00'),
        trust: trustService('vpc-flow-logs.amazonaws.com'),
        attached: [],
        inline: [
          {
            PolicyName: 'flow-logs-to-cloudwatch',
            PolicyDocument: doc(
              allow([
                'logs:CreateLogGroup',
                'logs:CreateLogStream',
                'logs:PutLogEvents',
                'logs:DescribeLogGroups',
                'logs:DescribeLogStreams',
              ]),
            ),
          },
        ],
        lastUsed: { date: ago(0, 1), region: TOKYO },
      },
      trailLogsRole('kitsune-prod-trail-cloudwatch-logs', t('2022-04-01 02:55:00'), logGroup, TOKYO, PROD),
      {
        name: 'github-actions-deploy',
        created: t('2024-08-01 02:00:00'),
        trust: doc({
          Effect: 'Allow',
          Principal: { Federated: github },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: {
              'token.actions.githubusercontent.com:sub': 'repo:kitsune-shoji/kitsune-ec:ref:refs/heads/main',
            },
          },
        }),
        description: 'GitHub Actions deploys of kitsune-ec (main branch only)',
        attached: ['kitsune-ec-deploy'],
        lastUsed: { date: ago(0, 400), region: TOKYO },
      },
      scannerRole(t('2026-04-01 01:10:00'), ago(0, 14)),
      {
        name: 'partner-monitoring-readonly',
        created: t('2024-03-01 00:00:00'),
        trust: doc({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::792134650288:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'kitsune-7f3e0c2a9b' } },
        }),
        description: 'External APM vendor (contract KS-2024-031)',
        attached: ['SecurityAudit'],
        lastUsed: { date: ago(0, 5), region: TOKYO },
      },
    ],
    policies: [
      {
        name: 'kitsune-ec-deploy',
        created: t('2022-04-10 00:55:00'),
        updated: t('2026-02-14 01:00:00'),
        version: 'v6',
        doc: doc(
          allow(['s3:PutObject', 's3:GetObject', 's3:ListBucket'], s3rw('kitsune-ec-static-assets-prod'), {
            Sid: 'StaticAssets',
          }),
          allow(['ssm:SendCommand', 'ssm:GetCommandInvocation'], '*', {
            Sid: 'RollingDeploy',
            Condition: { StringEquals: { 'aws:ResourceTag/Service': 'kitsune-ec' } },
          }),
          allow(['ec2:DescribeInstances', 'elasticloadbalancing:Describe*'], '*', { Sid: 'Describe' }),
        ),
      },
      {
        name: 'kitsune-ec-uploads-rw',
        created: t('2022-06-01 05:55:00'),
        updated: t('2022-06-01 05:55:00'),
        version: 'v1',
        doc: doc(
          allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::kitsune-ec-user-uploads-prod/incoming/*'),
          allow(['kms:GenerateDataKey', 'kms:Decrypt'], appKey),
        ),
      },
      {
        name: 'kitsune-ec-web-app',
        created: t('2022-04-12 02:55:00'),
        updated: t('2025-11-30 04:00:00'),
        version: 'v3',
        doc: doc(
          allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::kitsune-ec-user-uploads-prod/*'),
          allow(['kms:GenerateDataKey', 'kms:Decrypt'], appKey),
          allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${TOKYO}:${PROD}:secret:kitsune-ec/*`),
        ),
      },
      {
        name: 'kitsune-ec-batch',
        created: t('2022-05-20 02:55:00'),
        updated: t('2024-01-09 04:00:00'),
        version: 'v2',
        doc: doc(
          allow(['s3:PutObject', 's3:GetObject', 's3:ListBucket'], s3rw('kitsune-ec-db-backups-prod')),
          allow(['kms:GenerateDataKey', 'kms:Decrypt'], [appKey, backupKey]),
        ),
      },
      {
        name: 'kitsune-ec-readonly-reports',
        created: t('2023-02-01 00:00:00'),
        updated: t('2023-02-01 00:00:00'),
        version: 'v1',
        doc: doc(
          allow([
            'athena:StartQueryExecution',
            'athena:GetQueryResults',
            'athena:GetQueryExecution',
            'glue:GetTable',
            'glue:GetDatabase',
          ]),
        ),
      },
    ],
    serverCertificates: [
      { name: 'www-kitsune-shoji-co-jp-2026', uploaded: t('2025-12-10 02:00:00'), expires: t('2027-01-15 23:59:59') },
      { name: 'legacy-api-kitsune-shoji-2025', uploaded: t('2024-11-01 02:00:00'), expires: t('2025-11-15 23:59:59') },
    ],
    passwordPolicy: {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    },
  };
  const iam = buildIam(a, iamSpec);
  buildAccount(
    a,
    iam,
    iamSpec,
    {
      created: t('2021-03-15 04:58:00'),
      passwordLastUsed: t('2025-11-04 02:13:51'),
      mfa: 'virtual',
      mfaEnabled: t('2021-03-15 05:20:00'),
    },
    {
      contacts: {
        SECURITY: contact('SECURITY', 'Security Promotion Office', 'CSIRT', 'security@kitsune-shoji.co.jp'),
        BILLING: contact('BILLING', 'Accounting Department', 'Manager', 'aws-billing@kitsune-shoji.co.jp'),
        OPERATIONS: contact('OPERATIONS', 'EC Infrastructure Team', 'Team Lead', 'ec-infra@kitsune-shoji.co.jp'),
      },
      saml: [saml.entry],
      oidc: [{ Arn: github }],
      publicAccessBlock: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
      tags: { Environment: 'production', 環境: '本番' },
    },
  );

  // Regions
  const configBucket = `kitsune-org-config-${MGMT}`;
  buildRegion(a, TOKYO, {
    ebsDefault: true,
    imdsDefault: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
    config: 'recording',
    configBucket,
    analyzer: 'ACCOUNT',
    securityHub: true,
    standards: ['fsbp', 'cis3'],
    guardDuty: 'ENABLED',
    macie: 'ENABLED',
    since,
  });
  buildRegion(a, VIRGINIA, {
    ebsDefault: true,
    config: 'recording',
    configBucket,
    analyzer: 'ACCOUNT',
    securityHub: true,
    standards: ['fsbp'],
    guardDuty: 'ENABLED',
    macie: 'PAUSED',
    since,
  });
  const macieDenied = `${ACCESS_DENIED_BY(PROD)} macie2:GetMacieSession with an explicit deny in a service control policy`;
  buildRegion(a, OSAKA, {
    ebsDefault: true,
    config: 'recording',
    configBucket,
    analyzer: 'ACCOUNT',
    securityHub: true,
    standards: ['fsbp'],
    guardDuty: 'ENABLED',
    macie: { gap: `AccessDeniedException: ${macieDenied}` },
    since: t('2024-05-09 01:00:00'),
  });
  a.errors.push({
    account: PROD,
    region: OSAKA,
    service: 'macie2',
    operation: 'GetMacieSession',
    code: 'AccessDeniedException',
    message: macieDenied,
  });

  // S3
  const logs = `kitsune-prod-s3-access-logs-${PROD}`;
  const trailBucket = `kitsune-prod-cloudtrail-${PROD}`;
  const flowBucket = `kitsune-prod-vpc-flow-logs-${PROD}`;
  const albLogs = 'kitsune-ec-alb-logs-prod';
  const data = { ...svc, データ分類: '機密' };
  bucket(a, {
    name: 'kitsune-ec-static-assets-prod',
    region: TOKYO,
    created: t('2022-04-12 01:00:00'),
    policy: doc(
      {
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::kitsune-ec-static-assets-prod/*',
        Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${PROD}:distribution/E2KQ7XW1R9ABCD` } },
      },
      denyInsecureTransport('kitsune-ec-static-assets-prod'),
    ),
    sse: 'AES256',
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: 'static-assets/' },
    tags: svc,
  });
  bucket(a, {
    name: 'kitsune-ec-user-uploads-prod',
    region: TOKYO,
    created: t('2022-04-12 01:05:00'),
    policy: doc(denyInsecureTransport('kitsune-ec-user-uploads-prod')),
    sse: { kms: appKey },
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: 'user-uploads/' },
    tags: data,
  });
  bucket(a, {
    name: albLogs,
    region: TOKYO,
    created: t('2022-04-12 01:10:00'),
    policy: doc(
      {
        Sid: 'AllowELBLogDelivery',
        Effect: 'Allow',
        Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${albLogs}/*/AWSLogs/${PROD}/*`,
      },
      denyInsecureTransport(albLogs),
    ),
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: svc,
  });
  bucket(a, {
    name: trailBucket,
    region: TOKYO,
    created: t('2022-04-01 02:45:00'),
    policy: doc(...cloudTrailBucketPolicy(trailBucket, trailArn, PROD), denyInsecureTransport(trailBucket)),
    sse: { kms: trailKey },
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: 'cloudtrail/' },
    tags: { ...svc, データ分類: '監査ログ' },
  });
  bucket(a, {
    name: logs,
    region: TOKYO,
    created: t('2022-04-01 02:40:00'),
    policy: doc(logDeliveryPolicy(logs, PROD), denyInsecureTransport(logs)),
    sse: 'AES256',
    pab: true,
    versioning: 'Enabled',
    tags: svc,
  });
  bucket(a, {
    name: flowBucket,
    region: OSAKA,
    created: t('2024-05-09 01:30:00'),
    policy: doc(
      {
        Sid: 'AWSLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${flowBucket}/AWSLogs/${PROD}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': PROD } },
      },
      {
        Sid: 'AWSLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${flowBucket}`,
        Condition: { StringEquals: { 'aws:SourceAccount': PROD } },
      },
      denyInsecureTransport(flowBucket),
    ),
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: svc,
  });
  bucket(a, {
    name: 'kitsune-ec-db-backups-prod',
    region: TOKYO,
    created: t('2023-07-12 08:10:00'),
    policy: null,
    sse: { kms: backupKey },
    pab: true,
    versioning: 'Enabled',
    logging: { bucket: logs, prefix: 'db-backups/' },
    tags: data,
  });
  bucket(a, {
    name: 'kitsune-ec-dr-replica-osaka',
    region: OSAKA,
    created: t('2024-05-09 02:10:00'),
    policy: doc(denyInsecureTransport('kitsune-ec-dr-replica-osaka')),
    sse: { kms: drKey },
    pab: true,
    versioning: 'Enabled',
    tags: data,
  });
  bucket(a, {
    name: 'kitsune-ec-athena-results-prod',
    region: TOKYO,
    created: t('2023-02-01 00:10:00'),
    policy: null,
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: svc,
  });

  // Tokyo: the storefront VPC. Osaka: the DR VPC. us-east-1: the default VPC nobody deleted.
  const pcx = a.ec2Id('pcx');
  const natA = a.ec2Id('nat');
  const natC = a.ec2Id('nat');
  const vpc = vpcResource(a, TOKYO, {
    name: 'kitsune-ec-prod',
    cidr: '10.10.0.0/16',
    created: t('2022-04-02 01:00:00'),
    tags: svc,
    flowLogs: [
      {
        dest: 'cloud-watch-logs',
        target: 'kitsune-prod-vpc-flow-logs',
        traffic: 'ALL',
        role: `arn:aws:iam::${PROD}:role/kitsune-vpc-flow-logs`,
      },
    ],
    subnets: [
      { key: 'public-a', az: 'a', cidr: '10.10.0.0/24', public: true, name: 'kitsune-ec-prod-public-a' },
      { key: 'public-c', az: 'c', cidr: '10.10.1.0/24', public: true, name: 'kitsune-ec-prod-public-c' },
      { key: 'app-a', az: 'a', cidr: '10.10.10.0/24', public: false, name: 'kitsune-ec-prod-app-a' },
      { key: 'app-c', az: 'c', cidr: '10.10.11.0/24', public: false, name: 'kitsune-ec-prod-app-c' },
      { key: 'db-a', az: 'a', cidr: '10.10.20.0/24', public: false, name: 'kitsune-ec-prod-db-a' },
      { key: 'db-c', az: 'c', cidr: '10.10.21.0/24', public: false, name: 'kitsune-ec-prod-db-c' },
    ],
    igw: true,
    defaultSg: 'none',
  });
  routeTable(a, vpc, { name: 'kitsune-ec-prod-main', main: true, subnets: [], routes: [], tags: svc });
  routeTable(a, vpc, {
    name: 'kitsune-ec-prod-public',
    subnets: ['public-a', 'public-c'],
    routes: [{ dest: '0.0.0.0/0', igw: true }],
    tags: svc,
  });
  routeTable(a, vpc, {
    name: 'kitsune-ec-prod-app-a',
    subnets: ['app-a'],
    routes: [
      { dest: '0.0.0.0/0', nat: natA },
      { dest: '10.30.0.0/16', pcx },
    ],
    tags: svc,
  });
  routeTable(a, vpc, {
    name: 'kitsune-ec-prod-app-c',
    subnets: ['app-c'],
    routes: [
      { dest: '0.0.0.0/0', nat: natC },
      { dest: '10.30.0.0/16', pcx },
    ],
    tags: svc,
  });
  routeTable(a, vpc, {
    name: 'kitsune-ec-prod-db',
    subnets: ['db-a', 'db-c'],
    routes: [{ dest: '10.30.20.0/24', pcx }],
    tags: svc,
  });
  const ephemeral = (n: number, cidr: string): NaclEntry[] => [
    { n, proto: '6', from: 1024, to: 3388, cidr },
    { n: n + 1, proto: '6', from: 3390, to: 65535, cidr },
  ];
  networkAcl(a, vpc, { isDefault: true, subnets: [], entries: DEFAULT_NACL });
  networkAcl(a, vpc, {
    name: 'kitsune-ec-prod-public',
    isDefault: false,
    subnets: ['public-a', 'public-c'],
    entries: [
      { n: 100, egress: true, proto: '-1', cidr: '0.0.0.0/0' },
      { n: 32767, egress: true, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
      { n: 100, proto: '6', from: 443, cidr: '0.0.0.0/0' },
      { n: 110, proto: '6', from: 80, cidr: '0.0.0.0/0' },
      ...ephemeral(120, '0.0.0.0/0'),
      { n: 32767, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
    ],
    tags: svc,
  });
  networkAcl(a, vpc, {
    name: 'kitsune-ec-prod-private',
    isDefault: false,
    subnets: ['app-a', 'app-c', 'db-a', 'db-c'],
    entries: [
      { n: 100, egress: true, proto: '-1', cidr: '0.0.0.0/0' },
      { n: 32767, egress: true, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
      { n: 100, proto: '-1', cidr: '10.10.0.0/16' },
      { n: 110, proto: '-1', cidr: '10.30.0.0/16' },
      ...ephemeral(120, '0.0.0.0/0'),
      { n: 32767, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
    ],
    tags: svc,
  });
  const office = '203.0.113.0/24';
  const albSg = securityGroup(a, vpc, {
    name: 'kitsune-ec-alb-sg',
    description: 'Storefront ALB: HTTPS from the internet',
    ingress: () => [
      perm(PROD, 'tcp', [443, 443], { v4: [['0.0.0.0/0', 'HTTPS']], v6: [['::/0', 'HTTPS']] }),
      perm(PROD, 'tcp', [80, 80], { v4: [['0.0.0.0/0', 'redirect to HTTPS']], v6: [['::/0', 'redirect to HTTPS']] }),
    ],
    tags: svc,
    nameTag: 'kitsune-ec-alb-sg',
  });
  const webSg = securityGroup(a, vpc, {
    name: 'kitsune-ec-web-sg',
    description: 'Storefront web servers',
    ingress: () => [perm(PROD, 'tcp', [8080, 8080], { sg: [[albSg, 'from ALB']] })],
    tags: svc,
    nameTag: 'kitsune-ec-web-sg',
  });
  const batchSg = securityGroup(a, vpc, {
    name: 'kitsune-ec-batch-sg',
    description: 'Batch servers: no inbound',
    ingress: () => [],
    tags: svc,
    nameTag: 'kitsune-ec-batch-sg',
  });
  const adminAlbSg = securityGroup(a, vpc, {
    name: 'kitsune-ec-admin-alb-sg',
    description: 'Back-office ALB: office network only',
    ingress: () => [
      perm(PROD, 'tcp', [443, 443], {
        v4: [
          [office, 'Head office (Nihonbashi)'],
          ['10.0.0.0/8', 'Site-to-site VPN'],
        ],
      }),
    ],
    tags: svc,
    nameTag: 'kitsune-ec-admin-alb-sg',
  });
  const dbSg = securityGroup(a, vpc, {
    name: 'kitsune-ec-db-sg',
    description: 'Aurora PostgreSQL',
    ingress: () => [
      perm(PROD, 'tcp', [5432, 5432], {
        sg: [
          [webSg, 'web'],
          [batchSg, 'batch'],
        ],
      }),
    ],
    tags: svc,
    nameTag: 'kitsune-ec-db-sg',
  });
  const legacySg = securityGroup(a, vpc, {
    name: 'kitsune-legacy-crm-sg',
    description: 'Legacy CRM MySQL and report server',
    ingress: () => [
      perm(PROD, 'tcp', [3306, 3306], { sg: [[webSg, 'web']] }),
      perm(PROD, 'tcp', [22, 22], { v4: [['10.10.0.0/16', 'VPC internal']] }),
    ],
    tags: { ...svc, Service: 'legacy-crm' },
    nameTag: 'kitsune-legacy-crm-sg',
  });
  securityGroup(a, vpc, {
    name: 'kitsune-ec-efs-sg',
    description: 'Shared content NFS',
    ingress: () => [perm(PROD, 'tcp', [2049, 2049], { sg: [[webSg, 'web']] })],
    tags: svc,
    nameTag: 'kitsune-ec-efs-sg',
  });

  const dr = vpcResource(a, OSAKA, {
    name: 'kitsune-ec-dr',
    cidr: '10.30.0.0/16',
    created: t('2024-05-09 01:20:00'),
    tags: { ...svc, 用途: 'DR' },
    flowLogs: [{ dest: 's3', target: flowBucket, traffic: 'ALL' }],
    subnets: [
      { key: 'app-a', az: 'a', cidr: '10.30.10.0/24', public: false, name: 'kitsune-ec-dr-app-a' },
      { key: 'app-b', az: 'b', cidr: '10.30.11.0/24', public: false, name: 'kitsune-ec-dr-app-b' },
      { key: 'db-a', az: 'a', cidr: '10.30.20.0/24', public: false, name: 'kitsune-ec-dr-db-a' },
    ],
    igw: false,
    defaultSg: 'none',
  });
  routeTable(a, dr, { name: 'kitsune-ec-dr-main', main: true, subnets: [], routes: [] });
  routeTable(a, dr, {
    name: 'kitsune-ec-dr-app',
    subnets: ['app-a', 'app-b', 'db-a'],
    routes: [{ dest: '10.10.0.0/16', pcx }],
    tags: svc,
  });
  networkAcl(a, dr, { isDefault: true, subnets: ['app-a', 'app-b', 'db-a'], entries: DEFAULT_NACL });
  const drWebSg = securityGroup(a, dr, {
    name: 'kitsune-ec-dr-web-sg',
    description: 'DR web servers',
    ingress: () => [perm(PROD, 'tcp', [8080, 8080], { v4: [['10.10.0.0/16', 'Tokyo VPC']] })],
    tags: svc,
    nameTag: 'kitsune-ec-dr-web-sg',
  });
  peering(a, pcx, vpc, dr, 'kitsune-ec-prod-to-dr', svc);

  defaultVpc(a, VIRGINIA, t('2021-03-15 04:58:00'));

  // Compute
  const web = iam.instanceProfiles.get('kitsune-ec-web-instance-role')!;
  const batch = iam.instanceProfiles.get('kitsune-ec-batch-instance-role')!;
  const amiArm = 'ami-0c1d7a3b5e9f20a41';
  for (const [i, sub] of (['app-a', 'app-c'] as const).entries()) {
    instance(a, {
      name: `kitsune-ec-web-${i + 1}`,
      type: 'm7g.large',
      arch: 'arm64',
      ami: amiArm,
      vpc,
      subnet: sub,
      hostIndex: 21,
      sgs: [[webSg, 'kitsune-ec-web-sg']],
      profile: web,
      imds: 'required',
      state: 'running',
      launched: t(`2026-10-0${2 + i} 01:14:22`),
      volumes: [{ device: '/dev/xvda', size: 30, encrypted: true, kmsKeyId: ebsKey }],
      tags: { ...svc, Role: 'web' },
    });
  }
  const batchHost = instance(a, {
    name: 'kitsune-ec-batch-1',
    type: 'm7g.xlarge',
    arch: 'arm64',
    ami: amiArm,
    vpc,
    subnet: 'app-a',
    hostIndex: 40,
    sgs: [[batchSg, 'kitsune-ec-batch-sg']],
    profile: batch,
    imds: 'required',
    state: 'running',
    launched: t('2026-03-18 04:00:00'),
    volumes: [
      { device: '/dev/xvda', size: 30, encrypted: true, kmsKeyId: ebsKey },
      { device: '/dev/sdf', size: 200, encrypted: true, kmsKeyId: appKey },
    ],
    tags: { ...svc, Role: 'batch' },
  });
  const legacy = instance(a, {
    name: 'kitsune-legacy-report',
    type: 't3.medium',
    arch: 'x86_64',
    ami: 'ami-0e2c1b4f6a8d93c57',
    vpc,
    subnet: 'app-c',
    hostIndex: 77,
    sgs: [[legacySg, 'kitsune-legacy-crm-sg']],
    imds: 'optional',
    state: 'running',
    launched: t('2019-08-19 06:40:11'),
    keyName: 'legacy-report-2019',
    volumes: [{ device: '/dev/xvda', size: 50, encrypted: false, type: 'gp2' }],
    tags: { ...svc, Service: 'legacy-crm', Role: 'report', 備考: '2027年3月廃止予定' },
  });
  instance(a, {
    name: 'kitsune-ec-dr-web-1',
    type: 'm7g.large',
    arch: 'arm64',
    ami: 'ami-07b3c9e1d2f4a6b80',
    vpc: dr,
    subnet: 'app-a',
    hostIndex: 21,
    sgs: [[drWebSg, 'kitsune-ec-dr-web-sg']],
    profile: web,
    imds: 'required',
    state: 'stopped',
    launched: t('2026-09-14 00:30:00'),
    volumes: [{ device: '/dev/xvda', size: 30, encrypted: true, kmsKeyId: ebsKeyOsaka }],
    tags: { ...svc, Role: 'web', 用途: 'DR' },
  });
  snapshot(a, TOKYO, {
    volumeId: batchHost.volumes[1]!,
    size: 200,
    encrypted: true,
    kmsKeyId: appKey,
    description: 'kitsune-ec-batch-1 data volume nightly',
    started: ago(0, 150),
    permissions: [],
    tags: { ...svc, Name: 'kitsune-ec-batch-1-data-nightly' },
  });
  snapshot(a, TOKYO, {
    volumeId: legacy.volumes[0]!,
    size: 50,
    encrypted: false,
    description: 'legacy report server before OS patching',
    started: t('2025-02-03 01:00:00'),
    permissions: [],
    tags: { ...svc, Service: 'legacy-crm', Name: 'kitsune-legacy-report-pre-patch' },
  });

  // Databases and files
  const monitoring = iam.roleArns.get('rds-monitoring-role')!;
  const auroraInstances = ['kitsune-ec-aurora-1', 'kitsune-ec-aurora-2'];
  for (const [i, id] of auroraInstances.entries()) {
    dbInstance(a, {
      id,
      cls: 'db.r7g.large',
      engine: 'aurora-postgresql',
      version: '16.6',
      cluster: 'kitsune-ec-aurora',
      writer: i === 0,
      vpc,
      subnets: ['db-a', 'db-c'],
      az: i === 0 ? 'a' : 'c',
      sg: dbSg,
      created: t('2024-11-20 02:00:00'),
      encrypted: true,
      kms: rdsKey,
      public: false,
      multiAz: false,
      autoMinor: true,
      storage: 1,
      backupDays: 14,
      deletionProtection: true,
      monitoringRole: monitoring,
      iamAuth: true,
      tags: svc,
    });
  }
  const clusterArn = `arn:aws:rds:${TOKYO}:${PROD}:cluster:kitsune-ec-aurora`;
  a.add(
    'aws.rds.db_cluster',
    clusterArn,
    TOKYO,
    'kitsune-ec-aurora',
    {
      AllocatedStorage: 1,
      AvailabilityZones: [`${TOKYO}a`, `${TOKYO}c`, `${TOKYO}d`],
      BackupRetentionPeriod: 14,
      DatabaseName: 'kitsune_ec',
      DBClusterIdentifier: 'kitsune-ec-aurora',
      DBClusterParameterGroup: 'default.aurora-postgresql16',
      DBSubnetGroup: 'kitsune-ec-aurora-subnets',
      Status: 'available',
      EarliestRestorableTime: ago(14),
      Endpoint: `kitsune-ec-aurora.cluster-c${a.lower(11)}.${TOKYO}.rds.amazonaws.com`,
      ReaderEndpoint: `kitsune-ec-aurora.cluster-ro-c${a.lower(11)}.${TOKYO}.rds.amazonaws.com`,
      MultiAZ: true,
      Engine: 'aurora-postgresql',
      EngineVersion: '16.6',
      LatestRestorableTime: ago(0, 5),
      Port: 5432,
      MasterUsername: 'kitsune_admin',
      PreferredBackupWindow: '17:00-17:30',
      PreferredMaintenanceWindow: 'sun:18:00-sun:18:30',
      ReadReplicaIdentifiers: [],
      DBClusterMembers: auroraInstances.map((id, i) => ({
        DBInstanceIdentifier: id,
        IsClusterWriter: i === 0,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: i === 0 ? 0 : 1,
      })),
      VpcSecurityGroups: [{ VpcSecurityGroupId: dbSg, Status: 'active' }],
      HostedZoneId: 'Z24O6O9L7SGTNB',
      StorageEncrypted: true,
      KmsKeyId: rdsKey,
      DbClusterResourceId: `cluster-${a.b32(26)}`,
      DBClusterArn: clusterArn,
      AssociatedRoles: [],
      IAMDatabaseAuthenticationEnabled: true,
      ClusterCreateTime: t('2024-11-20 01:55:00'),
      EngineMode: 'provisioned',
      DeletionProtection: true,
      HttpEndpointEnabled: false,
      CopyTagsToSnapshot: true,
      CrossAccountClone: false,
      DomainMemberships: [],
      TagList: ec2Tags(svc),
      AutoMinorVersionUpgrade: true,
      NetworkType: 'IPV4',
      StorageType: 'aurora',
      EngineLifecycleSupport: 'open-source-rds-extended-support',
    },
    { tags: svc },
  );
  dbInstance(a, {
    id: 'kitsune-legacy-crm',
    cls: 'db.t3.medium',
    engine: 'mysql',
    version: '8.0.39',
    vpc,
    subnets: ['db-a', 'db-c'],
    az: 'c',
    sg: legacySg,
    created: t('2018-05-10 02:10:00'),
    encrypted: false,
    public: false,
    multiAz: false,
    autoMinor: false,
    storage: 100,
    backupDays: 7,
    deletionProtection: false,
    tags: { ...svc, Service: 'legacy-crm', 備考: '2027年3月廃止予定' },
  });
  efs(a, TOKYO, {
    name: 'kitsune-ec-shared-content',
    created: t('2023-09-01 03:05:00'),
    encrypted: true,
    kms: efsKey,
    mounts: 2,
    bytes: 48_318_382_080,
    backup: true,
    tags: svc,
  });

  // Load balancers
  loadBalancer(a, vpc, {
    name: 'kitsune-ec-web-alb',
    scheme: 'internet-facing',
    subnets: ['public-a', 'public-c'],
    sgs: [albSg],
    created: t('2022-04-12 02:30:00'),
    logs: { bucket: albLogs, prefix: 'web-alb' },
    dropInvalidHeaders: true,
    deletionProtection: true,
    webAcl: 'kitsune-ec-web-acl/3f6c9d2e-8a41-4b7e-9c15-2d7e0b5a6f18',
    tags: svc,
    listeners: [
      { protocol: 'HTTP', port: 80, action: 'redirect-https' },
      {
        protocol: 'HTTPS',
        port: 443,
        tls: { policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        action: { forward: 'kitsune-ec-web' },
      },
    ],
  });
  loadBalancer(a, vpc, {
    name: 'kitsune-ec-admin',
    scheme: 'internal',
    subnets: ['app-a', 'app-c'],
    sgs: [adminAlbSg],
    created: t('2023-01-16 05:00:00'),
    logs: { bucket: albLogs, prefix: 'admin-alb' },
    dropInvalidHeaders: true,
    deletionProtection: false,
    webAcl: null,
    tags: svc,
    // Set up in 2023 with the console's default policy of the time, which still accepts TLS 1.0.
    listeners: [
      {
        protocol: 'HTTPS',
        port: 443,
        tls: { policy: 'ELBSecurityPolicy-2016-08' },
        action: { forward: 'kitsune-ec-admin' },
      },
    ],
  });

  // CloudTrail and monitoring
  trail(a, {
    name: trailName,
    home: TOKYO,
    bucket: trailBucket,
    multiRegion: true,
    validation: true,
    kms: trailKey,
    logGroup,
    cwRole: `arn:aws:iam::${PROD}:role/service-role/kitsune-prod-trail-cloudwatch-logs`,
    logging: true,
    started: since,
    selectors: {
      AdvancedEventSelectors: [
        { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        {
          Name: 'S3 object-level events (all buckets)',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    },
    tags: svc,
  });
  const security = snsTopic(a, TOKYO, {
    name: 'kitsune-security-alerts',
    displayName: 'KitsuneSec',
    subscriptions: [
      { protocol: 'email', endpoint: 'security@kitsune-shoji.co.jp' },
      { protocol: 'email', endpoint: 'ec-oncall@kitsune-shoji.co.jp' },
    ],
    kms: 'alias/aws/sns',
    tags: svc,
  });
  const ops = snsTopic(a, TOKYO, {
    name: 'kitsune-ops-notify',
    displayName: 'KitsuneOps',
    subscriptions: [{ protocol: 'email', endpoint: 'ec-infra@kitsune-shoji.co.jp', pending: true }],
    tags: svc,
  });
  snsTopic(a, VIRGINIA, {
    name: 'kitsune-billing-alerts',
    displayName: 'Billing',
    subscriptions: [{ protocol: 'email', endpoint: 'aws-billing@kitsune-shoji.co.jp' }],
    tags: svc,
  });
  cisMonitoring(a, TOKYO, {
    logGroup,
    namespace: 'LogMetrics',
    created: t('2022-04-03 06:00:00'),
    filters: CIS_ORDER.filter((f) => f !== 'OrganizationsChanges'),
    withoutAlarm: [],
    topic: (f) => (f === 'ConsoleAuthenticationFailures' || f === 'SecurityGroupChanges' ? ops : security),
  });

  budget(a, {
    name: 'kitsune-ec-monthly',
    amount: '4500.0',
    timeUnit: 'MONTHLY',
    actual: '3890.12',
    forecast: '4612.77',
    start: t('2022-05-01 00:00:00'),
    updated: t('2026-04-01 01:00:00'),
  });
  productionLambdaAndSnapshots(a, { vpc, batchSg, appKey, rdsKey, svc });
  buildListeners(a);
  productionStorage(a, { svc, appKey });
  return a;
}

function development(): Acct {
  const a = new Acct({
    id: DEV,
    alias: 'kitsune-development',
    label: 'development',
    email: 'aws-root+development@kitsune-shoji.co.jp',
    regions: [TOKYO, VIRGINIA],
    collectedAt: '2026-11-20T02:55:30Z',
  });
  const dev = { Environment: 'development', 環境: '開発', CostCenter: 'CC-2900' };

  // KMS
  const appKey = kmsKey(a, TOKYO, {
    aliases: ['alias/dev-app'],
    manager: 'CUSTOMER',
    description: 'dev application key',
    created: t('2023-05-18 02:00:00'),
    rotation: false,
    tags: dev,
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/legacy-app-vendor'],
    manager: 'CUSTOMER',
    description: 'Key created by the vendor installer (order system PoC)',
    created: t('2024-10-07 06:31:00'),
    rotation: {
      gap: `AccessDeniedException: ${ACCESS_DENIED_BY(DEV)} kms:GetKeyRotationStatus on resource: {arn} because no resource-based policy allows the kms:GetKeyRotationStatus action`,
    },
    policy: {
      Version: V,
      Id: 'key-vendor-1',
      Statement: [
        {
          Sid: 'KeyAdministration',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DEV}:role/vendor-app-kms-admin` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'AllowAuditRead',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DEV}:role/${SCANNER}` },
          Action: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ListResourceTags'],
          Resource: '*',
        },
      ],
    },
    tags: { ...dev, Owner: 'vendor-poc' },
  });
  const tfKey = kmsKey(a, TOKYO, {
    aliases: ['alias/dev-terraform-state'],
    manager: 'CUSTOMER',
    description: 'Terraform state bucket',
    created: t('2024-01-22 03:00:00'),
    rotation: true,
    tags: dev,
  });
  kmsKey(a, TOKYO, {
    aliases: ['alias/old-poc'],
    manager: 'CUSTOMER',
    description: 'PoC 2023 (scheduled for deletion)',
    created: t('2023-03-01 00:00:00'),
    rotation: false,
    state: 'PendingDeletion',
    deletionDate: t('2026-12-04 00:00:00'),
    tags: dev,
  });
  const ebsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/aws/ebs'],
    manager: 'AWS',
    description: 'Default key that protects my EBS volumes when no other key is defined',
    created: t('2024-06-10 01:00:00'),
  });
  const rdsKey = kmsKey(a, TOKYO, {
    aliases: ['alias/aws/rds'],
    manager: 'AWS',
    description: 'Default key that protects my RDS database volumes when no other key is defined',
    created: t('2024-09-03 05:40:00'),
  });

  // IAM
  const saml = samlProvider(a, t('2023-01-25 05:00:00'));
  const iamSpec: IamSpec = {
    users: [
      {
        name: 'h.watanabe',
        created: t('2022-06-20 01:00:00'),
        tags: { 担当部署: '新規事業開発部' },
        console: { created: t('2022-06-20 01:00:00'), lastUsed: ago(1, 50), changed: t('2022-06-20 01:30:00') },
        keys: [
          {
            active: true,
            created: t('2024-03-05 01:12:44'),
            lastUsed: { date: ago(0, 600), service: 'ec2', region: TOKYO },
          },
        ],
        groups: ['Developers'],
      },
      {
        name: 'r.nakamura',
        created: t('2023-04-03 01:00:00'),
        tags: { 担当部署: '新規事業開発部' },
        console: { created: t('2023-04-03 01:00:00'), lastUsed: ago(2, 30), changed: t('2026-06-01 00:00:00') },
        mfa: { kind: 'virtual', enabled: t('2023-04-03 01:10:00') },
        keys: [
          {
            active: true,
            created: t('2026-10-01 02:00:00'),
            lastUsed: { date: ago(0, 240), service: 'lambda', region: TOKYO },
          },
        ],
        groups: ['Developers'],
      },
      {
        name: 'a.kobayashi',
        created: t('2024-04-01 01:00:00'),
        tags: { 担当部署: '新規事業開発部' },
        console: { created: t('2024-04-01 01:00:00'), lastUsed: ago(1, 700), changed: t('2024-04-01 01:20:00') },
        groups: ['Developers', 'CloudShellUsers'],
      },
      {
        name: 'intern-2024',
        created: t('2024-07-01 00:00:00'),
        tags: { 用途: '2024年夏季インターン' },
        console: { created: t('2024-07-01 00:00:00'), reset: true },
        keys: [{ active: true, created: t('2024-07-01 00:00:41') }],
        groups: ['Developers'],
      },
      {
        name: 'ci-legacy',
        created: t('2023-02-14 03:00:00'),
        tags: { 用途: '旧 Jenkins からのデプロイ' },
        keys: [
          {
            active: true,
            created: t('2023-02-14 03:05:00'),
            lastUsed: { date: t('2026-04-03 11:20:00'), service: 'cloudformation', region: TOKYO },
          },
          {
            active: true,
            created: t('2025-12-01 05:00:00'),
            lastUsed: { date: ago(1, 10), service: 's3', region: TOKYO },
          },
        ],
        attached: ['AdministratorAccess'],
      },
      {
        name: 's.yoshida',
        created: t('2023-09-11 01:00:00'),
        tags: { 担当部署: 'データ分析チーム' },
        console: { created: t('2023-09-11 01:00:00'), lastUsed: ago(5, 10), changed: t('2025-09-11 01:00:00') },
        mfa: { kind: 'virtual', enabled: t('2023-09-11 01:15:00') },
        groups: ['Developers', 'CloudShellUsers'],
        inline: [{ PolicyName: 'temp-s3-full', PolicyDocument: doc(allow('s3:*')) }],
      },
      {
        name: 'sandbox-admin',
        created: t('2022-06-13 08:30:00'),
        tags: { 用途: '共有管理者 (要棚卸)' },
        console: { created: t('2022-06-13 08:30:00'), lastUsed: ago(4, 300), changed: t('2022-06-13 08:30:00') },
        attached: ['AdministratorAccess'],
      },
      {
        name: 'test-lambda-deployer',
        created: t('2025-05-20 06:00:00'),
        keys: [{ active: true, created: t('2025-05-20 06:01:00') }],
        inline: [{ PolicyName: 'lambda-deploy', PolicyDocument: doc(allow(['lambda:*', 'iam:PassRole'])) }],
      },
      {
        name: 't.kimura',
        created: t('2025-01-06 00:30:00'),
        tags: { 担当部署: '品質保証部' },
        console: { created: t('2025-01-06 00:30:00'), lastUsed: ago(18, 120), changed: t('2026-01-06 00:00:00') },
        mfa: { kind: 'virtual', enabled: t('2025-01-06 00:40:00') },
        groups: ['ReadOnly'],
      },
      {
        name: 'old-contractor',
        created: t('2023-10-02 00:00:00'),
        tags: { 所属: '外部委託 (2025-09 契約終了)' },
        console: {
          created: t('2023-10-02 00:00:00'),
          lastUsed: t('2025-09-30 08:12:00'),
          changed: t('2023-10-02 00:00:00'),
        },
        keys: [
          {
            active: false,
            created: t('2023-10-02 00:10:00'),
            lastUsed: { date: t('2025-09-29 02:00:00'), service: 'ecr', region: TOKYO },
          },
        ],
        groups: ['Developers'],
      },
    ],
    groups: [
      { name: 'Developers', created: t('2022-06-20 00:50:00'), attached: ['dev-full-access'] },
      { name: 'CloudShellUsers', created: t('2024-04-01 00:55:00'), attached: ['AWSCloudShellFullAccess'] },
      { name: 'ReadOnly', created: t('2025-01-06 00:25:00'), attached: ['ReadOnlyAccess'] },
    ],
    roles: [
      orgAccessRole(t('2022-06-13 08:00:00'), t('2026-10-28 03:00:00')),
      serviceLinkedRole('AWSServiceRoleForSupport', t('2022-06-13 08:00:10')),
      serviceLinkedRole('AWSServiceRoleForTrustedAdvisor', t('2022-06-13 08:00:11')),
      serviceLinkedRole('AWSServiceRoleForSSO', t('2023-01-25 04:59:00'), { date: ago(1), region: TOKYO }),
      serviceLinkedRole('AWSServiceRoleForConfig', t('2024-02-01 00:00:00'), {
        date: t('2025-08-21 09:14:02'),
        region: TOKYO,
      }),
      serviceLinkedRole('AWSServiceRoleForAmazonGuardDuty', t('2023-01-10 00:00:00'), {
        date: ago(0, 33),
        region: TOKYO,
      }),
      serviceLinkedRole('AWSServiceRoleForElasticLoadBalancing', t('2025-03-11 02:00:00'), {
        date: ago(20),
        region: TOKYO,
      }),
      serviceLinkedRole('AWSServiceRoleForRDS', t('2024-09-03 05:40:00'), { date: ago(7), region: TOKYO }),
      ssoRole(a, 'AdministratorAccess', saml.name, ['AdministratorAccess'], t('2023-01-25 05:01:00'), ago(6)),
      ssoRole(a, 'PowerUserAccess', saml.name, ['PowerUserAccess'], t('2023-01-25 05:01:10'), ago(0, 90)),
      {
        name: 'dev-sandbox-ec2-role',
        created: t('2023-05-18 02:10:00'),
        trust: trustService('ec2.amazonaws.com'),
        attached: ['AmazonSSMManagedInstanceCore', 'AmazonS3FullAccess'],
        lastUsed: { date: ago(0, 3), region: TOKYO },
        instanceProfile: true,
      },
      {
        name: 'dev-lambda-basic-exec',
        created: t('2025-05-20 06:05:00'),
        trust: trustService('lambda.amazonaws.com'),
        attached: ['AWSLambdaBasicExecutionRole'],
        lastUsed: { date: ago(3), region: TOKYO },
      },
      {
        name: 'vendor-poc-access',
        created: t('2024-10-07 06:00:00'),
        trust: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::887766554433:root' }, Action: 'sts:AssumeRole' }),
        description: 'Order system PoC vendor',
        attached: ['ReadOnlyAccess'],
        lastUsed: { date: ago(44), region: TOKYO },
      },
      {
        name: 'vendor-app-kms-admin',
        created: t('2024-10-07 06:25:00'),
        trust: trustService('ec2.amazonaws.com'),
        description: 'Created by the vendor installer',
        attached: [],
        inline: [{ PolicyName: 'kms-admin', PolicyDocument: doc(allow('kms:*')) }],
        lastUsed: { date: t('2025-01-15 02:00:00'), region: TOKYO },
      },
      scannerRole(t('2026-04-01 01:15:00'), ago(0, 5)),
    ],
    policies: [
      {
        name: 'dev-full-access',
        created: t('2022-06-20 00:45:00'),
        updated: t('2024-11-12 09:30:00'),
        version: 'v3',
        doc: doc({ Sid: 'TemporaryFullAccess', Effect: 'Allow', Action: '*', Resource: '*' }),
      },
      {
        name: 'dev-s3-sandbox-access',
        created: t('2022-06-20 00:46:00'),
        updated: t('2022-06-20 00:46:00'),
        version: 'v1',
        doc: doc(
          allow('s3:*', [
            'arn:aws:s3:::kitsune-dev-sandbox-456789012345',
            'arn:aws:s3:::kitsune-dev-sandbox-456789012345/*',
          ]),
        ),
      },
    ],
    serverCertificates: [],
    passwordPolicy: {
      MinimumPasswordLength: 8,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: false,
      HardExpiry: false,
    },
  };
  const iam = buildIam(a, iamSpec);
  buildAccount(
    a,
    iam,
    iamSpec,
    {
      created: t('2022-06-13 07:58:00'),
      passwordLastUsed: t('2026-11-18 23:41:09'),
      mfa: null,
      accessKey: {
        active: true,
        created: t('2022-06-13 08:02:55'),
        lastUsed: { date: t('2026-11-15 04:10:37'), service: 'ec2', region: TOKYO },
      },
    },
    {
      contacts: {
        SECURITY: null,
        BILLING: contact('BILLING', 'Accounting Department', 'Manager', 'aws-billing@kitsune-shoji.co.jp'),
        OPERATIONS: contact('OPERATIONS', 'New Business Development', 'Engineer', 'h.watanabe@kitsune-shoji.co.jp'),
      },
      saml: [saml.entry],
      oidc: [],
      publicAccessBlock: null,
      extraVirtualMfa: [{ SerialNumber: `arn:aws:iam::${DEV}:mfa/h.watanabe-iphone` }],
      tags: { Environment: 'development', 環境: '開発' },
    },
  );

  // Regions: the sandbox never finished its security baseline.
  buildRegion(a, TOKYO, {
    ebsDefault: false,
    config: 'stopped',
    configBucket: `kitsune-org-config-${MGMT}`,
    analyzer: null,
    securityHub: false,
    guardDuty: 'ENABLED',
    macie: null,
    since: t('2024-02-01 00:00:00'),
  });
  buildRegion(a, VIRGINIA, {
    ebsDefault: false,
    config: 'none',
    analyzer: null,
    securityHub: false,
    guardDuty: 'DISABLED',
    macie: null,
    since: t('2023-01-10 00:00:00'),
  });

  // S3
  const trailBucket = `kitsune-dev-cloudtrail-${DEV}`;
  const devTrailArn = `arn:aws:cloudtrail:${TOKYO}:${DEV}:trail/dev-trail`;
  const testTrailArn = `arn:aws:cloudtrail:${VIRGINIA}:${DEV}:trail/sandbox-test-trail`;
  bucket(a, {
    name: `kitsune-dev-sandbox-${DEV}`,
    region: TOKYO,
    created: t('2022-06-20 02:00:00'),
    policy: null,
    sse: 'AES256',
    pab: null,
    versioning: null,
    tags: dev,
  });
  bucket(a, {
    name: 'kitsune-dev-public-share',
    region: TOKYO,
    created: t('2024-02-15 04:00:00'),
    policy: doc({
      Sid: 'PublicReadForPartnerDemo',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::kitsune-dev-public-share/*',
    }),
    sse: 'AES256',
    pab: false,
    versioning: null,
    tags: { ...dev, 用途: '取引先デモ資料の共有' },
  });
  bucket(a, {
    name: 'kitsune-dev-secrets-backup',
    region: TOKYO,
    created: t('2024-10-07 07:00:00'),
    policy: {
      gap: `AccessDenied: ${ACCESS_DENIED_BY(DEV)} s3:GetBucketPolicy on resource: "arn:aws:s3:::kitsune-dev-secrets-backup" with an explicit deny in a resource-based policy`,
    },
    sse: { kms: appKey },
    pab: true,
    versioning: 'Enabled',
    tags: { ...dev, Owner: 'vendor-poc' },
  });
  bucket(a, {
    name: 'kitsune-dev-build-artifacts',
    region: TOKYO,
    created: t('2023-02-14 02:50:00'),
    policy: doc(denyInsecureTransport('kitsune-dev-build-artifacts')),
    sse: 'AES256',
    pab: true,
    versioning: 'Suspended',
    tags: dev,
  });
  bucket(a, {
    name: trailBucket,
    region: TOKYO,
    created: t('2022-06-20 03:00:00'),
    policy: doc(...cloudTrailBucketPolicy(trailBucket, [devTrailArn, testTrailArn], DEV)),
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: dev,
  });
  bucket(a, {
    name: 'kitsune-dev-legacy-images',
    region: TOKYO,
    created: t('2022-07-04 05:00:00'),
    policy: null,
    acl: 'public-read',
    sse: 'AES256',
    pab: null,
    versioning: null,
    tags: dev,
  });
  bucket(a, {
    name: `kitsune-dev-terraform-state-${DEV}`,
    region: TOKYO,
    created: t('2024-01-22 03:05:00'),
    policy: doc(denyInsecureTransport(`kitsune-dev-terraform-state-${DEV}`)),
    sse: { kms: tfKey },
    pab: true,
    versioning: 'Enabled',
    tags: dev,
  });
  bucket(a, {
    name: `kitsune-dev-athena-results-${VIRGINIA}`,
    region: VIRGINIA,
    created: t('2024-05-01 00:00:00'),
    policy: null,
    sse: 'AES256',
    pab: true,
    versioning: null,
    tags: dev,
  });
  bucket(a, {
    name: `kitsune-dev-lambda-packages-${VIRGINIA}`,
    region: VIRGINIA,
    created: t('2025-05-20 05:50:00'),
    policy: null,
    sse: 'AES256',
    pab: true,
    versioning: 'Enabled',
    tags: dev,
  });
  bucket(a, {
    name: `cf-templates-${a.lower(12)}-${TOKYO}`,
    region: TOKYO,
    created: t('2022-06-21 01:33:00'),
    policy: null,
    sse: 'AES256',
    pab: null,
    versioning: null,
  });

  // Networking
  const pcx = a.ec2Id('pcx');
  const vpc = vpcResource(a, TOKYO, {
    name: 'dev-main',
    cidr: '10.20.0.0/16',
    ipv6: '2406:da14:1a2:3b00::/56',
    created: t('2022-06-20 02:10:00'),
    tags: dev,
    subnets: [
      { key: 'public-a', az: 'a', cidr: '10.20.0.0/24', public: true, name: 'dev-public-a' },
      { key: 'public-c', az: 'c', cidr: '10.20.1.0/24', public: true, name: 'dev-public-c' },
      { key: 'private-a', az: 'a', cidr: '10.20.10.0/24', public: false, name: 'dev-private-a' },
      { key: 'private-c', az: 'c', cidr: '10.20.11.0/24', public: false, name: 'dev-private-c' },
    ],
    igw: true,
    defaultSg: (id) => [
      perm(DEV, '-1', null, { sg: [id] }),
      perm(DEV, 'tcp', [22, 22], { v4: [['0.0.0.0/0', 'tmp']] }),
    ],
  });
  routeTable(a, vpc, { main: true, subnets: [], routes: [] });
  routeTable(a, vpc, {
    name: 'dev-public',
    subnets: ['public-a', 'public-c'],
    routes: [
      { dest: '0.0.0.0/0', igw: true },
      { dest6: '::/0', igw: true },
    ],
    tags: dev,
  });
  routeTable(a, vpc, {
    name: 'dev-private',
    subnets: ['private-a', 'private-c'],
    routes: [{ dest: '0.0.0.0/0', pcx }],
    tags: { ...dev, 備考: '一時的に tools VPC のプロキシ経由で外部へ' },
  });
  networkAcl(a, vpc, { isDefault: true, subnets: ['private-a', 'private-c'], entries: DEFAULT_NACL_V6 });
  networkAcl(a, vpc, {
    name: 'dev-public-nacl',
    isDefault: false,
    subnets: ['public-a', 'public-c'],
    entries: [
      { n: 100, egress: true, proto: '-1', cidr: '0.0.0.0/0' },
      { n: 32767, egress: true, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
      { n: 100, proto: '6', from: 22, cidr: '0.0.0.0/0' },
      { n: 110, proto: '6', from: 80, cidr: '0.0.0.0/0' },
      { n: 120, proto: '6', from: 443, cidr: '0.0.0.0/0' },
      { n: 130, proto: '6', from: 1024, to: 65535, cidr: '0.0.0.0/0' },
      { n: 32767, proto: '-1', cidr: '0.0.0.0/0', action: 'deny' },
    ],
    tags: dev,
  });
  const sshOpen = securityGroup(a, vpc, {
    name: 'dev-ssh-open',
    description: 'SSH from anywhere (temporary, PoC)',
    ingress: () => [
      perm(DEV, 'tcp', [22, 22], {
        v4: [['0.0.0.0/0', 'temporary - remove after PoC']],
        v6: [['::/0', 'temporary - remove after PoC']],
      }),
    ],
    tags: dev,
    nameTag: 'dev-ssh-open',
  });
  const rdpOpen = securityGroup(a, vpc, {
    name: 'dev-rdp-open',
    description: 'RDP for Windows test machine',
    ingress: () => [perm(DEV, 'tcp', [3389, 3389], { v4: ['0.0.0.0/0'], v6: ['::/0'] })],
    tags: dev,
    nameTag: 'dev-rdp-open',
  });
  const smb = securityGroup(a, vpc, {
    name: 'dev-fileshare-smb',
    description: 'SMB file share for the Windows test machine',
    ingress: () => [perm(DEV, 'tcp', [445, 445], { v4: ['0.0.0.0/0'] })],
    tags: dev,
    nameTag: 'dev-fileshare-smb',
  });
  const wizard = securityGroup(a, vpc, {
    name: 'launch-wizard-1',
    description: 'launch-wizard-1 created 2025-04-17T10:22:31.512Z',
    ingress: () => [perm(DEV, 'tcp', [22, 22], { v4: ['0.0.0.0/0'] })],
  });
  const allowAll = securityGroup(a, vpc, {
    name: 'dev-allow-all-temp',
    description: 'allow all (debug)',
    ingress: () => [perm(DEV, '-1', null, { v4: ['0.0.0.0/0'] })],
    tags: dev,
    nameTag: 'dev-allow-all-temp',
  });
  const albSg = securityGroup(a, vpc, {
    name: 'dev-api-alb-sg',
    description: 'dev API ALB',
    ingress: () => [
      perm(DEV, 'tcp', [80, 80], { v4: ['0.0.0.0/0'] }),
      perm(DEV, 'tcp', [443, 443], { v4: ['0.0.0.0/0'] }),
    ],
    tags: dev,
    nameTag: 'dev-api-alb-sg',
  });
  const apiSg = securityGroup(a, vpc, {
    name: 'dev-api-sg',
    description: 'dev API servers',
    ingress: () => [perm(DEV, 'tcp', [8080, 8080], { sg: [albSg] })],
    tags: dev,
    nameTag: 'dev-api-sg',
  });
  const dbSg = securityGroup(a, vpc, {
    name: 'dev-db-sg',
    description: 'dev MySQL',
    ingress: () => [perm(DEV, 'tcp', [3306, 3306], { sg: [apiSg], v4: [['0.0.0.0/0', 'for local DB clients']] })],
    tags: dev,
    nameTag: 'dev-db-sg',
  });
  securityGroup(a, vpc, {
    name: 'dev-efs-sg',
    description: 'dev shared home NFS',
    ingress: () => [perm(DEV, 'tcp', [2049, 2049], { v4: ['10.20.0.0/16'] })],
    tags: dev,
    nameTag: 'dev-efs-sg',
  });

  const tools = vpcResource(a, TOKYO, {
    name: 'dev-tools',
    cidr: '10.21.0.0/16',
    created: t('2023-06-01 01:00:00'),
    tags: dev,
    subnets: [{ key: 'tools-a', az: 'a', cidr: '10.21.0.0/24', public: true, name: 'dev-tools-a' }],
    igw: true,
    defaultSg: 'none',
  });
  routeTable(a, tools, {
    name: 'dev-tools-main',
    main: true,
    subnets: [],
    routes: [
      { dest: '0.0.0.0/0', igw: true },
      { dest: '10.20.0.0/16', pcx },
    ],
    tags: dev,
  });
  networkAcl(a, tools, { isDefault: true, subnets: ['tools-a'], entries: DEFAULT_NACL });
  securityGroup(a, tools, {
    name: 'dev-proxy-sg',
    description: 'Squid proxy for dev-main',
    ingress: () => [perm(DEV, 'tcp', [3128, 3128], { v4: [['10.20.0.0/16', 'dev-main']] })],
    tags: dev,
    nameTag: 'dev-proxy-sg',
  });
  peering(a, pcx, vpc, tools, 'dev-main-to-tools', dev);

  defaultVpc(a, TOKYO, t('2022-06-13 07:58:00'));
  const us = defaultVpc(a, VIRGINIA, t('2022-06-13 07:58:00'));
  const wizard2 = securityGroup(a, us, {
    name: 'launch-wizard-2',
    description: 'launch-wizard-2 created 2025-11-02T04:10:09.031Z',
    ingress: () => [perm(DEV, 'tcp', [22, 22], { v4: ['0.0.0.0/0'] })],
  });

  // Compute
  const sandbox = iam.instanceProfiles.get('dev-sandbox-ec2-role')!;
  const amiAl2023 = 'ami-0f9c44e98edf38a2b';
  const api = instance(a, {
    name: 'dev-api-1',
    type: 't3.medium',
    arch: 'x86_64',
    ami: amiAl2023,
    vpc,
    subnet: 'public-a',
    hostIndex: 10,
    sgs: [
      [apiSg, 'dev-api-sg'],
      [sshOpen, 'dev-ssh-open'],
    ],
    profile: sandbox,
    imds: 'optional',
    publicIp: '54.199.31.207',
    state: 'running',
    launched: t('2025-03-11 02:20:05'),
    keyName: 'dev-shared-key',
    volumes: [{ device: '/dev/xvda', size: 20, encrypted: false }],
    tags: { ...dev, Owner: 'h.watanabe' },
  });
  instance(a, {
    name: 'dev-bastion',
    type: 't3.micro',
    arch: 'x86_64',
    ami: amiAl2023,
    vpc,
    subnet: 'public-c',
    hostIndex: 5,
    sgs: [[wizard, 'launch-wizard-1']],
    imds: 'optional',
    publicIp: '13.231.88.14',
    state: 'running',
    launched: t('2025-04-17 10:23:02'),
    keyName: 'dev-bastion-key',
    volumes: [{ device: '/dev/xvda', size: 8, encrypted: false, type: 'gp2' }],
    tags: dev,
  });
  instance(a, {
    name: 'dev-win-test',
    type: 't3.large',
    arch: 'x86_64',
    ami: 'ami-0a7e1c3b9d5f24e60',
    windows: true,
    vpc,
    subnet: 'public-a',
    hostIndex: 30,
    sgs: [
      [rdpOpen, 'dev-rdp-open'],
      [smb, 'dev-fileshare-smb'],
    ],
    imds: 'optional',
    publicIp: '3.112.45.199',
    state: 'running',
    launched: t('2025-08-04 05:00:00'),
    keyName: 'dev-windows-key',
    volumes: [{ device: '/dev/sda1', size: 50, encrypted: false }],
    tags: { ...dev, Owner: 'a.kobayashi' },
  });
  const ml = instance(a, {
    name: 'dev-ml-notebook',
    type: 'g5.xlarge',
    arch: 'x86_64',
    ami: 'ami-04b8e2d7c1a9f3650',
    vpc,
    subnet: 'private-a',
    hostIndex: 50,
    sgs: [[apiSg, 'dev-api-sg']],
    profile: sandbox,
    imds: 'required',
    state: 'stopped',
    launched: t('2026-06-02 01:00:00'),
    volumes: [
      { device: '/dev/xvda', size: 100, encrypted: true, kmsKeyId: ebsKey },
      { device: '/dev/sdf', size: 500, encrypted: true, kmsKeyId: ebsKey },
    ],
    tags: { ...dev, Owner: 's.yoshida' },
  });
  const jenkins = instance(a, {
    name: 'dev-jenkins',
    type: 'm5.large',
    arch: 'x86_64',
    ami: amiAl2023,
    vpc,
    subnet: 'private-c',
    hostIndex: 20,
    sgs: [[allowAll, 'dev-allow-all-temp']],
    profile: sandbox,
    imds: 'optional',
    state: 'running',
    launched: t('2023-02-14 02:00:00'),
    volumes: [
      { device: '/dev/xvda', size: 30, encrypted: false },
      { device: '/dev/sdf', size: 100, encrypted: false },
    ],
    tags: dev,
  });
  instance(a, {
    name: 'dev-us-test-1',
    type: 't3.micro',
    arch: 'x86_64',
    ami: 'ami-0e86e20dae9224db8',
    vpc: us,
    subnet: 'a',
    hostIndex: 100,
    sgs: [[wizard2, 'launch-wizard-2']],
    imds: 'required',
    publicIp: '44.201.17.93',
    state: 'stopped',
    launched: t('2025-11-02 04:10:40'),
    volumes: [{ device: '/dev/xvda', size: 8, encrypted: false }],
    tags: { Owner: 'r.nakamura' },
  });
  snapshot(a, TOKYO, {
    volumeId: jenkins.volumes[1]!,
    size: 100,
    encrypted: false,
    description: 'jenkins workspace for vendor handover',
    started: t('2025-10-30 08:00:00'),
    permissions: [{ Group: 'all' }],
    tags: { ...dev, Name: 'dev-jenkins-handover' },
  });
  snapshot(a, TOKYO, {
    volumeId: api.volumes[0]!,
    size: 20,
    encrypted: false,
    description: 'dev-api-1 root for vendor PoC',
    started: t('2024-10-08 01:00:00'),
    permissions: [{ UserId: '887766554433' }],
    tags: { ...dev, Name: 'dev-api-1-for-vendor' },
  });
  snapshot(a, TOKYO, {
    volumeId: ml.volumes[1]!,
    size: 500,
    encrypted: true,
    kmsKeyId: ebsKey,
    description: 'notebook datasets',
    started: t('2026-09-30 03:00:00'),
    permissions: [],
    tags: { ...dev, Name: 'dev-ml-notebook-datasets' },
  });

  dbInstance(a, {
    id: 'dev-mysql-01',
    cls: 'db.t3.micro',
    engine: 'mysql',
    version: '8.0.40',
    vpc,
    subnets: ['public-a', 'public-c'],
    az: 'a',
    sg: dbSg,
    created: t('2024-09-03 05:41:00'),
    encrypted: true,
    kms: rdsKey,
    public: true,
    multiAz: false,
    autoMinor: true,
    storage: 20,
    backupDays: 1,
    deletionProtection: false,
    tags: dev,
  });
  efs(a, TOKYO, {
    name: 'dev-shared-home',
    created: t('2022-09-01 02:00:00'),
    encrypted: false,
    mounts: 2,
    bytes: 6_442_450_944,
    backup: false,
    tags: dev,
  });
  loadBalancer(a, vpc, {
    name: 'dev-api-alb',
    scheme: 'internet-facing',
    subnets: ['public-a', 'public-c'],
    sgs: [albSg],
    created: t('2025-03-11 02:30:00'),
    logs: null,
    dropInvalidHeaders: false,
    deletionProtection: false,
    webAcl: null,
    tags: dev,
    // Plain HTTP forwarded to the API as well as HTTPS: no redirect.
    listeners: [
      { protocol: 'HTTP', port: 80, action: { forward: 'dev-api' } },
      {
        protocol: 'HTTPS',
        port: 443,
        tls: { policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
        action: { forward: 'dev-api' },
      },
    ],
  });

  // CloudTrail: a single-region trail, and a multi-region one someone stopped.
  trail(a, {
    name: 'dev-trail',
    home: TOKYO,
    bucket: trailBucket,
    multiRegion: false,
    validation: false,
    logging: true,
    started: t('2022-06-20 03:10:00'),
    selectors: {
      EventSelectors: [
        {
          ReadWriteType: 'WriteOnly',
          IncludeManagementEvents: true,
          DataResources: [],
          ExcludeManagementEventSources: [],
        },
      ],
    },
    tags: dev,
  });
  trail(a, {
    name: 'sandbox-test-trail',
    home: VIRGINIA,
    bucket: trailBucket,
    multiRegion: true,
    validation: true,
    logging: false,
    started: t('2024-02-01 00:10:00'),
    stopped: t('2025-08-21 09:12:40'),
    selectors: {
      EventSelectors: [
        { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
      ],
    },
    tags: dev,
  });
  snsTopic(a, TOKYO, {
    name: 'dev-build-notifications',
    displayName: 'DevBuild',
    subscriptions: [{ protocol: 'email', endpoint: 'dev-team@kitsune-shoji.co.jp' }],
    policy: (arn) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowOwnerManage',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DEV}:root` },
          Action: [
            'SNS:GetTopicAttributes',
            'SNS:SetTopicAttributes',
            'SNS:Subscribe',
            'SNS:ListSubscriptionsByTopic',
            'SNS:Publish',
          ],
          Resource: arn,
        },
        { Sid: 'AllowAnyPublisher', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:Publish', Resource: arn },
      ],
    }),
    tags: dev,
  });
  developmentLambdaAndSnapshots(a, { vpc, role: iam.roleArns.get('dev-lambda-basic-exec')!, dev });
  buildListeners(a);
  developmentStorage(a, { dev });
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// Lambda functions and RDS DB snapshots. Added after the rest of the demo: their random parts come from a generator
// seeded by their own names, so that every older resource keeps its bytes.

class Extra {
  private readonly rng: () => number;
  constructor(seed: string) {
    let h = 2166136261;
    for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    this.rng = mulberry32(h);
  }
  private chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rng() * alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.chars(n, '0123456789abcdef');
  }
  lower(n: number): string {
    return this.chars(n, 'abcdefghijklmnopqrstuvwxyz0123456789');
  }
  b32(n: number): string {
    return this.chars(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[Math.floor(this.rng() * 4)]}${this.hex(3)}-${this.hex(12)}`;
  }
  /** A SHA-256 digest in base64, as Lambda's CodeSha256. */
  sha256(): string {
    return `${this.chars(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}=`;
  }
}

/** Lambda writes LastModified as '2025-05-20T06:12:40.000+0000'. */
const lambdaTime = (iso: string): string => iso.replace(/Z$/, '+0000');

interface FunctionSpec {
  region: string;
  name: string;
  description: string;
  runtime: NonNullable<LambdaFunctionProps['Runtime']>;
  handler: string;
  role: string;
  memory: number;
  timeout: number;
  codeSize: number;
  arch?: 'x86_64' | 'arm64';
  modified: string;
  /**
   * Environment variable names, and those whose values looked like secrets when the function was read. The demo
   * never holds the values (the collector drops them): these names are all there is.
   */
  env?: { names: string[]; secretLike?: string[] };
  kms?: string;
  vpc?: { vpc: VpcOut; subnets: string[]; sgs: string[] };
  tracing?: 'Active' | 'PassThrough';
  policy?: (arn: string) => PolicyStatement[];
  url?: { auth: 'NONE' | 'AWS_IAM'; created: string; cors?: LambdaFunctionUrlConfig['Cors'] };
  tags: Tags;
}

function lambdaFunction(a: Acct, f: FunctionSpec): string {
  const x = new Extra(`${a.id}:${f.region}:lambda:${f.name}`);
  const arn = `arn:aws:lambda:${f.region}:${a.id}:function:${f.name}`;
  const statements = f.policy?.(arn);
  a.add(
    'aws.lambda.function',
    arn,
    f.region,
    f.name,
    {
      FunctionName: f.name,
      FunctionArn: arn,
      Runtime: f.runtime,
      Role: f.role,
      Handler: f.handler,
      CodeSize: f.codeSize,
      Description: f.description,
      Timeout: f.timeout,
      MemorySize: f.memory,
      LastModified: lambdaTime(f.modified),
      CodeSha256: x.sha256(),
      Version: '$LATEST',
      ...(f.vpc
        ? {
            VpcConfig: {
              SubnetIds: f.vpc.subnets.map((k) => subnet(f.vpc!.vpc, k).id),
              SecurityGroupIds: f.vpc.sgs,
              VpcId: f.vpc.vpc.id,
              Ipv6AllowedForDualStack: false,
            },
          }
        : {}),
      ...(f.env
        ? {
            Environment: {
              VariableNames: [...f.env.names].sort(),
              SecretLikeVariables: [...(f.env.secretLike ?? [])].sort(),
            },
          }
        : {}),
      ...(f.kms ? { KMSKeyArn: f.kms } : {}),
      TracingConfig: { Mode: f.tracing ?? 'PassThrough' },
      RevisionId: x.uuid(),
      PackageType: 'Zip',
      Architectures: [f.arch ?? 'x86_64'],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.name}` },
      Policy: statements ? { Version: V, Id: 'default', Statement: statements } : null,
      FunctionUrlConfig: f.url
        ? {
            FunctionUrl: `https://${x.lower(32)}.lambda-url.${f.region}.on.aws/`,
            FunctionArn: arn,
            AuthType: f.url.auth,
            ...(f.url.cors ? { Cors: f.url.cors } : {}),
            CreationTime: f.url.created,
            LastModifiedTime: f.url.created,
            InvokeMode: 'BUFFERED',
          }
        : null,
    },
    { tags: f.tags },
  );
  return arn;
}

interface DbSnapshotSpec {
  region: string;
  id: string;
  /** The source instance as it was when the snapshot was taken (it may be gone since). */
  instance: {
    id: string;
    created: string;
    version: string;
    storage: number;
    az: string;
    vpcId: string;
    dbiResourceId?: string;
  };
  created: string;
  /** A copy: the snapshot it was copied from, and when that one was taken. */
  copiedFrom?: { arn: string; created: string };
  kms?: string;
  /** The `restore` attribute: account ids, or 'all' (public). */
  restore: string[];
  tags: Tags;
}

function dbSnapshot(a: Acct, s: DbSnapshotSpec): string {
  const x = new Extra(`${a.id}:${s.region}:rds-snapshot:${s.id}`);
  const arn = `arn:aws:rds:${s.region}:${a.id}:snapshot:${s.id}`;
  a.add(
    'aws.rds.db_snapshot',
    arn,
    s.region,
    s.id,
    {
      DBSnapshotIdentifier: s.id,
      DBInstanceIdentifier: s.instance.id,
      SnapshotCreateTime: s.created,
      Engine: 'mysql',
      AllocatedStorage: s.instance.storage,
      Status: 'available',
      Port: 3306,
      AvailabilityZone: `${s.region}${s.instance.az}`,
      VpcId: s.instance.vpcId,
      InstanceCreateTime: s.instance.created,
      MasterUsername: 'kitsune_admin',
      EngineVersion: s.instance.version,
      LicenseModel: 'general-public-license',
      SnapshotType: 'manual',
      OptionGroupName: `default:mysql-${s.instance.version.split('.').slice(0, 2).join('-')}`,
      PercentProgress: 100,
      ...(s.copiedFrom ? { SourceDBSnapshotIdentifier: s.copiedFrom.arn } : {}),
      StorageType: 'gp3',
      Encrypted: s.kms !== undefined,
      ...(s.kms ? { KmsKeyId: s.kms } : {}),
      DBSnapshotArn: arn,
      IAMDatabaseAuthenticationEnabled: false,
      ProcessorFeatures: [],
      DbiResourceId: s.instance.dbiResourceId ?? `db-${x.b32(26)}`,
      TagList: ec2Tags(s.tags),
      OriginalSnapshotCreateTime: s.copiedFrom?.created ?? s.created,
      SnapshotTarget: 'region',
      DedicatedLogVolume: false,
      MultiTenant: false,
      Attributes: [{ AttributeName: 'restore', AttributeValues: s.restore }],
    },
    { tags: s.tags },
  );
  return arn;
}

/** Production: the storefront's functions and the legacy CRM's manual snapshots. */
function productionLambdaAndSnapshots(
  a: Acct,
  n: { vpc: VpcOut; batchSg: string; appKey: string; rdsKey: string; svc: Tags },
): void {
  // Both functions run as one execution role, kitsune-ec-lambda-exec.
  const role = `arn:aws:iam::${PROD}:role/kitsune-ec-lambda-exec`;
  lambdaFunction(a, {
    region: TOKYO,
    name: 'kitsune-ec-stock-sync',
    description: 'Syncs warehouse stock levels into Aurora every 5 minutes',
    runtime: 'python3.12',
    handler: 'handler.main',
    role,
    memory: 512,
    timeout: 120,
    codeSize: 2_418_733,
    arch: 'arm64',
    modified: t('2026-09-08 02:14:51'),
    env: { names: ['DB_HOST', 'DB_NAME', 'DB_SECRET_ARN', 'LOG_LEVEL'] },
    kms: n.appKey,
    vpc: { vpc: n.vpc, subnets: ['app-a', 'app-c'], sgs: [n.batchSg] },
    tracing: 'Active',
    tags: n.svc,
  });
  lambdaFunction(a, {
    region: TOKYO,
    name: 'kitsune-ec-image-resize',
    description: 'Makes thumbnails of product images uploaded by sellers',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    role,
    memory: 1024,
    timeout: 30,
    codeSize: 18_204_561,
    arch: 'arm64',
    modified: t('2026-06-22 03:40:12'),
    env: { names: ['OUTPUT_BUCKET', 'THUMBNAIL_SIZES'] },
    policy: (arn) => [
      {
        Sid: 'kitsune-ec-uploads-trigger',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: arn,
        Condition: {
          StringEquals: { 'AWS:SourceAccount': PROD },
          ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::kitsune-ec-user-uploads-prod' },
        },
      },
    ],
    tags: n.svc,
  });

  const crmArn = `arn:aws:rds:${TOKYO}:${PROD}:db:kitsune-legacy-crm`;
  const crm = a.resources.find((r) => r.uid === crmArn)?.props as DbInstanceProps | undefined;
  if (!crm?.DbiResourceId) throw new Error('kitsune-legacy-crm must be built before its snapshots');
  const instance = {
    id: 'kitsune-legacy-crm',
    created: t('2018-05-10 02:10:00'),
    storage: 100,
    az: 'c',
    vpcId: n.vpc.id,
    dbiResourceId: crm.DbiResourceId,
  };
  const crmTags = { ...n.svc, Service: 'legacy-crm', 備考: '2027年3月廃止予定' };
  dbSnapshot(a, {
    region: TOKYO,
    id: 'kitsune-legacy-crm-before-8-0-39',
    instance: { ...instance, version: '8.0.36' },
    created: t('2025-03-02 16:05:00'),
    restore: [],
    tags: crmTags,
  });
  // An encrypted copy of the last automated snapshot, shared with the CRM migration vendor's account.
  dbSnapshot(a, {
    region: TOKYO,
    id: 'kitsune-legacy-crm-migration-2026-10',
    instance: { ...instance, version: '8.0.39' },
    created: t('2026-10-02 01:30:00'),
    copiedFrom: {
      arn: `arn:aws:rds:${TOKYO}:${PROD}:snapshot:rds:kitsune-legacy-crm-2026-10-01-17-05`,
      created: t('2026-10-01 17:05:00'),
    },
    kms: n.rdsKey,
    restore: ['603948127745'],
    tags: { ...crmTags, Purpose: 'crm-migration' },
  });
}

/** Development: sandbox functions (one public URL, one open resource policy, one with keys in its environment). */
function developmentLambdaAndSnapshots(a: Acct, n: { vpc: VpcOut; role: string; dev: Tags }): void {
  lambdaFunction(a, {
    region: TOKYO,
    name: 'dev-webhook-receiver',
    description: 'Receives webhooks from the payment sandbox',
    runtime: 'nodejs16.x',
    handler: 'index.handler',
    role: n.role,
    memory: 128,
    timeout: 10,
    codeSize: 1843,
    modified: t('2025-05-20 06:12:40'),
    env: { names: ['LOG_LEVEL', 'TARGET_TOPIC_ARN'] },
    policy: (arn) => [
      {
        Sid: 'FunctionURLAllowPublicAccess',
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:InvokeFunctionUrl',
        Resource: arn,
        Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
      },
    ],
    url: {
      auth: 'NONE',
      created: t('2025-05-20 06:20:03'),
      cors: { AllowOrigins: ['*'], AllowMethods: ['POST'], AllowHeaders: ['content-type'], MaxAge: 300 },
    },
    tags: n.dev,
  });
  lambdaFunction(a, {
    region: TOKYO,
    name: 'dev-slack-notifier',
    description: 'Posts build results to Slack and uploads the logs',
    runtime: 'python3.9',
    handler: 'app.lambda_handler',
    role: n.role,
    memory: 128,
    timeout: 30,
    codeSize: 4_371,
    modified: t('2025-07-02 01:15:30'),
    env: {
      names: ['LOG_LEVEL', 'SLACK_CHANNEL', 'UPLOAD_AWS_ACCESS_KEY_ID', 'UPLOAD_AWS_SECRET_ACCESS_KEY'],
      secretLike: ['UPLOAD_AWS_ACCESS_KEY_ID', 'UPLOAD_AWS_SECRET_ACCESS_KEY'],
    },
    tags: n.dev,
  });
  lambdaFunction(a, {
    region: VIRGINIA,
    name: 'dev-vendor-poc-trigger',
    description: 'Order system PoC: the vendor pushes test orders through this function',
    runtime: 'python3.12',
    handler: 'trigger.handler',
    role: n.role,
    memory: 256,
    timeout: 60,
    codeSize: 12_904,
    modified: t('2025-10-14 08:02:00'),
    policy: (arn) => [
      { Sid: 'vendor-poc-invoke', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: arn },
    ],
    tags: { ...n.dev, Owner: 'vendor-poc' },
  });

  // The final snapshot of the MySQL server that dev-mysql-01 replaced, made public for a vendor hand-over.
  dbSnapshot(a, {
    region: TOKYO,
    id: 'dev-mysql-legacy-final',
    instance: {
      id: 'dev-mysql-legacy',
      created: t('2022-07-11 02:00:00'),
      version: '8.0.35',
      storage: 20,
      az: 'a',
      vpcId: n.vpc.id,
    },
    created: t('2024-08-30 09:00:00'),
    restore: ['all'],
    tags: n.dev,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// SQS queues, DynamoDB tables and ECR repositories. Added after the rest of the demo, with Extra for their random
// parts, so that every older resource keeps its bytes.

/** Epoch seconds as SQS writes its timestamps ('1712131200'). */
const epoch = (iso: string): string => String(Math.floor(Date.parse(iso) / 1000));

interface QueueSpec {
  region: string;
  name: string;
  created: string;
  /** SSE-KMS key id or alias, SSE-SQS ('sqs'), or none. */
  encryption: { kms: string } | 'sqs' | 'none';
  visibility?: number;
  retentionDays?: number;
  /** Name of its dead-letter queue (in the same account and region). */
  dlq?: string;
  policy?: (arn: string) => PolicyStatement[];
  messages?: number;
  tags: Tags;
}

function sqsQueue(a: Acct, q: QueueSpec): string {
  const arn = `arn:aws:sqs:${q.region}:${a.id}:${q.name}`;
  const url = `https://sqs.${q.region}.amazonaws.com/${a.id}/${q.name}`;
  const statements = q.policy?.(arn);
  a.add(
    'aws.sqs.queue',
    arn,
    q.region,
    q.name,
    {
      QueueUrl: url,
      Attributes: {
        QueueArn: arn,
        ApproximateNumberOfMessages: String(q.messages ?? 0),
        ApproximateNumberOfMessagesNotVisible: '0',
        ApproximateNumberOfMessagesDelayed: '0',
        CreatedTimestamp: epoch(q.created),
        LastModifiedTimestamp: epoch(q.created),
        VisibilityTimeout: String(q.visibility ?? 30),
        MaximumMessageSize: '262144',
        MessageRetentionPeriod: String((q.retentionDays ?? 4) * 86_400),
        DelaySeconds: '0',
        ReceiveMessageWaitTimeSeconds: '20',
        ...(q.dlq
          ? {
              RedrivePolicy: JSON.stringify({
                deadLetterTargetArn: `arn:aws:sqs:${q.region}:${a.id}:${q.dlq}`,
                maxReceiveCount: 5,
              }),
            }
          : {}),
        ...(typeof q.encryption === 'object'
          ? { KmsMasterKeyId: q.encryption.kms, KmsDataKeyReusePeriodSeconds: '300' }
          : { SqsManagedSseEnabled: String(q.encryption === 'sqs') }),
      },
      Policy: statements ? { Version: V, Id: `${arn}/SQSDefaultPolicy`, Statement: statements } : null,
    },
    { tags: q.tags },
  );
  return arn;
}

interface TableSpec {
  region: string;
  name: string;
  created: string;
  key: Array<[string, 'S' | 'N']>;
  /** A KMS key ARN (SSE-KMS), or the default AWS owned key. */
  kms?: string;
  pitr: boolean;
  deletionProtection: boolean;
  items: number;
  bytes: number;
  tags: Tags;
}

function dynamoTable(a: Acct, d: TableSpec): string {
  const x = new Extra(`${a.id}:${d.region}:dynamodb:${d.name}`);
  const arn = `arn:aws:dynamodb:${d.region}:${a.id}:table/${d.name}`;
  a.add(
    'aws.dynamodb.table',
    arn,
    d.region,
    d.name,
    {
      AttributeDefinitions: d.key.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
      TableName: d.name,
      KeySchema: d.key.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      TableStatus: 'ACTIVE',
      CreationDateTime: d.created,
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      TableSizeBytes: d.bytes,
      ItemCount: d.items,
      TableArn: arn,
      TableId: x.uuid(),
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: d.created },
      ...(d.kms ? { SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: d.kms } } : {}),
      TableClassSummary: { TableClass: 'STANDARD' },
      DeletionProtectionEnabled: d.deletionProtection,
      ContinuousBackups: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: d.pitr
          ? {
              PointInTimeRecoveryStatus: 'ENABLED',
              RecoveryPeriodInDays: 35,
              EarliestRestorableDateTime: ago(35),
              LatestRestorableDateTime: ago(0, 5),
            }
          : { PointInTimeRecoveryStatus: 'DISABLED' },
      },
    },
    { tags: d.tags },
  );
  return arn;
}

interface RepositorySpec {
  region: string;
  name: string;
  created: string;
  immutable: boolean;
  scanOnPush: boolean;
  /** Keep this many tagged images and expire untagged ones after 14 days; null: no lifecycle policy. */
  keep: number | null;
  policy?: (arn: string) => PolicyStatement[];
  tags: Tags;
}

function ecrRepository(a: Acct, r: RepositorySpec): string {
  const arn = `arn:aws:ecr:${r.region}:${a.id}:repository/${r.name}`;
  a.add(
    'aws.ecr.repository',
    arn,
    r.region,
    r.name,
    {
      repositoryArn: arn,
      registryId: a.id,
      repositoryName: r.name,
      repositoryUri: `${a.id}.dkr.ecr.${r.region}.amazonaws.com/${r.name}`,
      createdAt: r.created,
      imageTagMutability: r.immutable ? 'IMMUTABLE' : 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: r.scanOnPush },
      encryptionConfiguration: { encryptionType: 'AES256' },
      Policy: r.policy ? { Version: V, Statement: r.policy(arn) } : null,
      LifecyclePolicy:
        r.keep === null
          ? null
          : {
              rules: [
                {
                  rulePriority: 1,
                  description: 'Expire untagged images after 14 days',
                  selection: {
                    tagStatus: 'untagged',
                    countType: 'sinceImagePushed',
                    countUnit: 'days',
                    countNumber: 14,
                  },
                  action: { type: 'expire' },
                },
                {
                  rulePriority: 2,
                  description: `Keep the last ${r.keep} release images`,
                  selection: {
                    tagStatus: 'tagged',
                    tagPrefixList: ['v'],
                    countType: 'imageCountMoreThan',
                    countNumber: r.keep,
                  },
                  action: { type: 'expire' },
                },
              ],
            },
    },
    { tags: r.tags },
  );
  return arn;
}

/** Production: the storefront's order events and their dead-letter queue. */
function productionStorage(a: Acct, n: { svc: Tags; appKey: string }): void {
  sqsQueue(a, {
    region: TOKYO,
    name: 'kitsune-ec-order-events-dlq',
    created: t('2022-06-01 01:00:00'),
    encryption: 'sqs',
    retentionDays: 14,
    tags: n.svc,
  });
  sqsQueue(a, {
    region: TOKYO,
    name: 'kitsune-ec-order-events',
    created: t('2022-06-01 01:05:00'),
    encryption: { kms: n.appKey },
    visibility: 120,
    dlq: 'kitsune-ec-order-events-dlq',
    messages: 42,
    policy: (arn) => [
      {
        Sid: 'AllowOrderTopic',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: arn,
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:${TOKYO}:${PROD}:kitsune-ec-orders` } },
      },
    ],
    tags: n.svc,
  });
  dynamoTable(a, {
    region: TOKYO,
    name: 'kitsune-ec-carts',
    created: t('2022-05-18 03:00:00'),
    key: [
      ['customerId', 'S'],
      ['itemId', 'S'],
    ],
    kms: n.appKey,
    pitr: true,
    deletionProtection: true,
    items: 184_322,
    bytes: 61_448_210,
    tags: n.svc,
  });
  // Sessions were thought disposable: default encryption, no point-in-time recovery, no deletion protection.
  dynamoTable(a, {
    region: TOKYO,
    name: 'kitsune-ec-sessions',
    created: t('2022-05-18 03:10:00'),
    key: [['sessionId', 'S']],
    pitr: false,
    deletionProtection: false,
    items: 52_907,
    bytes: 9_802_114,
    tags: n.svc,
  });
  ecrRepository(a, {
    region: TOKYO,
    name: 'kitsune-ec/storefront',
    created: t('2022-04-05 02:00:00'),
    immutable: true,
    scanOnPush: true,
    keep: 30,
    tags: n.svc,
  });
  // The batch images predate the team's registry conventions.
  ecrRepository(a, {
    region: TOKYO,
    name: 'kitsune-ec/batch',
    created: t('2022-06-20 07:30:00'),
    immutable: false,
    scanOnPush: false,
    keep: null,
    tags: n.svc,
  });
}

/** Development: a build queue created before SSE-SQS was the default, and a webhook inbox anyone may write to. */
function developmentStorage(a: Acct, n: { dev: Tags }): void {
  sqsQueue(a, {
    region: TOKYO,
    name: 'dev-build-jobs',
    created: t('2021-11-08 04:20:00'),
    encryption: 'none',
    visibility: 900,
    messages: 3,
    tags: n.dev,
  });
  sqsQueue(a, {
    region: TOKYO,
    name: 'dev-webhook-inbox',
    created: t('2025-05-20 06:25:00'),
    encryption: 'sqs',
    policy: (arn) => [
      { Sid: 'webhook-any-sender', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: arn },
    ],
    tags: n.dev,
  });
  dynamoTable(a, {
    region: TOKYO,
    name: 'dev-feature-flags',
    created: t('2025-02-03 05:40:00'),
    key: [['flag', 'S']],
    pitr: false,
    deletionProtection: false,
    items: 37,
    bytes: 4_210,
    tags: n.dev,
  });
  // Opened to everyone so that a vendor could pull the PoC image without an AWS account of ours.
  ecrRepository(a, {
    region: TOKYO,
    name: 'dev/sandbox-api',
    created: t('2025-04-14 01:00:00'),
    immutable: false,
    scanOnPush: true,
    keep: null,
    policy: () => [
      {
        Sid: 'vendor-poc-pull',
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
      },
    ],
    tags: n.dev,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const TYPE_ORDER: readonly ResourceType[] = [
  'aws.account',
  'aws.organizations.organization',
  'aws.organizations.account',
  'aws.region',
  'aws.iam.user',
  'aws.iam.group',
  'aws.iam.role',
  'aws.iam.policy',
  'aws.iam.server_certificate',
  'aws.budgets.budget',
  'aws.kms.key',
  'aws.s3.bucket',
  'aws.cloudtrail.trail',
  'aws.logs.metric_filter',
  'aws.cloudwatch.alarm',
  'aws.sns.topic',
  'aws.ec2.vpc',
  'aws.ec2.subnet',
  'aws.ec2.route_table',
  'aws.ec2.internet_gateway',
  'aws.ec2.vpc_peering_connection',
  'aws.ec2.network_acl',
  'aws.ec2.security_group',
  'aws.ec2.instance',
  'aws.ec2.volume',
  'aws.ec2.snapshot',
  'aws.elbv2.load_balancer',
  'aws.elbv2.listener',
  'aws.rds.db_cluster',
  'aws.rds.db_instance',
  'aws.efs.file_system',
  'aws.rds.db_snapshot',
  'aws.lambda.function',
  'aws.sqs.queue',
  'aws.dynamodb.table',
  'aws.ecr.repository',
  'aws.guardduty.detector',
  'aws.config.recorder',
  'aws.accessanalyzer.analyzer',
];

export interface DemoFile {
  /** File name inside examples/demo-org/. */
  name: string;
  text: string;
}

/** Builds every snapshot file of the demo organisation, in memory. Deterministic: same output on every run. */
export function buildDemo(): DemoFile[] {
  return [management(), production(), development()].map((a) => {
    const rank = (type: string) => TYPE_ORDER.indexOf(type as ResourceType);
    const resources = [...a.resources].sort((x, y) => rank(x.type) - rank(y.type));
    const snapshot: Snapshot = {
      format: 'mamori.snapshot',
      version: 1,
      generatedAt: GENERATED_AT,
      generator: GENERATOR,
      description: `Kitsune Shoji K.K. (キツネ商事株式会社) demo organisation: ${a.info.label} account ${a.id} (${a.info.alias}). Synthetic data written by scripts/gen-demo.ts; no real account.`,
      scope: { accounts: [a.id], regions: a.info.regions },
      resources: resources as Resource[],
      errors: a.errors,
    };
    return { name: `${a.id}-${a.info.label}.json`, text: `${JSON.stringify(snapshot, null, 1)}\n` };
  });
}

function main(): void {
  const dir = packagePath(...DEMO_DIR);
  mkdirSync(dir, { recursive: true });
  const files = buildDemo();
  const keep = new Set(files.map((f) => f.name));
  for (const f of readdirSync(dir)) if (f.endsWith('.json') && !keep.has(f)) rmSync(join(dir, f));
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.text);
    const count = (JSON.parse(f.text) as Snapshot).resources.length;
    console.log(`wrote ${join(...DEMO_DIR, f.name)} (${count} resources, ${(f.text.length / 1024).toFixed(0)} KiB)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
