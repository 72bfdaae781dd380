/** At most `max` tasks at once; the rest wait in order. One per service × region keeps each API's budget. */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

/** Limiters created on first use, by key, and optionally one budget for the whole account. */
export class Limiters {
  private readonly map = new Map<string, Limiter>();
  constructor(
    private readonly maxFor: (key: string) => number,
    /** Calls in flight at once in the account, across regional services (see guardSend). */
    readonly account?: Limiter,
  ) {}
  get(key: string): Limiter {
    let l = this.map.get(key);
    if (!l) {
      l = new Limiter(this.maxFor(key));
      this.map.set(key, l);
    }
    return l;
  }
}
