import type { Resource } from '../../../../src/core/resource.js';
import type { S3BucketProps } from '../../../../src/inventory/aws/s3.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandler, FakeHandlers, FakeInput } from '../types.js';

export interface S3HandlerOptions {
  /** Most buckets per ListBuckets page when the caller asks for pages (MaxBuckets); small to exercise paging. */
  pageSize?: number;
}

type Bucket = Resource<S3BucketProps>;

/** A demo gap ("AccessDenied: User: … is not authorized …") as the error AWS answered. */
function deniedIfGap(bucket: Bucket, path: string): void {
  const gap = bucket.gaps?.[path];
  if (gap === undefined) return;
  const m = /^(\w+): ([\s\S]*)$/.exec(gap);
  throw fakeError(m?.[1] ?? 'AccessDenied', m?.[2] ?? gap, 403);
}

/**
 * S3 (REST XML, path-style) answering from the demo's buckets, shaped as the S3 API reference gives them.
 * ListBuckets lists the caller's buckets from any region; GetBucketLocation answers from any region too; every
 * other bucket call must be signed for the bucket's own region, else S3 refuses it (AuthorizationHeaderMalformed).
 */
export function s3Handlers(inv: DemoIndex, options: S3HandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 4;
  const buckets = (ctx: FakeContext) => inv.ofType<S3BucketProps>('aws.s3.bucket', ctx.account);
  const find = (input: FakeInput, ctx: FakeContext): Bucket => {
    const name = String(input.Bucket);
    const bucket = buckets(ctx).find((b) => b.props.Name === name);
    if (!bucket) throw fakeError('NoSuchBucket', 'The specified bucket does not exist', 404);
    return bucket;
  };
  /** A bucket call that only its own region answers. */
  const regional = (input: FakeInput, ctx: FakeContext): Bucket => {
    const bucket = find(input, ctx);
    if (ctx.region !== bucket.props.BucketRegion) {
      throw fakeError(
        'AuthorizationHeaderMalformed',
        `The authorization header is malformed; the region '${ctx.region}' is wrong; expecting '${bucket.props.BucketRegion}'`,
        400,
      );
    }
    return bucket;
  };
  /** A Get* on one bucket detail: the demo's gap on `path` is answered as the denial AWS gave. */
  const detail =
    (path: string, answer: (bucket: Bucket) => unknown): FakeHandler =>
    (input: FakeInput, ctx: FakeContext) => {
      const bucket = regional(input, ctx);
      deniedIfGap(bucket, path);
      return answer(bucket);
    };

  return {
    s3: {
      ListBuckets: (input, ctx) => {
        const all = buckets(ctx).map((b) => ({
          Name: b.props.Name,
          CreationDate: b.props.CreationDate,
          BucketRegion: b.props.BucketRegion,
        }));
        const owner = buckets(ctx)[0]?.props.Acl.Owner;
        const prefix = typeof input.Prefix === 'string' ? input.Prefix : undefined;
        const listed = prefix ? all.filter((b) => b.Name?.startsWith(prefix)) : all;
        // Without MaxBuckets or a ContinuationToken, S3 answers the whole list in one response.
        const paged = input.MaxBuckets !== undefined || input.ContinuationToken !== undefined;
        const items = paged
          ? page(listed, input, { itemsKey: 'Buckets', tokenIn: 'ContinuationToken', pageSize })
          : { Buckets: listed };
        return { ...items, ...(owner ? { Owner: owner } : {}), ...(prefix ? { Prefix: prefix } : {}) };
      },
      GetBucketLocation: (input, ctx) => {
        const bucket = find(input, ctx);
        deniedIfGap(bucket, 'BucketRegion');
        const region = bucket.props.BucketRegion;
        // us-east-1 buckets have no location constraint.
        return region === 'us-east-1' ? {} : { LocationConstraint: region };
      },
      GetBucketPolicy: detail('Policy', (b) => {
        if (b.props.Policy === null) throw fakeError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
        return { Policy: JSON.stringify(b.props.Policy) };
      }),
      GetBucketAcl: detail('Acl', (b) => ({ Owner: b.props.Acl.Owner, Grants: b.props.Acl.Grants })),
      GetBucketEncryption: detail('ServerSideEncryptionConfiguration', (b) => {
        const config = b.props.ServerSideEncryptionConfiguration;
        if (config === null) {
          throw fakeError(
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
            404,
          );
        }
        return { ServerSideEncryptionConfiguration: config };
      }),
      GetPublicAccessBlock: detail('PublicAccessBlockConfiguration', (b) => {
        const config = b.props.PublicAccessBlockConfiguration;
        if (config === null) {
          throw fakeError(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
          );
        }
        return { PublicAccessBlockConfiguration: config };
      }),
      GetBucketVersioning: detail('Versioning', (b) => ({ ...b.props.Versioning })),
      GetBucketLogging: detail('LoggingEnabled', (b) =>
        b.props.LoggingEnabled ? { LoggingEnabled: b.props.LoggingEnabled } : {},
      ),
      GetBucketTagging: detail('Tags', (b) => {
        const tags = Object.entries(b.tags);
        if (tags.length === 0) throw fakeError('NoSuchTagSet', 'The TagSet does not exist', 404);
        return { TagSet: tags.map(([Key, Value]) => ({ Key, Value })) };
      }),
    },
  };
}
