import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, isRef } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  compact,
  isCfn,
  joinChildren,
  Locations,
  nameOr,
  obj,
  policyDocument,
  renderRefs,
  str,
  tagsOf,
} from './util.js';

/**
 * aws.ecr.repository from AWS::ECR::Repository and aws_ecr_repository (+ aws_ecr_repository_policy,
 * aws_ecr_lifecycle_policy), in DescribeRepositories' shape with the repository policy and lifecycle policy parsed.
 * A new repository has mutable tags, scan on push off, AES256 encryption, no policy and no lifecycle policy.
 */

/** A lifecycle policy text (JSON string or object) → { rules }; unresolved stays Unknown; absent → null. */
function lifecycle(v: unknown): { rules: unknown } | Unknown | null {
  if (v === undefined || v === null || v === '') return null;
  if (isUnknown(v)) return v;
  if (isRef(v)) return unknown('the lifecycle policy is another block');
  let doc: unknown = v;
  if (typeof v === 'string') {
    try {
      doc = JSON.parse(v);
    } catch {
      return unknown('the lifecycle policy is not valid JSON (or holds values resolved only at deployment)');
    }
  }
  if (doc === null || typeof doc !== 'object') return unknown('the lifecycle policy is not a JSON object');
  const rules = (doc as { rules?: unknown }).rules;
  return { rules: Array.isArray(rules) ? renderRefs(rules) : (rules ?? []) };
}

function repoProps(f: {
  name: unknown;
  mutability: unknown;
  scanOnPush: unknown;
  encType: unknown;
  kmsKey: unknown;
  policy: unknown;
  lifecycle: unknown;
}): Record<string, unknown> {
  return {
    repositoryName: str(f.name) ?? unknown('generated at deployment'),
    imageTagMutability: str(f.mutability) ?? 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: bool(f.scanOnPush) ?? false },
    encryptionConfiguration: compact({ encryptionType: str(f.encType) ?? 'AES256', kmsKey: str(f.kmsKey) }),
    Policy: policyDocument(f.policy) ?? null,
    LifecyclePolicy: lifecycle(f.lifecycle),
  };
}

function mapCfn(block: IacBlock): Mapped {
  const p = block.props;
  const scan = obj(p.ImageScanningConfiguration);
  const enc = obj(p.EncryptionConfiguration);
  const life = obj(p.LifecyclePolicy);
  const loc = new Locations()
    .add('imageTagMutability', block, 'ImageTagMutability')
    .add('imageScanningConfiguration', block, 'ImageScanningConfiguration')
    .add('imageScanningConfiguration.scanOnPush', block, 'ImageScanningConfiguration.ScanOnPush')
    .add('encryptionConfiguration', block, 'EncryptionConfiguration')
    .add('Policy', block, 'RepositoryPolicyText')
    .add('Policy.Statement', block, 'RepositoryPolicyText.Statement')
    .add('LifecyclePolicy', block, 'LifecyclePolicy');
  const stmts = (p.RepositoryPolicyText as { Statement?: unknown } | undefined)?.Statement;
  if (Array.isArray(stmts)) {
    for (let i = 0; i < stmts.length; i++)
      loc.add(`Policy.Statement.${i}`, block, `RepositoryPolicyText.Statement.${i}`);
  }
  return {
    type: 'aws.ecr.repository',
    name: nameOr(p.RepositoryName, block),
    props: repoProps({
      name: p.RepositoryName,
      mutability: p.ImageTagMutability,
      scanOnPush: scan === undefined || isUnknown(scan) ? scan : scan.ScanOnPush,
      encType: enc === undefined || isUnknown(enc) ? enc : enc.EncryptionType,
      kmsKey: enc === undefined || isUnknown(enc) ? undefined : enc.KmsKey,
      policy: p.RepositoryPolicyText,
      lifecycle: life === undefined || isUnknown(life) ? life : life.LifecyclePolicyText,
    }),
    tags: tagsOf(block),
    locations: loc.map,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const scan = obj(p.image_scanning_configuration);
  const enc = obj(p.encryption_configuration);
  const loc = new Locations()
    .add('imageTagMutability', block, 'image_tag_mutability')
    .add('imageScanningConfiguration', block, 'image_scanning_configuration')
    .add('encryptionConfiguration', block, 'encryption_configuration');
  const names = [p.name];
  const pol = joinChildren(ctx, block, 'aws_ecr_repository_policy', 'repository', names, joined)[0];
  if (pol) loc.add('Policy', pol, 'policy');
  const life = joinChildren(ctx, block, 'aws_ecr_lifecycle_policy', 'repository', names, joined)[0];
  if (life) loc.add('LifecyclePolicy', life, 'policy');
  return {
    type: 'aws.ecr.repository',
    name: nameOr(p.name, block),
    props: repoProps({
      name: p.name,
      mutability: p.image_tag_mutability,
      scanOnPush: scan === undefined || isUnknown(scan) ? scan : scan.scan_on_push,
      encType: enc === undefined || isUnknown(enc) ? enc : enc.encryption_type,
      kmsKey: enc === undefined || isUnknown(enc) ? undefined : enc.kms_key,
      policy: pol?.props.policy,
      lifecycle: life?.props.policy,
    }),
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

export const ecrMappers: BlockMapper[] = [
  { source: 'AWS::ECR::Repository', map: (b) => (isCfn(b) ? mapCfn(b) : undefined) },
  { source: 'aws_ecr_repository', map: (b, ctx) => mapTf(b, ctx) },
];
