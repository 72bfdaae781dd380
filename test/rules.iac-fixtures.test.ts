import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IacFormat } from '../src/core/rule.js';
import { BUILTIN_RULES } from '../src/rules/index.js';
import { IAC_EXPECTED, type IacFixtureKind, runIacFixture } from '../src/testing/iac-fixture-runner.js';

// One table: every CloudFormation and Terraform fixture of every rule, through the real adapters, mappers and engine.
const FORMATS: IacFormat[] = ['cloudformation', 'terraform'];
describe('rule IaC fixtures', () => {
  for (const rule of BUILTIN_RULES) {
    for (const format of FORMATS) {
      const fixtures = rule.fixtures[format];
      if (!fixtures) continue;
      for (const kind of Object.keys(IAC_EXPECTED) as IacFixtureKind[]) {
        (fixtures[kind] ?? []).forEach((text, index) => {
          it(`${rule.id} ${format} ${kind}[${index}] → ${IAC_EXPECTED[kind]}`, async () => {
            const findings = await runIacFixture(rule, format, text);
            for (const f of findings) {
              assert.equal(
                f.status,
                IAC_EXPECTED[kind],
                `${f.resource.source.address}: ${f.cause ?? f.reason?.en ?? ''}`,
              );
            }
          });
        });
      }
    }
  }
});
