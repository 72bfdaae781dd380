import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AWS_COLLECTORS } from '../src/collect/aws/index.js';
import { RESOURCE_TYPES, TEMPLATE_ONLY_TYPES } from '../src/inventory/types.js';

describe('resource types', () => {
  it('every type is either collected live by a collector or listed as template-only, never both', () => {
    // aws.organizations.account comes from collectAws itself (ListAccounts), not from a collector.
    const collected = new Set([...AWS_COLLECTORS.flatMap((c) => c.types), 'aws.organizations.account']);
    for (const type of RESOURCE_TYPES) {
      const templateOnly = TEMPLATE_ONLY_TYPES.has(type as never);
      assert.ok(
        collected.has(type) !== templateOnly,
        `${type}: collected=${collected.has(type)} templateOnly=${templateOnly}`,
      );
    }
  });
});
