import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IacFormat } from '../src/core/rule.js';
import { BUILTIN_RULES } from '../src/rules/index.js';

const BOTH: readonly IacFormat[] = ['cloudformation', 'terraform'];

describe('rules for templates', () => {
  it('every rule either applies to templates with PASS and FAIL fixtures in each of its formats, or says iac: false', () => {
    const missing: string[] = [];
    for (const rule of BUILTIN_RULES) {
      if (rule.iac === false) {
        for (const format of BOTH) {
          if (rule.fixtures[format]) missing.push(`${rule.id}: iac false but has ${format} fixtures`);
        }
        continue;
      }
      for (const format of rule.iac ?? BOTH) {
        const f = rule.fixtures[format];
        if (!f || f.pass.length === 0 || f.fail.length === 0) missing.push(`${rule.id}: ${format} pass and fail`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('at least 80 rules judge templates', () => {
    const count = BUILTIN_RULES.filter((r) => r.iac !== false).length;
    assert.ok(count >= 80, `${count} IaC rules`);
  });

  it('FSBP control ids look like FSBP ids', () => {
    for (const rule of BUILTIN_RULES) {
      for (const id of rule.fsbp ?? []) assert.match(id, /^[A-Za-z][A-Za-z0-9]*\.\d+$/, `${rule.id}: ${id}`);
    }
  });
});
