import type { SourceLocation, Unknown } from '../core/resource.js';

/**
 * The IaC adapters' output, before the AWS mappers turn blocks into Resources.
 *
 * Values in `props` are plain JSON after intrinsic / expression resolution, with two markers:
 * - `Unknown` ({ $unknown: why }) for what cannot be resolved statically (a parameter without default, a variable
 *   without value, Fn::ImportValue, a data source, a computed attribute);
 * - `IacRef` ({ $ref: address, attr? }) for a reference to another block of the same document (CloudFormation
 *   !Ref / !GetAtt to a resource, Terraform `aws_s3_bucket.b.id`), so mappers can join related blocks. Refs inside
 *   a string (!Sub, interpolation) make the string a concatenation the adapter cannot know: it becomes Unknown
 *   unless the adapter can render it (see `renderRef`).
 */
export interface IacRef {
  $ref: string;
  attr?: string;
}

export const isRef = (v: unknown): v is IacRef =>
  typeof v === 'object' && v !== null && typeof (v as { $ref?: unknown }).$ref === 'string';

/** The stand-in string for a reference that lands in final props (e.g. a KMS key ARN from !GetAtt Key.Arn). */
export const renderRef = (r: IacRef): string => (r.attr ? `\${${r.$ref}.${r.attr}}` : `\${${r.$ref}}`);

/** `Metadata: {mamori: {skip: [{id, reason}]}}` or `# mamori:skip <rule-id> <reason>`. */
export interface Suppression {
  ruleId: string;
  /** Required; a suppression without one is itself reported and does not apply. */
  reason?: string;
  file: string;
  line: number;
}

/** Bad input: malformed YAML/JSON/HCL, a nested stack that cannot be read, an unsupported construct. */
export interface IacProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** 'error' stops that file (its blocks are missing); 'warning' does not. */
  level: 'error' | 'warning';
}

export type IacBlockFormat = 'cloudformation' | 'terraform';

/** One resource block of a template after resolution: the input of the AWS mappers. */
export interface IacBlock {
  format: IacBlockFormat;
  /** File the block is written in, as given (relative to where the scan started). */
  file: string;
  /** Line of the block's start (the logical id line; the `resource "t" "n" {` line). */
  line: number;
  /**
   * Unique in the document. CloudFormation: the logical id, prefixed by the nested stacks' logical ids
   * (`Network.WebSg`). Terraform: the resource address (`aws_s3_bucket.logs`, `module.net.aws_vpc.main`,
   * `aws_s3_bucket.b[0]`, `aws_s3_bucket.b["k"]`); Terraform plan: the plan's address.
   */
  address: string;
  /** 'AWS::S3::Bucket' | 'aws_s3_bucket' */
  type: string;
  /**
   * CloudFormation: the resolved `Properties` (absent → {}). Terraform: the resolved attributes with nested blocks
   * as arrays of objects (hcl2json's and the plan's shape: `versioning: [{ enabled: true }]`); plan JSON nulls are
   * dropped, so absent and null mean the same.
   */
  props: Record<string, unknown>;
  /**
   * Line of each template prop path that starts on its own line: dotted path, array indices as numbers
   * (`BucketEncryption.ServerSideEncryptionConfiguration.0`, `ingress.1.cidr_blocks`).
   */
  lines: Record<string, number>;
  suppressions: Suppression[];
  /** Terraform: the provider region when known; CloudFormation: never known from the template. */
  region?: string;
}

/** One adapted template (with its nested stacks) or one Terraform root module (with its local modules), or a plan. */
export interface IacDocument {
  format: IacBlockFormat;
  /** The template file, or the Terraform root module directory, or the plan file. */
  root: string;
  blocks: IacBlock[];
  problems: IacProblem[];
  /** Every file read for this document (templates, nested stacks, .tf, .tfvars), for the secrets scan. */
  files: string[];
  /** Template parameters / Terraform variables: name → resolved value (for the secrets scan of defaults). */
  inputs?: Array<{ name: string; value: unknown; file: string; line: number; noEcho?: boolean }>;
}

/** File access for adapters, so tests can adapt in-memory texts (fixtures) the same way as files on disk. */
export interface IacIo {
  readText(path: string): string | undefined;
  /** Names (not paths) of the entries of a directory; undefined when it is not one. */
  listDir(path: string): string[] | undefined;
}

export type { SourceLocation, Unknown };
