import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { loadConfig, parseConfig } from '../src/cli/config.js';
import type { Finding } from '../src/core/finding.js';
import { InputError } from '../src/core/input-error.js';
import type { Status } from '../src/core/status.js';
import { runScan, type ScanResult } from '../src/engine/scan.js';
import {
  addException,
  applyExceptions,
  ExceptionApplier,
  type Exceptions,
  expireException,
  globToRegExp,
  loadExceptions,
  nextExceptionId,
  parseExceptions,
  parseNow,
} from '../src/exceptions/index.js';
import { streamSnapshot } from '../src/inventory/snapshot.js';
import { packagePath } from '../src/paths.js';
import { REPORTERS } from '../src/report/index.js';
import type { FindingsDocument } from '../src/report/json.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mamori-exc-'));
const day = (d: string) => new Date(`${d}T12:00:00Z`);

function finding(over: Partial<Finding> & { tags?: Record<string, string> } = {}): Finding {
  const { tags, ...rest } = over;
  return {
    id: '0123456789abcdef01234567',
    ruleId: 'aws-s3-bucket-public-access-block',
    status: 'FAIL',
    severity: 'high',
    category: 'network',
    resource: {
      uid: 'arn:aws:s3:::kitsune-dev-public-share',
      type: 'aws.s3.bucket',
      name: 'kitsune-dev-public-share',
      account: '456789012345',
      region: 'ap-northeast-1',
      tags: tags ?? { Environment: 'development', 環境: '開発' },
      source: { kind: 'snapshot' },
    },
    reason: { en: 'open', ja: '公開' },
    evidencePath: 'PublicAccessBlock',
    ...rest,
  };
}

const set = (yaml: string): Exceptions => parseExceptions(yaml, 'exceptions.yaml');
const one = (scope: string, extra = 'kind: not-applicable') =>
  set(`exceptions:\n  - id: EXC-1\n    ${extra}\n    reason: test\n    scope:\n${scope}\n`);
const status = (exc: Exceptions, f: Finding, now = day('2026-11-22')): Status =>
  new ExceptionApplier(exc, now).apply(f).status;

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail('expected an InputError');
}

describe('exceptions file', () => {
  it('loads the example file (every kind, tags, globs)', () => {
    const exc = loadExceptions(packagePath('examples', 'exceptions.yaml'));
    assert.equal(exc.entries.length, 5);
    assert.deepEqual(
      exc.entries.map((e) => e.id),
      ['EXC-0001', 'EXC-0002', 'EXC-0003', 'EXC-0004', 'EXC-0005'],
    );
    assert.equal(exc.entries[1]!.kind, 'not-applicable');
    assert.equal(exc.lines?.get('EXC-0002'), 23);
  });

  it('an empty file is an empty list', () => {
    assert.deepEqual(set('# nothing yet\n').entries, []);
    assert.deepEqual(set('version: 1\nexceptions: []\n').entries, []);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      'missing reason',
      'exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    scope: { rule: r }\n',
      /at \/exceptions\/0 \(line 2\): missing property 'reason'/,
    ],
    [
      'blank reason',
      'exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    scope: { rule: r }\n    reason: "  "\n',
      /at \/exceptions\/0\/reason \(line 5\): reason must not be blank/,
    ],
    [
      'alternative control without expiry',
      'exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    scope: { rule: r }\n    reason: x\n',
      /line 2\): an alternative-control exception needs 'expires'/,
    ],
    [
      'scope without rule or resource',
      "exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    reason: x\n    scope:\n      account: '123456789012'\n",
      /at \/exceptions\/0\/scope \(line 5\): a scope needs 'rule' or 'resource'/,
    ],
    [
      'unquoted account id',
      'exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    reason: x\n    scope:\n      rule: r\n      account: 012345678901\n',
      /scope\/account \(line 7\): account ids must be quoted strings, e\.g\. '012345678901'/,
    ],
    [
      'unknown field',
      'exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    reason: x\n    scope: { rule: r }\n    owner: me\n',
      /at \/exceptions\/0\/owner \(line 6\): unknown property 'owner'/,
    ],
    [
      'unknown kind',
      'exceptions:\n  - id: EXC-1\n    kind: accepted\n    reason: x\n    scope: { rule: r }\n',
      /\/exceptions\/0\/kind \(line 3\): must be one of: alternative-control, not-applicable/,
    ],
    [
      'not a calendar day',
      'exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    reason: x\n    scope: { rule: r }\n    expires: 2027-02-30\n',
      /\/exceptions\/0\/expires \(line 6\): '2027-02-30' is not a calendar day/,
    ],
    [
      'wrong date form',
      'exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    reason: x\n    scope: { rule: r }\n    expires: 31/03/2027\n',
      /expires \(line 6\): "31\/03\/2027" must be a date written YYYY-MM-DD/,
    ],
    [
      'expiry before creation',
      'exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    reason: x\n    scope: { rule: r }\n    created: 2026-05-01\n    expires: 2026-04-01\n',
      /line 7\): expires 2026-04-01 is before created 2026-05-01/,
    ],
    [
      'duplicate id',
      'exceptions:\n  - id: EXC-1\n    kind: not-applicable\n    reason: x\n    scope: { rule: r }\n  - id: EXC-1\n    kind: not-applicable\n    reason: y\n    scope: { rule: s }\n',
      /\/exceptions\/1\/id \(line 6\): exception id 'EXC-1' is used twice/,
    ],
  ];
  for (const [name, yaml, expected] of bad) {
    it(`rejects ${name} with the file, path and line`, () => {
      const e = inputError(() => set(yaml));
      assert.match(e.message, /^exceptions\.yaml: /);
      assert.match(e.message, expected);
    });
  }

  it('malformed YAML names the line and column', () => {
    const e = inputError(() => set('exceptions:\n  - id: EXC-1\n    reason: [unclosed\n'));
    assert.match(e.message, /exceptions\.yaml: line \d+, column \d+: malformed YAML/);
  });

  it('a missing file is an input error', () => {
    assert.match(inputError(() => loadExceptions(join(tmp(), 'none.yaml'))).message, /cannot read: ENOENT/);
  });
});

