import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { LANGS } from '../src/core/text.js';
import { packagePath } from '../src/paths.js';
import { REPORTERS } from '../src/report/index.js';
import { artifactUri } from '../src/report/sarif.js';
import { BASE_DIR, scan } from './report.fixture.js';

// The official SARIF 2.1.0 schema (draft-04), as shipped in @microsoft/jest-sarif.
const schema = JSON.parse(
  readFileSync(
    packagePath('node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'),
    'utf8',
  ),
);
// unicodeRegExp off: the schema's run.language pattern has a stray ']' that is only legal without the u flag.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

describe('sarif reporter', () => {
  const result = scan();
  const render = (lang: 'en' | 'ja') =>
    JSON.parse(REPORTERS.sarif!.render(result, lang, { baseDir: BASE_DIR })) as Sarif.Log;

  for (const lang of LANGS) {
    it(`${lang}: validates against the SARIF 2.1.0 schema`, () => {
      const log = render(lang);
      assert.ok(validate(log), ajv.errorsText(validate.errors));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
      broken.runs[0]!.results[0]!.level = 'fatal';
      assert.equal(validate(broken), false, 'the validator does check');
    });

    it(`${lang}: every rule that ran is described, with help and security-severity`, () => {
      const run = render(lang).runs[0]!;
      const rules = run.tool.driver.rules!;
      assert.equal(run.tool.driver.name, 'mamori');
      assert.deepEqual(
        rules.map((r) => r.id),
        [...result.rules.keys()].sort(),
      );
      const sg = rules.find((r) => r.id === 'test-ec2-security-group-no-open-ssh')!;
      assert.equal(sg.name, 'TestEc2SecurityGroupNoOpenSsh');
      assert.equal(sg.properties!['security-severity'], '9.5');
      assert.deepEqual(sg.properties!.tags, ['security', 'network']);
      assert.equal(sg.defaultConfiguration!.level, 'error');
      assert.match(sg.help!.markdown!, /```sh\naws ec2 revoke-security-group-ingress/);
      assert.match(sg.help!.text, /aws ec2 revoke-security-group-ingress/);
      const kms = rules.find((r) => r.id === 'aws-kms-key-rotation-enabled')!;
      assert.equal(kms.properties!['security-severity'], '5.5');
      assert.equal(kms.defaultConfiguration!.level, 'warning');
      assert.equal(kms.helpUri, 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html');
      assert.equal(rules.find((r) => r.id === 'test-iam-user-mfa')!.defaultConfiguration!.level, 'note');
      if (lang === 'ja')
        assert.equal(kms.shortDescription!.text, 'カスタマー管理の対称 KMS キーで自動ローテーションが有効になっている');
    });

    it(`${lang}: results for FAIL, ERROR and EXCEPTED (suppressed) only, with locations and fingerprints`, () => {
      const run = render(lang).runs[0]!;
      const all = run.results!;
      const expected = result.findings.filter(
        (f) => f.status === 'FAIL' || f.status === 'ERROR' || f.status === 'EXCEPTED',
      );
      assert.equal(all.length, expected.length);
      // An excepted finding is a suppressed result: kind external (the exceptions file), with the justification.
      const suppressed = all.filter((r) => r.suppressions);
      assert.equal(suppressed.length, result.findings.filter((f) => f.status === 'EXCEPTED').length);
      for (const r of suppressed) {
        assert.equal(r.suppressions![0]!.kind, 'external');
        assert.match(r.suppressions![0]!.justification!, /sec-team/);
      }
      const results = all.filter((r) => !r.suppressions);
      for (const r of results) {
        assert.equal(run.tool.driver.rules![r.ruleIndex!]!.id, r.ruleId);
        assert.ok(r.locations && r.locations.length === 1);
        assert.match(r.partialFingerprints!['mamori/v1']!, /^[0-9a-f]{24}$/);
      }
      const fails = results.filter((r) => r.kind === 'fail');
      assert.deepEqual(fails.map((r) => r.level).sort(), ['error', 'error', 'note', 'warning']);
      const errors = results.filter((r) => r.kind === 'review');
      assert.equal(errors.length, 3);
      for (const r of errors) {
        assert.equal(r.level, 'none', "SARIF: a result whose kind is not 'fail' has level 'none'");
        assert.match(r.message.text!, lang === 'ja' ? /チェックを実行できなかった/ : /could not run/);
      }
      // IaC: a physical location relative to the base directory; live: only a logical location.
      const iac = results.find(
        (r) => r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === 'cfn:my-stack:DeployUser',
      )!;
      assert.deepEqual(iac.locations![0]!.physicalLocation, {
        artifactLocation: { uri: 'templates/my%20stack.yaml' },
        region: { startLine: 12 },
      });
      const live = results.find((r) =>
        r.locations![0]!.logicalLocations![0]!.fullyQualifiedName!.endsWith('key/1111'),
      )!;
      assert.equal(live.locations![0]!.physicalLocation, undefined);
      assert.equal(live.locations![0]!.logicalLocations![0]!.kind, 'resource');
      if (lang === 'ja') assert.match(live.message.text!, /自動ローテーションが無効になっている/);
    });

    it(`${lang}: collection errors and warnings become tool notifications`, () => {
      const inv = render(lang).runs[0]!.invocations![0]!;
      assert.equal(inv.executionSuccessful, true);
      const levels = inv.toolExecutionNotifications!.map((n) => n.level);
      assert.deepEqual(levels, ['error', 'warning', 'warning']);
    });
  }

  it('artifact URIs are relative, forward-slashed and percent-encoded', () => {
    assert.equal(artifactUri('/repo/a b/c#d.yaml', '/repo'), 'a%20b/c%23d.yaml');
    assert.equal(artifactUri('templates\\x.json', '/repo'), 'templates/x.json');
    assert.equal(artifactUri('./main.tf', '/repo'), 'main.tf');
  });
});
