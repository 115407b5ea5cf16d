import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
/** In the production build this module is JavaScript, and so is every worker beside it. */
const BUILT = import.meta.url.endsWith('.js');

/**
 * Runs a module in a worker thread. The module reads its input from `workerData.input` and talks
 * through `parentPort`. Works the same from TypeScript source (tsx, vitest) and from JavaScript.
 */
export function startWorker(entry: URL, input: unknown, resourceLimits?: ResourceLimits, transferList?: TransferListItem[]): Worker {
  const href = BUILT ? entry.href.replace(/\.ts$/, '.js') : entry.href;
  return new Worker(BOOTSTRAP, { workerData: { entry: href, input }, resourceLimits, transferList });
}

/**
 * The messages of a worker as a queue to pull from: `next()` resolves with the next message, and
 * rejects if the worker failed or exited before sending one.
 */
export class WorkerMessages<M> {
  private readonly queued: M[] = [];
  private waiting: { resolve: (m: M) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private error: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: M) => {
      if (this.waiting) {
        this.waiting.resolve(m);
        this.waiting = null;
      } else this.queued.push(m);
    });
    // A worker's error can be emitted before messages it posted earlier; by 'exit' Node has delivered
    // them all, so the failure is raised only then (with the error, if there was one).
    worker.on('error', (err) => {
      this.error ??= err;
    });
    worker.on('exit', (code) => this.fail(this.error ?? new Error(`worker exited with code ${code} before its last message`)));
  }

  next(): Promise<M> {
    const m = this.queued.shift();
    if (m !== undefined) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Stops the worker; queued messages stay readable. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(err: Error) {
    this.failure ??= err;
    if (this.waiting) {
      this.waiting.reject(this.failure);
      this.waiting = null;
    }
  }
}
