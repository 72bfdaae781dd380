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
  list,
  nameOr,
  obj,
  policyDocument,
  setStr,
  str,
  TF_ACCOUNT,
  tagsOf,
} from './util.js';

/**
 * aws.sns.topic from AWS::SNS::Topic (+ AWS::SNS::TopicPolicy, AWS::SNS::TopicInlinePolicy, AWS::SNS::Subscription)
 * and aws_sns_topic (+ aws_sns_topic_policy, aws_sns_topic_subscription). Attributes as GetTopicAttributes gives
 * them (strings); KmsMasterKeyId only when SSE is on. Without a policy, SNS gives a new topic its default one: the
 * owner account only (AWS:SourceOwner).
 */

const defaultPolicy = (account: string): PolicyDocument => ({
  Version: '2008-10-17',
  Id: '__default_policy_ID',
  Statement: [
    {
      Sid: '__default_statement_ID',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'SNS:GetTopicAttributes',
        'SNS:SetTopicAttributes',
        'SNS:AddPermission',
        'SNS:RemovePermission',
        'SNS:DeleteTopic',
        'SNS:Subscribe',
        'SNS:ListSubscriptionsByTopic',
        'SNS:Publish',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'AWS:SourceOwner': account } },
    },
  ],
});

const attrString = (v: unknown): unknown => {
  const b = bool(v);
  return b === undefined ? undefined : isUnknown(b) ? b : String(b);
};

function mapCfn(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations().add('Attributes.KmsMasterKeyId', block, 'KmsMasterKeyId');
  let policy: unknown = defaultPolicy(CFN_ACCOUNT);
  const tp = joinChildren(ctx, block, 'AWS::SNS::TopicPolicy', 'Topics', [], joined)[0];
  const inline = joinChildren(ctx, block, 'AWS::SNS::TopicInlinePolicy', 'TopicArn', [], joined)[0];
  const src = inline ?? tp;
  if (src) {
    policy = policyDocument(src.props.PolicyDocument) ?? null;
    loc.add('Policy', src, 'PolicyDocument').add('Policy.Statement', src, 'PolicyDocument.Statement');
    const stmts = (src.props.PolicyDocument as { Statement?: unknown } | undefined)?.Statement;
    if (Array.isArray(stmts))
      for (let i = 0; i < stmts.length; i++) loc.add(`Policy.Statement.${i}`, src, `PolicyDocument.Statement.${i}`);
  }
  const subs: unknown[] = [];
  const inlineSubs = list(p.Subscription);
  if (Array.isArray(inlineSubs)) {
    for (const s of inlineSubs) {
      const o = obj(s);
      if (o && !isUnknown(o)) subs.push(compact({ Protocol: str(o.Protocol), Endpoint: str(o.Endpoint) }));
    }
  }
  for (const s of joinChildren(ctx, block, 'AWS::SNS::Subscription', 'TopicArn', [], joined)) {
    subs.push(compact({ Protocol: str(s.props.Protocol), Endpoint: str(s.props.Endpoint) }));
  }
  return {
    type: 'aws.sns.topic',
    name: nameOr(p.TopicName, block),
    props: {
      TopicArn: unknown('assigned by SNS when the topic is created'),
      Attributes: compact({
        DisplayName: str(p.DisplayName),
        KmsMasterKeyId: setStr(p.KmsMasterKeyId),
        FifoTopic: attrString(p.FifoTopic),
      }),
      Policy: policy,
      Subscriptions: subs,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

function mapTf(block: IacBlock, ctx: MapContext): Mapped {
  const p = block.props;
  const joined: IacBlock[] = [];
  const loc = new Locations().add('Attributes.KmsMasterKeyId', block, 'kms_master_key_id');
  let policy: unknown = defaultPolicy(TF_ACCOUNT);
  const inline = policyDocument(p.policy);
  if (inline !== undefined) {
    policy = inline;
    loc.add('Policy', block, 'policy');
  }
  const tp = joinChildren(ctx, block, 'aws_sns_topic_policy', 'arn', [], joined)[0];
  if (tp) {
    policy = policyDocument(tp.props.policy) ?? null;
    loc.add('Policy', tp, 'policy');
  }
  const subs = joinChildren(ctx, block, 'aws_sns_topic_subscription', 'topic_arn', [], joined).map((s) =>
    compact({ Protocol: str(s.props.protocol), Endpoint: str(s.props.endpoint) }),
  );
  return {
    type: 'aws.sns.topic',
    name: nameOr(p.name, block),
    props: {
      TopicArn: unknown('assigned by SNS when the topic is created'),
      Attributes: compact({
        DisplayName: str(p.display_name),
        KmsMasterKeyId: setStr(p.kms_master_key_id),
        FifoTopic: attrString(p.fifo_topic),
      }),
      Policy: policy,
      Subscriptions: subs,
    },
    tags: tagsOf(block),
    locations: loc.map,
    joined,
  };
}

export const snsMappers: BlockMapper[] = [
  { source: 'AWS::SNS::Topic', map: (b, ctx) => (isCfn(b) ? mapCfn(b, ctx) : undefined) },
  { source: 'aws_sns_topic', map: (b, ctx) => mapTf(b, ctx) },
];
