/**
 * Requests being answered right now, so that background work on the embedded engine can give way.
 *
 * PGlite runs each statement synchronously on the main thread, and a job that chains transactions
 * (each await resolving as a microtask) never lets the event loop read new requests. A job therefore
 * calls `giveWay()` between its transactions: it yields a full turn of the event loop (so waiting
 * requests are read) and then waits until no request is in flight, for at most `maxWaitMs`, so a
 * steady stream of requests slows the job but cannot stop it (docs/decisions/009-job-runner.md).
 */
export class ForegroundGauge {
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  started(): void {
    this.inFlight++;
  }

  ended(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
  }

  get busy(): number {
    return this.inFlight;
  }

  async giveWay(maxWaitMs: number): Promise<void> {
    await new Promise((r) => setImmediate(r));
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}
