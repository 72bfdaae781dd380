import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../src/core/finding.js';
import type { AnyRule } from '../src/core/rule.js';
import { LANGS, type Lang } from '../src/core/text.js';
import type { ScanResult } from '../src/engine/scan.js';
import { ASFF_RESOURCE_TYPES } from '../src/inventory/asff-types.js';
import { RESOURCE_TYPES } from '../src/inventory/types.js';
import {
  ASFF_LIMITS,
  type AsffFinding,
  asffResourceType,
  clip,
  REASON_CHECK_NOT_RUN,
  REASON_MANUAL,
  TYPE_BEST_PRACTICES,
  TYPE_CIS,
} from '../src/report/asff.js';
import { REPORTERS } from '../src/report/index.js';
import { ACCOUNT_A, ACCOUNT_B, HOSTILE_NAME, HOSTILE_TAG, JAPANESE_NAME, SCRIPT_TAG, scan } from './report.fixture.js';

/**
 * The required top-level attributes of an ASFF finding (AWS Security Hub User Guide, "Required top-level ASFF
 * attributes"; AwsSecurityFinding in the Security Hub API reference).
 */
const REQUIRED_TOP_LEVEL = [
  'AwsAccountId',
  'CreatedAt',
  'Description',
  'GeneratorId',
  'Id',
  'ProductArn',
  'Resources',
  'SchemaVersion',
  'Severity',
  'Title',
  'Types',
  'UpdatedAt',
] as const;
/** Required in each Resources[] item. */
const REQUIRED_RESOURCE = ['Id', 'Type'] as const;

const SEVERITY_LABELS = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const COMPLIANCE_STATUSES = ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'];
const WORKFLOW_STATUSES = ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'];
/** The timestamp formats Security Hub accepts (RFC 3339 with Z or an offset; up to 9 fraction digits). */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)$/;
/** The pattern Security Hub puts on its strings: at least one non-space character. */
const NON_EMPTY = /\S/;

const render = (result: ScanResult, lang: Lang): AsffFinding[] =>
  JSON.parse(REPORTERS.asff!.render(result, lang)) as AsffFinding[];

const status = (f: AsffFinding) => f.ProductFields['mamori/Status'];

