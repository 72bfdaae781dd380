import type { SourceLocation } from '../../core/resource.js';
import type { ResourceType } from '../../inventory/types.js';
import type { IacBlock } from '../model.js';

/** What a mapper makes of one block: a Resource in the live API's shape, so the same rules judge it. */
export interface Mapped {
  type: ResourceType;
  /** The resource's name as the API would give it when the template fixes it, else the block address. */
  name: string;
  /** Props in the live API's shape (src/inventory/aws/*.ts), with the defaults AWS applies when a property is absent. */
  props: Record<string, unknown>;
  tags?: Record<string, string>;
  /** API prop path (dotted) → where it was written; `at(block, templatePath)` makes one. */
  locations?: Record<string, SourceLocation>;
  /** Blocks merged into this resource (e.g. aws_s3_bucket_versioning): their suppressions apply to it too. */
  joined?: IacBlock[];
}

export interface MapContext {
  readonly blocks: readonly IacBlock[];
  byAddress(address: string): IacBlock | undefined;
  /**
   * Blocks of `type` whose prop `prop` points at `target`: by reference (IacRef to its address, any attr) or by
   * literal value equal to one of `names` (the target's physical name or id when the template fixes it).
   */
  referrers(type: string, prop: string, target: IacBlock, names?: readonly unknown[]): IacBlock[];
  /** Marks a block as merged into another resource, so it raises no "no mapper" note and is not mapped alone. */
  consume(block: IacBlock): void;
}

/** Turns blocks of one template type ('AWS::S3::Bucket', 'aws_s3_bucket') into Resources. */
export interface BlockMapper {
  source: string;
  /** undefined: the block makes no resource of its own (e.g. it only feeds another block's props). */
  map(block: IacBlock, ctx: MapContext): Mapped | Mapped[] | undefined;
}

/** Where a template prop path was written: its own line when it has one, else the block's. */
export const at = (block: IacBlock, templatePath?: string): SourceLocation => {
  if (templatePath !== undefined) {
    // The nearest written ancestor: `a.b.c` falls back to `a.b`, then `a`.
    for (let p = templatePath; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const line = block.lines[p];
      if (line !== undefined) return { file: block.file, line };
    }
  }
  return { file: block.file, line: block.line };
};
