// The read-only rule over the whole collector source, and the IAM policy generated from the same operations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';

interface ClientImport {
  file: string;
  pkg: string;
  name: string;
}
interface Operation {
  pkg: string;
  operation: string;
  files: string[];
}
interface Generator {
  POLICY_PATH: string;
  TEMPLATE_PATH: string;
  IAM_PREFIXES: Record<string, string>;
  collectorFiles(): string[];
  clientImports(files?: string[]): ClientImport[];
  operationOfImport(name: string): string | undefined;
  collectorOperations(imports?: ClientImport[]): Operation[];
  iamAction(pkg: string, operation: string): string;
  policyActions(operations?: Operation[]): string[];
  renderPolicy(actions?: string[]): string;
  renderTemplate(actions?: string[]): string;
}

// @ts-expect-error: a plain .mjs script without types
const gen = (await import('../../scripts/gen-iam-policy.mjs')) as Generator;

const imports = gen.clientImports();
const operations = gen.collectorOperations(imports);

describe('collectors only read', () => {
  it('finds the collectors and the operations they import', () => {
    const files = gen.collectorFiles();
    assert.ok(files.includes('src/collect/aws/scan.ts'));
    assert.ok(files.includes('src/collect/aws/kms.ts'));
    const ops = operations.map((o) => `${o.pkg} ${o.operation}`);
    // A Command and a paginator of the same operation count once; both spellings are read.
    assert.ok(ops.includes('@aws-sdk/client-kms GetKeyPolicy'));
    assert.ok(ops.includes('@aws-sdk/client-kms ListKeys'));
    assert.ok(ops.includes('@aws-sdk/client-sts GetCallerIdentity'));
    assert.equal(new Set(ops).size, ops.length);
  });

  it('derives operation names from Command and paginator imports', () => {
    assert.equal(gen.operationOfImport('ListUsersCommand'), 'ListUsers');
    assert.equal(gen.operationOfImport('paginateListUsers'), 'ListUsers');
    assert.equal(gen.operationOfImport('paginateDescribeDBInstances'), 'DescribeDBInstances');
    assert.equal(gen.operationOfImport('IAMClient'), undefined);
    assert.equal(gen.operationOfImport('Command'), undefined);
  });

  it('every imported operation is a read (List*, Get*, Describe* or an allowed exception)', () => {
    assert.ok(operations.length > 0);
    for (const { pkg, operation, files } of operations) {
      assert.ok(isReadOnlyOperation(operation), `${pkg} ${operation} (${files.join(', ')}) is not read-only`);
    }
  });

  it('every imported operation exists in its client package', async () => {
    for (const { pkg, operation, files } of operations) {
      const mod = (await import(pkg)) as Record<string, unknown>;
      assert.equal(typeof mod[`${operation}Command`], 'function', `${pkg} has no ${operation}Command (${files})`);
    }
  });

  it('no collector reaches an SDK client another way (namespace, dynamic or aggregated clients)', async () => {
    const { IAM, IAMClient } = await import('@aws-sdk/client-iam');
    assert.ok(IAM.prototype instanceof IAMClient, 'the aggregated client check works');
    for (const { file, pkg, name } of imports) {
      assert.notEqual(name, '*', `${file}: import its Commands and paginators from ${pkg} by name`);
      const mod = (await import(pkg)) as Record<string, unknown>;
      const value = mod[name];
      const bare = mod[`${name}Client`];
      // The aggregated client (new IAM().listUsers()) extends the bare client and calls operations by method.
      if (typeof value === 'function' && typeof bare === 'function') {
        assert.ok(!(value.prototype instanceof bare), `${file}: ${name} is the aggregated client; use ${name}Client`);
      }
    }
  });

  it('refuses write-style and secret-reading operations', () => {
    for (const op of [
      'PutBucketPolicy',
      'DeleteTrail',
      'CreateUser',
      'UpdateAccountPasswordPolicy',
      'AttachRolePolicy',
      'ModifyDBInstance',
      'StopLogging',
      'EnableKeyRotation',
      'DisableSecurityHub',
      'TagResource',
      'CreateBudget',
      'GetSecretValue',
      'GetObject',
      'GetPasswordData',
      'GetParameter',
      'Listen',
      'Getaway',
      'Describe',
      '',
    ]) {
      assert.equal(isReadOnlyOperation(op), false, op);
    }
    for (const op of ['ListUsers', 'GetBucketPolicy', 'DescribeBudgets', 'GenerateCredentialReport']) {
      assert.equal(isReadOnlyOperation(op), true, op);
    }
  });
});

