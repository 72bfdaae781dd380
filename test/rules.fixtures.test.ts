// The one table-driven test: every fixture of every built-in rule must give the status it is filed under.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { fixtureCases, runFixture } from '../src/testing/fixture-runner.js';

describe('rule fixtures', () => {
  for (const c of fixtureCases(BUILTIN_RULES)) {
    it(`${c.rule.id} ${c.kind}[${c.index}] → ${c.expected}`, () => {
      const finding = runFixture(c.rule, c.kind, c.index, c.fixture);
      assert.equal(finding.status, c.expected, `cause: ${finding.cause ?? '-'}; reason: ${finding.reason?.en ?? '-'}`);
      if (c.expected === 'FAIL') {
        assert.ok(finding.evidencePath, 'a FAIL names its evidence path');
        assert.ok(finding.reason?.en && finding.reason.ja, 'a FAIL gives its reason in en and ja');
      }
      if (c.expected === 'ERROR') assert.ok(finding.cause, 'an ERROR gives its cause');
    });
  }
});
