// Gates that keep the rule layout honest: the generated index, ids, text in both languages, fixtures present.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATEGORIES } from '../src/core/category.js';
import { SEVERITIES } from '../src/core/severity.js';
import { RESOURCE_TYPES } from '../src/inventory/types.js';
import { packagePath } from '../src/paths.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

// @ts-expect-error: a plain .mjs script without types
const { renderIndex, ruleFiles } = await import('../../scripts/gen-rule-index.mjs');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('rule registry', () => {
  it('src/rules/index.ts matches the rule files on disk (run npm run gen:rules)', () => {
    const committed = readFileSync(packagePath('src', 'rules', 'index.ts'), 'utf8');
    assert.equal(committed, renderIndex(ruleFiles()));
  });

  it('rule ids are unique and equal their file names', () => {
    const files: string[] = ruleFiles();
    const ids = BUILTIN_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), files.map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, '')).sort());
    for (const r of BUILTIN_RULES) assert.match(r.id, /^aws-[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  for (const rule of BUILTIN_RULES) {
    it(`${rule.id}: metadata, en/ja text and fixtures`, () => {
      assert.ok(RESOURCE_TYPES.has(rule.resourceType), `unknown resourceType ${rule.resourceType}`);
      assert.ok((CATEGORIES as readonly string[]).includes(rule.category));
      assert.ok((SEVERITIES as readonly string[]).includes(rule.severity));
      const { title, description, rationale, remediation } = rule.text;
      for (const text of [
        title,
        description,
        rationale,
        remediation.text,
        ...(remediation.console ? [remediation.console] : []),
      ]) {
        assert.ok(text.en.trim().length > 0, 'English text present');
        assert.ok(JAPANESE.test(text.ja), `Japanese text present: ${text.ja}`);
      }
      assert.ok(remediation.console, 'console steps present');
      assert.ok(remediation.cli, 'AWS CLI present');
      const live = rule.fixtures.live;
      assert.ok(live.pass.length > 0 && live.fail.length > 0 && live.error.length > 0, 'pass, fail and error fixtures');
      const all = [...live.pass, ...live.fail, ...live.error, ...(live.notApplicable ?? [])].map((f) =>
        JSON.stringify(f),
      );
      assert.equal(new Set(all).size, all.length, 'no duplicate fixtures');
    });
  }
});
