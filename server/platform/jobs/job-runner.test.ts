import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { openDatabase } from '../../db/client.js';
import { backgroundJobs } from '../../db/schema/index.js';
import { insertOrg } from '../../modules/orgs/create-org.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import { claimNextJob, enqueueJob, queuePosition } from './job-queries.js';
import { INTERRUPTED_REASON, JobFailure, JobRunner, type JobHandler } from './job-runner.js';

/**
 * The job runner on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set). On
 * PostgreSQL the "second instance" is a second connection pool to the same database, as a second
 * server process would have.
 */
let database: Database;
let second: Database | null = null;
let orgId: string;
const USER = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await insertOrg(database.db, null, { code: 'JOBS', name: '任务测试', type: 'city_federation' });
  orgId = org.id;
  if (database.kind === 'postgres') second = await openSecondPool(database);
});
afterAll(async () => {
  await second?.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from background_jobs`);
});

async function openSecondPool(first: Database): Promise<Database> {
  const [{ db }] = (await first.db.execute(sql`select current_database() as db`) as unknown as { rows: Array<{ db: string }> }).rows;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${db}`;
  return openDatabase({ databaseUrl: url.toString() });
}

async function enqueue(n: number, opts: { kind?: string; key?: (i: number) => string | undefined } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const job = await enqueueJob(database.db, {
      kind: opts.kind ?? 'test',
      orgId,
      createdBy: USER,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      payload: { i },
      concurrencyKey: opts.key?.(i),
    });
    ids.push(job.id);
  }
  return ids;
}

/** A handler that records every run, how many run at once overall and per key, and takes `ms`. */
function recordingHandler(ms = 30) {
  const runs: string[] = [];
  let now = 0;
  const perKey = new Map<string, number>();
  const stats = { runs, maxConcurrent: 0, maxPerKey: 0 };
  const handler: JobHandler = {
    kind: 'test',
    async run(job) {
      runs.push(job.id);
      now++;
      stats.maxConcurrent = Math.max(stats.maxConcurrent, now);
      const key = job.concurrencyKey ?? job.id;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      stats.maxPerKey = Math.max(stats.maxPerKey, perKey.get(key)!);
      await new Promise((r) => setTimeout(r, ms));
      perKey.set(key, perKey.get(key)! - 1);
      now--;
    },
  };
  return { handler, stats };
}

const states = async (db: Db = database.db) =>
  Object.fromEntries((await db.select({ id: backgroundJobs.id, state: backgroundJobs.state }).from(backgroundJobs)).map((r) => [r.id, r.state]));

