import { isUnknown, unknown } from '../../../core/resource.js';
import type { IacBlock } from '../../model.js';
import type { BlockMapper, MapContext, Mapped } from '../mapper.js';
import {
  bool,
  compact,
  isCfn,
  joinChildren,
  Locations,
  nameOr,
  num,
  policyDocument,
  setStr,
  str,
  tagsOf,
} from './util.js';

/**
 * aws.sqs.queue from AWS::SQS::Queue (+ AWS::SQS::QueuePolicy) and aws_sqs_queue (+ aws_sqs_queue_policy).
 * Attributes as GetQueueAttributes gives them (strings). A new queue gets SSE-SQS unless it is given a KMS key
 * (SSE-KMS) or SqsManagedSseEnabled false; without a queue policy there is none (null).
 */

const asString = (v: unknown): unknown => {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  const n = num(v);
  return n === undefined || isUnknown(n) ? str(v) : String(n);
};
const boolString = (v: unknown): unknown => {
  const b = bool(v);
  return b === undefined ? undefined : isUnknown(b) ? b : String(b);
};

function attributes(kmsKey: unknown, managedSse: unknown, fifo: unknown, rest: Record<string, unknown>) {
  const KmsMasterKeyId = setStr(kmsKey);
  const explicit = boolString(managedSse);
  // SSE-SQS is the default for a new queue; a KMS key selects SSE-KMS instead (one option per queue).
  const SqsManagedSseEnabled = explicit ?? (KmsMasterKeyId === undefined ? 'true' : 'false');
  return compact({ KmsMasterKeyId, SqsManagedSseEnabled, FifoQueue: boolString(fifo), ...rest });
}

function mapCfn(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations()
    .add('Attributes.KmsMasterKeyId', block, 'KmsMasterKeyId')
    .add('Attributes.SqsManagedSseEnabled', block, 'SqsManagedSseEnabled');
  let policy: unknown = null;
  const qp = joinChildren(ctx, block, 'AWS::SQS::QueuePolicy', 'Queues', [], joined)[0];
  if (qp) {
    policy = policyDocument(qp.props.PolicyDocument) ?? null;
    loc.add('Policy', qp, 'PolicyDocument').add('Policy.Statement', qp, 'PolicyDocument.Statement');
    const stmts = (qp.props.PolicyDocument as { Statement?: unknown } | undefined)?.Statement;
    if (Array.isArray(stmts))
      for (let i = 0; i < stmts.length; i++) loc.add(`Policy.Statement.${i}`, qp, `PolicyDocument.Statement.${i}`);
  }
  return {
    type: 'aws.sqs.queue',
    name: nameOr(p.QueueName, block),
    props: {
      QueueUrl: unknown('assigned by SQS when the queue is created'),
      Attributes: attributes(p.KmsMasterKeyId, p.SqsManagedSseEnabled, p.FifoQueue, {
        KmsDataKeyReusePeriodSeconds: asString(p.KmsDataKeyReusePeriodSeconds),
        VisibilityTimeout: asString(p.VisibilityTimeout),
        MessageRetentionPeriod: asString(p.MessageRetentionPeriod),
      }),
      Policy: policy,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations()
    .add('Attributes.KmsMasterKeyId', block, 'kms_master_key_id')
    .add('Attributes.SqsManagedSseEnabled', block, 'sqs_managed_sse_enabled');
  let policy: unknown = null;
  const inline = policyDocument(p.policy);
  if (inline !== undefined) {
    policy = inline;
    loc.add('Policy', block, 'policy');
  }
  const qp = joinChildren(ctx, block, 'aws_sqs_queue_policy', 'queue_url', [], joined)[0];
  if (qp) {
    policy = policyDocument(qp.props.policy) ?? null;
    loc.add('Policy', qp, 'policy');
  }
  return {
    type: 'aws.sqs.queue',
    name: nameOr(p.name, block),
    props: {
      QueueUrl: unknown('assigned by SQS when the queue is created'),
      Attributes: attributes(p.kms_master_key_id, p.sqs_managed_sse_enabled, p.fifo_queue, {
        KmsDataKeyReusePeriodSeconds: asString(p.kms_data_key_reuse_period_seconds),
        VisibilityTimeout: asString(p.visibility_timeout_seconds),
        MessageRetentionPeriod: asString(p.message_retention_seconds),
      }),
      Policy: policy,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

export const sqsMappers: BlockMapper[] = [
  { source: 'AWS::SQS::Queue', map: (b, ctx) => (isCfn(b) ? mapCfn(b, ctx) : undefined) },
  { source: 'aws_sqs_queue', map: (b, ctx) => mapTf(b, ctx) },
];
