#!/usr/bin/env node
// Writes docs/aws/iam-policy.json (the least-privilege read-only policy a scan needs) and docs/aws/scan-role.yaml
// (a CloudFormation template creating the scan role with that policy), from the AWS operations the collectors
// import: every `XCommand` and `paginateX` imported from an `@aws-sdk/client-*` package under src/collect/aws/.
// test/collect.read-only.test.ts checks those operations are all reads and that both committed files are current.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const collectDir = join(root, 'src', 'collect', 'aws');
export const POLICY_PATH = join(root, 'docs', 'aws', 'iam-policy.json');
export const TEMPLATE_PATH = join(root, 'docs', 'aws', 'scan-role.yaml');

/** IAM service prefix of each SDK client package the collectors may use. */
export const IAM_PREFIXES = {
  '@aws-sdk/client-accessanalyzer': 'access-analyzer',
  '@aws-sdk/client-account': 'account',
  '@aws-sdk/client-budgets': 'budgets',
  '@aws-sdk/client-cloudtrail': 'cloudtrail',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
  '@aws-sdk/client-config-service': 'config',
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/client-ec2': 'ec2',
  '@aws-sdk/client-ecr': 'ecr',
  '@aws-sdk/client-efs': 'elasticfilesystem',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-guardduty': 'guardduty',
  '@aws-sdk/client-iam': 'iam',
  '@aws-sdk/client-inspector2': 'inspector2',
  '@aws-sdk/client-kms': 'kms',
  '@aws-sdk/client-lambda': 'lambda',
  '@aws-sdk/client-macie2': 'macie2',
  '@aws-sdk/client-organizations': 'organizations',
  '@aws-sdk/client-rds': 'rds',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-s3-control': 's3',
  '@aws-sdk/client-securityhub': 'securityhub',
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-wafv2': 'wafv2',
};

/**
 * API operations whose IAM action has another name (Service Authorization Reference). Every operation not listed
 * here is authorised by the action of the same name.
 */
export const ACTION_NAMES = {
  '@aws-sdk/client-s3': {
    ListBuckets: 'ListAllMyBuckets',
    GetBucketEncryption: 'GetEncryptionConfiguration',
    GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
    GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
    GetBucketReplication: 'GetReplicationConfiguration',
    GetObjectLockConfiguration: 'GetBucketObjectLockConfiguration',
    GetBucketNotificationConfiguration: 'GetBucketNotification',
    GetBucketCors: 'GetBucketCORS',
    GetBucketAccelerateConfiguration: 'GetAccelerateConfiguration',
    GetBucketAnalyticsConfiguration: 'GetAnalyticsConfiguration',
    ListBucketAnalyticsConfigurations: 'GetAnalyticsConfiguration',
    GetBucketInventoryConfiguration: 'GetInventoryConfiguration',
    ListBucketInventoryConfigurations: 'GetInventoryConfiguration',
    GetBucketMetricsConfiguration: 'GetMetricsConfiguration',
    ListBucketMetricsConfigurations: 'GetMetricsConfiguration',
    ListObjects: 'ListBucket',
    ListObjectsV2: 'ListBucket',
    ListObjectVersions: 'ListBucketVersions',
    GetBucketIntelligentTieringConfiguration: 'GetIntelligentTieringConfiguration',
    ListBucketIntelligentTieringConfigurations: 'GetIntelligentTieringConfiguration',
  },
  '@aws-sdk/client-s3-control': {
    // The account-level block (S3 Control), not a bucket's.
    GetPublicAccessBlock: 'GetAccountPublicAccessBlock',
  },
  '@aws-sdk/client-budgets': {
    DescribeBudgets: 'ViewBudget',
    DescribeBudget: 'ViewBudget',
    DescribeBudgetPerformanceHistory: 'ViewBudget',
    DescribeNotificationsForBudget: 'ViewBudget',
    DescribeSubscribersForNotification: 'ViewBudget',
  },
};

/** Every .ts file under src/collect/aws/, relative to the package root, sorted. */
export function collectorFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(collectDir);
  return out.sort();
}

