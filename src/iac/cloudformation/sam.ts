import { isUnknown } from '../../core/resource.js';
import type { IacBlock } from '../model.js';
import { get, type SMap, type SNode } from './parse.js';

/**
 * AWS SAM (`Transform: AWS::Serverless-2016-10-31`): the parts of the transform that matter to the rules.
 * AWS::Serverless::Function → AWS::Lambda::Function (+ AWS::Lambda::Url and its public permission for a
 * FunctionUrlConfig); AWS::Serverless::SimpleTable → AWS::DynamoDB::Table. Other Serverless types stay as written.
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v) && !('$ref' in v);

const isIntrinsic = (n: SNode): boolean =>
  n.k === 'map' && n.keys.length === 1 && (n.keys[0] === 'Ref' || (n.keys[0] as string).startsWith('Fn::'));

/**
 * Globals merged under a resource's Properties, as SAM does: maps merge (the resource wins on a key), lists add up
 * (globals first), anything else is the resource's. Works on template nodes so each value keeps its own line.
 */
export function mergeGlobals(globals: SNode, own: SNode): SNode {
  if (globals.k === 'map' && own.k === 'map' && !isIntrinsic(globals) && !isIntrinsic(own)) {
    const out: SMap = { ...own, keys: [...own.keys], keyLines: [...own.keyLines], values: [...own.values] };
    globals.keys.forEach((key, i) => {
      const g = globals.values[i] as SNode;
      const at = out.keys.lastIndexOf(key);
      if (at < 0) {
        out.keys.push(key);
        out.keyLines.push(globals.keyLines[i] as number);
        out.values.push(g);
      } else out.values[at] = mergeGlobals(g, out.values[at] as SNode);
    });
    return out;
  }
  if (globals.k === 'seq' && own.k === 'seq') return { ...own, items: [...globals.items, ...own.items] };
  return own;
}

/** The Globals section's entry for a Serverless type (`Function` for AWS::Serverless::Function). */
export const globalsFor = (globals: SNode | undefined, type: string): SNode | undefined =>
  type.startsWith('AWS::Serverless::') ? get(globals, type.slice('AWS::Serverless::'.length)) : undefined;

/** A CloudFormation `Tags` list from SAM's map form (`{ Key: Value }`); the map keys' order is kept. */
function tagList(tags: unknown): { list: unknown; order: string[] } | undefined {
  if (!isObject(tags)) return undefined;
  const order = Object.keys(tags);
  return { list: order.map((Key) => ({ Key, Value: tags[Key] })), order };
}

/** Rewrites a block's line paths: `rename(top)` gives the new first segment(s) of a path, or undefined to drop it. */
function moveLines(
  lines: Record<string, number>,
  rename: (top: string, rest: string) => string | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, line] of Object.entries(lines)) {
    const dot = path.indexOf('.');
    const to = rename(dot < 0 ? path : path.slice(0, dot), dot < 0 ? '' : path.slice(dot + 1));
    if (to !== undefined) out[to] = line;
  }
  return out;
}

const tagLines = (order: string[], rest: string): string => {
  if (rest === '') return 'Tags';
  const i = order.indexOf(rest);
  return i < 0 ? 'Tags' : `Tags.${i}`;
};

const LAMBDA_PROPS = new Set([
  'Architectures',
  'CodeSigningConfigArn',
  'Description',
  'Environment',
  'EphemeralStorage',
  'FileSystemConfigs',
  'FunctionName',
  'Handler',
  'ImageConfig',
  'KmsKeyArn',
  'Layers',
  'LoggingConfig',
  'MemorySize',
  'PackageType',
  'RecursiveLoop',
  'ReservedConcurrentExecutions',
  'Role',
  'Runtime',
  'RuntimeManagementConfig',
  'SnapStart',
  'Timeout',
  'TracingConfig',
  'VpcConfig',
]);

function code(p: Record<string, unknown>): { value: unknown; from: string; sub?: string } | undefined {
  if (p.InlineCode !== undefined) return { value: { ZipFile: p.InlineCode }, from: 'InlineCode', sub: 'ZipFile' };
  if (p.ImageUri !== undefined) return { value: { ImageUri: p.ImageUri }, from: 'ImageUri', sub: 'ImageUri' };
  const uri = p.CodeUri;
  if (isObject(uri)) {
    const value: Record<string, unknown> = { S3Bucket: uri.Bucket, S3Key: uri.Key };
    if (uri.Version !== undefined) value.S3ObjectVersion = uri.Version;
    return { value, from: 'CodeUri' };
  }
  const s3 = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
  if (s3) return { value: { S3Bucket: s3[1], S3Key: s3[2] }, from: 'CodeUri' };
  return undefined;
}