/** Every required attribute, enum and length limit of the fields mamori fills; returns the problems found. */
function problems(f: AsffFinding): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(`${f.Id}: ${what}`);
  };
  const str = (v: unknown, max: number, what: string) =>
    check(typeof v === 'string' && NON_EMPTY.test(v) && v.length <= max, `${what} (${String(v).length} chars)`);

  for (const key of REQUIRED_TOP_LEVEL) check(f[key] !== undefined && f[key] !== null, `missing ${key}`);
  check(f.SchemaVersion === '2018-10-08', 'SchemaVersion');
  str(f.Id, ASFF_LIMITS.id, 'Id');
  str(f.GeneratorId, ASFF_LIMITS.generatorId, 'GeneratorId');
  check(/^\d{12}$/.test(f.AwsAccountId), 'AwsAccountId is 12 digits');
  check(
    f.ProductArn ===
      `arn:aws:securityhub:${/^arn:aws:securityhub:([a-z0-9-]+):/.exec(f.ProductArn)?.[1]}:` +
        `${f.AwsAccountId}:product/${f.AwsAccountId}/default`,
    `ProductArn ${f.ProductArn}`,
  );
  check(Array.isArray(f.Types) && f.Types.length >= 1 && f.Types.length <= 50, 'Types');
  for (const t of f.Types) check(t.split('/').length >= 2 && t.split('/').length <= 3, `Types format ${t}`);
  check(TIMESTAMP.test(f.CreatedAt) && TIMESTAMP.test(f.UpdatedAt), 'timestamps');
  check(SEVERITY_LABELS.includes(f.Severity.Label), 'Severity.Label');
  str(f.Severity.Original, ASFF_LIMITS.severityOriginal, 'Severity.Original');
  str(f.Title, ASFF_LIMITS.title, 'Title');
  str(f.Description, ASFF_LIMITS.description, 'Description');
  if (f.Remediation) {
    str(f.Remediation.Recommendation.Text, ASFF_LIMITS.recommendationText, 'Recommendation.Text');
    if (f.Remediation.Recommendation.Url !== undefined)
      check(/^https:\/\//.test(f.Remediation.Recommendation.Url), 'Url');
  }
  const pf = Object.entries(f.ProductFields);
  check(pf.length <= ASFF_LIMITS.productFields, 'ProductFields count');
  for (const [k, v] of pf) {
    str(k, ASFF_LIMITS.productFieldKey, `ProductFields key ${k}`);
    str(v, ASFF_LIMITS.productFieldValue, `ProductFields[${k}]`);
  }
  check(f.Resources.length >= 1 && f.Resources.length <= 32, 'Resources count');
  for (const r of f.Resources) {
    for (const key of REQUIRED_RESOURCE) check(typeof r[key] === 'string' && NON_EMPTY.test(r[key]), `Resource.${key}`);
    str(r.Type, ASFF_LIMITS.resourceType, 'Resource.Type');
    check(r.Partition === undefined || ['aws', 'aws-cn', 'aws-us-gov'].includes(r.Partition), 'Partition');
    if (r.Region !== undefined) str(r.Region, ASFF_LIMITS.region, 'Resource.Region');
    const tags = Object.entries(r.Tags ?? {});
    check(tags.length <= ASFF_LIMITS.tags, 'Tags count');
    for (const [k, v] of tags) {
      str(k, ASFF_LIMITS.tagKey, 'tag key');
      check(typeof v === 'string' && v.length <= ASFF_LIMITS.tagValue, `tag value ${k}`);
    }
    for (const [k, v] of Object.entries(r.Details?.Other ?? {})) {
      str(k, ASFF_LIMITS.otherKey, 'Details.Other key');
      str(v, ASFF_LIMITS.otherValue, 'Details.Other value');
    }
  }
  check(COMPLIANCE_STATUSES.includes(f.Compliance.Status), 'Compliance.Status');
  for (const r of f.Compliance.StatusReasons ?? []) {
    str(r.ReasonCode, 256, 'ReasonCode');
    str(r.Description, ASFF_LIMITS.statusReasonDescription, 'StatusReason.Description');
  }
  check((f.Compliance.RelatedRequirements?.length ?? 0) <= ASFF_LIMITS.relatedRequirements, 'RelatedRequirements');
  check(WORKFLOW_STATUSES.includes(f.Workflow.Status), 'Workflow.Status');
  check(f.RecordState === 'ACTIVE', 'RecordState');
  if (f.Note) {
    str(f.Note.Text, ASFF_LIMITS.noteText, 'Note.Text');
    str(f.Note.UpdatedBy, 512, 'Note.UpdatedBy');
    check(TIMESTAMP.test(f.Note.UpdatedAt), 'Note.UpdatedAt');
  }
  check(
    JSON.stringify(f.FindingProviderFields.Severity) === JSON.stringify(f.Severity),
    'FindingProviderFields.Severity',
  );
  check(JSON.stringify(f.FindingProviderFields.Types) === JSON.stringify(f.Types), 'FindingProviderFields.Types');
  check(Buffer.byteLength(JSON.stringify(f)) < 240 * 1024, 'under 240 KB');
  return out;
}

/** The fixture scan with one FAIL, one ERROR and one EXCEPTED made as long as a hostile or careless input can. */
function longScan(): ScanResult {
  const result = scan();
  const long = (unit: string, n: number) => unit.repeat(n);
  const findings: Finding[] = result.findings.map((f) => structuredClone(f));
  const fail = findings.find((f) => f.status === 'FAIL' && f.ruleId === 'test-s3-bucket-encrypted')!;
  // 4999 BMP characters then an emoji, so a naive cut at any limit could split the surrogate pair.
  fail.reason = { en: `${long('x', 4999)}😀 tail`, ja: `${long('暗', 255)}😀${long('号', 5000)}` };
  fail.evidencePath = long('a.', 2000);
  fail.resource.name = long('n', 3000);
  fail.resource.tags = Object.fromEntries([
    [long('k', 200), 'key too long'],
    ['', 'empty key'],
    ['long-value', long('v', 1000)],
    ['__proto__', 'kept as a tag'],
    ...Array.from({ length: 80 }, (_, i) => [`tag-${String(i).padStart(2, '0')}`, `value ${i}`]),
  ]);
  const err = findings.find((f) => f.status === 'ERROR')!;
  err.cause = `AccessDenied: ${long('not authorized ', 500)}`;
  const excepted = findings.find((f) => f.status === 'EXCEPTED')!;
  excepted.exception = { kind: 'alternative-control', reason: long('理由', 600), approver: long('a', 600) };

  const rules = new Map<string, AnyRule>(result.rules);
  const rule = rules.get('test-s3-bucket-encrypted')!;
  rules.set(rule.id, {
    ...rule,
    text: {
      ...rule.text,
      title: { en: long('Title ', 100), ja: long('タイトル', 100) },
      remediation: {
        ...rule.text.remediation,
        text: { en: long('Fix it. ', 100), ja: long('修復する。', 200) },
      },
    },
  });
  return { ...result, findings, rules };
}

