/**
 * Service models, read from the installed SDK clients: each client package exports its operation schemas
 * (`DescribeSecurityGroups$`, generated from AWS's Smithy models) and configures its wire protocol.
 */
import { NormalizedSchema } from './schema.js';

export type ProtocolKind = 'awsQuery' | 'ec2Query' | 'awsJson1_0' | 'awsJson1_1' | 'restJson1' | 'restXml';

export interface OperationModel {
  name: string;
  /** `[method, path template, status]` of REST operations. */
  http?: [string, string, number];
  input: NormalizedSchema;
  output: NormalizedSchema;
}

export interface ServiceModel {
  key: string;
  protocol: ProtocolKind;
  xmlNamespace?: string;
  version?: string;
  serviceTarget?: string;
  /** awsJson services that still answer errors with their former awsQuery codes (CloudWatch). */
  queryCompatible: boolean;
  /** S3 with `forcePathStyle`: the first path segment is the bucket. */
  bucketInPath: boolean;
  operations: Map<string, OperationModel>;
  /** What the model says of an error code (its shape name, or its awsQuery code). */
  errorInfo(code: string): ErrorInfo;
}

export interface ErrorInfo {
  /** Name of the modelled error shape (`NotFoundException`). */
  shape?: string;
  /** Code the awsQuery wire uses for it (`NotFound`), from the `awsQueryError` trait. */
  queryCode?: string;
  /** HTTP status from `httpError` / `awsQueryError`. */
  status?: number;
}

/** Service key (the SigV4 signing name, or `s3-control`) → SDK client package. */
export const CLIENT_PACKAGES: Readonly<Record<string, string>> = {
  'access-analyzer': '@aws-sdk/client-accessanalyzer',
  account: '@aws-sdk/client-account',
  budgets: '@aws-sdk/client-budgets',
  cloudtrail: '@aws-sdk/client-cloudtrail',
  config: '@aws-sdk/client-config-service',
  dynamodb: '@aws-sdk/client-dynamodb',
  ec2: '@aws-sdk/client-ec2',
  ecr: '@aws-sdk/client-ecr',
  elasticfilesystem: '@aws-sdk/client-efs',
  elasticloadbalancing: '@aws-sdk/client-elastic-load-balancing-v2',
  guardduty: '@aws-sdk/client-guardduty',
  iam: '@aws-sdk/client-iam',
  inspector2: '@aws-sdk/client-inspector2',
  kms: '@aws-sdk/client-kms',
  lambda: '@aws-sdk/client-lambda',
  logs: '@aws-sdk/client-cloudwatch-logs',
  macie2: '@aws-sdk/client-macie2',
  monitoring: '@aws-sdk/client-cloudwatch',
  organizations: '@aws-sdk/client-organizations',
  rds: '@aws-sdk/client-rds',
  s3: '@aws-sdk/client-s3',
  's3-control': '@aws-sdk/client-s3-control',
  securityhub: '@aws-sdk/client-securityhub',
  sns: '@aws-sdk/client-sns',
  sqs: '@aws-sdk/client-sqs',
  sts: '@aws-sdk/client-sts',
  wafv2: '@aws-sdk/client-wafv2',
};

const PROTOCOLS: Record<string, ProtocolKind> = {
  'aws.protocols#awsQuery': 'awsQuery',
  'aws.protocols#ec2Query': 'ec2Query',
  'aws.protocols#awsJson1_0': 'awsJson1_0',
  'aws.protocols#awsJson1_1': 'awsJson1_1',
  'aws.protocols#restJson1': 'restJson1',
  'aws.protocols#restXml': 'restXml',
};

type Module = Record<string, unknown>;
type Traits = Record<string, unknown>;

const cache = new Map<string, Promise<ServiceModel>>();

/** Loads (once per process) the model of a service from its SDK client package. */
export function loadService(key: string, packageName: string): Promise<ServiceModel> {
  const id = `${key}\0${packageName}`;
  let model = cache.get(id);
  if (!model) {
    model = import(packageName).then((mod: Module) => buildModel(key, mod));
    cache.set(id, model);
  }
  return model;
}

function buildModel(key: string, mod: Module): ServiceModel {
  const { protocol, settings } = protocolOf(key, mod);
  const operations = new Map<string, OperationModel>();
  const errors = new Map<string, ErrorInfo>();
  for (const value of Object.values(mod)) {
    if (!Array.isArray(value)) continue;
    if (value[0] === 9 && typeof value[2] === 'string') {
      const traits = traitsOf(value[3]);
      operations.set(value[2], {
        name: value[2],
        http: Array.isArray(traits.http) ? (traits.http as [string, string, number]) : undefined,
        input: NormalizedSchema.of(value[4]),
        output: NormalizedSchema.of(value[5]),
      });
    } else if (value[0] === -3 && typeof value[2] === 'string') {
      const traits = traitsOf(value[3]);
      const compat = Array.isArray(traits.awsQueryError) ? traits.awsQueryError : [];
      const info: ErrorInfo = {
        shape: value[2],
        queryCode: typeof compat[0] === 'string' ? compat[0] : undefined,
        status:
          typeof compat[1] === 'number'
            ? compat[1]
            : typeof traits.httpError === 'number'
              ? traits.httpError
              : undefined,
      };
      errors.set(value[2], info);
      if (info.queryCode && !errors.has(info.queryCode)) errors.set(info.queryCode, info);
    }
  }
  const text = (name: string): string | undefined =>
    typeof settings[name] === 'string' ? (settings[name] as string) : undefined;
  return {
    key,
    protocol,
    xmlNamespace: text('xmlNamespace'),
    version: text('version'),
    serviceTarget: text('serviceTarget'),
    queryCompatible: settings.awsQueryCompatible === true,
    bucketInPath: key === 's3',
    operations,
    errorInfo: (code) => errors.get(code) ?? {},
  };
}

function traitsOf(value: unknown): Traits {
  return typeof value === 'object' && value !== null ? (value as Traits) : {};
}

/** Reads the protocol a client is configured with, by building one client and looking at its resolved config. */
function protocolOf(key: string, mod: Module): { protocol: ProtocolKind; settings: Traits } {
  const entry = Object.entries(mod).find(
    ([name, v]) => /^[A-Z][A-Za-z0-9]*Client$/.test(name) && typeof v === 'function',
  );
  if (!entry) throw new Error(`fake-aws: no client class in the package for ${key}`);
  const Ctor = entry[1] as new (config: object) => { config: Traits; destroy(): void };
  const client = new Ctor({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' } });
  try {
    const instance = client.config.protocol as { getShapeId?: () => string } | undefined;
    const protocol = PROTOCOLS[instance?.getShapeId?.() ?? ''];
    if (!protocol) throw new Error(`fake-aws: unsupported protocol for ${key}: ${instance?.getShapeId?.()}`);
    return { protocol, settings: traitsOf(client.config.protocolSettings) };
  } finally {
    client.destroy();
  }
}