function lambdaFunction(block: IacBlock): IacBlock[] {
  const p = block.props;
  const props: Record<string, unknown> = {};
  const rename = new Map<string, string>();
  for (const key of Object.keys(p)) {
    if (LAMBDA_PROPS.has(key)) {
      props[key] = p[key];
      rename.set(key, key);
    }
  }
  const c = code(p);
  if (c) {
    props.Code = c.value;
    rename.set(c.from, c.sub ? `Code.${c.sub}` : 'Code');
  }
  const role = 'Role' in p ? undefined : executionRole(block);
  if (role) props.Role = { $ref: role.address, attr: 'Arn' };
  if (p.Tracing !== undefined && p.Tracing !== 'Disabled') {
    props.TracingConfig = { Mode: p.Tracing };
    rename.set('Tracing', 'TracingConfig.Mode');
  }
  if (isObject(p.DeadLetterQueue)) {
    props.DeadLetterConfig = { TargetArn: p.DeadLetterQueue.TargetArn };
    rename.set('DeadLetterQueue', 'DeadLetterConfig');
  }
  const tags = tagList(p.Tags);
  const samTag = { Key: 'lambda:createdBy', Value: 'SAM' };
  props.Tags = tags ? [...(tags.list as unknown[]), samTag] : Array.isArray(p.Tags) ? [...p.Tags, samTag] : [samTag];
  const lines = moveLines(block.lines, (top, rest) => {
    if (top === 'Tags') return tags ? tagLines(tags.order, rest) : rest ? `Tags.${rest}` : 'Tags';
    const to = rename.get(top);
    if (to === undefined) return undefined;
    return rest ? `${to}.${rest}` : to;
  });
  if (block.lines.Tracing !== undefined && props.TracingConfig) lines.TracingConfig = block.lines.Tracing;
  const fn: IacBlock = { ...block, type: 'AWS::Lambda::Function', props, lines };
  const out = [fn];
  if (role) out.push(role);
  const url = p.FunctionUrlConfig;
  if (isObject(url)) {
    const urlLines = moveLines(block.lines, (top, rest) => (top === 'FunctionUrlConfig' && rest ? rest : undefined));
    const line = block.lines.FunctionUrlConfig ?? block.line;
    out.push({
      ...block,
      address: `${block.address}Url`,
      line,
      type: 'AWS::Lambda::Url',
      props: { ...url, TargetFunctionArn: { $ref: block.address } },
      lines: urlLines,
      // Joined into the function, whose suppressions already apply.
      suppressions: [],
    });
    if (url.AuthType === 'NONE') {
      // SAM grants public invocation of an unauthenticated URL (the `<Function>UrlPublicPermissions` resource).
      out.push({
        ...block,
        address: `${block.address}UrlPublicPermissions`,
        line,
        type: 'AWS::Lambda::Permission',
        props: {
          Action: 'lambda:InvokeFunctionUrl',
          FunctionName: { $ref: block.address },
          FunctionUrlAuthType: 'NONE',
          Principal: '*',
        },
        lines: {},
        suppressions: [],
      });
    }
  }
  return out;
}

const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
/** AWS managed policies that live under the service-role/ path (SAM turns a policy name into its ARN). */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaRole',
  'AWSConfigRulesExecutionRole',
]);
const managedArn = (name: string): string =>
  name.startsWith('arn:')
    ? name
    : `arn:aws:iam::aws:policy/${SERVICE_ROLE_POLICIES.has(name) ? 'service-role/' : ''}${name}`;

/**
 * The execution role SAM creates for a function without `Role` (`<Function>Role`): Lambda's trust policy, the basic
 * execution policy (+ X-Ray / VPC access when used), and the function's `Policies`: managed policy names or ARNs and
 * inline policy documents. SAM policy templates (`SQSPollerPolicy: {…}`) are AWS-defined, resource-scoped
 * statements: they are not expanded.
 */
