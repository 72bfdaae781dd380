import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
} from '@aws-sdk/client-kms';
import type { KmsKeyProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { allPages, parsePolicy, toJson } from './runtime/pages.js';

/**
 * aws.kms.key: ListKeys → DescribeKey, GetKeyPolicy, ListAliases; for customer managed keys also ListResourceTags
 * and (symmetric ones) GetKeyRotationStatus. Named after the first alias, else the key id.
 */
export const kmsCollector: Collector = {
  service: 'kms',
  scope: 'regional',
  types: ['aws.kms.key'],
  async collect(ctx) {
    const kms = ctx.client(KMSClient);
    const keys = await ctx.list('aws.kms.key', 'ListKeys', () =>
      allPages(paginateListKeys({ client: kms }, {}), (p) => p.Keys ?? []),
    );
    if (!keys) return;
    const aliases = await ctx.list('aws.kms.key', 'ListAliases', () =>
      allPages(paginateListAliases({ client: kms }, {}), (p) => p.Aliases ?? []),
    );
    if (!aliases) return;
    await ctx.each(keys, async ({ KeyId, KeyArn }) => {
      if (!KeyId || !KeyArn) return;
      const props = {
        AliasNames: aliases.filter((a) => a.TargetKeyId === KeyId).map((a) => a.AliasName!),
      } as KmsKeyProps;
      const alias = props.AliasNames[0];
      const key = ctx.resource('aws.kms.key', {
        uid: KeyArn,
        name: alias ? alias.replace(/^alias\//, '') : KeyId,
        props,
      });
      const described = await ctx.detail(key, 'KeyMetadata', () => kms.send(new DescribeKeyCommand({ KeyId })));
      if (described?.KeyMetadata) props.KeyMetadata = toJson(described.KeyMetadata);
      // Rotation exists only for customer managed symmetric keys; asking about others is an error by design.
      const customer = described?.KeyMetadata?.KeyManager === 'CUSTOMER';
      if (customer) {
        const tags = await ctx.detail(key, 'Tags', () =>
          allPages(paginateListResourceTags({ client: kms }, { KeyId }), (p) => p.Tags ?? []),
        );
        key.tags = Object.fromEntries((tags ?? []).map((t) => [t.TagKey!, t.TagValue ?? '']));
      }
      if (customer && described?.KeyMetadata?.KeySpec === 'SYMMETRIC_DEFAULT') {
        const rotation = await ctx.detail(key, 'KeyRotationEnabled', () =>
          kms.send(new GetKeyRotationStatusCommand({ KeyId })),
        );
        if (rotation) props.KeyRotationEnabled = rotation.KeyRotationEnabled === true;
      }
      const policy = await ctx.detail(key, 'Policy', () =>
        kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })),
      );
      if (policy?.Policy) props.Policy = parsePolicy(policy.Policy);
      ctx.emit(key);
    });
  },
};
