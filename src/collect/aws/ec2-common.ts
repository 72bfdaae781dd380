import type { Tag } from '@aws-sdk/client-ec2';
import type { Resource } from '../../core/resource.js';
import type { ResourceType, ResourceTypes } from '../../inventory/types.js';
import { type CollectContext, tagMap } from './runtime/context.js';
import { toJson } from './runtime/pages.js';

/**
 * Page sizes (MaxResults) asked of EC2's NextToken-paginated Describe* calls: the most each operation accepts
 * (DescribeRouteTables and DescribeNetworkAcls take at most 100, the others 1000).
 */
export const EC2_PAGE = 1000;
export const EC2_SMALL_PAGE = 100;

/** `arn:aws:ec2:<region>:<account>:<kind>/<id>` (docs/snapshot-format.md). */
export const ec2Arn = (ctx: CollectContext, kind: string, id: string): string =>
  `arn:aws:ec2:${ctx.region}:${ctx.account}:${kind}/${id}`;

/** The display name EC2's console shows: the Name tag, else the id. */
export const nameTag = (tags: readonly Tag[] | undefined, fallback: string): string =>
  tags?.find((t) => t.Key === 'Name')?.Value || fallback;

export interface Ec2Listing<I> {
  type: ResourceType;
  /** The Describe* operation, for the collection error when it fails. */
  operation: string;
  /** ARN resource kind: vpc, subnet, security-group… */
  kind: string;
  fetch: () => Promise<I[]>;
  id: (item: I) => string | undefined;
  /** Display name; default the Name tag, else the id. */
  name?: (item: I, id: string) => string;
  /** Items to leave out (e.g. terminated instances). */
  keep?: (item: I) => boolean;
}

/**
 * Lists one EC2 type and builds its resources (props: the API's item as JSON), not yet emitted so that the caller
 * can add details. Undefined when the listing failed (a collection error for the type is recorded).
 */
export async function ec2Resources<T extends ResourceType, I extends { Tags?: Tag[] }>(
  ctx: CollectContext,
  listing: Ec2Listing<I> & { type: T },
): Promise<Resource<ResourceTypes[T]>[] | undefined> {
  const items = await ctx.list(listing.type, listing.operation, listing.fetch);
  if (!items) return undefined;
  const out: Resource<ResourceTypes[T]>[] = [];
  for (const item of items) {
    const id = listing.id(item);
    if (!id || (listing.keep && !listing.keep(item))) continue;
    out.push(
      ctx.resource(listing.type, {
        uid: ec2Arn(ctx, listing.kind, id),
        name: listing.name ? listing.name(item, id) : nameTag(item.Tags, id),
        props: toJson<ResourceTypes[T]>(item),
        tags: tagMap(item.Tags),
      }),
    );
  }
  return out;
}

/** Lists one EC2 type and emits its resources as they are. */
export async function emitEc2<T extends ResourceType, I extends { Tags?: Tag[] }>(
  ctx: CollectContext,
  listing: Ec2Listing<I> & { type: T },
): Promise<void> {
  for (const r of (await ec2Resources(ctx, listing)) ?? []) ctx.emit(r);
}