describe('matching', () => {
  it('globs: * any run (also / and :), ? one character, the rest literal', () => {
    assert.ok(globToRegExp('arn:aws:s3:::kitsune-*').test('arn:aws:s3:::kitsune-dev/x'));
    assert.ok(globToRegExp('aws-s3-bucket-?ublic*').test('aws-s3-bucket-public-access-block'));
    assert.ok(!globToRegExp('a.c').test('abc'), 'a dot is a dot');
    assert.ok(!globToRegExp('aws-s3-*').test('xaws-s3-bucket'), 'anchored');
  });

  const cases: Array<[string, string, boolean]> = [
    ['rule, exact', '      rule: aws-s3-bucket-public-access-block', true],
    ['rule, another', '      rule: aws-s3-bucket-encrypted', false],
    ['rule, glob', "      rule: 'aws-s3-*'", true],
    ['rule, list (any)', '      rule: [aws-x, aws-s3-bucket-public-access-block]', true],
    ['account', "      rule: '*'\n      account: '456789012345'", true],
    ['account, another', "      rule: '*'\n      account: '345678901234'", false],
    ['region', "      rule: '*'\n      region: ap-northeast-1", true],
    ['region, glob', "      rule: '*'\n      region: 'us-*'", false],
    ['resource uid', '      resource: arn:aws:s3:::kitsune-dev-public-share', true],
    ['resource glob', "      resource: 'arn:aws:s3:::kitsune-dev-*'", true],
    ['resource glob, another', "      resource: 'arn:aws:s3:::kitsune-prod-*'", false],
    ['tag', "      rule: '*'\n      tags: { Environment: development }", true],
    ['tag in Japanese', "      rule: '*'\n      tags: { 環境: 開発 }", true],
    ['tag value glob', "      rule: '*'\n      tags: { Environment: 'dev*' }", true],
    ['tag, another value', "      rule: '*'\n      tags: { Environment: production }", false],
    ['tag, absent key', "      rule: '*'\n      tags: { Owner: '*' }", false],
    [
      'every field must match (AND)',
      "      rule: aws-s3-bucket-public-access-block\n      account: '456789012345'\n      region: us-east-1",
      false,
    ],
  ];
  for (const [name, scope, expected] of cases) {
    it(`scope by ${name}: ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(status(one(scope), finding()), expected ? 'EXCEPTED' : 'FAIL');
    });
  }

  it('applies to FAIL and ERROR only; PASS, MANUAL and N/A stay as they are', () => {
    const exc = one("      rule: '*'");
    assert.equal(status(exc, finding({ status: 'ERROR', cause: 'AccessDenied' })), 'EXCEPTED');
    for (const s of ['PASS', 'MANUAL', 'N/A'] as const) assert.equal(status(exc, finding({ status: s })), s);
  });

  it('keeps the reason, evidence and cause, and attaches id, kind, reason, approver and expiry', () => {
    const exc = set(
      "exceptions:\n  - id: EXC-0007\n    kind: alternative-control\n    reason: 'WAF で遮断'\n    approver: sec\n    expires: 2027-01-31\n    scope: { rule: '*' }\n",
    );
    const f = new ExceptionApplier(exc, day('2026-11-22')).apply(finding());
    assert.equal(f.status, 'EXCEPTED');
    assert.deepEqual(f.exception, {
      id: 'EXC-0007',
      kind: 'alternative-control',
      reason: 'WAF で遮断',
      approver: 'sec',
      expires: '2027-01-31',
    });
    assert.equal(f.evidencePath, 'PublicAccessBlock');
    assert.deepEqual(f.reason, { en: 'open', ja: '公開' });
  });

  it('the first active exception in file order is attached; later matching ones count as used', () => {
    const exc = set(
      "exceptions:\n  - id: A\n    kind: not-applicable\n    reason: a\n    scope: { rule: 'aws-s3-*' }\n  - id: B\n    kind: not-applicable\n    reason: b\n    scope: { rule: '*' }\n",
    );
    const { findings, outcome } = applyExceptions([finding()], exc, day('2026-11-22'));
    assert.equal(findings[0]!.exception?.id, 'A');
    assert.deepEqual(
      outcome.exceptions.map((e) => [e.id, e.applied, e.matched]),
      [
        ['A', 1, 1],
        ['B', 0, 1],
      ],
    );
    assert.deepEqual(outcome.unused, []);
  });
});

describe('expiry through the injected clock', () => {
  const exc = set(
    "exceptions:\n  - id: EXC-1\n    kind: alternative-control\n    reason: x\n    expires: 2026-12-31\n    scope: { rule: '*' }\n",
  );
  it('applies the day before and on the expiry day itself (UTC)', () => {
    assert.equal(status(exc, finding(), day('2026-12-30')), 'EXCEPTED');
    assert.equal(status(exc, finding(), new Date('2026-12-31T23:59:59Z')), 'EXCEPTED');
  });
  it('stops applying the day after, and is listed as expired with what it would have covered', () => {
    const applier = new ExceptionApplier(exc, new Date('2027-01-01T00:00:00Z'));
    assert.equal(applier.apply(finding()).status, 'FAIL');
    assert.equal(applier.apply(finding({ id: 'x' })).status, 'FAIL');
    const o = applier.outcome();
    assert.deepEqual(o.expired, ['EXC-1']);
    assert.deepEqual(o.unused, [], 'an expired exception is listed as expired, not unused');
    assert.equal(o.exceptions[0]!.state, 'expired');
    assert.equal(o.exceptions[0]!.matched, 2);
    assert.equal(o.applied, 0);
    assert.equal(o.date, '2027-01-01');
  });
  it('is "expires-soon" within 30 days', () => {
    const o = applyExceptions([], exc, day('2026-12-01')).outcome;
    assert.deepEqual(o.expiringSoon, ['EXC-1']);
    assert.equal(applyExceptions([], exc, day('2026-11-30')).outcome.exceptions[0]!.state, 'active');
  });
  it('--now takes a day or an ISO time', () => {
    assert.equal(parseNow('2026-12-31')?.toISOString(), '2026-12-31T00:00:00.000Z');
    assert.equal(parseNow('2026-12-31T10:00:00+09:00')?.toISOString(), '2026-12-31T01:00:00.000Z');
    assert.equal(parseNow('tomorrow'), undefined);
    assert.equal(parseNow('2026-02-30'), undefined);
  });
});

describe('unused exceptions and the streaming form', () => {
  it('an active exception that matched nothing is unused', () => {
    const exc = set(
      "exceptions:\n  - id: USED\n    kind: not-applicable\n    reason: x\n    scope: { rule: '*' }\n  - id: IDLE\n    kind: not-applicable\n    reason: y\n    scope: { resource: 'arn:aws:rds:*' }\n",
    );
    const seen: Finding[] = [];
    const stream = applyExceptions((f) => seen.push(f), exc, day('2026-11-22'));
    stream.emit(finding());
    stream.emit(finding({ status: 'PASS' }));
    assert.deepEqual(
      seen.map((f) => f.status),
      ['EXCEPTED', 'PASS'],
    );
    const o = stream.outcome();
    assert.deepEqual(o.unused, ['IDLE']);
    assert.equal(o.applied, 1);
    assert.deepEqual(o.byKind, { 'alternative-control': 0, 'not-applicable': 1 });
  });
});

describe('add and expire keep the file as written', () => {
  const start = `# Our exceptions — reviewed monthly
version: 1
exceptions:
  # the legacy server
  - id: EXC-0001
    kind: not-applicable # no data on it
    scope:
      rule: aws-ec2-instance-imdsv2-required
      account: '012345678901'
    reason: retired soon
`;
  it('appends with the next id, keeps comments and quoting, and reads back', () => {
    const file = join(tmp(), 'exceptions.yaml');
    writeFileSync(file, start);
    const added = addException(file, {
      kind: 'alternative-control',
      scope: { rule: 'aws-s3-*', account: '012345678901', tags: { 環境: '開発' } },
      reason: '代替策あり',
      approver: 'sec',
      created: '2026-11-22',
      expires: '2027-03-31',
    });
    assert.equal(added.id, 'EXC-0002');
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith(start), text);
    assert.match(text, /# the legacy server/);
    assert.match(text, /kind: not-applicable # no data on it/);
    assert.match(text, /account: "?'?012345678901'?"?/);
    const back = loadExceptions(file);
    assert.deepEqual(back.entries[1], { ...added });
    assert.equal(back.entries[1]!.scope.account, '012345678901', 'the leading zero survives');

    expireException(file, 'EXC-0001', '2026-11-30');
    const after = readFileSync(file, 'utf8');
    assert.match(after, /# Our exceptions — reviewed monthly/);
    assert.match(after, /kind: not-applicable # no data on it/);
    assert.equal(loadExceptions(file).entries[0]!.expires, '2026-11-30');
    expireException(file, 'EXC-0002', '2026-12-01');
    assert.equal(loadExceptions(file).entries[1]!.expires, '2026-12-01', 'an expiry is replaced in place');
    assert.equal((after.match(/expires:/g) ?? []).length, 2);
  });

  it('creates the file with a header when missing', () => {
    const file = join(tmp(), 'new.yaml');
    const added = addException(file, { kind: 'not-applicable', scope: { rule: 'r' }, reason: 'x' });
    assert.equal(added.id, 'EXC-0001');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# mamori exceptions/);
    assert.match(text, /^exceptions:\n {2}- id: EXC-0001$/m);
    assert.equal(loadExceptions(file).entries.length, 1);
  });

  it('refuses an invalid entry and leaves the file unchanged', () => {
    const file = join(tmp(), 'exceptions.yaml');
    writeFileSync(file, start);
    assert.throws(
      () => addException(file, { kind: 'alternative-control', scope: { rule: 'r' }, reason: 'x' }),
      /needs 'expires'/,
    );
    assert.throws(() => expireException(file, 'EXC-0009', '2026-11-30'), /no exception with id 'EXC-0009'/);
    assert.equal(readFileSync(file, 'utf8'), start);
  });

  it('next id: one more than the highest EXC number', () => {
    assert.equal(nextExceptionId([]), 'EXC-0001');
    assert.equal(nextExceptionId([{ id: 'EXC-0009' }, { id: 'custom' }, { id: 'EXC-0002' }]), 'EXC-0010');
  });
});

describe('config file', () => {
  it('resolves paths against its own directory; frameworks may be one string', () => {
    const c = parseConfig('exceptions: exc.yaml\nframeworks: fw\n', '/etc/mamori/mamori.yaml');
    assert.equal(c.exceptions, '/etc/mamori/exc.yaml');
    assert.deepEqual(c.frameworks, ['/etc/mamori/fw']);
    assert.deepEqual(parseConfig('frameworks: [a, /b]\n', '/x/m.yaml').frameworks, ['/x/a', '/b']);
  });
  it('rejects unknown keys with the line', () => {
    assert.throws(
      () => parseConfig('frameworks: [a]\nexception: e.yaml\n', 'mamori.yaml'),
      /mamori\.yaml: at \/exception \(line 2\): unknown property 'exception' \(allowed: exceptions, frameworks\)/,
    );
  });
  it('is read from mamori.yaml in the working directory when present, else nothing', () => {
    const d = tmp();
    assert.deepEqual(loadConfig(undefined, d), { frameworks: [] });
    writeFileSync(join(d, 'mamori.yaml'), 'exceptions: e.yaml\n');
    assert.equal(loadConfig(undefined, d).exceptions, join(d, 'e.yaml'));
    assert.throws(() => loadConfig(join(d, 'missing.yaml')), /cannot read: ENOENT/);
  });
});

describe('a scan with the example exceptions (demo organisation)', () => {
  const exceptions = loadExceptions(packagePath('examples', 'exceptions.yaml'));
  const demo = () => streamSnapshot(packagePath('examples', 'demo-org'));
  const plain = runScan(demo(), BUILTIN_RULES);
  const result: ScanResult = runScan(demo(), BUILTIN_RULES, { exceptions, exceptionsNow: day('2026-11-22') });
  const o = result.exceptions!;

  it('excepts findings, one exception expired and one unused', () => {
    assert.ok(o.applied > 0);
    assert.equal(result.summary.byStatus.EXCEPTED, o.applied);
    assert.equal(
      result.summary.byStatus.FAIL + result.summary.byStatus.ERROR + o.applied,
      plain.summary.byStatus.FAIL + plain.summary.byStatus.ERROR,
    );
    assert.deepEqual(o.expired, ['EXC-0004']);
    assert.deepEqual(o.unused, ['EXC-0005']);
    assert.ok(o.exceptions.find((e) => e.id === 'EXC-0004')!.matched > 0, 'the expired one still matches findings');
    for (const id of ['EXC-0001', 'EXC-0002', 'EXC-0003']) {
      assert.ok(o.exceptions.find((e) => e.id === id)!.applied > 0, `${id} applied`);
    }
    const excepted = result.findings.filter((f) => f.status === 'EXCEPTED');
    assert.ok(excepted.every((f) => f.exception?.id && f.exception.reason));
  });

  it('EXCEPTED findings leave the score: it rises when failing checks are excepted', () => {
    assert.ok(result.summary.score! > plain.summary.score!, `${result.summary.score} > ${plain.summary.score}`);
  });

  it('every report lists the expired and unused exceptions', () => {
    for (const lang of ['en', 'ja'] as const) {
      const table = REPORTERS.table!.render(result, lang, { width: 200 });
      assert.match(table, lang === 'ja' ? /期限切れ（適用していない） \(1\)/ : /Expired: no longer applied \(1\)/);
      assert.match(table, /EXC-0004/);
      assert.match(table, /EXC-0005/);
      const html = REPORTERS.html!.render(result, lang);
      assert.match(html, /id="exceptions"/);
      assert.match(html, /EXC-0004/);
      assert.match(html, /EXC-0005/);
      const junit = REPORTERS.junit!.render(result, lang);
      assert.match(junit, /<testsuite name="mamori\.exceptions" tests="2" failures="0" errors="0" skipped="2"/);
      const sarif = JSON.parse(REPORTERS.sarif!.render(result, lang));
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.map(
        (n: { properties?: { exceptionId?: string; state?: string } }) => n.properties,
      );
      assert.deepEqual(
        notes.filter((p: { exceptionId?: string } | undefined) => p?.exceptionId),
        [
          { exceptionId: 'EXC-0004', state: 'expired' },
          { exceptionId: 'EXC-0005', state: 'unused' },
        ],
      );
      const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
      assert.equal(suppressed.length, o.applied);
      const csv = REPORTERS.csv!.render(result, lang);
      assert.match(csv, /EXC-0001/);
    }
  });

  it('json: a top-level exceptions block that validates against the findings schema', () => {
    const schema = JSON.parse(readFileSync(packagePath('schema', 'findings.v1.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(schema);
    const doc = JSON.parse(REPORTERS.json!.render(result, 'en')) as FindingsDocument;
    assert.ok(validate(doc), ajv.errorsText(validate.errors));
    assert.ok(doc.exceptions);
    assert.deepEqual(doc.exceptions.expired, ['EXC-0004']);
    assert.deepEqual(doc.exceptions.unused, ['EXC-0005']);
    assert.equal(doc.exceptions.applied, o.applied);
    assert.equal(doc.exceptions.date, '2026-11-22');
  });

  it('without exceptions, reports have no exceptions section', () => {
    assert.equal(plain.exceptions, undefined);
    assert.ok(!('exceptions' in JSON.parse(REPORTERS.json!.render(plain, 'en'))));
    assert.doesNotMatch(REPORTERS.junit!.render(plain, 'en'), /mamori\.exceptions/);
  });
});
