import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountCollector } from '../src/collect/aws/account.js';
import { parseCsv } from '../src/collect/aws/credential-report.js';
import { iamCollector } from '../src/collect/aws/iam.js';
import { organizationsCollector } from '../src/collect/aws/organizations.js';
import { isReadOnlyOperation } from '../src/collect/aws/runtime/read-only.js';
import { collectAws } from '../src/collect/aws/scan.js';
import type { Resource } from '../src/core/resource.js';
import type { InventoryPart } from '../src/inventory/snapshot.js';
import { credentialsFor, demoIndex, demoKeys } from './support/fake-aws/demo-index.js';
import { mergeHandlers } from './support/fake-aws/handlers/demo.js';
import { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv, iamHandlers } from './support/fake-aws/handlers/iam.js';
import { stsHandlers } from './support/fake-aws/handlers/sts.js';
import { type FakeAws, startFakeAws } from './support/fake-aws/index.js';
import type { FakeFault } from './support/fake-aws/types.js';

const inv = demoIndex();
const MGMT = '210987654321';
const PROD = '345678901234';
const DEV = '456789012345';
const TYPES = [
  'aws.account',
  'aws.organizations.organization',
  'aws.iam.user',
  'aws.iam.group',
  'aws.iam.role',
  'aws.iam.policy',
  'aws.iam.server_certificate',
];
const COLLECTORS = [iamCollector, accountCollector, organizationsCollector];

const comparable = (r: Resource) => ({
  type: r.type,
  uid: r.uid,
  name: r.name,
  region: r.region,
  tags: r.tags,
  props: r.props,
  gaps: r.gaps,
});
const byUid = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid);
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The props of a resource that must be there. */
function propsOf(r: Resource | undefined): Record<string, unknown> {
  assert.ok(r, 'resource missing');
  return r.props;
}

/** The demo's resources of the identity types in one account. */
function expectedOf(account: string) {
  return inv.resources
    .filter((r) => r.account === account && TYPES.includes(r.type))
    .map(comparable)
    .sort(byUid);
}

/** Every demo resource of the identity types comes back: uid, name, region, tags, props and gaps. */
function assertDemo(part: InventoryPart, account: string): void {
  const actual = part.resources.map(comparable).sort(byUid);
  const expected = expectedOf(account);
  assert.deepEqual(
    actual.map((r) => r.uid),
    expected.map((r) => r.uid),
  );
  for (const [i, r] of actual.entries()) assert.deepEqual(json(r), json(expected[i]), r.uid);
}

async function collect(fake: FakeAws, account: string): Promise<InventoryPart> {
  const regions = inv.ofType('aws.region', account).map((r) => r.region);
  for await (const part of collectAws({
    regions,
    endpointUrl: fake.url,
    credentials: credentialsFor(account),
    collectors: COLLECTORS,
    maxAttempts: 3,
  })) {
    return part;
  }
  throw new Error('no part');
}

