import { isUnknown, unknown } from '../../../core/resource.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import type { IacBlock } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  CFN_ACCOUNT,
  compact,
  isCfn,
  joinChildren,
  Locations,
  policyDocument,
  str,
  TF_ACCOUNT,
  tagsOf,
} from './util.js';

/**
 * aws.kms.key from AWS::KMS::Key (+ AWS::KMS::Alias) and aws_kms_key (+ aws_kms_key_policy, aws_kms_alias).
 * KeyMetadata in DescribeKey's shape for a customer managed key; KeyRotationEnabled as GetKeyRotationStatus gives
 * it (symmetric keys only; off unless EnableKeyRotation / enable_key_rotation). Without a key policy, KMS attaches
 * its default one: the account root may do everything (kms:*).
 */

const defaultPolicy = (account: string): PolicyDocument => ({
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

interface KeyFields {
  description: unknown;
  enabled: unknown;
  rotation: unknown;
  policy: unknown;
  spec: unknown;
  usage: unknown;
  multiRegion: unknown;
  origin: unknown;
}

function keyProps(f: KeyFields, account: string, aliases: string[]): Record<string, unknown> {
  const spec = str(f.spec) ?? 'SYMMETRIC_DEFAULT';
  const enabled = bool(f.enabled) ?? true;
  const origin = str(f.origin) ?? 'AWS_KMS';
  const keyState =
    origin === 'EXTERNAL' ? 'PendingImport' : isUnknown(enabled) ? enabled : enabled ? 'Enabled' : 'Disabled';
  const props: Record<string, unknown> = {
    KeyMetadata: compact({
      KeyId: unknown('assigned by KMS when the key is created'),
      Arn: unknown('assigned by KMS when the key is created'),
      Description: str(f.description) ?? '',
      Enabled: isUnknown(enabled) ? enabled : keyState === 'Enabled',
      KeyUsage: str(f.usage) ?? 'ENCRYPT_DECRYPT',
      KeyState: keyState,
      Origin: origin,
      KeyManager: 'CUSTOMER',
      KeySpec: spec,
      CustomerMasterKeySpec: spec,
      MultiRegion: bool(f.multiRegion) ?? false,
    }),
    Policy: policyDocument(f.policy) ?? defaultPolicy(account),
    AliasNames: aliases,
  };
  // GetKeyRotationStatus answers for symmetric encryption keys only (the live collector asks no others).
  if (spec === 'SYMMETRIC_DEFAULT' || isUnknown(spec)) props.KeyRotationEnabled = bool(f.rotation) ?? false;
  return props;
}

function mapCfn(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const aliases = joinChildren(ctx, block, 'AWS::KMS::Alias', 'TargetKeyId', [], joined)
    .map((a) => a.props.AliasName)
    .filter((n): n is string => typeof n === 'string');
  const loc = new Locations()
    .add('KeyRotationEnabled', block, 'EnableKeyRotation')
    .add('Policy', block, 'KeyPolicy')
    .add('Policy.Statement', block, 'KeyPolicy.Statement')
    .add('KeyMetadata.KeySpec', block, 'KeySpec')
    .add('KeyMetadata.KeyState', block, 'Enabled');
  const stmts = (p.KeyPolicy as { Statement?: unknown } | undefined)?.Statement;
  if (Array.isArray(stmts))
    for (let i = 0; i < stmts.length; i++) loc.add(`Policy.Statement.${i}`, block, `KeyPolicy.Statement.${i}`);
  return {
    type: 'aws.kms.key',
    name: aliases[0] ?? block.address,
    props: keyProps(
      {
        description: p.Description,
        enabled: p.Enabled,
        rotation: p.EnableKeyRotation,
        policy: p.KeyPolicy,
        spec: p.KeySpec,
        usage: p.KeyUsage,
        multiRegion: p.MultiRegion,
        origin: p.Origin,
      },
      CFN_ACCOUNT,
      aliases,
    ),
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const aliases = joinChildren(ctx, block, 'aws_kms_alias', 'target_key_id', [], joined)
    .map((a) => a.props.name)
    .filter((n): n is string => typeof n === 'string');
  const loc = new Locations()
    .add('KeyRotationEnabled', block, 'enable_key_rotation')
    .add('Policy', block, 'policy')
    .add('KeyMetadata.KeySpec', block, 'customer_master_key_spec')
    .add('KeyMetadata.KeyState', block, 'is_enabled');
  let policy = p.policy;
  const separate = joinChildren(ctx, block, 'aws_kms_key_policy', 'key_id', [], joined)[0];
  if (separate) {
    policy = separate.props.policy;
    loc.add('Policy', separate, 'policy');
  }
  return {
    type: 'aws.kms.key',
    name: aliases[0] ?? block.address,
    props: keyProps(
      {
        description: p.description,
        enabled: p.is_enabled,
        rotation: p.enable_key_rotation,
        policy,
        spec: p.customer_master_key_spec,
        usage: p.key_usage,
        multiRegion: p.multi_region,
        origin: undefined,
      },
      TF_ACCOUNT,
      aliases,
    ),
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

export const kmsMappers: BlockMapper[] = [
  { source: 'AWS::KMS::Key', map: (b, ctx) => (isCfn(b) ? mapCfn(b, ctx) : undefined) },
  { source: 'aws_kms_key', map: (b, ctx) => mapTf(b, ctx) },
];
