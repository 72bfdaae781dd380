import type { KmsKeyProps } from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

/** KMS (JSON 1.1) answering from the demo's keys, as the KMS API reference shapes its outputs. */
export function kmsHandlers(inv: DemoIndex): FakeHandlers {
  const keys = (ctx: FakeContext) => inv.ofType<KmsKeyProps>('aws.kms.key', ctx.account, ctx.region);
  const find = (input: FakeInput, ctx: FakeContext) => {
    const id = String(input.KeyId);
    const key = keys(ctx).find((k) => k.props.KeyMetadata.KeyId === id || k.uid === id);
    if (!key) throw fakeError('NotFoundException', `Key '${id}' does not exist`);
    return key;
  };
  /** The demo's gap text is the AccessDeniedException message AWS gave. */
  const deniedIfGap = (key: ReturnType<typeof find>, path: string) => {
    const gap = key.gaps?.[path];
    if (gap) throw fakeError('AccessDeniedException', gap.replace(/^AccessDeniedException: /, ''));
  };
  return {
    kms: {
      ListKeys: (input, ctx) =>
        page(
          keys(ctx).map((k) => ({ KeyId: k.props.KeyMetadata.KeyId, KeyArn: k.uid })),
          input,
          { tokenIn: 'Marker', tokenOut: 'NextMarker', itemsKey: 'Keys', truncatedFlag: 'Truncated', pageSize: 3 },
        ),
      ListAliases: (input, ctx) =>
        page(
          keys(ctx).flatMap((k) =>
            k.props.AliasNames.map((AliasName) => ({
              AliasName,
              AliasArn: `arn:aws:kms:${ctx.region}:${ctx.account}:${AliasName}`,
              TargetKeyId: k.props.KeyMetadata.KeyId,
            })),
          ),
          input,
          { tokenIn: 'Marker', tokenOut: 'NextMarker', itemsKey: 'Aliases', truncatedFlag: 'Truncated', pageSize: 4 },
        ),
      DescribeKey: (input, ctx) => ({ KeyMetadata: find(input, ctx).props.KeyMetadata }),
      GetKeyPolicy: (input, ctx) => ({ Policy: JSON.stringify(find(input, ctx).props.Policy), PolicyName: 'default' }),
      GetKeyRotationStatus: (input, ctx) => {
        const key = find(input, ctx);
        deniedIfGap(key, 'KeyRotationEnabled');
        return { KeyRotationEnabled: key.props.KeyRotationEnabled === true, KeyId: key.uid };
      },
      ListResourceTags: (input, ctx) => ({
        Tags: Object.entries(find(input, ctx).tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        Truncated: false,
      }),
    },
  };
}
