import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lambdaCollector, summarizeEnvironment } from '../src/collect/aws/lambda.js';
import { rdsSnapshotCollector } from '../src/collect/aws/rds-snapshots.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import type { Resource } from '../src/core/resource.js';
import { looksSecret } from '../src/core/secret-like.js';
import type { LambdaFunctionProps } from '../src/inventory/aws/lambda.js';
import type { DbSnapshotProps } from '../src/inventory/aws/services.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { collectOneAccount, comparable } from './support/collect-harness.js';
import { demoIndex } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { lambdaHandlers } from './support/fake-aws/handlers/lambda.js';
import { type FakeFault, type FakeHandlers, fakeError, type RecordedCall } from './support/fake-aws/index.js';

const inv = demoIndex();
const TYPES = ['aws.lambda.function', 'aws.rds.db_snapshot'] as const;
const PROD = '345678901234';
const DEV = '456789012345';
const TOKYO = 'ap-northeast-1';

const regionsOf = (account: string): string[] =>
  [...new Set(inv.resources.filter((r) => r.account === account && r.region !== 'global').map((r) => r.region))].sort();

async function scan(
  account: string,
  opts: { faults?: FakeFault[]; handlers?: FakeHandlers; pageSize?: number } = {},
): Promise<{ part: InventoryPart; calls: RecordedCall[] }> {
  return collectOneAccount(inv, account, {
    handlers: mergeHandlers(lambdaHandlers(inv, { pageSize: opts.pageSize ?? 2 }), opts.handlers ?? {}),
    collectors: [lambdaCollector, rdsSnapshotCollector],
    regions: regionsOf(account),
    ...(opts.faults ? { faults: opts.faults } : {}),
  });
}

const ofType = (part: InventoryPart, type: string) => part.resources.filter((r) => r.type === type);
const callsOf = (calls: RecordedCall[], operation: string) => calls.filter((c) => c.operation === operation);
const denied = (code = 'AccessDeniedException', message = 'User is not authorized to perform this action') => ({
  code,
  message,
  status: 403,
});

