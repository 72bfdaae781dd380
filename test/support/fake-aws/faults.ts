/** Per-test fault injection and latency. */
import type { CallSummary, FakeAwsOptions, FakeErrorSpec, FakeFault } from './types.js';

const matches = (f: FakeFault, call: CallSummary): boolean =>
  (f.service === undefined || f.service === call.service) &&
  (f.operation === undefined || f.operation === call.operation) &&
  (f.account === undefined || f.account === call.account) &&
  (f.region === undefined || f.region === call.region);

/** Hands out the configured faults; a fault with `times` stops after failing that many matching calls. */
export class FaultBook {
  private readonly used = new Map<FakeFault, number>();
  constructor(private readonly faults: readonly FakeFault[] = []) {}

  take(call: CallSummary): FakeErrorSpec | undefined {
    for (const f of this.faults) {
      if (!matches(f, call)) continue;
      const used = this.used.get(f) ?? 0;
      if (f.times !== undefined && used >= f.times) continue;
      this.used.set(f, used + 1);
      return f.error;
    }
    return undefined;
  }
}

export function latencyFor(latency: FakeAwsOptions['latencyMs'], call: CallSummary): number {
  return typeof latency === 'function' ? latency(call) : (latency ?? 0);
}

export const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
