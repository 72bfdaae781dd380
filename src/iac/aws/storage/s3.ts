import { isUnknown, type Unknown, unknown } from '../../../core/resource.js';
import { type IacBlock, type IacRef, renderRef } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  compact,
  isCfn,
  joinChildren,
  Locations,
  list,
  type Maybe,
  obj,
  policyDocument,
  str,
  tagsOf,
} from './util.js';

/**
 * aws.s3.bucket from AWS::S3::Bucket (+ AWS::S3::BucketPolicy) and aws_s3_bucket (+ the split aws_s3_bucket_*
 * resources of provider v4+, and the inline blocks of v3). Absent settings take what S3 gives a new bucket:
 * SSE-S3 default encryption, all four Block Public Access settings on (since April 2023), versioning never
 * enabled, no server access logging, no bucket policy, and an ACL that grants only the owner.
 */

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const OWNER_ID = unknown('canonical user id of the account the template is deployed in');

type Grant = { Grantee: Record<string, unknown>; Permission: string };
const group = (URI: string, Permission: string): Grant => ({ Grantee: { Type: 'Group', URI }, Permission });
const ownerGrant = (): Grant => ({ Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' });

/** The grants of a canned ACL (CloudFormation PascalCase or the API's kebab-case), beside the owner's. */
function cannedGrants(canned: string): Grant[] | undefined {
  const key = canned.toLowerCase().replace(/[^a-z]/g, '');
  switch (key) {
    case 'private':
    case 'bucketownerread':
    case 'bucketownerfullcontrol':
    case 'awsexecread':
      return [ownerGrant()];
    case 'publicread':
      return [ownerGrant(), group(ALL_USERS, 'READ')];
    case 'publicreadwrite':
      return [ownerGrant(), group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')];
    case 'authenticatedread':
      return [ownerGrant(), group(AUTH_USERS, 'READ')];
    case 'logdeliverywrite':
      return [ownerGrant(), group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')];
    default:
      return undefined;
  }
}

function aclFromCanned(v: unknown): { Owner: unknown; Grants: unknown } {
  const canned = str(v);
  if (canned === undefined) return { Owner: { ID: OWNER_ID }, Grants: [ownerGrant()] };
  if (isUnknown(canned)) return { Owner: { ID: OWNER_ID }, Grants: canned };
  return { Owner: { ID: OWNER_ID }, Grants: cannedGrants(canned) ?? unknown(`unrecognised canned ACL ${canned}`) };
}

/** Terraform `grant { type, uri, id, permissions }` (v3 inline) → API grants. */
function tfInlineGrants(v: unknown): Grant[] | Unknown {
  const grants = list(v);
  if (isUnknown(grants)) return grants;
  const out: Grant[] = [];
  for (const g of grants) {
    const o = obj(g);
    if (o === undefined) continue;
    if (isUnknown(o)) return o;
    const type = str(o.type);
    const grantee =
      type === 'Group' ? { Type: 'Group', URI: str(o.uri) } : { Type: 'CanonicalUser', ID: str(o.id) ?? OWNER_ID };
    const perms = list(o.permissions);
    if (isUnknown(perms)) return perms;
    for (const p of perms) out.push({ Grantee: grantee, Permission: String(str(p)) });
  }
  return out;
}

/** aws_s3_bucket_acl `access_control_policy { grant { grantee { type, uri, id }, permission } }` → API grants. */
function tfPolicyGrants(v: unknown): Grant[] | Unknown {
  const acp = obj(v);
  if (acp === undefined) return [];
  if (isUnknown(acp)) return acp;
  const grants = list(acp.grant);
  if (isUnknown(grants)) return grants;
  const out: Grant[] = [];
  for (const g of grants) {
    const o = obj(g);
    if (o === undefined) continue;
    if (isUnknown(o)) return o;
    const grantee = obj(o.grantee);
    if (grantee === undefined) continue;
    if (isUnknown(grantee)) return grantee;
    out.push({
      Grantee: compact({
        Type: str(grantee.type),
        URI: str(grantee.uri),
        ID: str(grantee.id),
        EmailAddress: str(grantee.email_address),
      }),
      Permission: String(str(o.permission)),
    });
  }
  return out;
}

/** CloudFormation ServerSideEncryptionConfiguration rules → the API's Rules. */
function cfnEncryption(v: unknown): unknown {
  const cfg = obj(v);
  if (cfg === undefined) return undefined;
  if (isUnknown(cfg)) return cfg;
  const rules = list(cfg.ServerSideEncryptionConfiguration);
  if (isUnknown(rules)) return rules;
  return {
    Rules: rules.map((r) => {
      const rule = obj(r);
      if (rule === undefined || isUnknown(rule)) return rule;
      const def = obj(rule.ServerSideEncryptionByDefault);
      return compact({
        ApplyServerSideEncryptionByDefault:
          def === undefined || isUnknown(def)
            ? def
            : compact({ SSEAlgorithm: str(def.SSEAlgorithm), KMSMasterKeyID: str(def.KMSMasterKeyID) }),
        BucketKeyEnabled: bool(rule.BucketKeyEnabled) ?? false,
      });
    }),
  };
}

/** Terraform `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }`. */
function tfEncryption(rulesValue: unknown): unknown {
  const rules = list(rulesValue);
  if (isUnknown(rules)) return rules;
  return {
    Rules: rules.map((r) => {
      const rule = obj(r);
      if (rule === undefined || isUnknown(rule)) return rule;
      const def = obj(rule.apply_server_side_encryption_by_default);
      return compact({
        ApplyServerSideEncryptionByDefault:
          def === undefined || isUnknown(def)
            ? def
            : compact({ SSEAlgorithm: str(def.sse_algorithm), KMSMasterKeyID: str(def.kms_master_key_id) }),
        BucketKeyEnabled: bool(rule.bucket_key_enabled) ?? false,
      });
    }),
  };
}

const DEFAULT_ENCRYPTION = {
  Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
};
const DEFAULT_BPA = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/** A Block Public Access configuration that is written: each absent setting is false, as the API takes it. */
function bpa(v: Record<string, unknown>, keys: Record<keyof typeof DEFAULT_BPA, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [api, tpl] of Object.entries(keys)) out[api] = bool(v[tpl]) ?? false;
  return out;
}

/** Versioning from a status string: "Enabled" / "Suspended"; "Disabled" (Terraform, at creation) = never enabled. */
function versioningFromStatus(status: Maybe<string>, mfa: Maybe<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (status !== undefined && status !== 'Disabled') out.Status = status;
  if (mfa !== undefined) out.MFADelete = mfa;
  return out;
}

/** A bucket name for a LoggingEnabled target: a literal, the referenced bucket's fixed name, or its stand-in. */
function bucketName(v: unknown, ctx: MapContext): Maybe<string> {
  if (v !== null && typeof v === 'object' && '$ref' in (v as object)) {
    const ref = v as IacRef;
    const target = ctx.byAddress(ref.$ref);
    const fixed = target?.props[target.format === 'cloudformation' ? 'BucketName' : 'bucket'];
    if (typeof fixed === 'string' && (ref.attr === undefined || ['id', 'bucket'].includes(ref.attr))) return fixed;
    return renderRef(ref);
  }
  return str(v);
}

/** Resolves the bucket's references to itself inside its policy, so ARNs compare with the bucket's name. */
function selfResolver(block: IacBlock, name: unknown) {
  const n = typeof name === 'string' ? name : renderRef({ $ref: block.address });
  const arn = `arn:aws:s3:::${n}`;
  const resolve = (r: IacRef): unknown => {
    if (r.$ref !== block.address) return undefined;
    if (r.attr === undefined || r.attr === 'id' || r.attr === 'bucket') return n;
    if (r.attr === 'Arn' || r.attr === 'arn') return arn;
    return undefined;
  };
  const text = (s: string): string => {
    if (!s.includes('${')) return s;
    let out = s;
    for (const a of ['Arn', 'arn']) out = out.split(`\${${block.address}.${a}}`).join(arn);
    for (const a of ['id', 'bucket']) out = out.split(`\${${block.address}.${a}}`).join(n);
    return out.split(`\${${block.address}}`).join(n);
  };
  return { resolve, text };
}

function mapCfn(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations();
  const name = p.BucketName;
  const nameValue = typeof name === 'string' ? name : isUnknown(name) ? name : renderRef({ $ref: block.address });
  const self = selfResolver(block, name);

  let policy: unknown = null;
  const policies = joinChildren(ctx, block, 'AWS::S3::BucketPolicy', 'Bucket', [name], joined);
  const pol = policies[0];
  if (pol) {
    policy = policyDocument(pol.props.PolicyDocument, self.resolve, self.text) ?? null;
    loc.add('Policy', pol, 'PolicyDocument').add('Policy.Statement', pol, 'PolicyDocument.Statement');
    const stmts = list((obj(pol.props.PolicyDocument) as Record<string, unknown> | undefined)?.Statement);
    if (Array.isArray(stmts))
      for (let i = 0; i < stmts.length; i++) loc.add(`Policy.Statement.${i}`, pol, `PolicyDocument.Statement.${i}`);
  }

  const bpaCfg = obj(p.PublicAccessBlockConfiguration);
  const publicAccess =
    bpaCfg === undefined
      ? { ...DEFAULT_BPA }
      : isUnknown(bpaCfg)
        ? bpaCfg
        : bpa(bpaCfg, {
            BlockPublicAcls: 'BlockPublicAcls',
            IgnorePublicAcls: 'IgnorePublicAcls',
            BlockPublicPolicy: 'BlockPublicPolicy',
            RestrictPublicBuckets: 'RestrictPublicBuckets',
          });
  loc.add('PublicAccessBlockConfiguration', block, 'PublicAccessBlockConfiguration');
  for (const k of Object.keys(DEFAULT_BPA)) {
    loc.add(`PublicAccessBlockConfiguration.${k}`, block, `PublicAccessBlockConfiguration.${k}`);
  }

  const ver = obj(p.VersioningConfiguration);
  const versioning = ver === undefined ? {} : isUnknown(ver) ? ver : versioningFromStatus(str(ver.Status), undefined);
  loc
    .add('Versioning', block, 'VersioningConfiguration')
    .add('Versioning.Status', block, 'VersioningConfiguration.Status');

  const log = obj(p.LoggingConfiguration);
  const logging =
    log === undefined
      ? null
      : isUnknown(log)
        ? log
        : {
            // Without DestinationBucketName, CloudFormation logs to the bucket itself.
            TargetBucket:
              log.DestinationBucketName === undefined ? nameValue : bucketName(log.DestinationBucketName, ctx),
            TargetPrefix: str(log.LogFilePrefix) ?? '',
          };
  loc.add('LoggingEnabled', block, 'LoggingConfiguration');

  const encryption = cfnEncryption(p.BucketEncryption) ?? DEFAULT_ENCRYPTION;
  loc.add('ServerSideEncryptionConfiguration', block, 'BucketEncryption');
  loc.add('ServerSideEncryptionConfiguration.Rules', block, 'BucketEncryption.ServerSideEncryptionConfiguration');
  loc.add('Acl', block, 'AccessControl').add('Acl.Grants', block, 'AccessControl');

  return {
    type: 'aws.s3.bucket',
    name: typeof name === 'string' && name !== '' ? name : block.address,
    props: {
      Name: nameValue,
      BucketRegion: block.region ?? unknown('the region the stack is deployed in'),
      Policy: policy,
      Acl: aclFromCanned(p.AccessControl),
      ServerSideEncryptionConfiguration: encryption,
      PublicAccessBlockConfiguration: publicAccess,
      Versioning: versioning,
      LoggingEnabled: logging,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations();
  const name = p.bucket;
  const nameValue = typeof name === 'string' ? name : isUnknown(name) ? name : renderRef({ $ref: block.address });
  const self = selfResolver(block, name);
  const children = (type: string) => joinChildren(ctx, block, type, 'bucket', [name], joined);

  // Bucket policy: aws_s3_bucket_policy wins over the v3 inline `policy`.
  let policy: unknown = null;
  const inlinePolicy = policyDocument(p.policy, self.resolve, self.text);
  if (inlinePolicy !== undefined) {
    policy = inlinePolicy;
    loc.add('Policy', block, 'policy');
  }
  const pol = children('aws_s3_bucket_policy')[0];
  if (pol) {
    policy = policyDocument(pol.props.policy, self.resolve, self.text) ?? null;
    loc.add('Policy', pol, 'policy');
  }

  // Block Public Access: the split resource; none → the creation default (all on).
  let publicAccess: unknown = { ...DEFAULT_BPA };
  const pab = children('aws_s3_bucket_public_access_block')[0];
  if (pab) {
    publicAccess = bpa(pab.props, {
      BlockPublicAcls: 'block_public_acls',
      IgnorePublicAcls: 'ignore_public_acls',
      BlockPublicPolicy: 'block_public_policy',
      RestrictPublicBuckets: 'restrict_public_buckets',
    });
    loc.add('PublicAccessBlockConfiguration', pab);
    loc.add('PublicAccessBlockConfiguration.BlockPublicAcls', pab, 'block_public_acls');
    loc.add('PublicAccessBlockConfiguration.IgnorePublicAcls', pab, 'ignore_public_acls');
    loc.add('PublicAccessBlockConfiguration.BlockPublicPolicy', pab, 'block_public_policy');
    loc.add('PublicAccessBlockConfiguration.RestrictPublicBuckets', pab, 'restrict_public_buckets');
  }

  // Versioning: v3 inline `versioning { enabled, mfa_delete }`, or aws_s3_bucket_versioning.
  let versioning: unknown = {};
  const inlineVer = obj(p.versioning);
  if (inlineVer !== undefined) {
    if (isUnknown(inlineVer)) versioning = inlineVer;
    else {
      const enabled = bool(inlineVer.enabled);
      const mfa = bool(inlineVer.mfa_delete);
      versioning = compact({
        Status: enabled === true ? 'Enabled' : isUnknown(enabled) ? enabled : undefined,
        MFADelete: mfa === true ? 'Enabled' : isUnknown(mfa) ? mfa : undefined,
      });
    }
    loc.add('Versioning', block, 'versioning');
  }
  const verBlock = children('aws_s3_bucket_versioning')[0];
  if (verBlock) {
    const cfg = obj(verBlock.props.versioning_configuration);
    versioning =
      cfg === undefined ? {} : isUnknown(cfg) ? cfg : versioningFromStatus(str(cfg.status), str(cfg.mfa_delete));
    loc.add('Versioning', verBlock, 'versioning_configuration');
    loc.add('Versioning.Status', verBlock, 'versioning_configuration.0.status');
    loc.add('Versioning.MFADelete', verBlock, 'versioning_configuration.0.mfa_delete');
  }

  // Server access logging.
  let logging: unknown = null;
  const inlineLog = obj(p.logging);
  if (inlineLog !== undefined) {
    logging = isUnknown(inlineLog)
      ? inlineLog
      : { TargetBucket: bucketName(inlineLog.target_bucket, ctx), TargetPrefix: str(inlineLog.target_prefix) ?? '' };
    loc.add('LoggingEnabled', block, 'logging');
  }
  const logBlock = children('aws_s3_bucket_logging')[0];
  if (logBlock) {
    logging = {
      TargetBucket: bucketName(logBlock.props.target_bucket, ctx),
      TargetPrefix: str(logBlock.props.target_prefix) ?? '',
    };
    loc.add('LoggingEnabled', logBlock);
  }

  // Default encryption.
  let encryption: unknown = DEFAULT_ENCRYPTION;
  const inlineSse = obj(p.server_side_encryption_configuration);
  if (inlineSse !== undefined) {
    encryption = isUnknown(inlineSse) ? inlineSse : tfEncryption(inlineSse.rule);
    loc.add('ServerSideEncryptionConfiguration', block, 'server_side_encryption_configuration');
  }
  const sseBlock = children('aws_s3_bucket_server_side_encryption_configuration')[0];
  if (sseBlock) {
    encryption = tfEncryption(sseBlock.props.rule);
    loc.add('ServerSideEncryptionConfiguration', sseBlock, 'rule');
  }

  // ACL: v3 `acl` / `grant`, or aws_s3_bucket_acl.
  let acl: unknown = aclFromCanned(p.acl);
  if (p.acl !== undefined) loc.add('Acl', block, 'acl');
  if (p.grant !== undefined) {
    acl = { Owner: { ID: OWNER_ID }, Grants: tfInlineGrants(p.grant) };
    loc.add('Acl', block, 'grant');
  }
  const aclBlock = children('aws_s3_bucket_acl')[0];
  if (aclBlock) {
    acl =
      aclBlock.props.access_control_policy !== undefined
        ? { Owner: { ID: OWNER_ID }, Grants: tfPolicyGrants(aclBlock.props.access_control_policy) }
        : aclFromCanned(aclBlock.props.acl);
    loc.add('Acl', aclBlock);
  }

  // Split resources with no prop in the live shape yet: joined so they are not reported as unjudged.
  for (const t of [
    'aws_s3_bucket_ownership_controls',
    'aws_s3_bucket_object_lock_configuration',
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_notification',
    'aws_s3_bucket_cors_configuration',
    'aws_s3_bucket_website_configuration',
    'aws_s3_bucket_replication_configuration',
    'aws_s3_bucket_accelerate_configuration',
    'aws_s3_bucket_request_payment_configuration',
  ]) {
    children(t);
  }

  return {
    type: 'aws.s3.bucket',
    name: typeof name === 'string' && name !== '' ? name : block.address,
    props: {
      Name: nameValue,
      BucketRegion: block.region ?? unknown('the region of the provider'),
      Policy: policy,
      Acl: acl,
      ServerSideEncryptionConfiguration: encryption,
      PublicAccessBlockConfiguration: publicAccess,
      Versioning: versioning,
      LoggingEnabled: logging,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

export const s3Mappers: BlockMapper[] = [
  { source: 'AWS::S3::Bucket', map: (b, ctx) => (isCfn(b) ? mapCfn(b, ctx) : undefined) },
  { source: 'aws_s3_bucket', map: (b, ctx) => mapTf(b, ctx) },
];
