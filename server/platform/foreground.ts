/**
 * Requests being answered right now, so that background work on the embedded engine can give way.
 *
 * PGlite runs each statement synchronously on the main thread, and a job that chains transactions
 * (each await resolving as a microtask) never lets the event loop read new requests. A job therefore
 * calls `giveWay()` between its transactions: it yields a full turn of the event loop, so waiting
 * requests are read, and then waits until the requests that had arrived by then are answered — not
 * the ones arriving meanwhile, so steady traffic slows a job by at most one request's time per
 * transaction and cannot stall it — for at most `maxWaitMs` (docs/decisions/009-job-runner.md).
 */
export class ForegroundGauge {
  private nextSeq = 0;
  private readonly inFlight = new Set<number>();
  private waiters: Array<{ horizon: number; done: () => void }> = [];

  /** Counts a request in; returns what to pass to `ended`. */
  started(): number {
    const seq = this.nextSeq++;
    this.inFlight.add(seq);
    return seq;
  }

  ended(seq: number): void {
    if (!this.inFlight.delete(seq)) return;
    this.waiters = this.waiters.filter((w) => {
      if (this.anyBefore(w.horizon)) return true;
      w.done();
      return false;
    });
  }

  get busy(): number {
    return this.inFlight.size;
  }

  async giveWay(maxWaitMs: number): Promise<void> {
    await new Promise((r) => setImmediate(r));
    const horizon = this.nextSeq;
    if (!this.anyBefore(horizon)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push({ horizon, done });
    });
  }

  private anyBefore(horizon: number): boolean {
    for (const seq of this.inFlight) if (seq < horizon) return true;
    return false;
  }
}
