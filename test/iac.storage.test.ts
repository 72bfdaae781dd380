// Storage and messaging mappers: joins, defaults, locations (the rules' IaC fixtures cover the verdicts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPath } from '../src/core/path.js';
import type { Resource } from '../src/core/resource.js';
import type { IacFormat } from '../src/core/rule.js';
import { locate, toResources } from '../src/iac/to-resources.js';
import { adaptFixture } from '../src/testing/iac-fixture-runner.js';

async function adapt(format: IacFormat, text: string) {
  const { doc } = await adaptFixture(format, text);
  assert.deepEqual(
    doc.problems.filter((p) => p.level === 'error'),
    [],
  );
  const problems: string[] = [];
  const out = toResources([doc], (_f, _l, m) => problems.push(m));
  assert.deepEqual(problems, []);
  return out;
}
const ofType = (resources: Resource[], type: string) => resources.filter((r) => r.type === type);
/** A stand-in string as the mappers render a reference: \${Block} or \${Block.attr}. */
const standIn = (s: string): string => ['$', '{', s, '}'].join('');
const prop = (r: Resource | undefined, path: string): unknown => getPath(r?.props, path);

describe('storage mappers', () => {
  it('CloudFormation bucket: defaults, the joined bucket policy with its self references resolved', async () => {
    const { resources, unmapped, blocksOf } = await adapt(
      'cloudformation',
      `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource:
              - !GetAtt Bucket.Arn
              - !Sub '\${Bucket.Arn}/*'
`,
    );
    const [bucket] = ofType(resources, 'aws.s3.bucket');
    assert.ok(bucket);
    assert.equal(unmapped.size, 0);
    assert.equal(blocksOf.get(bucket.uid)?.length, 2);
    assert.equal(prop(bucket, 'Name'), standIn('Bucket'));
    assert.deepEqual(prop(bucket, 'Policy.Statement.0.Resource'), [
      `arn:aws:s3:::${standIn('Bucket')}`,
      `arn:aws:s3:::${standIn('Bucket')}/*`,
    ]);
    assert.deepEqual(prop(bucket, 'PublicAccessBlockConfiguration'), {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    assert.equal(
      prop(bucket, 'ServerSideEncryptionConfiguration.Rules.0.ApplyServerSideEncryptionByDefault.SSEAlgorithm'),
      'AES256',
    );
    assert.deepEqual(prop(bucket, 'Versioning'), {});
    assert.equal(prop(bucket, 'LoggingEnabled'), null);
    // A finding on the policy points at the BucketPolicy block, not the bucket.
    assert.equal(locate(bucket, 'Policy.Statement.0')?.line, 10);
  });

  it('Terraform bucket: split resources are joined and consumed, and findings point at them', async () => {
    const { resources, unmapped } = await adapt(
      'terraform',
      `resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = "example-logs"
  target_bucket = "example-audit"
  target_prefix = "logs/"
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
`,
    );
    const [bucket] = ofType(resources, 'aws.s3.bucket');
    assert.ok(bucket);
    assert.equal(unmapped.size, 0);
    assert.deepEqual(prop(bucket, 'Versioning'), { Status: 'Suspended' });
    assert.deepEqual(prop(bucket, 'LoggingEnabled'), { TargetBucket: 'example-audit', TargetPrefix: 'logs/' });
    assert.equal(locate(bucket, 'Versioning.Status')?.line, 8);
  });

  it('a DynamoDB global table makes one table per replica', async () => {
    const { resources } = await adapt(
      'cloudformation',
      `Resources:
  Orders:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: orders
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      Replicas:
        - Region: us-east-1
          DeletionProtectionEnabled: true
        - Region: eu-west-1
`,
    );
    const tables = ofType(resources, 'aws.dynamodb.table');
    assert.deepEqual(
      tables.map((t) => [t.name, prop(t, 'DeletionProtectionEnabled')]),
      [
        ['orders (us-east-1)', true],
        ['orders (eu-west-1)', false],
      ],
    );
    assert.notEqual(tables[0]?.uid, tables[1]?.uid);
  });

  it('SQS: SSE-SQS by default, SSE-KMS when a key is given; KMS aliases name the key', async () => {
    const { resources } = await adapt(
      'terraform',
      `resource "aws_kms_key" "q" {}

resource "aws_kms_alias" "q" {
  name          = "alias/queues"
  target_key_id = aws_kms_key.q.key_id
}

resource "aws_sqs_queue" "plain" {
  name = "plain"
}

resource "aws_sqs_queue" "kms" {
  name              = "kms"
  kms_master_key_id = aws_kms_key.q.arn
}
`,
    );
    const queues = ofType(resources, 'aws.sqs.queue');
    const plain = queues.find((q) => q.name === 'plain');
    const kms = queues.find((q) => q.name === 'kms');
    assert.equal(prop(plain, 'Attributes.SqsManagedSseEnabled'), 'true');
    assert.equal(prop(kms, 'Attributes.SqsManagedSseEnabled'), 'false');
    assert.equal(prop(kms, 'Attributes.KmsMasterKeyId'), standIn('aws_kms_key.q.arn'));
    const [key] = ofType(resources, 'aws.kms.key');
    assert.equal(key?.name, 'alias/queues');
    assert.deepEqual(prop(key, 'AliasNames'), ['alias/queues']);
  });
});