describe('asff reporter', () => {
  const result = scan();

  for (const lang of LANGS) {
    it(`${lang}: one finding per judged finding (no N/A), each with every required ASFF field within its limits`, () => {
      const out = render(result, lang);
      assert.equal(out.length, result.findings.length);
      assert.ok(out.length > 0);
      for (const f of out) {
        assert.deepEqual(problems(f), []);
        for (const key of REQUIRED_TOP_LEVEL) assert.ok(key in f, key);
        assert.notEqual(status(f), 'N/A');
        assert.equal(f.CreatedAt, '2026-11-01T00:00:00.000Z');
        assert.equal(f.UpdatedAt, f.CreatedAt);
        assert.deepEqual(f.Types, [TYPE_BEST_PRACTICES], 'the fixture framework is not CIS');
        assert.equal(f.ProductName, 'mamori');
        assert.equal(f.GeneratorId, f.ProductFields['mamori/RuleId']);
        assert.equal(f.Resources[0]!.Partition, 'aws');
        for (const v of Object.values(f.ProductFields)) assert.equal(typeof v, 'string');
      }
      assert.deepEqual(
        [...new Set(out.map((f) => f.AwsAccountId))].sort(),
        [ACCOUNT_A, ACCOUNT_B],
        'findings stay in their own account',
      );
    });

    it(`${lang}: status mapping to Compliance, Workflow and severity label`, () => {
      const out = render(result, lang);
      const by = (s: string) => out.filter((f) => status(f) === s);
      for (const s of ['PASS', 'FAIL', 'ERROR', 'MANUAL', 'EXCEPTED']) assert.ok(by(s).length > 0, `fixture has ${s}`);

      for (const f of by('PASS')) {
        assert.deepEqual(
          [f.Compliance.Status, f.Workflow.Status, f.Severity.Label],
          ['PASSED', 'RESOLVED', 'INFORMATIONAL'],
        );
        assert.equal(f.Remediation, undefined);
        assert.equal(f.Compliance.StatusReasons, undefined);
      }
      for (const f of by('FAIL')) {
        assert.deepEqual([f.Compliance.Status, f.Workflow.Status], ['FAILED', 'NEW']);
        assert.notEqual(f.Severity.Label, 'INFORMATIONAL');
        assert.ok(f.Remediation?.Recommendation.Text, 'FAIL carries the remediation');
      }
      for (const f of by('ERROR')) {
        assert.deepEqual(
          [f.Compliance.Status, f.Workflow.Status, f.Severity.Label],
          ['NOT_AVAILABLE', 'NEW', 'INFORMATIONAL'],
        );
        const [reason] = f.Compliance.StatusReasons ?? [];
        assert.equal(reason?.ReasonCode, REASON_CHECK_NOT_RUN);
        assert.match(
          reason!.Description,
          lang === 'ja' ? /^チェックを実行できなかった: / : /^The check could not run: /,
        );
        assert.equal(f.Description, reason!.Description);
        assert.equal(f.Remediation, undefined, "an ERROR's fix is its cause, not the rule's remediation");
      }
      const denied = by('ERROR').find((f) => f.Resources[0]!.Id.endsWith('key/2222'))!;
      assert.match(denied.Compliance.StatusReasons![0]!.Description, /AccessDenied: not authorized to perform kms:/);
      assert.match(denied.ProductFields['mamori/Cause']!, /^AccessDenied/);

      const [excepted] = by('EXCEPTED');
      assert.deepEqual([excepted!.Compliance.Status, excepted!.Workflow.Status], ['FAILED', 'SUPPRESSED']);
      assert.equal(excepted!.Severity.Label, 'HIGH', 'an excepted weakness keeps its severity');
      assert.match(excepted!.Note!.Text, /sec-team/);
      assert.match(excepted!.Note!.Text, lang === 'ja' ? /代替策/ : /Alternative control/);
      assert.equal(excepted!.Note!.UpdatedBy, 'mamori');
      assert.equal(excepted!.ProductFields['mamori/ExceptionApprover'], 'sec-team');
      for (const f of out.filter((x) => status(x) !== 'EXCEPTED')) assert.equal(f.Note, undefined);

      for (const f of by('MANUAL')) {
        assert.deepEqual(
          [f.Compliance.Status, f.Workflow.Status, f.Severity.Label],
          ['WARNING', 'NEW', 'INFORMATIONAL'],
        );
        assert.equal(f.Compliance.StatusReasons![0]!.ReasonCode, REASON_MANUAL);
        assert.deepEqual(f.Compliance.RelatedRequirements, ['test-fw/1.2']);
        assert.equal(f.GeneratorId, 'test-fw:1.2');
        assert.equal(f.Resources[0]!.Type, 'AwsAccount');
        assert.equal(f.Resources[0]!.Id, `AWS::::Account:${f.AwsAccountId}`);
        assert.equal(
          f.Description,
          lang === 'ja'
            ? '本番環境が専用のアカウントにあることを確認する。'
            : 'Confirm production has its own account.',
        );
        assert.equal(f.Remediation, undefined, 'the guidance is the Description, not repeated');
      }
    });

    it(`${lang}: text is in the report language`, () => {
      const out = render(result, lang);
      const kms = out.find((f) => status(f) === 'FAIL' && f.GeneratorId === 'aws-kms-key-rotation-enabled')!;
      if (lang === 'ja') {
        assert.equal(kms.Title, 'カスタマー管理の対称 KMS キーで自動ローテーションが有効になっている');
        assert.match(kms.Description, /[\u3040-\u30ff]/);
      } else {
        assert.match(kms.Title, /rotate/i);
      }
      assert.equal(
        kms.Remediation!.Recommendation.Url,
        'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      );
    });

    it(`${lang}: every length limit holds for very long reasons, names, tags, causes and exceptions`, () => {
      const out = render(longScan(), lang);
      for (const f of out) assert.deepEqual(problems(f), []);
      const fail = out.find((f) => status(f) === 'FAIL' && f.GeneratorId === 'test-s3-bucket-encrypted')!;
      assert.equal(fail.Description.length, ASFF_LIMITS.description);
      assert.ok(fail.Description.endsWith('…'));
      assert.equal(fail.Title.length, ASFF_LIMITS.title);
      assert.ok(fail.Remediation!.Recommendation.Text.length <= ASFF_LIMITS.recommendationText);
      assert.equal(fail.ProductFields['mamori/EvidencePath']!.length, ASFF_LIMITS.productFieldValue);
      const tags = fail.Resources[0]!.Tags!;
      assert.equal(Object.keys(tags).length, ASFF_LIMITS.tags);
      assert.ok(!Object.keys(tags).some((k) => k.length > ASFF_LIMITS.tagKey || k === ''), 'bad keys are left out');
      assert.equal(tags['long-value']!.length, ASFF_LIMITS.tagValue);
      assert.ok(Object.hasOwn(tags, '__proto__'), 'a __proto__ tag key is an ordinary tag');
      const excepted = out.find((f) => status(f) === 'EXCEPTED')!;
      assert.equal(excepted.Note!.Text.length, ASFF_LIMITS.noteText);
      // No lone surrogate anywhere: a cut never splits a character.
      const raw = REPORTERS.asff!.render(longScan(), lang);
      assert.doesNotMatch(raw, /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
      assert.doesNotMatch(raw, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    });

    it(`${lang}: hostile strings stay plain data`, () => {
      const raw = REPORTERS.asff!.render(result, lang);
      const controls = [...raw].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n');
      assert.deepEqual(controls, [], 'control characters are escaped by JSON');
      assert.ok(raw.includes('\\u0007\\u001b[31m'));
      const out = JSON.parse(raw) as AsffFinding[];
      const hostile = out.find((f) => f.Resources[0]!.Id === 'arn:aws:s3:::hostile-bucket')!;
      assert.equal(hostile.ProductFields['mamori/ResourceName'], HOSTILE_NAME);
      assert.deepEqual(hostile.Resources[0]!.Tags, { Note: SCRIPT_TAG, Owner: HOSTILE_TAG, 部署: '情報システム部' });
      const ctrl = out.find((f) => f.Resources[0]!.Id === 'arn:aws:s3:::comma,"quote"-bucket')!;
      assert.equal(ctrl.ProductFields['mamori/ResourceName'], '-1+1 ,"quoted"\u0007\u001b[31m');
      assert.match(ctrl.ProductFields['mamori/ExceptionReason']!, /<i>$/);
      const jp = out.find((f) => f.Resources[0]!.Id === 'arn:aws:s3:::prod-customer-data')!;
      assert.equal(jp.ProductFields['mamori/ResourceName'], JAPANESE_NAME);
      assert.deepEqual(jp.Resources[0]!.Tags, { 環境: '本番' });
    });
  }

  it('Id is the stable mamori finding id: the same across runs and languages, unique per product', () => {
    const en = render(result, 'en');
    const again = render(scan(), 'ja');
    assert.deepEqual(
      en.map((f) => f.Id),
      again.map((f) => f.Id),
    );
    const byId = new Map(result.findings.map((f) => [f.id, f]));
    for (const f of en) {
      assert.match(f.Id, /^[0-9a-f]{24}$/);
      assert.equal(byId.get(f.Id)?.ruleId, f.GeneratorId);
    }
    const keys = en.map((f) => `${f.ProductArn} ${f.Id}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('severity labels follow the rule severity for weaknesses; Original keeps mamori severity', () => {
    const out = render(result, 'en');
    const fail = (rule: string) => out.find((f) => status(f) === 'FAIL' && f.GeneratorId === rule)!;
    assert.deepEqual(fail('test-ec2-security-group-no-open-ssh').Severity, { Label: 'CRITICAL', Original: 'critical' });
    assert.deepEqual(fail('test-s3-bucket-encrypted').Severity, { Label: 'HIGH', Original: 'high' });
    assert.deepEqual(fail('aws-kms-key-rotation-enabled').Severity, { Label: 'MEDIUM', Original: 'medium' });
    assert.deepEqual(fail('test-iam-user-mfa').Severity, { Label: 'LOW', Original: 'low' });
    const passedSg = out.find((f) => status(f) === 'PASS' && f.GeneratorId === 'test-ec2-security-group-no-open-ssh')!;
    assert.deepEqual(passedSg.Severity, { Label: 'INFORMATIONAL', Original: 'critical' });
    for (const f of out.filter((x) => status(x) === 'MANUAL')) assert.equal(f.Severity.Original, 'info');
  });

  it('maps the common resource types, and the rest to Other with the mamori type in Details.Other', () => {
    const expected: Record<string, string> = {
      'aws.account': 'AwsAccount',
      'aws.s3.bucket': 'AwsS3Bucket',
      'aws.ec2.security_group': 'AwsEc2SecurityGroup',
      'aws.iam.user': 'AwsIamUser',
      'aws.iam.role': 'AwsIamRole',
      'aws.iam.policy': 'AwsIamPolicy',
      'aws.kms.key': 'AwsKmsKey',
      'aws.cloudtrail.trail': 'AwsCloudTrailTrail',
      'aws.ec2.vpc': 'AwsEc2Vpc',
      'aws.ec2.instance': 'AwsEc2Instance',
      'aws.ec2.volume': 'AwsEc2Volume',
      'aws.rds.db_instance': 'AwsRdsDbInstance',
      'aws.rds.db_cluster': 'AwsRdsDbCluster',
      'aws.efs.file_system': 'AwsEfsFileSystem',
      'aws.sns.topic': 'AwsSnsTopic',
      'aws.elbv2.load_balancer': 'AwsElbv2LoadBalancer',
      'aws.budgets.budget': 'Other',
      'aws.logs.metric_filter': 'Other',
      'aws.organizations.organization': 'Other',
      'aws.not.a_type': 'Other',
      constructor: 'Other',
      ['__proto__']: 'Other',
    };
    for (const [type, asff] of Object.entries(expected)) assert.equal(asffResourceType(type), asff, type);
    for (const [type, asff] of Object.entries(ASFF_RESOURCE_TYPES)) {
      assert.ok(RESOURCE_TYPES.has(type), `${type} is a mamori type`);
      assert.match(asff, /^Aws[A-Z][A-Za-z0-9]+$/);
    }

    const out = render(result, 'en');
    const typeOf = (uid: string) => out.find((f) => f.Resources[0]!.Id === uid)!.Resources[0]!.Type;
    assert.equal(typeOf('arn:aws:s3:::hostile-bucket'), 'AwsS3Bucket');
    assert.equal(
      typeOf(`arn:aws:ec2:us-east-1:${ACCOUNT_A}:security-group/sg-0123456789abcdef0`),
      'AwsEc2SecurityGroup',
    );
    assert.equal(typeOf(`arn:aws:kms:us-east-1:${ACCOUNT_A}:key/1111`), 'AwsKmsKey');
    assert.equal(typeOf('cfn:my-stack:DeployUser'), 'AwsIamUser');

    const other = render({ ...result, findings: [{ ...result.findings[0]!, ...budgetFinding() }] }, 'en')[0]!;
    assert.equal(other.Resources[0]!.Type, 'Other');
    assert.deepEqual(other.Resources[0]!.Details, {
      Other: { 'mamori/ResourceType': 'aws.budgets.budget', 'mamori/ResourceName': 'monthly' },
    });
  });

  it('routes each finding to the Region of its resource, global ones to us-east-1', () => {
    const out = render(result, 'en');
    const jp = out.find((f) => f.Resources[0]!.Id === 'arn:aws:s3:::prod-customer-data')!;
    assert.equal(jp.ProductArn, `arn:aws:securityhub:ap-northeast-1:${ACCOUNT_A}:product/${ACCOUNT_A}/default`);
    assert.equal(jp.Resources[0]!.Region, 'ap-northeast-1');
    const user = out.find((f) => f.Resources[0]!.Id === `arn:aws:iam::${ACCOUNT_B}:user/alice`)!;
    assert.equal(user.ProductArn, `arn:aws:securityhub:us-east-1:${ACCOUNT_B}:product/${ACCOUNT_B}/default`);
    assert.equal(user.ProductFields['mamori/Region'], 'global');
    const iac = out.find((f) => f.Resources[0]!.Id === 'cfn:my-stack:DeployUser')!;
    assert.equal(iac.ProductFields['mamori/SourceKind'], 'cloudformation');
    assert.equal(iac.ProductFields['mamori/SourceLine'], '12');
  });

  it('uses the CIS finding type when a CIS framework was used', () => {
    const cis = render({ ...result, framework: { ...result.framework!, id: 'cis-aws-6.0.0' } }, 'en');
    for (const f of cis) {
      assert.deepEqual(f.Types, [TYPE_CIS]);
      assert.deepEqual(f.FindingProviderFields.Types, [TYPE_CIS]);
    }
    const byTitle = render(
      {
        ...result,
        framework: {
          id: 'my-cis',
          version: '6.0.0',
          title: { en: 'CIS Amazon Web Services Foundations Benchmark v6.0.0', ja: 'CIS' },
        },
      },
      'ja',
    );
    assert.deepEqual(byTitle[0]!.Types, [TYPE_CIS]);
    const { framework: _drop, ...noFramework } = result;
    assert.deepEqual(render(noFramework, 'en')[0]!.Types, [TYPE_BEST_PRACTICES]);
  });

  it('the field checker does catch a broken finding', () => {
    const good = render(result, 'en')[0]!;
    const broken = structuredClone(good) as unknown as Record<string, unknown>;
    broken.Title = 'x'.repeat(ASFF_LIMITS.title + 1);
    delete broken.AwsAccountId;
    const found = problems(broken as unknown as AsffFinding);
    assert.ok(found.some((p) => p.includes('missing AwsAccountId')));
    assert.ok(found.some((p) => p.includes('Title')));
  });

  it('clip keeps a string within a limit without splitting a character', () => {
    assert.equal(clip('abc', 3), 'abc');
    assert.equal(clip('abcd', 3), 'ab…');
    assert.equal(clip('a😀bc', 3), 'a…', 'the emoji is not cut in half');
    assert.equal(clip('日本語テキスト', 4), '日本語…');
  });
});

function budgetFinding(): Partial<Finding> {
  return {
    status: 'FAIL',
    resource: {
      uid: `arn:aws:budgets::${ACCOUNT_A}:budget/monthly`,
      type: 'aws.budgets.budget',
      name: 'monthly',
      account: ACCOUNT_A,
      region: 'global',
      tags: {},
      source: { kind: 'live' },
    },
  };
}
