import type {
  AccessKeyLastUsed,
  AccessKeyMetadata,
  AttachedPolicy,
  Group,
  LoginProfile,
  MFADevice,
  Policy,
  PolicyGroup,
  PolicyRole,
  PolicyUser,
  Role,
  ServerCertificateMetadata,
  User,
} from '@aws-sdk/client-iam';
import type { Json, PolicyDocument } from '../json.js';
import type { CredentialReportRow } from './account.js';

/** An inline policy with its document (iam:Get{User,Group,Role}Policy, URL-decoded and parsed). */
export interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: PolicyDocument;
}

/** aws.iam.user: iam:ListUsers item plus its details. */
export type IamUserProps = Json<User> & {
  /** iam:GetLoginProfile; null when the user has no console password (NoSuchEntity). */
  LoginProfile: Json<LoginProfile> | null;
  MFADevices: Json<MFADevice>[];
  /** iam:ListAccessKeys, each with iam:GetAccessKeyLastUsed. */
  AccessKeyMetadata: Array<Json<AccessKeyMetadata> & { AccessKeyLastUsed?: Json<AccessKeyLastUsed> }>;
  AttachedManagedPolicies: Json<AttachedPolicy>[];
  UserPolicyList: InlinePolicy[];
  /** iam:ListGroupsForUser group names. */
  GroupList: string[];
  /** The user's row of the credential report. */
  CredentialReport?: CredentialReportRow;
};

/** aws.iam.group */
export type IamGroupProps = Json<Group> & {
  AttachedManagedPolicies: Json<AttachedPolicy>[];
  GroupPolicyList: InlinePolicy[];
  /** iam:GetGroup user names. */
  UserNames: string[];
};

/** aws.iam.role: AssumeRolePolicyDocument is URL-decoded and parsed. */
export type IamRoleProps = Omit<Json<Role>, 'AssumeRolePolicyDocument'> & {
  AssumeRolePolicyDocument: PolicyDocument;
  AttachedManagedPolicies: Json<AttachedPolicy>[];
  RolePolicyList: InlinePolicy[];
};

/**
 * aws.iam.policy: customer managed policies and attached AWS managed ones (iam:ListPolicies OnlyAttached for the
 * latter), with the default version's document and the entities it is attached to (iam:ListEntitiesForPolicy).
 */
export type IamPolicyProps = Json<Policy> & {
  DefaultVersionDocument: PolicyDocument;
  PolicyGroups: Json<PolicyGroup>[];
  PolicyUsers: Json<PolicyUser>[];
  PolicyRoles: Json<PolicyRole>[];
};

/** aws.iam.server_certificate: iam:ListServerCertificates item. */
export type IamServerCertificateProps = Json<ServerCertificateMetadata>;