describe('Lambda and RDS DB snapshot collectors against the fake AWS', () => {
  for (const account of inv.accounts) {
    it(`collects every function and manual DB snapshot of ${account} as the demo has it`, async () => {
      const { part, calls } = await scan(account);
      for (const type of TYPES) {
        const expected = inv.ofType(type, account);
        const got = ofType(part, type);
        assert.deepEqual(got.map((r) => r.uid).sort(), expected.map((r) => r.uid).sort(), type);
        for (const want of expected) {
          const have = got.find((r) => r.uid === want.uid);
          assert.ok(have, want.uid);
          assert.deepEqual(comparable(have), comparable(want), want.uid);
          assert.equal(have.source.kind, 'live');
        }
      }
      assert.deepEqual(part.errors, []);
      for (const c of calls) assert.ok(isReadOnlyOperation(c.operation), `${c.service}:${c.operation}`);
      // Only manual snapshots are asked for.
      assert.ok(callsOf(calls, 'DescribeDBSnapshots').every((c) => c.input.SnapshotType === 'manual'));
    });
  }

  it('the demo covers what the rules will look at', () => {
    const fns = inv.resources.filter((r) => r.type === 'aws.lambda.function') as Resource<LambdaFunctionProps>[];
    const snaps = inv.resources.filter((r) => r.type === 'aws.rds.db_snapshot') as Resource<DbSnapshotProps>[];
    assert.ok(fns.length >= 5 && new Set(fns.map((f) => f.account)).size >= 2);
    assert.ok(fns.some((f) => f.account === DEV && f.props.FunctionUrlConfig?.AuthType === 'NONE'));
    assert.ok(fns.some((f) => f.props.VpcConfig?.VpcId));
    assert.ok(fns.some((f) => f.props.Runtime === 'nodejs16.x') && fns.some((f) => f.props.Runtime === 'python3.12'));
    const openPolicy = fns.find((f) =>
      [f.props.Policy?.Statement ?? []].flat().some((s) => s.Principal === '*' && s.Condition === undefined),
    );
    assert.ok(openPolicy);
    assert.ok(fns.some((f) => (f.props.Environment?.SecretLikeVariables.length ?? 0) > 0));
    const restore = (s: Resource<DbSnapshotProps>) =>
      s.props.Attributes.find((a) => a.AttributeName === 'restore')?.AttributeValues ?? [];
    assert.ok(snaps.some((s) => s.account === DEV && restore(s).includes('all')));
    assert.ok(snaps.some((s) => s.account === PROD && s.props.Encrypted && /^\d{12}$/.test(restore(s)[0] ?? '')));
  });

  it('never stores the values of environment variables', async () => {
    const { part } = await scan(DEV);
    const text = JSON.stringify(part);
    assert.ok(!text.includes('AKIAFAKE'), 'an access key id value was stored');
    assert.ok(!text.includes('parameter/fake-aws/'), 'a variable value was stored');
    const notifier = ofType(part, 'aws.lambda.function').find((r) => r.name === 'dev-slack-notifier');
    assert.ok(notifier);
    const env = (notifier.props as LambdaFunctionProps).Environment;
    assert.deepEqual(env?.SecretLikeVariables, ['UPLOAD_AWS_ACCESS_KEY_ID', 'UPLOAD_AWS_SECRET_ACCESS_KEY']);
    assert.ok(!('Variables' in (env ?? {})));
  });

  it('reads every list page by page with its own tokens', async () => {
    const { part, calls } = await scan(DEV, { pageSize: 1 });
    const tokyo = (c: RecordedCall) => c.region === TOKYO;
    const list = callsOf(calls, 'ListFunctions').filter(tokyo);
    assert.equal(list.length, inv.ofType('aws.lambda.function', DEV, TOKYO).length);
    assert.ok(list.length >= 2);
    assert.equal(list[0]?.input.Marker, undefined);
    assert.ok(list.slice(1).every((c) => typeof c.input.Marker === 'string'));
    assert.equal(ofType(part, 'aws.lambda.function').length, inv.ofType('aws.lambda.function', DEV).length);
    const { part: prod, calls: prodCalls } = await scan(PROD, { pageSize: 1 });
    const snaps = callsOf(prodCalls, 'DescribeDBSnapshots').filter(tokyo);
    assert.equal(snaps.length, 2);
    assert.equal(typeof snaps[1]?.input.Marker, 'string');
    assert.equal(ofType(prod, 'aws.rds.db_snapshot').length, 2);
  });

  it('retries a throttled list call and then succeeds', async () => {
    const { part, calls } = await scan(DEV, {
      faults: [
        {
          service: 'lambda',
          operation: 'ListFunctions',
          region: TOKYO,
          times: 1,
          error: { code: 'TooManyRequestsException', message: 'Rate exceeded', status: 429 },
        },
        {
          service: 'rds',
          operation: 'DescribeDBSnapshots',
          region: TOKYO,
          times: 1,
          error: { code: 'Throttling', message: 'Rate exceeded', status: 400 },
        },
      ],
    });
    assert.deepEqual(part.errors, []);
    assert.equal(ofType(part, 'aws.lambda.function').length, inv.ofType('aws.lambda.function', DEV).length);
    assert.equal(ofType(part, 'aws.rds.db_snapshot').length, 1);
    assert.equal(callsOf(calls, 'ListFunctions').find((c) => c.region === TOKYO)?.error, 'TooManyRequestsException');
  });

  it('turns a denied list into a collection error of that type, with no resources of it', async () => {
    const { part, calls } = await scan(PROD, {
      faults: [
        { service: 'lambda', operation: 'ListFunctions', region: TOKYO, error: denied() },
        { service: 'rds', operation: 'DescribeDBSnapshots', region: TOKYO, error: denied('AccessDenied') },
      ],
    });
    assert.equal(ofType(part, 'aws.lambda.function').length, 0);
    assert.equal(ofType(part, 'aws.rds.db_snapshot').length, 0);
    assert.deepEqual(
      part.errors.map((e) => ({ ...e, message: undefined })).sort((a, b) => a.service.localeCompare(b.service)),
      [
        {
          account: PROD,
          region: TOKYO,
          service: 'lambda',
          operation: 'ListFunctions',
          resourceType: 'aws.lambda.function',
          code: 'AccessDeniedException',
          message: undefined,
        },
        {
          account: PROD,
          region: TOKYO,
          service: 'rds',
          operation: 'DescribeDBSnapshots',
          resourceType: 'aws.rds.db_snapshot',
          code: 'AccessDenied',
          message: undefined,
        },
      ],
    );
    // No details were asked of functions or snapshots that could not be listed.
    for (const op of ['GetPolicy', 'GetFunctionUrlConfig', 'ListTags', 'DescribeDBSnapshotAttributes']) {
      assert.equal(callsOf(calls, op).length, 0, op);
    }
  });

  it('keeps a function or snapshot whose detail is denied, with a gap on that prop', async () => {
    const { part } = await scan(DEV, {
      faults: [
        { service: 'lambda', operation: 'GetPolicy', region: TOKYO, error: denied() },
        { service: 'lambda', operation: 'ListTags', region: 'us-east-1', error: denied() },
        { service: 'rds', operation: 'DescribeDBSnapshotAttributes', error: denied('AccessDenied') },
      ],
    });
    assert.deepEqual(part.errors, []);
    const fns = ofType(part, 'aws.lambda.function');
    assert.equal(fns.length, inv.ofType('aws.lambda.function', DEV).length);
    for (const f of fns) {
      const want = comparable(inv.byUid(f.uid)!);
      if (f.region === TOKYO) {
        assert.deepEqual(f.gaps, { Policy: 'AccessDeniedException: User is not authorized to perform this action' });
        assert.ok(!('Policy' in (f.props as object)));
        delete want.props.Policy;
      } else {
        assert.deepEqual(f.gaps, { Tags: 'AccessDeniedException: User is not authorized to perform this action' });
        assert.deepEqual(f.tags, {});
        want.tags = {};
      }
      assert.deepEqual({ ...comparable(f), gaps: undefined }, { ...want, gaps: undefined });
    }
    const [snap] = ofType(part, 'aws.rds.db_snapshot');
    assert.ok(snap);
    assert.deepEqual(snap.gaps, { Attributes: 'AccessDenied: User is not authorized to perform this action' });
    assert.ok(!('Attributes' in (snap.props as object)));
  });

  it('reads "no policy" and "no URL" (ResourceNotFoundException) as null, not as a gap', async () => {
    const { part, calls } = await scan(PROD);
    const sync = ofType(part, 'aws.lambda.function').find((r) => r.name === 'kitsune-ec-stock-sync');
    assert.ok(sync);
    assert.equal((sync.props as LambdaFunctionProps).Policy, null);
    assert.equal((sync.props as LambdaFunctionProps).FunctionUrlConfig, null);
    assert.equal(sync.gaps, undefined);
    assert.ok(callsOf(calls, 'GetPolicy').some((c) => c.error === 'ResourceNotFoundException'));
    assert.ok(callsOf(calls, 'GetFunctionUrlConfig').some((c) => c.error === 'ResourceNotFoundException'));
  });

  it('keeps an environment error, leaves out an absent environment, and gaps one Lambda could not read', async () => {
    const base = inv.ofType<LambdaFunctionProps>('aws.lambda.function', PROD, TOKYO)[0]!;
    const { Policy: _p, FunctionUrlConfig: _u, Environment: _e, ...config } = base.props;
    const { part } = await scan(PROD, {
      handlers: {
        lambda: {
          ListFunctions: (_input, ctx) =>
            ctx.region !== TOKYO
              ? { Functions: [] }
              : {
                  Functions: [
                    {
                      ...config,
                      Environment: {
                        Variables: { GITHUB_TOKEN: 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789' },
                        Error: { ErrorCode: 'AccessDeniedException', Message: 'Lambda was unable to decrypt' },
                      },
                    },
                    { ...config, FunctionName: 'bare', FunctionArn: base.uid.replace(/[^:]+$/, 'bare') },
                    {
                      ...config,
                      FunctionName: 'sealed',
                      FunctionArn: base.uid.replace(/[^:]+$/, 'sealed'),
                      Environment: {
                        Error: { ErrorCode: 'KMSAccessDeniedException', Message: 'Lambda was unable to decrypt' },
                      },
                    },
                  ],
                },
          GetPolicy: () => ({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }),
          GetFunctionUrlConfig: () => {
            throw fakeError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
          },
          ListTags: () => ({ Tags: {} }),
        },
      },
    });
    const fns = ofType(part, 'aws.lambda.function') as Resource<LambdaFunctionProps>[];
    assert.equal(fns.length, 3);
    const withEnv = fns.find((f) => f.name === base.name);
    assert.deepEqual(withEnv?.props.Environment, {
      VariableNames: ['GITHUB_TOKEN'],
      SecretLikeVariables: ['GITHUB_TOKEN'],
      Error: { ErrorCode: 'AccessDeniedException', Message: 'Lambda was unable to decrypt' },
    });
    assert.ok(!JSON.stringify(part).includes('ghp_'));
    const bare = fns.find((f) => f.name === 'bare');
    assert.ok(bare && !('Environment' in bare.props));
    assert.equal(bare.gaps, undefined);
    // An error instead of the variables: which variables exist is unknown, so it is a gap, not an empty list.
    const sealed = fns.find((f) => f.name === 'sealed');
    assert.ok(sealed && !('Environment' in sealed.props));
    assert.deepEqual(sealed.gaps, { Environment: 'KMSAccessDeniedException: Lambda was unable to decrypt' });
  });
});

describe('secret-like environment variables', () => {
  it('finds secrets by their value', () => {
    assert.ok(looksSecret('UPLOAD_KEY', 'AKIAIOSFODNN7EXAMPLE'));
    assert.ok(looksSecret('X', 'ASIAY34FZKBOKMUTVV7A'));
    assert.ok(looksSecret('CERT', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'));
    assert.ok(looksSecret('CERT', '-----BEGIN PRIVATE KEY-----'));
    assert.ok(looksSecret('CONFIG', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    assert.ok(looksSecret('GH', 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789'));
    assert.ok(looksSecret('HOOK', 'xoxb-1234567890-abcdefghij'));
  });

  it('finds literal values under secret-sounding names', () => {
    for (const name of [
      'DB_PASSWORD',
      'db_passwd',
      'CLIENT_SECRET',
      'AUTH_TOKEN',
      'STRIPE_API_KEY',
      'ApiKey',
      'SSH_PRIVATE_KEY',
      'githubToken',
      'DBPASSWORD',
      'ACCESS_TOKENS',
    ]) {
      assert.ok(looksSecret(name, 'hunter2'), name);
    }
  });

  it('does not flag references, plain settings or ordinary identifiers', () => {
    assert.ok(!looksSecret('DB_SECRET_ARN', 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf'));
    assert.ok(!looksSecret('DB_PASSWORD_PARAM', '/prod/db/password'));
    assert.ok(!looksSecret('DB_PASSWORD', '{{resolve:secretsmanager:db:SecretString:password}}'));
    assert.ok(!looksSecret('TOKEN_TTL_SECONDS', '3600'));
    assert.ok(!looksSecret('API_KEY_REQUIRED', 'true'));
    assert.ok(!looksSecret('DB_PASSWORD', ''));
    assert.ok(!looksSecret('LOG_LEVEL', 'INFO'));
    assert.ok(!looksSecret('TENANT_ID', '0f8fad5b-d9cb-469f-a165-70867728950e'));
    assert.ok(!looksSecret('BUILD_SHA', '3f786850e387550fdab836ed7e6dc881de23001b'));
    assert.ok(!looksSecret('PYTHONPATH', '/var/task/vendor:/opt/python/lib/python3.12/site-packages'));
    assert.ok(!looksSecret('TABLE', 'kitsune-ec-orders-production-table-v2'));
  });

  it('summarises an environment as sorted names without values', () => {
    const summary = summarizeEnvironment({ Variables: { B: 'AKIAIOSFODNN7EXAMPLE', A: 'x' } });
    assert.deepEqual(summary, { VariableNames: ['A', 'B'], SecretLikeVariables: ['B'] });
    assert.deepEqual(summarizeEnvironment({}), { VariableNames: [], SecretLikeVariables: [] });
  });
});