function executionRole(block: IacBlock): IacBlock {
  const p = block.props;
  const address = `${block.address}Role`;
  const managed: unknown[] = [BASIC_EXECUTION];
  if (p.Tracing === 'Active') managed.push('arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess');
  if (p.VpcConfig !== undefined) {
    managed.push('arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole');
  }
  const inline: unknown[] = [];
  const lines: Record<string, number> = {};
  const line = (to: string, from: string) => {
    const l = block.lines[from];
    if (l !== undefined) lines[to] = l;
  };
  const policies = p.Policies;
  const single = !Array.isArray(policies);
  const entries = policies === undefined ? [] : single ? [policies] : policies;
  entries.forEach((entry, i) => {
    const from = single ? 'Policies' : `Policies.${i}`;
    if (typeof entry === 'string') {
      line(`ManagedPolicyArns.${managed.length}`, from);
      managed.push(managedArn(entry));
    } else if (isObject(entry) && 'Statement' in entry) {
      const at = `Policies.${inline.length}`;
      line(at, from);
      line(`${at}.PolicyDocument`, from);
      for (const [path, l] of Object.entries(block.lines)) {
        if (path.startsWith(`${from}.`)) lines[`${at}.PolicyDocument.${path.slice(from.length + 1)}`] = l;
      }
      inline.push({ PolicyName: `${address}Policy${i}`, PolicyDocument: entry });
    } else if (!isObject(entry)) {
      // A reference (`!Ref ManagedPolicy`) or an unresolved value: a managed policy ARN.
      line(`ManagedPolicyArns.${managed.length}`, from);
      managed.push(entry);
    }
  });
  line('ManagedPolicyArns', 'Policies');
  line('Policies', 'Policies');
  const tags = tagList(p.Tags);
  const props: Record<string, unknown> = {
    AssumeRolePolicyDocument: p.AssumeRolePolicyDocument ?? {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
    },
    ManagedPolicyArns: managed,
    Tags: [...((tags?.list as unknown[] | undefined) ?? []), { Key: 'lambda:createdBy', Value: 'SAM' }],
  };
  if (inline.length > 0) props.Policies = inline;
  if (p.PermissionsBoundary !== undefined) props.PermissionsBoundary = p.PermissionsBoundary;
  if (p.RolePath !== undefined) props.Path = p.RolePath;
  line('AssumeRolePolicyDocument', 'AssumeRolePolicyDocument');
  line('PermissionsBoundary', 'PermissionsBoundary');
  line('Path', 'RolePath');
  // The function's Metadata is the only place to suppress a rule on the role SAM makes for it.
  return { ...block, address, type: 'AWS::IAM::Role', props, lines };
}

const ATTRIBUTE_TYPE: Record<string, string> = { String: 'S', Number: 'N', Binary: 'B' };

function simpleTable(block: IacBlock): IacBlock {
  const p = block.props;
  const key = isObject(p.PrimaryKey) ? p.PrimaryKey : {};
  const name = key.Name ?? 'id';
  const type = key.Type ?? 'String';
  const props: Record<string, unknown> = {
    KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
    AttributeDefinitions: [
      {
        AttributeName: name,
        AttributeType: typeof type === 'string' ? (ATTRIBUTE_TYPE[type] ?? type) : type,
      },
    ],
    BillingMode: p.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED',
  };
  for (const k of ['ProvisionedThroughput', 'SSESpecification', 'TableName', 'PointInTimeRecoverySpecification']) {
    if (p[k] !== undefined) props[k] = p[k];
  }
  const tags = tagList(p.Tags);
  if (tags) props.Tags = tags.list;
  const lines = moveLines(block.lines, (top, rest) => {
    if (top === 'Tags') return tags ? tagLines(tags.order, rest) : undefined;
    if (top === 'PrimaryKey') return rest ? undefined : 'KeySchema';
    return props[top] !== undefined ? (rest ? `${top}.${rest}` : top) : undefined;
  });
  if (block.lines.PrimaryKey !== undefined) {
    lines.AttributeDefinitions = block.lines.PrimaryKey;
    if (block.lines['PrimaryKey.Name'] !== undefined) lines['KeySchema.0'] = block.lines['PrimaryKey.Name'];
    if (block.lines['PrimaryKey.Type'] !== undefined) lines['AttributeDefinitions.0'] = block.lines['PrimaryKey.Type'];
  }
  if (block.lines.ProvisionedThroughput !== undefined) lines.BillingMode = block.lines.ProvisionedThroughput;
  return { ...block, type: 'AWS::DynamoDB::Table', props, lines };
}

/** The CloudFormation blocks SAM makes of one resolved Serverless block. */
export function samBlocks(block: IacBlock): IacBlock[] {
  if (block.type === 'AWS::Serverless::Function') return lambdaFunction(block);
  if (block.type === 'AWS::Serverless::SimpleTable') return [simpleTable(block)];
  return [block];
}
