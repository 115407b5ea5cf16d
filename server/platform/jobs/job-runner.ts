import crypto from 'node:crypto';
import os from 'node:os';
import type { Db, Tx } from '../../db/client.js';
import type { FileStore } from '../file-store.js';
import type { ForegroundGauge } from '../foreground.js';
import { beatHeart, claimNextJob, finishJob, handBackJob, hasRunnableWork, saveProgress, takeOverInterruptedJobs, type JobRow } from './job-queries.js';

/** A failure whose message is meant for the person who started the job (Chinese, no internals). */
export class JobFailure extends Error {}

export interface JobIo {
  /** Records progress; written to the job row at most once a second. */
  progress(p: Record<string, unknown>): void;
  /** Aborted when the server is shutting down: stop at the next safe point and undo. */
  signal: AbortSignal;
  /** The instance running the job: its final write checks it still holds the job (stillHoldsJob). */
  instanceId: string;
  /**
   * Call between transactions: on the embedded engine, lets the requests waiting to be answered go
   * first (platform/foreground.ts); on PostgreSQL, which answers them alongside, it only yields.
   */
  giveWay(): Promise<void>;
  /** The job's input file, or null when it has none (or it is gone). */
  input(): Promise<Buffer | null>;
}

export interface JobHandler {
  kind: string;
  run(job: JobRow, io: JobIo): Promise<void>;
  /** Called for a job cut short by a stopped instance, after it was marked failed: undo its partial work. */
  recover?(job: JobRow): Promise<void>;
  /** Called in the transaction that cancels a queued job, to update the kind's own records. */
  cancelled?(tx: Tx, job: JobRow): Promise<void>;
}

export interface JobRunnerOptions {
  db: Db;
  /** At most this many jobs run at once across every instance sharing the database. */
  maxRunning?: number;
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this belongs to a stopped instance. */
  staleAfterMs?: number;
  /** The database belongs to this process alone (the embedded engine): every running job at start was cut short. */
  exclusiveDatabase?: boolean;
  log?: (message: string, err?: unknown) => void;
  /** The requests in flight on this instance, that jobs give way to on the embedded engine. */
  foreground?: ForegroundGauge;
  /**
   * Where input files wait (encrypted, outside the database: PGlite turns a 30 MB bytea into seconds
   * of blocking hex work). Instances sharing a database share it, as they share attachments.
   */
  inputs?: FileStore;
  /** Told when a job this instance ran has ended, with how long it ran (the metrics' job durations). */
  onFinished?: (job: JobRow, outcome: 'succeeded' | 'failed', seconds: number) => void;
}

/** How long a job waits for requests in flight before its next transaction, at most. */
const GIVE_WAY_MAX_MS = 1000;

export const INTERRUPTED_REASON = '服务在任务运行中停止，任务已中断，未写入任何数据，请重新提交';
const UNEXPECTED_REASON = '任务因意外错误停止，未写入任何数据；请稍后重试，或把任务编号告诉管理员';
const PROGRESS_WRITE_MS = 1000;

/**
 * Runs the jobs table's work on this instance: claims the oldest runnable job whenever a slot is
 * free (polling, or at once when kicked by an enqueue here), keeps a heartbeat on what it runs, and
 * at start takes over jobs that a stopped instance left running.
 */
export class JobRunner {
  readonly instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly opts: Required<Omit<JobRunnerOptions, 'log' | 'foreground' | 'inputs' | 'onFinished'>> & Pick<JobRunnerOptions, 'log' | 'foreground' | 'inputs' | 'onFinished'>;
  private timers: NodeJS.Timeout[] = [];
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private started = false;
  private stopped = false;