const IMPORT = /^\s*import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+['"](@aws-sdk\/client-[\w-]+)['"]/gm;
const DYNAMIC_IMPORT = /import\(\s*['"](@aws-sdk\/client-[\w-]+)['"]\s*\)/g;

/**
 * The value names each file imports from `@aws-sdk/client-*` packages: `{ file, pkg, name }`, with the original
 * name of an aliased import. Namespace, default and dynamic imports are listed with `name: '*'`, so that a check
 * can refuse them (their operations could not be read from the imports).
 */
export function clientImports(files = collectorFiles()) {
  const out = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const [, typeOnly, clause, pkg] = m;
      if (typeOnly) continue;
      if (!clause.startsWith('{')) {
        out.push({ file, pkg, name: '*' });
        continue;
      }
      for (const part of clause.slice(1, -1).split(',')) {
        const spec = part.trim();
        if (spec === '' || spec.startsWith('type ')) continue;
        out.push({ file, pkg, name: spec.split(/\s+as\s+/)[0].trim() });
      }
    }
    for (const m of text.matchAll(DYNAMIC_IMPORT)) out.push({ file, pkg: m[1], name: '*' });
  }
  return out;
}

/** `ListUsersCommand` → `ListUsers`, `paginateListUsers` → `ListUsers`; other names → undefined. */
export function operationOfImport(name) {
  const command = /^([A-Z]\w*)Command$/.exec(name);
  if (command) return command[1];
  const paginator = /^paginate([A-Z]\w*)$/.exec(name);
  return paginator ? paginator[1] : undefined;
}

/** The AWS operations the collectors call: `{ pkg, operation, files }`, sorted by package then operation. */
export function collectorOperations(imports = clientImports()) {
  const byKey = new Map();
  for (const { file, pkg, name } of imports) {
    const operation = operationOfImport(name);
    if (!operation) continue;
    const key = `${pkg} ${operation}`;
    const entry = byKey.get(key) ?? { pkg, operation, files: [] };
    if (!entry.files.includes(file)) entry.files.push(file);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => (a.pkg === b.pkg ? cmp(a.operation, b.operation) : cmp(a.pkg, b.pkg)));
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The IAM action authorising one operation of one client package: `iam:ListUsers`, `s3:ListAllMyBuckets`. */
export function iamAction(pkg, operation) {
  const prefix = IAM_PREFIXES[pkg];
  if (!prefix) throw new Error(`gen-iam-policy: no IAM service prefix known for ${pkg}; add it to IAM_PREFIXES`);
  return `${prefix}:${ACTION_NAMES[pkg]?.[operation] ?? operation}`;
}

/** The distinct IAM actions of the operations, sorted. */
export function policyActions(operations = collectorOperations()) {
  return [...new Set(operations.map((o) => iamAction(o.pkg, o.operation)))].sort(cmp);
}

/** The policy document, as committed in docs/aws/iam-policy.json. */
export function renderPolicy(actions = policyActions()) {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'MamoriReadOnlyScan', Effect: 'Allow', Action: actions, Resource: '*' }],
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/**
 * The CloudFormation template of the scan role, with the policy inline. Intrinsic functions are written in their
 * long form (`Fn::If`), so that any YAML reader can parse the file.
 */
export function renderTemplate(actions = policyActions()) {
  const lines = [
    "# Generated by scripts/gen-iam-policy.mjs from the operations mamori's collectors call. Do not edit: run",
    '# `node scripts/gen-iam-policy.mjs`. The inline policy equals docs/aws/iam-policy.json.',
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Description: >-',
    '  Read-only role that mamori assumes to scan this account. IAM is global: deploy it once per account (for an',
    '  Organization, as a service-managed StackSet in a single Region). Needs CAPABILITY_NAMED_IAM.',
    '',
    'Parameters:',
    '  ScannerAccountId:',
    '    Type: String',
    '    Description: Account where mamori runs (the Organization management or a security tooling account).',
    "    AllowedPattern: '^\\d{12}$'",
    '  ScannerPrincipalArn:',
    '    Type: String',
    "    Default: ''",
    '    Description: >-',
    '      Role or user in ScannerAccountId allowed to assume this role. Empty: any principal of that account whose',
    '      own IAM policy allows sts:AssumeRole on this role.',
    '  ExternalId:',
    '    Type: String',
    "    Default: ''",
    '    NoEcho: true',
    '    Description: >-',
    '      External ID the scanner must present (mamori scan --external-id). Leave empty to require none.',
    '  RoleName:',
    '    Type: String',
    '    Default: MamoriReadOnly',
    '    Description: Name of the role; the same in every account (mamori scan --org --role-name).',
    '',
    'Conditions:',
    '  HasPrincipal:',
    "    Fn::Not: [{ 'Fn::Equals': [{ Ref: ScannerPrincipalArn }, ''] }]",
    '  HasExternalId:',
    "    Fn::Not: [{ 'Fn::Equals': [{ Ref: ExternalId }, ''] }]",
    '',
    'Resources:',
    '  ScanRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      RoleName: { Ref: RoleName }',
    '      Description: mamori read-only security posture scan',
    '      MaxSessionDuration: 3600',
    '      AssumeRolePolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    '          - Effect: Allow',
    '            Action: sts:AssumeRole',
    '            Principal:',
    '              AWS:',
    '                Fn::If:',
    '                  - HasPrincipal',
    '                  - { Ref: ScannerPrincipalArn }',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders, not JavaScript
    "                  - { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${ScannerAccountId}:root' }",
    '            Condition:',
    '              Fn::If:',
    '                - HasExternalId',
    "                - StringEquals: { 'sts:ExternalId': { Ref: ExternalId } }",
    "                - { Ref: 'AWS::NoValue' }",
    '      Policies:',
    '        - PolicyName: MamoriReadOnlyScan',
    '          PolicyDocument:',
    "            Version: '2012-10-17'",
    '            Statement:',
    '              - Sid: MamoriReadOnlyScan',
    '                Effect: Allow',
    '                Action:',
    ...actions.map((a) => `                  - ${a}`),
    "                Resource: '*'",
    '',
    'Outputs:',
    '  RoleArn:',
    '    Value: { "Fn::GetAtt": [ScanRole, Arn] }',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const actions = policyActions();
  mkdirSync(dirname(POLICY_PATH), { recursive: true });
  writeFileSync(POLICY_PATH, renderPolicy(actions));
  writeFileSync(TEMPLATE_PATH, renderTemplate(actions));
  console.log(`docs/aws/iam-policy.json, docs/aws/scan-role.yaml: ${actions.length} actions`);
}
