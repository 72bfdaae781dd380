/** Typed handlers. */
import type { FakeContext, FakeHandler } from './types.js';

/**
 * A handler typed with the SDK's input (and output) types, for inputs with required members, which a plain
 * `(input: GetBucketPolicyRequest) => …` cannot be assigned from: `GetBucketPolicy: typed<GetBucketPolicyRequest>(…)`.
 */
export function typed<I extends object, O = unknown>(fn: (input: I, ctx: FakeContext) => O | Promise<O>): FakeHandler {
  return fn as unknown as FakeHandler;
}
