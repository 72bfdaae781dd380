import { kmsCollector } from './kms.js';
import type { Collector } from './runtime/collector.js';

/** Every built-in AWS collector. test/collect.registry.test.ts checks the rules' resource types are covered. */
export const AWS_COLLECTORS: readonly Collector[] = [kmsCollector];