describe('least-privilege IAM policy (docs/aws/iam-policy.json)', () => {
  const actions = gen.policyActions(operations);

  it('is the committed policy (run node scripts/gen-iam-policy.mjs)', () => {
    assert.equal(readFileSync(gen.POLICY_PATH, 'utf8'), gen.renderPolicy(actions));
  });

  it('is the inline policy of the committed scan role template', () => {
    assert.equal(readFileSync(gen.TEMPLATE_PATH, 'utf8'), gen.renderTemplate(actions));
    const template = parse(readFileSync(gen.TEMPLATE_PATH, 'utf8')) as {
      Parameters: Record<string, { Default?: string }>;
      Resources: {
        ScanRole: {
          Type: string;
          Properties: { Policies: Array<{ PolicyDocument: unknown }>; AssumeRolePolicyDocument: unknown };
        };
      };
    };
    const role = template.Resources.ScanRole;
    assert.equal(role.Type, 'AWS::IAM::Role');
    assert.deepEqual(
      role.Properties.Policies.map((p) => p.PolicyDocument),
      [JSON.parse(gen.renderPolicy(actions))],
    );
    assert.deepEqual(Object.keys(template.Parameters).sort(), [
      'ExternalId',
      'RoleName',
      'ScannerAccountId',
      'ScannerPrincipalArn',
    ]);
    assert.equal(template.Parameters.RoleName?.Default, 'MamoriReadOnly');
  });

  it('grants one action per operation, with the IAM name where it differs from the API name', () => {
    assert.equal(gen.iamAction('@aws-sdk/client-s3', 'ListBuckets'), 's3:ListAllMyBuckets');
    assert.equal(gen.iamAction('@aws-sdk/client-s3', 'GetBucketPolicy'), 's3:GetBucketPolicy');
    assert.equal(gen.iamAction('@aws-sdk/client-s3', 'GetBucketEncryption'), 's3:GetEncryptionConfiguration');
    assert.equal(gen.iamAction('@aws-sdk/client-s3', 'GetPublicAccessBlock'), 's3:GetBucketPublicAccessBlock');
    assert.equal(gen.iamAction('@aws-sdk/client-s3-control', 'GetPublicAccessBlock'), 's3:GetAccountPublicAccessBlock');
    assert.equal(gen.iamAction('@aws-sdk/client-budgets', 'DescribeBudgets'), 'budgets:ViewBudget');
    assert.equal(gen.iamAction('@aws-sdk/client-iam', 'GenerateCredentialReport'), 'iam:GenerateCredentialReport');
    assert.equal(gen.iamAction('@aws-sdk/client-efs', 'DescribeFileSystems'), 'elasticfilesystem:DescribeFileSystems');
    assert.equal(
      gen.iamAction('@aws-sdk/client-elastic-load-balancing-v2', 'DescribeLoadBalancers'),
      'elasticloadbalancing:DescribeLoadBalancers',
    );
    assert.equal(
      gen.iamAction('@aws-sdk/client-cloudwatch-logs', 'DescribeMetricFilters'),
      'logs:DescribeMetricFilters',
    );
    assert.equal(gen.iamAction('@aws-sdk/client-cloudwatch', 'DescribeAlarms'), 'cloudwatch:DescribeAlarms');
    assert.equal(gen.iamAction('@aws-sdk/client-accessanalyzer', 'ListAnalyzers'), 'access-analyzer:ListAnalyzers');
    assert.throws(() => gen.iamAction('@aws-sdk/client-athena', 'ListWorkGroups'), /no IAM service prefix/);
    // Every package a collector imports has a prefix, and every action is granted on its own (no wildcards).
    for (const { pkg } of operations) assert.ok(gen.IAM_PREFIXES[pkg], pkg);
    for (const a of actions) assert.match(a, /^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
    assert.deepEqual(actions, [...new Set(actions)].sort());
  });

  it('grants nothing but reads', () => {
    const verbs = new Set(actions.map((a) => a.split(':')[1]!.match(/^[A-Z][a-z]+/)?.[0]));
    for (const verb of verbs) assert.ok(['List', 'Get', 'Describe', 'View', 'Generate'].includes(verb ?? ''), verb);
    const generate = actions.filter((a) => a.split(':')[1]!.startsWith('Generate'));
    assert.ok(
      generate.every((a) => a === 'iam:GenerateCredentialReport'),
      generate.join(', '),
    );
  });
});
