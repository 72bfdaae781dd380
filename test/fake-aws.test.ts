import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client, paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetAccountSummaryCommand, IAMClient, paginateListUsers } from '@aws-sdk/client-iam';
import { GetKeyRotationStatusCommand, KMSClient, ListKeysCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  type GetBucketPolicyOutput,
  type GetBucketPolicyRequest,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { loadService } from './support/fake-aws/catalog.js';
import {
  CLIENT_PACKAGES,
  type FakeAws,
  type FakeAwsOptions,
  fakeError,
  page,
  startFakeAws,
  typed,
} from './support/fake-aws/index.js';

const KEY = 'AKIAFAKE000000000001';
const ACCOUNT = '111122223333';
const REGION = 'ap-northeast-1';

/** Client config pointing at the fake: static credentials, one attempt unless a test asks for retries. */
const config = (fake: FakeAws, extra: Record<string, unknown> = {}) => ({
  region: REGION,
  endpoint: fake.url,
  credentials: { accessKeyId: KEY, secretAccessKey: 'fake-secret' },
  maxAttempts: 1,
  ...extra,
});

async function withFake(options: FakeAwsOptions, body: (fake: FakeAws) => Promise<void>): Promise<void> {
  const fake = await startFakeAws({ accounts: { [KEY]: ACCOUNT }, ...options });
  try {
    await body(fake);
  } finally {
    await fake.close();
  }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected the call to fail');
}

/** A request as an SDK signs it, without the signature math (the fake reads only the credential scope). */
function signedHeaders(service: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${KEY}/20250101/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=00`,
    ...extra,
  };
}

const date = (iso: string) => new Date(iso);

describe('fake-aws: awsQuery (IAM, STS, SNS, RDS)', () => {
  it('pages IAM ListUsers with Marker / IsTruncated through the SDK paginator', async () => {
    const users = Array.from({ length: 5 }, (_, i) => ({
      Path: '/',
      UserName: `user-${i}`,
      UserId: `AIDAEXAMPLE00000000${i}`,
      Arn: `arn:aws:iam::${ACCOUNT}:user/user-${i}`,
      CreateDate: '2023-04-01T09:00:00Z',
      PasswordLastUsed: i === 0 ? date('2025-01-15T03:04:05Z') : undefined,
    }));
    await withFake(
      {
        handlers: {
          iam: {
            ListUsers: (input) =>
              page(users, input, { itemsKey: 'Users', tokenIn: 'Marker', truncatedFlag: 'IsTruncated', pageSize: 2 }),
          },
        },
      },
      async (fake) => {
        const client = new IAMClient(config(fake));
        const pages = await collect(paginateListUsers({ client }, {}));
        assert.equal(pages.length, 3);
        assert.deepEqual(
          pages.map((p) => p.IsTruncated),
          [true, true, false],
        );
        const got = pages.flatMap((p) => p.Users ?? []);
        assert.deepEqual(
          got.map((u) => u.UserName),
          users.map((u) => u.UserName),
        );
        assert.deepEqual(got[0]?.CreateDate, date('2023-04-01T09:00:00Z'));
        assert.deepEqual(got[0]?.PasswordLastUsed, date('2025-01-15T03:04:05Z'));
        assert.equal(got[1]?.PasswordLastUsed, undefined);
        assert.equal(fake.calls.length, 3);
        assert.equal(fake.calls[0]?.input.Marker, undefined);
        assert.equal(typeof fake.calls[1]?.input.Marker, 'string');
        assert.ok(fake.calls.every((c) => c.service === 'iam' && c.account === ACCOUNT && c.region === REGION));
        client.destroy();
      },
    );
  });

  it('writes awsQuery XML as AWS does: <OpResponse><OpResult>, <member> items, ResponseMetadata', async () => {
    await withFake(
      {
        handlers: {
          iam: {
            ListUsers: () => ({
              Users: [
                { UserName: 'a&b', Path: '/', UserId: 'AIDA1', Arn: 'arn:x', CreateDate: '2024-01-01T00:00:00Z' },
              ],
              IsTruncated: false,
            }),
          },
        },
      },
      async (fake) => {
        const res = await fetch(fake.url, {
          method: 'POST',
          headers: signedHeaders('iam', { 'content-type': 'application/x-www-form-urlencoded' }),
          body: 'Action=ListUsers&Version=2010-05-08',
        });
        const xml = await res.text();
        assert.equal(res.status, 200);
        assert.match(
          xml,
          /^<ListUsersResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><ListUsersResult>/,
        );
        assert.match(xml, /<Users><member><Path>\/<\/Path><UserName>a&amp;b<\/UserName>/);
        assert.match(xml, /<CreateDate>2024-01-01T00:00:00Z<\/CreateDate>/);
        assert.match(
          xml,
          /<\/ListUsersResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/ListUsersResponse>$/,
        );
      },
    );
  });

  it('answers STS GetCallerIdentity with the account mapped from the access key', async () => {
    await withFake(
      {
        handlers: {
          sts: {
            GetCallerIdentity: (_input, ctx) => ({
              UserId: 'AIDAEXAMPLEUSERID0001',
              Account: ctx.account,
              Arn: `arn:aws:iam::${ctx.account}:user/scanner`,
            }),
          },
        },
      },
      async (fake) => {
        const client = new STSClient(config(fake));
        const out = await client.send(new GetCallerIdentityCommand({}));
        assert.equal(out.Account, ACCOUNT);
        assert.equal(out.Arn, `arn:aws:iam::${ACCOUNT}:user/scanner`);
        assert.equal(out.UserId, 'AIDAEXAMPLEUSERID0001');
        assert.equal(fake.calls[0]?.accessKeyId, KEY);
        client.destroy();
      },
    );
  });

  it('reads SNS ListTopics and the GetTopicAttributes map (<entry><key/><value/>)', async () => {
    const arn = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*' }] });
    await withFake(
      {
        handlers: {
          sns: {
            ListTopics: () => ({ Topics: [{ TopicArn: arn }] }),
            GetTopicAttributes: (input) => {
              if (input.TopicArn !== arn) throw fakeError('NotFoundException', 'Topic does not exist');
              return {
                Attributes: {
                  TopicArn: arn,
                  Owner: ACCOUNT,
                  Policy: policy,
                  KmsMasterKeyId: 'alias/aws/sns',
                  DisplayName: '',
                },
              };
            },
          },
        },
      },
      async (fake) => {
        const client = new SNSClient(config(fake));
        const topics = await client.send(new ListTopicsCommand({}));
        assert.deepEqual(topics.Topics, [{ TopicArn: arn }]);
        const attrs = await client.send(new GetTopicAttributesCommand({ TopicArn: arn }));
        assert.equal(attrs.Attributes?.Policy, policy);
        assert.equal(attrs.Attributes?.KmsMasterKeyId, 'alias/aws/sns');
        assert.equal(attrs.Attributes?.Owner, ACCOUNT);
        const missing = await rejection(client.send(new GetTopicAttributesCommand({ TopicArn: `${arn}-x` })));
        // SNS models NotFoundException with the awsQuery code NotFound: the wire carries NotFound (status 404 from
        // the model) and the SDK maps it back to the modelled exception.
        assert.equal(missing.name, 'NotFoundException');
        assert.equal(missing.$metadata?.httpStatusCode, 404);
        assert.equal(fake.calls.at(-1)?.error, 'NotFoundException');
        client.destroy();
      },
    );
  });

  it('pages RDS DescribeDBInstances with Marker / MaxRecords (list items named <DBInstance>)', async () => {
    const instances = ['db-a', 'db-b', 'db-c'].map((id) => ({
      DBInstanceIdentifier: id,
      DBInstanceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`,
      Engine: 'postgres',
      EngineVersion: '16.3',
      DBInstanceStatus: 'available',
      StorageEncrypted: id !== 'db-b',
      KmsKeyId: id !== 'db-b' ? `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` : undefined,
      PubliclyAccessible: id === 'db-c',
      MultiAZ: false,
      InstanceCreateTime: '2024-06-01T12:00:00.000Z',
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0123456789abcdef0', Status: 'active' }],
      TagList: [{ Key: 'env', Value: 'prod' }],
    }));
    await withFake(
      {
        handlers: {
          rds: {
            DescribeDBInstances: (input) =>
              page(instances, input, { itemsKey: 'DBInstances', tokenIn: 'Marker', pageSize: 100 }),
          },
        },
      },
      async (fake) => {
        const client = new RDSClient(config(fake));
        const pages = await collect(paginateDescribeDBInstances({ client, pageSize: 20 }, {}));
        assert.equal(pages.length, 1);
        const db = pages.flatMap((p) => p.DBInstances ?? []);
        assert.deepEqual(
          db.map((d) => [d.DBInstanceIdentifier, d.StorageEncrypted, d.PubliclyAccessible]),
          [
            ['db-a', true, false],
            ['db-b', false, false],
            ['db-c', true, true],
          ],
        );
        assert.deepEqual(db[0]?.VpcSecurityGroups, [{ VpcSecurityGroupId: 'sg-0123456789abcdef0', Status: 'active' }]);
        assert.deepEqual(db[0]?.TagList, [{ Key: 'env', Value: 'prod' }]);
        assert.deepEqual(db[0]?.InstanceCreateTime, date('2024-06-01T12:00:00Z'));
        assert.equal(fake.calls[0]?.input.MaxRecords, 20);
        client.destroy();
      },
    );
  });
});

