import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../src/core/text.js';
import { REPORTERS } from '../src/report/index.js';
import { scan } from './report.fixture.js';

interface Event {
  class_uid: number;
  category_uid: number;
  activity_id: number;
  type_uid: number;
  time: number;
  severity_id: number;
  status_id: number;
  message: string;
  finding_info: { uid: string; title: string; types: string[]; desc?: string };
  compliance: {
    status: string;
    status_id: number;
    status_detail?: string;
    control: string;
    standards: string[];
    requirements?: string[];
  };
  resources: Array<{
    uid: string;
    type: string;
    name: string;
    region?: string;
    cloud_partition: string;
    owner: { account: { uid: string } };
  }>;
  cloud: { provider: string; account: { uid: string }; region?: string };
  remediation?: { desc: string; references?: string[] };
  metadata: { version: string; product: { name: string; vendor_name: string; version: string } };
  unmapped: { status: string; evidence?: unknown };
}

describe('ocsf reporter', () => {
  const result = scan();
  for (const lang of LANGS) {
    it(`${lang}: one Compliance Finding (2003) per judged finding, no N/A`, () => {
      const events = JSON.parse(REPORTERS.ocsf!.render(result, lang)) as Event[];
      assert.equal(events.length, result.findings.length);
      for (const e of events) {
        assert.equal(e.class_uid, 2003);
        assert.equal(e.category_uid, 2);
        assert.equal(e.activity_id, 1);
        assert.equal(e.type_uid, 200301);
        assert.equal(e.time, Date.parse('2026-11-01T00:00:00Z'));
        assert.equal(e.metadata.version, '1.3.0');
        assert.equal(e.metadata.product.name, 'mamori');
        assert.equal(e.cloud.provider, 'AWS');
        assert.equal(e.resources[0]!.cloud_partition, 'aws');
        assert.equal(e.resources[0]!.owner.account.uid, e.cloud.account.uid);
        assert.deepEqual(e.compliance.standards, [lang === 'ja' ? 'テスト用ガイドライン 1.0' : 'Test guideline 1.0']);
        assert.ok(e.unmapped.status !== 'N/A');
      }
    });

    it(`${lang}: status ids: Pass 1, Fail 3, ERROR → Warning 2 naming the cause; EXCEPTED suppressed`, () => {
      const events = JSON.parse(REPORTERS.ocsf!.render(result, lang)) as Event[];
      const by = (s: string) => events.filter((e) => e.unmapped.status === s);
      for (const e of by('PASS')) assert.deepEqual([e.compliance.status_id, e.status_id], [1, 4]);
      for (const e of by('FAIL')) {
        assert.deepEqual([e.compliance.status_id, e.status_id, e.compliance.status], [3, 1, 'Fail']);
        assert.ok(e.remediation?.desc, 'FAIL carries the remediation');
      }
      for (const e of by('ERROR')) {
        assert.deepEqual([e.compliance.status_id, e.compliance.status], [2, 'Warning']);
        assert.match(
          e.compliance.status_detail ?? '',
          lang === 'ja' ? /チェックを実行できなかった: / : /could not run: /,
        );
        assert.equal(e.remediation, undefined, "an ERROR's fix is its cause, not the rule's remediation");
      }
      const denied = by('ERROR').find((e) => e.resources[0]!.uid.endsWith('key/2222'))!;
      assert.match(denied.compliance.status_detail!, /AccessDenied/);
      const [excepted] = by('EXCEPTED');
      assert.deepEqual([excepted!.compliance.status_id, excepted!.status_id], [99, 3]);
      assert.match(excepted!.compliance.status_detail!, /sec-team/);
      for (const e of by('MANUAL')) {
        assert.equal(e.compliance.status_id, 2);
        assert.deepEqual(e.compliance.requirements, ['1.2']);
        assert.equal(e.compliance.control, '1.2');
      }
    });
  }

  it('maps severities and keeps global resources without a region', () => {
    const events = JSON.parse(REPORTERS.ocsf!.render(result, 'en')) as Event[];
    const sg = events.find((e) => e.finding_info.title.startsWith('Security groups') && e.unmapped.status === 'FAIL')!;
    assert.equal(sg.severity_id, 5);
    assert.equal(sg.cloud.region, 'us-east-1');
    assert.equal((sg.unmapped.evidence as { $truncated?: boolean }).$truncated, true);
    const iac = events.find((e) => e.resources[0]!.uid === 'cfn:my-stack:DeployUser')!;
    assert.equal(iac.severity_id, 2);
    assert.equal(iac.cloud.region, undefined);
  });
});
