import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3BucketProps } from '../../inventory/aws/s3.js';
import type { Collector } from './runtime/collector.js';
import { tagMap } from './runtime/context.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/** Buckets per ListBuckets page; asking for a page size turns on the API's ContinuationToken pagination. */
const BUCKETS_PER_PAGE = 1000;

/**
 * GetBucketLocation's LocationConstraint as a region: none (null or '') is us-east-1, and the legacy 'EU' is
 * eu-west-1 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html).
 */
export function bucketRegion(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return 'us-east-1';
  if (locationConstraint === 'EU') return 'eu-west-1';
  return locationConstraint;
}

/** SDK output without its response metadata, as snapshots keep it. */
const withoutMetadata = <T extends { $metadata?: unknown }>(out: T): Omit<T, '$metadata'> => {
  const { $metadata: _, ...rest } = out;
  return rest;
};

/**
 * aws.s3.bucket (global listing, each bucket in its own region): ListBuckets → GetBucketLocation, then in the
 * bucket's region GetBucketPolicy, GetBucketAcl, GetBucketEncryption, GetPublicAccessBlock, GetBucketVersioning,
 * GetBucketLogging and GetBucketTagging.
 */
export const s3Collector: Collector = {
  service: 's3',
  scope: 'global',
  types: ['aws.s3.bucket'],
  async collect(ctx) {
    const home = ctx.client(S3Client);
    const buckets = await ctx.list('aws.s3.bucket', 'ListBuckets', () =>
      allPages(paginateListBuckets({ client: home, pageSize: BUCKETS_PER_PAGE }, {}), (p) => p.Buckets ?? []),
    );
    if (!buckets) return;
    await ctx.each(buckets, async (listed) => {
      const Bucket = listed.Name;
      if (!Bucket) return;
      const props = toJson<S3BucketProps>(listed);
      const bucket = ctx.resource('aws.s3.bucket', { uid: `arn:aws:s3:::${Bucket}`, name: Bucket, props });

      // GetBucketLocation answers from any region; every other call must go to the bucket's own region. Should it
      // fail, the BucketRegion that ListBuckets gives (when it does) says the same.
      const region = await ctx.detail(bucket, 'BucketRegion', async () => {
        try {
          return bucketRegion((await home.send(new GetBucketLocationCommand({ Bucket }))).LocationConstraint);
        } catch (e) {
          if (listed.BucketRegion) return listed.BucketRegion;
          throw e;
        }
      });
      if (region) props.BucketRegion = region;
      else delete (props as Partial<S3BucketProps>).BucketRegion;
      bucket.region = region ?? ctx.callRegion;
      const s3 = ctx.client(S3Client, bucket.region);

      const policy = await ctx.detail(
        bucket,
        'Policy',
        () => s3.send(new GetBucketPolicyCommand({ Bucket })).then((o) => (o.Policy ? parsePolicy(o.Policy) : null)),
        { codes: ['NoSuchBucketPolicy'], value: null },
      );
      if (policy !== undefined) props.Policy = policy;

      const acl = await ctx.detail(bucket, 'Acl', () => s3.send(new GetBucketAclCommand({ Bucket })));
      if (acl) props.Acl = toJson(withoutMetadata(acl));

      const encryption = await ctx.detail(
        bucket,
        'ServerSideEncryptionConfiguration',
        () => s3.send(new GetBucketEncryptionCommand({ Bucket })).then((o) => o.ServerSideEncryptionConfiguration),
        { codes: ['ServerSideEncryptionConfigurationNotFoundError'], value: null },
      );
      if (encryption !== undefined) props.ServerSideEncryptionConfiguration = encryption ? toJson(encryption) : null;

      const publicAccess = await ctx.detail(
        bucket,
        'PublicAccessBlockConfiguration',
        () => s3.send(new GetPublicAccessBlockCommand({ Bucket })).then((o) => o.PublicAccessBlockConfiguration),
        { codes: ['NoSuchPublicAccessBlockConfiguration'], value: null },
      );
      if (publicAccess !== undefined) props.PublicAccessBlockConfiguration = publicAccess ? toJson(publicAccess) : null;

      const versioning = await ctx.detail(bucket, 'Versioning', () =>
        s3.send(new GetBucketVersioningCommand({ Bucket })),
      );
      if (versioning) props.Versioning = toJson(withoutMetadata(versioning));

      const logging = await ctx.detail(bucket, 'LoggingEnabled', () =>
        s3.send(new GetBucketLoggingCommand({ Bucket })),
      );
      if (logging) props.LoggingEnabled = logging.LoggingEnabled ? toJson(logging.LoggingEnabled) : null;

      const tags = await ctx.detail(
        bucket,
        'Tags',
        () => s3.send(new GetBucketTaggingCommand({ Bucket })).then((o) => o.TagSet ?? []),
        { codes: ['NoSuchTagSet'], value: [] },
      );
      if (tags) bucket.tags = tagMap(tags);

      ctx.emit(bucket);
    });
  },
};