  constructor(opts: JobRunnerOptions) {
    this.opts = { maxRunning: 2, pollMs: 1000, heartbeatMs: 5000, staleAfterMs: 60_000, exclusiveDatabase: false, ...opts };
    // A live instance beats several times within the stale window.
    this.opts.heartbeatMs = Math.min(this.opts.heartbeatMs, this.opts.staleAfterMs / 4);
  }

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`job kind ${handler.kind} registered twice`);
    this.handlers.set(handler.kind, handler);
  }

  /** Keeps a job's input file until the job ends; pass the key to enqueueJob. */
  async putInput(data: Buffer): Promise<string> {
    if (!this.opts.inputs) throw new Error('this job runner has no input store');
    return this.opts.inputs.put(data);
  }

  /** Removes a job's input file (when it ends, is cancelled or was cut short); a missing file is fine. */
  async removeInput(key: string | null): Promise<void> {
    if (key && this.opts.inputs) await this.opts.inputs.remove(key).catch((err) => this.opts.log?.('job runner: removing an input file failed', err));
  }

  handlerFor(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  /** The kinds of job this runner handles. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.takeOverInterrupted(this.opts.exclusiveDatabase);
    this.timers.push(setInterval(() => this.kick(), this.opts.pollMs));
    this.timers.push(setInterval(() => void this.heartbeat(), this.opts.heartbeatMs));
    if (!this.opts.exclusiveDatabase) this.timers.push(setInterval(() => void this.takeOverInterrupted(false), this.opts.staleAfterMs / 2));
    for (const t of this.timers) t.unref();
    this.kick();
  }

  /** Looks for work now (called after an enqueue on this instance). */
  kick(): void {
    if (!this.started || this.stopped) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.claimWhileFree()
      .catch((err) => this.opts.log?.('job runner: claiming failed', err))
      .finally(() => {
        this.ticking = null;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.kick();
        }
      });
  }

  /** Resolves when no job of a kind this runner handles is queued or running (tests, benchmarks). */
  async settled(): Promise<void> {
    for (;;) {
      await Promise.all([...this.running.values()]);
      if (this.ticking) await this.ticking;
      if (this.running.size === 0 && !(await hasRunnableWork(this.opts.db, [...this.handlers.keys()]))) return;
      this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops claiming, asks running jobs to stop at a safe point and waits for them. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.abort.abort();
    if (this.ticking) await this.ticking;
    await Promise.all([...this.running.values()]);
  }

  private async claimWhileFree(): Promise<void> {
    while (!this.stopped && this.running.size < this.opts.maxRunning) {
      const job = await claimNextJob(this.opts.db, this.instanceId, this.opts.maxRunning, [...this.handlers.keys()]);
      if (!job) return;
      // Stopped while this claim was under way (it may even be a job just handed back): give it back untouched.
      if (this.stopped) {
        await handBackJob(this.opts.db, this.instanceId, job.id);
        return;
      }
      const run = this.run(job).finally(() => {
        this.running.delete(job.id);
        this.kick();
      });
      this.running.set(job.id, run);
    }
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const startedAt = performance.now();
    let latest: Record<string, unknown> | null = null;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const io: JobIo = {
      signal: this.abort.signal,
      instanceId: this.instanceId,
      input: async () => {
        if (!job.inputFileKey || !this.opts.inputs) return null;
        return this.opts.inputs.get(job.inputFileKey).catch(() => null);
      },
      giveWay: () => (this.opts.exclusiveDatabase && this.opts.foreground ? this.opts.foreground.giveWay(GIVE_WAY_MAX_MS) : new Promise((r) => setImmediate(r))),
      progress: (p) => {
        latest = p;
        const now = Date.now();
        if (now - lastWrite < PROGRESS_WRITE_MS) return;
        lastWrite = now;
        writing = writing.then(() => saveProgress(this.opts.db, job.id, p)).catch(() => {});
      },
    };
    let state: 'succeeded' | 'failed' = 'succeeded';
    let error: string | undefined;
    try {
      await handler.run(job, io);
    } catch (err) {
      state = 'failed';
      if (err instanceof JobFailure) error = err.message;
      else {
        error = UNEXPECTED_REASON;
        this.opts.log?.(`job ${job.id} (${job.kind}) failed`, err);
      }
    }
    await writing;
    if (state === 'failed' && this.abort.signal.aborted && (await handBackJob(this.opts.db, this.instanceId, job.id))) {
      this.opts.log?.(`job ${job.id} (${job.kind}) handed back to the queue: this instance is stopping`);
      return;
    }
    if (latest) await saveProgress(this.opts.db, job.id, latest).catch(() => {});
    if (await finishJob(this.opts.db, this.instanceId, job.id, state, error)) this.opts.onFinished?.(job, state, (performance.now() - startedAt) / 1000);
    await this.removeInput(job.inputFileKey);
  }

  private async heartbeat(): Promise<void> {
    await beatHeart(this.opts.db, this.instanceId, [...this.running.keys()]).catch((err) => this.opts.log?.('job runner: heartbeat failed', err));
  }

  private async takeOverInterrupted(everyRunning: boolean): Promise<void> {
    try {
      const interrupted = await takeOverInterruptedJobs(this.opts.db, { everyRunning, staleAfterMs: this.opts.staleAfterMs, reason: INTERRUPTED_REASON, self: this.instanceId });
      for (const job of interrupted) {
        this.opts.log?.(`job ${job.id} (${job.kind}) was cut short by a stopped instance; marked failed`);
        await this.handlers.get(job.kind)?.recover?.(job);
        await this.removeInput(job.inputFileKey);
      }
    } catch (err) {
      this.opts.log?.('job runner: taking over interrupted jobs failed', err);
    }
  }
}