describe('fake-aws: ec2Query', () => {
  const groups: SecurityGroup[] = [
    {
      GroupId: 'sg-0aaa',
      GroupName: 'web',
      Description: 'web tier',
      OwnerId: ACCOUNT,
      VpcId: 'vpc-1',
      SecurityGroupArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0aaa`,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh from anywhere' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        },
        {
          IpProtocol: '-1',
          UserIdGroupPairs: [{ GroupId: 'sg-0bbb', UserId: ACCOUNT, Description: 'from app' }],
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [{ PrefixListId: 'pl-0123' }],
        },
      ],
      IpPermissionsEgress: [
        {
          IpProtocol: '-1',
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
          Ipv6Ranges: [],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        },
      ],
      Tags: [{ Key: 'Name', Value: 'web' }],
    },
    { GroupId: 'sg-0bbb', GroupName: 'app', Description: 'app', OwnerId: ACCOUNT, VpcId: 'vpc-1', IpPermissions: [] },
    {
      GroupId: 'sg-0ccc',
      GroupName: 'default',
      Description: 'default VPC security group',
      OwnerId: ACCOUNT,
      VpcId: 'vpc-1',
    },
  ];
  const handlers = {
    ec2: {
      DescribeSecurityGroups: (input: Record<string, unknown>) =>
        page(groups, input, { itemsKey: 'SecurityGroups', tokenIn: 'NextToken', pageSize: 1000 }),
    },
  };

  it('pages DescribeSecurityGroups with NextToken / MaxResults and keeps nested rules and tags', async () => {
    await withFake({ handlers }, async (fake) => {
      const client = new EC2Client(config(fake));
      const pages = await collect(
        paginateDescribeSecurityGroups(
          { client, pageSize: 2 },
          { Filters: [{ Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] }] },
        ),
      );
      assert.equal(pages.length, 2);
      const got = pages.flatMap((p) => p.SecurityGroups ?? []);
      assert.deepEqual(got, groups);
      assert.deepEqual(fake.calls[0]?.input, {
        Filters: [{ Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] }],
        MaxResults: 2,
      });
      assert.equal(typeof fake.calls[1]?.input.NextToken, 'string');
      client.destroy();
    });
  });

  it('writes EC2 XML with <requestId>, lowerCamel names and <item> list items', async () => {
    await withFake({ handlers }, async (fake) => {
      const res = await fetch(fake.url, {
        method: 'POST',
        headers: signedHeaders('ec2', { 'content-type': 'application/x-www-form-urlencoded' }),
        body: 'Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0aaa',
      });
      const xml = await res.text();
      assert.match(
        xml,
        /^<DescribeSecurityGroupsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId>/,
      );
      assert.match(xml, /<securityGroupInfo><item><groupId>sg-0aaa<\/groupId>/);
      assert.match(xml, /<groupDescription>web tier<\/groupDescription>/);
      assert.match(
        xml,
        /<ipRanges><item>(<cidrIp>0\.0\.0\.0\/0<\/cidrIp>|<description>ssh from anywhere<\/description>){2}<\/item>/,
      );
      assert.match(xml, /<groups><item>.*?<groupId>sg-0bbb<\/groupId>.*?<\/item><\/groups>/);
      assert.match(xml, /<groups\/>/, 'empty lists are written as empty elements');
      assert.match(xml, /<tagSet><item><key>Name<\/key><value>web<\/value><\/item><\/tagSet>/);
      assert.deepEqual(fake.calls[0]?.input, { GroupIds: ['sg-0aaa'] });
    });
  });

  it('answers EC2 errors as <Response><Errors><Error>', async () => {
    await withFake(
      {
        faults: [
          { service: 'ec2', error: { code: 'UnauthorizedOperation', message: 'You are not authorized', status: 403 } },
        ],
      },
      async (fake) => {
        const res = await fetch(fake.url, {
          method: 'POST',
          headers: signedHeaders('ec2', { 'content-type': 'application/x-www-form-urlencoded' }),
          body: 'Action=DescribeSecurityGroups&Version=2016-11-15',
        });
        assert.equal(res.status, 403);
        assert.match(
          await res.text(),
          /<Response><Errors><Error><Code>UnauthorizedOperation<\/Code><Message>You are not authorized<\/Message><\/Error><\/Errors><RequestID>/,
        );
      },
    );
  });
});

describe('fake-aws: restXml (S3, S3 Control)', () => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecure',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
  const buckets = ['logs', 'data', 'site'].map((name, i) => ({
    Name: `mamori-${name}`,
    CreationDate: `2024-0${i + 1}-10T08:00:00.000Z`,
    BucketRegion: REGION,
  }));
  const options: FakeAwsOptions = {
    handlers: {
      s3: {
        ListBuckets: (input) => ({
          ...page(buckets, input, { itemsKey: 'Buckets', tokenIn: 'ContinuationToken', pageSize: 1000 }),
          Owner: { DisplayName: 'owner', ID: 'abc123' },
        }),
        GetBucketPolicy: typed<GetBucketPolicyRequest, GetBucketPolicyOutput>((input) => {
          if (input.Bucket !== 'mamori-data') {
            throw fakeError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
          }
          return { Policy: policy };
        }),
        GetBucketEncryption: () => ({
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
                },
                BucketKeyEnabled: true,
              },
            ],
          },
        }),
      },
      's3-control': {
        GetPublicAccessBlock: (input) => {
          if (input.AccountId !== ACCOUNT) {
            throw fakeError(
              'NoSuchPublicAccessBlockConfiguration',
              'The public access block configuration was not found',
              404,
            );
          }
          return {
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: false,
            },
          };
        },
      },
    },
  };
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({ accounts: { [KEY]: ACCOUNT }, ...options });
  });
  after(() => fake.close());

  it('pages ListBuckets with ContinuationToken / MaxBuckets', async () => {
    const client = new S3Client(config(fake, { forcePathStyle: true }));
    const pages = await collect(paginateListBuckets({ client, pageSize: 2 }, {}));
    assert.equal(pages.length, 2);
    const got = pages.flatMap((p) => p.Buckets ?? []);
    assert.deepEqual(
      got.map((b) => b.Name),
      buckets.map((b) => b.Name),
    );
    assert.deepEqual(got[0]?.CreationDate, date('2024-01-10T08:00:00Z'));
    assert.equal(got[0]?.BucketRegion, REGION);
    assert.equal(pages[0]?.Owner?.ID, 'abc123');
    client.destroy();
  });

  it('returns GetBucketPolicy as a string payload, GetBucketEncryption as XML, and NoSuchBucketPolicy', async () => {
    const client = new S3Client(config(fake, { forcePathStyle: true }));
    const out = await client.send(new GetBucketPolicyCommand({ Bucket: 'mamori-data' }));
    assert.equal(out.Policy, policy);
    const enc = await client.send(new GetBucketEncryptionCommand({ Bucket: 'mamori-data' }));
    const rule = enc.ServerSideEncryptionConfiguration?.Rules?.[0];
    assert.equal(rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, 'aws:kms');
    assert.equal(rule?.BucketKeyEnabled, true);
    const err = await rejection(client.send(new GetBucketPolicyCommand({ Bucket: 'mamori-logs' })));
    assert.equal(err.name, 'NoSuchBucketPolicy');
    assert.equal(err.$metadata?.httpStatusCode, 404);
    const calls = fake.calls.filter((c) => c.operation === 'GetBucketPolicy');
    assert.deepEqual(
      calls.map((c) => [c.input.Bucket, c.status, c.error]),
      [
        ['mamori-data', 200, undefined],
        ['mamori-logs', 404, 'NoSuchBucketPolicy'],
      ],
    );
    client.destroy();
  });

  it('answers S3 Control GetPublicAccessBlock (x-amz-account-id) as service s3-control', async () => {
    // S3 Control puts the account id in the host name, which a loopback IP cannot take: pin the endpoint instead.
    const client = new S3ControlClient(
      config(fake, { endpoint: undefined, endpointProvider: () => ({ url: new URL(fake.url) }) }),
    );
    const out = await client.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    assert.deepEqual(out.PublicAccessBlockConfiguration, {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
    const err = await rejection(client.send(new GetPublicAccessBlockCommand({ AccountId: '999999999999' })));
    assert.equal(err.name, 'NoSuchPublicAccessBlockConfiguration');
    const call = fake.calls.find((c) => c.service === 's3-control');
    assert.equal(call?.operation, 'GetPublicAccessBlock');
    assert.equal(call?.path, '/v20180820/configuration/publicAccessBlock');
    client.destroy();
  });
});

describe('fake-aws: awsJson (KMS 1.1, CloudWatch 1.0, Logs 1.1)', () => {
  it('pages KMS ListKeys (Marker / NextMarker / Truncated) and reads GetKeyRotationStatus', async () => {
    const keys = Array.from({ length: 3 }, (_, i) => ({
      KeyId: `1234abcd-12ab-34cd-56ef-12345678900${i}`,
      KeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-12345678900${i}`,
    }));
    await withFake(
      {
        handlers: {
          kms: {
            ListKeys: (input) =>
              page(keys, input, {
                itemsKey: 'Keys',
                tokenIn: 'Marker',
                tokenOut: 'NextMarker',
                truncatedFlag: 'Truncated',
                pageSize: 2,
              }),
            GetKeyRotationStatus: (input) => ({
              KeyId: String(input.KeyId),
              KeyRotationEnabled: true,
              RotationPeriodInDays: 365,
              NextRotationDate: date('2025-12-01T00:00:00Z'),
            }),
          },
        },
      },
      async (fake) => {
        const client = new KMSClient(config(fake));
        const pages = await collect(paginateListKeys({ client }, {}));
        assert.deepEqual(
          pages.map((p) => [p.Keys?.length, p.Truncated]),
          [
            [2, true],
            [1, false],
          ],
        );
        assert.deepEqual(
          pages.flatMap((p) => p.Keys ?? []),
          keys,
        );
        const rot = await client.send(new GetKeyRotationStatusCommand({ KeyId: keys[0]?.KeyId }));
        assert.equal(rot.KeyRotationEnabled, true);
        assert.equal(rot.RotationPeriodInDays, 365);
        assert.deepEqual(rot.NextRotationDate, date('2025-12-01T00:00:00Z'));
        assert.equal(fake.calls[2]?.input.KeyId, keys[0]?.KeyId);
        client.destroy();
      },
    );
  });

  it('writes JSON 1.1 timestamps as epoch seconds', async () => {
    await withFake(
      {
        handlers: {
          kms: {
            GetKeyRotationStatus: () => ({ KeyRotationEnabled: false, NextRotationDate: '2025-12-01T00:00:00Z' }),
          },
        },
      },
      async (fake) => {
        const res = await fetch(fake.url, {
          method: 'POST',
          headers: signedHeaders('kms', {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'TrentService.GetKeyRotationStatus',
          }),
          body: '{"KeyId":"k"}',
        });
        assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
        assert.deepEqual(await res.json(), { KeyRotationEnabled: false, NextRotationDate: 1764547200 });
      },
    );
  });

  it('reads CloudWatch DescribeAlarms (JSON 1.0) and query-compatible error codes', async () => {
    const alarm = {
      AlarmName: 'root-account-usage',
      AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:root-account-usage`,
      ActionsEnabled: true,
      AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:alerts`],
      StateValue: 'OK',
      StateUpdatedTimestamp: '2025-02-03T04:05:06.789Z',
      MetricName: 'RootAccountUsage',
      Namespace: 'CISBenchmark',
      Statistic: 'Sum',
      Dimensions: [],
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    };
    await withFake(
      {
        handlers: {
          monitoring: {
            DescribeAlarms: (input) => {
              if (input.AlarmNamePrefix === 'missing') throw fakeError('ResourceNotFound', 'no such alarm', 404);
              return { MetricAlarms: [alarm], CompositeAlarms: [] };
            },
          },
        },
      },
      async (fake) => {
        const client = new CloudWatchClient(config(fake));
        const out = await client.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'] }));
        assert.equal(out.MetricAlarms?.[0]?.AlarmName, 'root-account-usage');
        assert.deepEqual(out.MetricAlarms?.[0]?.StateUpdatedTimestamp, date('2025-02-03T04:05:06.789Z'));
        assert.deepEqual(out.MetricAlarms?.[0]?.AlarmActions, alarm.AlarmActions);
        assert.equal(out.MetricAlarms?.[0]?.Threshold, 1);
        assert.deepEqual(fake.calls[0]?.input, { AlarmTypes: ['MetricAlarm'] });
        const err = await rejection(client.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'missing' })));
        assert.equal(err.name, 'ResourceNotFound');
        client.destroy();
      },
    );
  });

  it('pages CloudWatch Logs DescribeMetricFilters with nextToken / limit', async () => {
    const filters = ['unauthorized-api-calls', 'root-usage', 'console-no-mfa'].map((name, i) => ({
      filterName: name,
      filterPattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      metricTransformations: [{ metricName: name, metricNamespace: 'CISBenchmark', metricValue: '1' }],
      creationTime: 1700000000000 + i,
      logGroupName: 'aws-cloudtrail-logs',
    }));
    await withFake(
      {
        handlers: {
          logs: {
            DescribeMetricFilters: (input) =>
              page(filters, input, { itemsKey: 'metricFilters', tokenIn: 'nextToken', pageSize: 50 }),
          },
        },
      },
      async (fake) => {
        const client = new CloudWatchLogsClient(config(fake));
        const pages = await collect(
          paginateDescribeMetricFilters({ client, pageSize: 2 }, { logGroupName: 'aws-cloudtrail-logs' }),
        );
        assert.equal(pages.length, 2);
        assert.deepEqual(
          pages.flatMap((p) => p.metricFilters ?? []),
          filters,
        );
        assert.deepEqual(fake.calls[0]?.input, { logGroupName: 'aws-cloudtrail-logs', limit: 2 });
        client.destroy();
      },
    );
  });
});

