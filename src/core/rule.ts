import type { Category } from './category.js';
import type { Resource } from './resource.js';
import type { Severity } from './severity.js';
import type { Text } from './text.js';

/** What a rule tells the engine about one resource. ERROR means "could not judge", never a PASS. */
export type Verdict =
  | { status: 'PASS'; note?: Text }
  | { status: 'FAIL'; path: string; reason: Text }
  | { status: 'ERROR'; cause: string }
  | { status: 'N/A'; reason?: Text };

export const pass = (note?: Text): Verdict => (note ? { status: 'PASS', note } : { status: 'PASS' });
/** `path` is the evidence: the dotted prop path (of this resource) that shows the problem. */
export const fail = (path: string, reason: Text): Verdict => ({ status: 'FAIL', path, reason });
export const error = (cause: string): Verdict => ({ status: 'ERROR', cause });
export const notApplicable = (reason?: Text): Verdict => (reason ? { status: 'N/A', reason } : { status: 'N/A' });

/** A list or describe call that failed, so the resources it would have returned are unknown. */
export interface CollectionError {
  account: string;
  region: string;
  /** AWS service key as in the type names: iam, ec2, s3, cloudtrail, ... */
  service: string;
  operation: string;
  /** The resource type whose listing or detail failed, when known. */
  resourceType?: string;
  code: string;
  message: string;
}

/** Read-only views of the inventory that the engine builds once; rules never scan the whole inventory. */
export interface Lookups {
  byUid(uid: string): Resource | undefined;
  /** Resources of a type in an account; all regions unless `region` is given. */
  ofType<P = Record<string, unknown>>(type: string, account: string, region?: string): readonly Resource<P>[];
  /** The regions of an account that the inventory covers (from its aws.region resources). */
  regions(account: string): readonly string[];
}

export interface RuleContext<P> {
  resource: Resource<P>;
  props: P;
  params: Readonly<Record<string, number | string | boolean>>;
  lookups: Lookups;
  now: Date;
}

export interface Remediation {
  /** What to change, in one or two sentences. */
  text: Text;
  /** Console steps. */
  console?: Text;
  /** AWS CLI commands (language-neutral). */
  cli?: string;
  cloudformation?: string;
  terraform?: string;
  /** Provider documentation. */
  url?: string;
}

export interface RuleText {
  title: Text;
  description: Text;
  rationale: Text;
  remediation: Remediation;
}

/** One resource in a fixture: only props are required; the rest gets sensible defaults. */
export interface FixtureResource {
  props: Record<string, unknown>;
  gaps?: Record<string, string>;
  uid?: string;
  name?: string;
  account?: string;
  region?: string;
  tags?: Record<string, string>;
  /** Other resources the rule reads through lookups. */
  related?: Array<Omit<FixtureResource, 'related' | 'errors'> & { type: string }>;
  /** Collection errors in the same inventory. */
  errors?: Array<Partial<CollectionError> & { service: string }>;
  /** Overrides of the rule's params. */
  params?: Record<string, number | string | boolean>;
}

/**
 * Whole template texts for IaC fixtures: each is adapted by the real adapter and mappers, and every resource of the
 * rule's type in it must give the fixture's status. CloudFormation as YAML (or JSON); Terraform as one main.tf.
 */
export interface IacFixtures {
  pass: string[];
  fail: string[];
  /** Unresolvable values the rule needs (a parameter without default, a variable without value) → ERROR. */
  error?: string[];
  notApplicable?: string[];
}

export interface RuleFixtures {
  live: {
    pass: FixtureResource[];
    fail: FixtureResource[];
    error: FixtureResource[];
    notApplicable?: FixtureResource[];
  };
  cloudformation?: IacFixtures;
  terraform?: IacFixtures;
}

export type IacFormat = 'cloudformation' | 'terraform';

/** Scope as data: every listed prop path must equal the value (or one of the values, for an array). */
export type AppliesTo = Readonly<
  Record<string, string | number | boolean | null | readonly (string | number | boolean | null)[]>
>;

export interface Rule<P = Record<string, unknown>> {
  /** Stable: frameworks, exceptions, fixers and finding ids use it; equals the file name. */
  id: string;
  resourceType: string;
  category: Category;
  severity: Severity;
  text: RuleText;
  /** Scope. Unknown or uncollected scope fields give ERROR; unmet scope gives N/A. */
  appliesTo?: AppliesTo | ((props: P) => boolean);
  /** Prop paths the rule reads. Uncollected (a gap, or absent) or unresolved → ERROR before evaluate runs. */
  needs?: readonly string[];
  /** Other resource types read through lookups; a failed collection of one of them in the account → ERROR. */
  uses?: readonly string[];
  /**
   * Other resource types read through lookups without that ERROR rule (e.g. the account record a bucket rule
   * consults). A rule may look up only the types in `uses` and `reads`; the engine holds just those in memory.
   */
  reads?: readonly string[];
  /** Thresholds with defaults; a framework may override them. */
  params?: Readonly<Record<string, number | string | boolean>>;
  evaluate(ctx: RuleContext<P>): Verdict;
  fixtures: RuleFixtures;
  /**
   * Whether templates can be judged by this rule. `false`: the rule needs runtime facts a template cannot give
   * (credential report, last-used dates, account-wide settings); `mamori iac` leaves it out rather than fail it.
   * A list narrows it to the formats that can express the resource (e.g. a password policy has no CloudFormation
   * resource). Default: both formats, and fixtures in both are required.
   */
  iac?: false | readonly IacFormat[];
  /**
   * Security Hub control ids the rule corresponds to (e.g. 'S3.8'). Most are controls of the AWS Foundational
   * Security Best Practices standard; a few (EC2.13, KMS.4, S3.14, …) belong only to Security Hub's CIS, NIST or
   * PCI standards, and aws-fsbp.yaml marks them `inFsbpStandard: false`.
   */
  fsbp?: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds rules of every props type
export type AnyRule = Rule<any>;

export const defineRule = <P>(rule: Rule<P>): Rule<P> => rule;
