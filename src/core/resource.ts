/**
 * One normalised cloud object, the same whether read live, from a snapshot or from IaC.
 * `props` follow the provider API's own field names so the provider's documentation applies.
 */
export interface ResourceSource {
  kind: 'live' | 'snapshot' | 'cloudformation' | 'terraform';
  file?: string;
  line?: number;
  /** ISO time the live API was read. */
  collectedAt?: string;
  /** IaC: the block's address (CloudFormation logical id, Terraform resource address). */
  address?: string;
  /**
   * IaC: where each prop path came from (dotted API prop path → file and line), for the split resources a
   * Terraform configuration joins and for pointing a finding at the offending property. Longest prefix wins.
   */
  locations?: Record<string, SourceLocation>;
}

export interface SourceLocation {
  file: string;
  line: number;
}

export interface Resource<P = Record<string, unknown>> {
  uid: string;
  provider: 'aws';
  account: string;
  /** 'global' for global services (IAM, Organizations, the account itself). */
  region: string;
  /** provider.service.resource in snake_case, e.g. aws.ec2.security_group */
  type: string;
  name: string;
  tags: Record<string, string>;
  props: P;
  /**
   * Parts of `props` that could not be collected: dotted prop path → cause
   * (e.g. 'AccessDenied: not authorized to perform kms:GetKeyRotationStatus').
   */
  gaps?: Record<string, string>;
  source: ResourceSource;
}

/**
 * A value an IaC adapter could not resolve (an unresolved !Ref, a Terraform unknown).
 * Stored in JSON as { "$unknown": "<why>" } so snapshots can carry it too.
 */
export interface Unknown {
  $unknown: string;
}
export const unknown = (why: string): Unknown => ({ $unknown: why });
export const isUnknown = (v: unknown): v is Unknown =>
  typeof v === 'object' && v !== null && typeof (v as { $unknown?: unknown }).$unknown === 'string';