describe('fake-aws: restJson1 (GuardDuty, Access Analyzer, Account)', () => {
  it('reads GuardDuty ListDetectors and GetDetector (jsonName members, path label)', async () => {
    await withFake(
      {
        handlers: {
          guardduty: {
            ListDetectors: () => ({ DetectorIds: ['12abc34d567e8fa901bc2d34e56789f0'] }),
            GetDetector: (input) => ({
              CreatedAt: '2024-05-01T00:00:00.000Z',
              FindingPublishingFrequency: 'SIX_HOURS',
              ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
              Status: input.DetectorId === '12abc34d567e8fa901bc2d34e56789f0' ? 'ENABLED' : 'DISABLED',
              UpdatedAt: '2024-05-02T00:00:00.000Z',
              Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED', UpdatedAt: date('2024-05-02T00:00:00Z') }],
              Tags: { team: 'security' },
            }),
          },
        },
      },
      async (fake) => {
        const client = new GuardDutyClient(config(fake));
        const list = await client.send(new ListDetectorsCommand({}));
        assert.deepEqual(list.DetectorIds, ['12abc34d567e8fa901bc2d34e56789f0']);
        const det = await client.send(new GetDetectorCommand({ DetectorId: '12abc34d567e8fa901bc2d34e56789f0' }));
        assert.equal(det.Status, 'ENABLED');
        assert.equal(det.FindingPublishingFrequency, 'SIX_HOURS');
        assert.deepEqual(det.Features?.[0]?.UpdatedAt, date('2024-05-02T00:00:00Z'));
        assert.deepEqual(det.Tags, { team: 'security' });
        assert.deepEqual(
          fake.calls.map((c) => [c.operation, c.method, c.path]),
          [
            ['ListDetectors', 'GET', '/detector'],
            ['GetDetector', 'GET', '/detector/12abc34d567e8fa901bc2d34e56789f0'],
          ],
        );
        client.destroy();
      },
    );
  });

  it('reads Access Analyzer ListAnalyzers (query-bound input, date-time timestamps)', async () => {
    await withFake(
      {
        handlers: {
          'access-analyzer': {
            ListAnalyzers: (input) => ({
              analyzers: [
                {
                  arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/account-analyzer`,
                  name: 'account-analyzer',
                  type: input.type ?? 'ACCOUNT',
                  createdAt: '2024-03-04T05:06:07Z',
                  status: 'ACTIVE',
                },
              ],
            }),
          },
        },
      },
      async (fake) => {
        const client = new AccessAnalyzerClient(config(fake));
        const out = await client.send(new ListAnalyzersCommand({ type: 'ACCOUNT', maxResults: 10 }));
        assert.equal(out.analyzers?.[0]?.status, 'ACTIVE');
        assert.deepEqual(out.analyzers?.[0]?.createdAt, date('2024-03-04T05:06:07Z'));
        assert.deepEqual(fake.calls[0]?.input, { type: 'ACCOUNT', maxResults: 10 });
        client.destroy();
      },
    );
  });

  it('reads Account GetAlternateContact and surfaces ResourceNotFoundException', async () => {
    await withFake(
      {
        handlers: {
          account: {
            GetAlternateContact: (input) => {
              if (input.AlternateContactType !== 'SECURITY') {
                throw fakeError('ResourceNotFoundException', 'No contact of the requested type found.', 404);
              }
              return {
                AlternateContact: {
                  AlternateContactType: 'SECURITY',
                  EmailAddress: 'security@example.co.jp',
                  Name: 'Security Team',
                  PhoneNumber: '+81-3-0000-0000',
                  Title: 'CISO',
                },
              };
            },
          },
        },
      },
      async (fake) => {
        const client = new AccountClient(config(fake));
        const out = await client.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
        assert.equal(out.AlternateContact?.EmailAddress, 'security@example.co.jp');
        const err = await rejection(client.send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })));
        assert.equal(err.name, 'ResourceNotFoundException');
        assert.equal(err.$metadata?.httpStatusCode, 404);
        client.destroy();
      },
    );
  });
});

describe('fake-aws: faults, latency, unknown operations, handler mistakes', () => {
  it('throttles twice; the SDK standard retry (maxAttempts 3) then succeeds', async () => {
    await withFake(
      {
        handlers: {
          kms: { ListKeys: (_input, ctx) => ({ Keys: [], Truncated: false, NextMarker: `attempt-${ctx.attempt}` }) },
        },
        faults: [
          {
            service: 'kms',
            operation: 'ListKeys',
            times: 2,
            error: { code: 'ThrottlingException', message: 'Rate exceeded' },
          },
        ],
      },
      async (fake) => {
        const client = new KMSClient(config(fake, { maxAttempts: 3, retryMode: 'standard' }));
        const out = await client.send(new ListKeysCommand({}));
        assert.equal(out.NextMarker, 'attempt-3');
        assert.equal(out.$metadata.attempts, 3);
        assert.deepEqual(
          fake.calls.map((c) => [c.status, c.error]),
          [
            [400, 'ThrottlingException'],
            [400, 'ThrottlingException'],
            [200, undefined],
          ],
        );
        client.destroy();
      },
    );
  });

  it('surfaces AccessDenied (query) and AccessDeniedException (JSON) by name', async () => {
    await withFake(
      {
        faults: [
          { operation: 'GetAccountSummary', error: { code: 'AccessDenied', message: 'not authorized', status: 403 } },
          { service: 'kms', account: ACCOUNT, error: { code: 'AccessDeniedException', message: 'not authorized' } },
        ],
      },
      async (fake) => {
        const iam = new IAMClient(config(fake));
        const kms = new KMSClient(config(fake));
        const a = await rejection(iam.send(new GetAccountSummaryCommand({})));
        assert.equal(a.name, 'AccessDenied');
        assert.equal(a.$metadata?.httpStatusCode, 403);
        const b = await rejection(kms.send(new ListKeysCommand({})));
        assert.equal(b.name, 'AccessDeniedException');
        assert.equal(b.message, 'not authorized');
        iam.destroy();
        kms.destroy();
      },
    );
  });

  it('answers operations without a handler with InvalidAction / UnknownOperationException and records them', async () => {
    await withFake({}, async (fake) => {
      const iam = new IAMClient(config(fake));
      const kms = new KMSClient(config(fake));
      assert.equal((await rejection(iam.send(new GetAccountSummaryCommand({})))).name, 'InvalidAction');
      assert.equal((await rejection(kms.send(new ListKeysCommand({})))).name, 'UnknownOperationException');
      assert.deepEqual(
        fake.calls.map((c) => [c.service, c.operation, c.error]),
        [
          ['iam', 'GetAccountSummary', 'InvalidAction'],
          ['kms', 'ListKeys', 'UnknownOperationException'],
        ],
      );
      assert.ok(
        fake.calls.every((c) => /^(List|Get|Describe)/.test(c.operation)),
        'read-only calls only',
      );
      iam.destroy();
      kms.destroy();
    });
  });

  it('rejects handler output with members the API does not have', async () => {
    await withFake({ handlers: { kms: { ListKeys: () => ({ Keys: [], Invented: true }) } } }, async (fake) => {
      const kms = new KMSClient(config(fake));
      const err = await rejection(kms.send(new ListKeysCommand({})));
      assert.equal(err.name, 'FakeAwsShapeError');
      assert.match(err.message, /has no member Invented/);
      kms.destroy();
    });
  });

  it('delays answers by latencyMs', async () => {
    await withFake({ latencyMs: () => 60, handlers: { kms: { ListKeys: () => ({ Keys: [] }) } } }, async (fake) => {
      const kms = new KMSClient(config(fake));
      const start = Date.now();
      await kms.send(new ListKeysCommand({}));
      assert.ok(Date.now() - start >= 55);
      kms.destroy();
    });
  });
});

describe('fake-aws: error wire formats', () => {
  const raw = (
    fake: FakeAws,
    service: string,
    init: { path?: string; headers?: Record<string, string>; body?: string },
  ) =>
    fetch(`${fake.url}${init.path ?? '/'}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: signedHeaders(service, init.headers),
      body: init.body,
    });

  it('awsQuery: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>, modelled codes on the wire', async () => {
    await withFake(
      {
        handlers: {
          sns: { GetTopicAttributes: () => Promise.reject(fakeError('NotFoundException', 'Topic does not exist')) },
        },
      },
      async (fake) => {
        const res = await raw(fake, 'sns', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'Action=GetTopicAttributes&Version=2010-03-31&TopicArn=x',
        });
        assert.equal(res.status, 404);
        assert.match(
          await res.text(),
          /<ErrorResponse xmlns="http:\/\/sns\.amazonaws\.com\/doc\/2010-03-31\/"><Error><Type>Sender<\/Type><Code>NotFound<\/Code><Message>Topic does not exist<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
        );
      },
    );
  });

  it('JSON: {"__type", "message"} with x-amzn-ErrorType (and x-amzn-query-error for CloudWatch)', async () => {
    await withFake({ faults: [{ error: { code: 'ThrottlingException', message: 'Rate exceeded' } }] }, async (fake) => {
      const kms = await raw(fake, 'kms', { headers: { 'x-amz-target': 'TrentService.ListKeys' }, body: '{}' });
      assert.equal(kms.status, 400);
      assert.equal(kms.headers.get('x-amzn-errortype'), 'ThrottlingException');
      assert.deepEqual(await kms.json(), { __type: 'ThrottlingException', message: 'Rate exceeded' });
      const cw = await raw(fake, 'monitoring', {
        headers: { 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' },
        body: '{}',
      });
      assert.equal(cw.headers.get('x-amzn-query-error'), 'ThrottlingException;Sender');
    });
  });

  it('S3: a bare <Error><Code/><Message/><RequestId/></Error>', async () => {
    await withFake({}, async (fake) => {
      const res = await raw(fake, 's3', { path: '/bucket/?policy' });
      assert.equal(res.status, 501);
      assert.match(
        await res.text(),
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>NotImplemented<\/Code><Message>/,
      );
      assert.equal(typeof res.headers.get('x-amz-request-id'), 'string');
    });
  });
});

describe('fake-aws: service catalog', () => {
  it('reads every listed service from its SDK client, with the protocol AWS uses for it', async () => {
    const expected: Record<string, string> = {
      'access-analyzer': 'restJson1',
      account: 'restJson1',
      budgets: 'awsJson1_1',
      cloudtrail: 'awsJson1_1',
      config: 'awsJson1_1',
      dynamodb: 'awsJson1_0',
      ec2: 'ec2Query',
      ecr: 'awsJson1_1',
      elasticfilesystem: 'restJson1',
      elasticloadbalancing: 'awsQuery',
      guardduty: 'restJson1',
      iam: 'awsQuery',
      inspector2: 'restJson1',
      kms: 'awsJson1_1',
      lambda: 'restJson1',
      logs: 'awsJson1_1',
      macie2: 'restJson1',
      monitoring: 'awsJson1_0',
      organizations: 'awsJson1_1',
      rds: 'awsQuery',
      s3: 'restXml',
      's3-control': 'restXml',
      securityhub: 'restJson1',
      sns: 'awsQuery',
      sqs: 'awsJson1_0',
      sts: 'awsQuery',
      wafv2: 'awsJson1_1',
    };
    const got: Record<string, string> = {};
    for (const [key, pkg] of Object.entries(CLIENT_PACKAGES)) {
      const service = await loadService(key, pkg);
      assert.ok(service.operations.size > 0, key);
      got[key] = service.protocol;
    }
    assert.deepEqual(got, expected);
  });
});

describe('fake-aws: page()', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const opts = { itemsKey: 'Items', tokenIn: 'Marker', truncatedFlag: 'IsTruncated', pageSize: 2 };

  it('walks every item once, capped by the caller page size', () => {
    const first = page(items, {}, opts);
    assert.deepEqual(first.Items, ['a', 'b']);
    assert.equal(first.IsTruncated, true);
    const second = page(items, { Marker: first.Marker, MaxItems: 1 }, opts);
    assert.deepEqual(second.Items, ['c']);
    const last = page(items, { Marker: second.Marker }, opts);
    assert.deepEqual(last, { Items: ['d', 'e'], IsTruncated: false });
  });

  it('writes the next token to tokenOut and rejects tokens it did not issue', () => {
    const p = page(items, {}, { itemsKey: 'Keys', tokenIn: 'Marker', tokenOut: 'NextMarker', pageSize: 4 });
    assert.equal(typeof p.NextMarker, 'string');
    assert.equal(p.Marker, undefined);
    assert.throws(() => page(items, { Marker: 'bogus' }, opts), { code: 'InvalidNextToken' });
  });
});