describe('identity collectors (IAM, account, Organizations) through the SDK', () => {
  let fake: FakeAws;
  const faults: FakeFault[] = [];
  const fresh = async () => {
    await fake?.close();
    fake = await startFakeAws({
      handlers: mergeHandlers(stsHandlers(), iamHandlers(inv)),
      accounts: demoKeys(inv.accounts),
      faults,
    });
  };
  before(fresh);
  after(() => fake.close());

  for (const account of inv.accounts) {
    it(`gives back the demo's identity resources of ${account}`, async () => {
      const part = await collect(fake, account);
      assert.deepEqual(part.errors, []);
      assertDemo(part, account);
      for (const r of part.resources) assert.equal(r.source.kind, 'live');
    });
  }

  it('walks every page (IAM Marker, Organizations NextToken) and polls the credential report', () => {
    for (const account of inv.accounts) {
      for (const op of ['ListUsers', 'ListGroups', 'ListRoles', 'ListPolicies', 'ListEntitiesForPolicy']) {
        assert.ok(
          fake.calls.some((c) => c.account === account && c.operation === op && typeof c.input.Marker === 'string'),
          `${op} was asked for a next page in ${account}`,
        );
      }
    }
    for (const op of ['GetGroup', 'ListVirtualMFADevices', 'ListAccessKeys']) {
      assert.ok(
        fake.calls.some((c) => c.operation === op && typeof c.input.Marker === 'string'),
        op,
      );
    }
    assert.ok(
      fake.calls.some(
        (c) => c.account === MGMT && c.operation === 'ListTargetsForPolicy' && typeof c.input.NextToken === 'string',
      ),
    );
    for (const account of inv.accounts) {
      const generate = fake.calls.filter((c) => c.account === account && c.operation === 'GenerateCredentialReport');
      assert.ok(generate.length >= 2, 'polled until COMPLETE');
      // Read once per account, though two collectors use it.
      assert.equal(fake.calls.filter((c) => c.account === account && c.operation === 'GetCredentialReport').length, 1);
    }
  });

  it('asks only the management account about the organization', () => {
    for (const account of [PROD, DEV]) {
      const own = fake.calls.filter((c) => c.account === account && c.service === 'organizations');
      assert.deepEqual([...new Set(own.map((c) => c.operation))].sort(), [
        'DescribeOrganization',
        'ListTagsForResource',
      ]);
      assert.ok(own.every((c) => c.operation !== 'ListTagsForResource' || c.input.ResourceId === account));
      assert.equal(
        fake.calls.filter((c) => c.account === account && c.operation === 'ListOrganizationsFeatures').length,
        0,
      );
    }
  });

  it('calls only read-only operations, and never reads a certificate body or key secret', () => {
    for (const c of fake.calls) {
      assert.ok(c.operation !== '', `unhandled request ${c.method} ${c.path}`);
      assert.equal(c.error === 'FakeAwsShapeError' || c.error === 'FakeAwsHandlerError', false, c.operation);
      assert.ok(isReadOnlyOperation(c.operation), c.operation);
      assert.match(c.operation, /^(List|Get|Describe|GenerateCredentialReport$)/);
    }
    const ops = new Set(fake.calls.map((c) => c.operation));
    assert.equal(ops.has('GetServerCertificate'), false);
  });

  it('retries a throttled listing and still gives back everything', async () => {
    faults.length = 0;
    faults.push({
      operation: 'ListUsers',
      times: 1,
      error: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
    });
    await fresh();
    const part = await collect(fake, MGMT);
    faults.length = 0;
    assert.deepEqual(part.errors, []);
    assertDemo(part, MGMT);
    assert.equal(fake.calls.filter((c) => c.operation === 'ListUsers' && c.error === 'Throttling').length, 1);
  });

  it('turns a denied listing into a collection error for its type, and keeps the other types', async () => {
    faults.length = 0;
    faults.push({
      operation: 'ListRoles',
      error: { code: 'AccessDenied', status: 403, message: 'not authorized to perform: iam:ListRoles' },
    });
    await fresh();
    const part = await collect(fake, PROD);
    faults.length = 0;
    assert.equal(part.resources.filter((r) => r.type === 'aws.iam.role').length, 0);
    assert.deepEqual(
      part.errors.map((e) => [e.resourceType, e.operation, e.code, e.account, e.region]),
      [['aws.iam.role', 'ListRoles', 'AccessDenied', PROD, 'global']],
    );
    assert.equal(
      part.resources.filter((r) => r.type === 'aws.iam.user').length,
      inv.ofType('aws.iam.user', PROD).length,
    );
  });

  it('records a gap on the resource when a detail call is denied, and still emits it', async () => {
    faults.length = 0;
    faults.push(
      { operation: 'GetLoginProfile', times: 1, error: { code: 'AccessDenied', status: 403, message: 'denied' } },
      { operation: 'GetAlternateContact', times: 1, error: { code: 'AccessDeniedException', status: 403 } },
      { operation: 'GetPolicyVersion', times: 1, error: { code: 'AccessDenied', status: 403, message: 'denied' } },
      { operation: 'ListEntitiesForPolicy', times: 1, error: { code: 'AccessDenied', status: 403, message: 'denied' } },
      { operation: 'GetAccessKeyLastUsed', times: 1, error: { code: 'AccessDenied', status: 403, message: 'denied' } },
      { operation: 'ListOrganizationsFeatures', times: 1, error: { code: 'AccessDeniedException', status: 403 } },
    );
    await fresh();
    const part = await collect(fake, MGMT);
    faults.length = 0;
    assert.deepEqual(part.errors, []);
    assert.deepEqual(
      part.resources.sort(byUid).map((r) => r.uid),
      expectedOf(MGMT).map((r) => r.uid),
    );
    const gapped = (path: string) => part.resources.filter((r) => r.gaps?.[path] !== undefined);
    const [user] = gapped('LoginProfile');
    assert.equal(gapped('LoginProfile').length, 1);
    assert.equal(user?.gaps?.LoginProfile, 'AccessDenied: denied');
    assert.equal(propsOf(user).LoginProfile, undefined);
    assert.equal(gapped('DefaultVersionDocument').length, 1);
    // One call answers the three lists: all three are gaps.
    const [policy] = gapped('PolicyGroups');
    assert.equal(gapped('PolicyGroups').length, 1);
    for (const path of ['PolicyGroups', 'PolicyUsers', 'PolicyRoles']) {
      assert.equal(policy?.gaps?.[path], 'AccessDenied: denied');
      assert.equal(propsOf(policy)[path], undefined);
    }
    assert.equal(
      part.resources.filter((r) =>
        Object.keys(r.gaps ?? {}).some((p) => /^AccessKeyMetadata\.\d+\.AccessKeyLastUsed$/.test(p)),
      ).length,
      1,
    );
    const account = part.resources.find((r) => r.type === 'aws.account');
    const contactGaps = Object.keys(account?.gaps ?? {}).filter((p) => p.startsWith('AlternateContacts.'));
    assert.equal(contactGaps.length, 1);
    const org = part.resources.find((r) => r.type === 'aws.organizations.organization');
    assert.match(org?.gaps?.EnabledFeatures ?? '', /^AccessDeniedException/);
    assert.equal(propsOf(org).EnabledFeatures, undefined);
  });

  it('leaves the credential report rows as gaps when the report cannot be read', async () => {
    faults.length = 0;
    faults.push({ operation: 'GetCredentialReport', error: { code: 'AccessDenied', status: 403, message: 'denied' } });
    await fresh();
    const part = await collect(fake, DEV);
    faults.length = 0;
    assert.deepEqual(part.errors, []);
    const users = part.resources.filter((r) => r.type === 'aws.iam.user');
    assert.equal(users.length, inv.ofType('aws.iam.user', DEV).length);
    for (const u of users) {
      assert.equal(u.gaps?.CredentialReport, 'AccessDenied: denied');
      assert.equal(u.props.CredentialReport, undefined);
      assert.ok(u.props.LoginProfile !== undefined);
    }
    const account = part.resources.find((r) => r.type === 'aws.account');
    assert.deepEqual(account?.gaps, {
      RootCredentialReport: 'AccessDenied: denied',
      CredentialReportGeneratedTime: 'AccessDenied: denied',
    });
    assert.equal(fake.calls.filter((c) => c.operation === 'GetCredentialReport').length, 1);
  });

  it('says "none" with null where AWS answers with its not-found errors', async () => {
    await fresh();
    const part = await collect(fake, DEV);
    const account = part.resources.find((r) => r.type === 'aws.account');
    const props = propsOf(account);
    assert.equal(props.PublicAccessBlockConfiguration, null);
    assert.equal((props.AlternateContacts as Record<string, unknown>).SECURITY, null);
    const noConsole = part.resources.filter((r) => r.type === 'aws.iam.user' && r.props.LoginProfile === null);
    assert.ok(noConsole.length > 0);
    const mgmt = await collect(fake, MGMT);
    const mgmtAccount = mgmt.resources.find((r) => r.type === 'aws.account');
    assert.equal(propsOf(mgmtAccount).PasswordPolicy, null);
    assert.ok(fake.calls.some((c) => c.operation === 'GetLoginProfile' && c.error === 'NoSuchEntity'));
  });
});

describe('credential report CSV', () => {
  it('parses what IAM writes, quoted cells included', () => {
    const row = Object.fromEntries(CREDENTIAL_REPORT_COLUMNS.map((c) => [c, 'N/A'])) as Record<string, string>;
    const odd = { ...row, user: 'a,"b"', arn: 'arn:aws:iam::111122223333:user/a,"b"' };
    const rows = parseCsv(credentialReportCsv([{ ...row, user: '<root_account>' }, odd]));
    assert.deepEqual(rows, [{ ...row, user: '<root_account>' }, odd]);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...CREDENTIAL_REPORT_COLUMNS]);
    assert.deepEqual(parseCsv(''), []);
    assert.deepEqual(parseCsv('user,arn\r\nx,y\r\n'), [{ user: 'x', arn: 'y' }]);
  });
});
