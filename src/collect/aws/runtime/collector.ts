import type { CollectContext } from './context.js';

/** One service's collector: reads through the SDK and emits Resources of its types, with gaps and errors. */
export interface Collector {
  /** Service key as in type names (iam, ec2, s3, …). */
  service: string;
  /** 'global': once per account (IAM, Organizations, S3's bucket list); 'regional': once per region. */
  scope: 'global' | 'regional';
  /** The resource types it produces (for docs and the registry test). */
  types: readonly string[];
  collect(ctx: CollectContext): Promise<void>;
}