describe('job runner', () => {
  it('runs every job exactly once with two instances sharing one queue, never more than the cap at once', async () => {
    const ids = await enqueue(24);
    const { handler, stats } = recordingHandler();
    const a = new JobRunner({ db: database.db, maxRunning: 3, pollMs: 10 });
    const b = new JobRunner({ db: (second ?? database).db, maxRunning: 3, pollMs: 10 });
    a.register(handler);
    b.register(handler);
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.settled(), b.settled()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(stats.runs.sort()).toEqual([...ids].sort());
    expect(stats.maxConcurrent).toBeLessThanOrEqual(3);
    expect(stats.maxConcurrent).toBeGreaterThan(1);
    expect(Object.values(await states())).toEqual(ids.map(() => 'succeeded'));
  });

  it('runs jobs sharing a concurrency key one at a time (one import per org), others alongside', async () => {
    await enqueue(12, { key: (i) => (i % 2 === 0 ? 'org-1' : undefined) });
    const { handler, stats } = recordingHandler();
    const a = new JobRunner({ db: database.db, maxRunning: 4, pollMs: 10 });
    const b = new JobRunner({ db: (second ?? database).db, maxRunning: 4, pollMs: 10 });
    a.register(handler);
    b.register(handler);
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.settled(), b.settled()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(stats.runs).toHaveLength(12);
    expect(stats.maxPerKey).toBe(1);
  });

  it('the database refuses a second running job with the same key, whatever the code does', async () => {
    const [x, y] = await enqueue(2, { key: () => 'org-1' });
    await database.db.update(backgroundJobs).set({ state: 'running', lockedBy: 'one', heartbeatAt: new Date() }).where(eq(backgroundJobs.id, x));
    await expect(database.db.update(backgroundJobs).set({ state: 'running', lockedBy: 'two', heartbeatAt: new Date() }).where(eq(backgroundJobs.id, y))).rejects.toThrow();
  });

  it('claims under parallel claimers never exceed the cap (the count is taken under one lock)', async () => {
    await enqueue(10);
    const dbs = [database.db, (second ?? database).db];
    const claimed = await Promise.all(Array.from({ length: 10 }, (_, i) => claimNextJob(dbs[i % 2], `claimer-${i}`, 2, ['test'])));
    expect(claimed.filter(Boolean)).toHaveLength(2);
    const running = Object.values(await states()).filter((s) => s === 'running');
    expect(running).toHaveLength(2);
  });

  it('tells a queued job its place and the failure reason of a job that failed', async () => {
    const ids = await enqueue(3);
    const rows = await database.db.select().from(backgroundJobs);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(await Promise.all(ids.map((id) => queuePosition(database.db, byId.get(id)!)))).toEqual([1, 2, 3]);
    const runner = new JobRunner({ db: database.db, pollMs: 10 });
    runner.register({
      kind: 'test',
      async run(job) {
        if (job.payload.i === 1) throw new JobFailure('第二个任务失败了');
        if (job.payload.i === 2) throw new Error('/secret/path ENOENT');
      },
    });
    await runner.start();
    await runner.settled();
    await runner.stop();
    const after = await database.db.select().from(backgroundJobs);
    const error = (i: number) => after.find((r) => r.id === ids[i])!;
    expect(error(0)).toMatchObject({ state: 'succeeded', error: null });
    expect(error(1)).toMatchObject({ state: 'failed', error: '第二个任务失败了' });
    expect(error(2).state).toBe('failed');
    expect(error(2).error).not.toContain('ENOENT');
  });

  it('after a restart, a job cut short shows as failed with a reason and its kind undoes its work', async () => {
    const [job] = await enqueue(1);
    const dead = await claimNextJob(database.db, 'stopped-instance', 2, ['test']);
    expect(dead?.id).toBe(job);
    const recovered: string[] = [];
    const runner = new JobRunner({ db: database.db, exclusiveDatabase: true, pollMs: 10 });
    runner.register({ kind: 'test', run: async () => {}, recover: async (j) => void recovered.push(j.id) });
    await runner.start();
    await runner.settled();
    await runner.stop();
    const [row] = await database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, job));
    expect(row).toMatchObject({ state: 'failed', error: INTERRUPTED_REASON, lockedBy: null });
    expect(recovered).toEqual([job]);
  });

  it('a stopping instance hands its running job back to the queue, input kept, and another instance runs it to its end', async () => {
    const [job] = await enqueue(1);
    const runs: string[] = [];
    const stopping = new JobRunner({ db: database.db, pollMs: 10 });
    let started = false;
    stopping.register({
      kind: 'test',
      run: (_job, io) =>
        new Promise<void>((_, reject) => {
          started = true;
          runs.push('first');
          io.signal.addEventListener('abort', () => reject(new JobFailure('stopped at a safe point')), { once: true });
        }),
    });
    await stopping.start();
    while (!started) await new Promise((r) => setTimeout(r, 10));
    await stopping.stop();
    const [handedBack] = await database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, job));
    expect(handedBack).toMatchObject({ state: 'queued', lockedBy: null, error: null });

    const other = new JobRunner({ db: (second ?? database).db, pollMs: 10 });
    other.register({ kind: 'test', run: async () => void runs.push('second') });
    await other.start();
    await other.settled();
    await other.stop();
    const [done] = await database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, job));
    expect(done.state).toBe('succeeded');
    expect(runs).toEqual(['first', 'second']);
  });

  it('sharing the database, only jobs whose heartbeat went stale are taken over', async () => {
    const [stale, alive] = await enqueue(2);
    await database.db.update(backgroundJobs).set({ state: 'running', lockedBy: 'gone', heartbeatAt: sql`now() - interval '10 minutes'` }).where(eq(backgroundJobs.id, stale));
    await database.db.update(backgroundJobs).set({ state: 'running', lockedBy: 'alive', heartbeatAt: sql`now()` }).where(eq(backgroundJobs.id, alive));
    const runner = new JobRunner({ db: database.db, exclusiveDatabase: false, staleAfterMs: 60_000, pollMs: 10 });
    runner.register({ kind: 'test', run: async () => {} });
    await runner.start();
    await runner.stop();
    expect(await states()).toEqual({ [stale]: 'failed', [alive]: 'running' });
  });

  it('a job that lost its claim (taken over as stale) cannot record an outcome', async () => {
    const [job] = await enqueue(1);
    let release!: () => void;
    const runner = new JobRunner({ db: database.db, pollMs: 10 });
    runner.register({ kind: 'test', run: () => new Promise<void>((r) => (release = r)) });
    await runner.start();
    while (!release) await new Promise((r) => setTimeout(r, 10));
    await database.db.update(backgroundJobs).set({ state: 'failed', error: INTERRUPTED_REASON, lockedBy: null, heartbeatAt: null }).where(eq(backgroundJobs.id, job));
    release();
    await runner.stop();
    const [row] = await database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, job));
    expect(row).toMatchObject({ state: 'failed', error: INTERRUPTED_REASON });
  });
});
