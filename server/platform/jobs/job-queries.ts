import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { backgroundJobs, type JobState } from '../../db/schema/index.js';

export type JobRow = typeof backgroundJobs.$inferSelect;

/** Every claim takes this transaction-level advisory lock first, so the global cap is counted by one claimer at a time. */
const CLAIM_LOCK = 7_310_001;

/**
 * Claims the oldest queued job that may start, or none. Under the claim lock: at most `maxRunning`
 * backgroundJobs run in all (every instance counts the same rows), and a job whose concurrency key is already
 * running waits (the partial unique index `jobs_one_running_per_key` refuses a second one even if
 * this check were skipped). `FOR UPDATE SKIP LOCKED` keeps claimers from queueing on one row.
 */
export async function claimNextJob(db: DbOrTx, instanceId: string, maxRunning: number, kinds: string[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    const [{ running }] = await tx.select({ running: sql<number>`count(*)::int` }).from(backgroundJobs).where(eq(backgroundJobs.state, 'running'));
    if (running >= maxRunning) return null;
    const claimed = await tx.execute(sql`
      update ${backgroundJobs} set state = 'running', locked_by = ${instanceId}, heartbeat_at = now(), started_at = coalesce(started_at, now()), attempts = attempts + 1
      where id = (
        select q.id from ${backgroundJobs} q
        where q.state = 'queued' and q.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          and (q.concurrency_key is null or not exists (select 1 from ${backgroundJobs} r where r.state = 'running' and r.concurrency_key = q.concurrency_key))
        order by q.created_at, q.id
        limit 1
        for update skip locked
      )
      returning id`);
    const id = (claimed as unknown as { rows: Array<{ id: string }> }).rows[0]?.id;
    if (!id) return null;
    const [row] = await tx.select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
    return row;
  });
}

/** Says that this instance is still running these backgroundJobs. */
export async function beatHeart(db: DbOrTx, instanceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(backgroundJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(inArray(backgroundJobs.id, ids), eq(backgroundJobs.lockedBy, instanceId), eq(backgroundJobs.state, 'running')));
}

/** Ends a job this instance runs; returns false when it no longer held it (recovered as stale meanwhile). */
export async function finishJob(db: DbOrTx, instanceId: string, id: string, state: Extract<JobState, 'succeeded' | 'failed'>, error?: string): Promise<boolean> {
  const rows = await db
    .update(backgroundJobs)
    .set({ state, error: error ?? null, lockedBy: null, heartbeatAt: null, finishedAt: sql`now()` })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.lockedBy, instanceId), eq(backgroundJobs.state, 'running')))
    .returning({ id: backgroundJobs.id });
  return rows.length > 0;
}

/**
 * Puts a job this instance was running back in the queue, input kept, for any instance to take: the
 * instance is stopping, and the job stopped at a safe point having undone its partial work.
 */
export async function handBackJob(db: DbOrTx, instanceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(backgroundJobs)
    .set({ state: 'queued', error: null, progress: {}, lockedBy: null, heartbeatAt: null })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.lockedBy, instanceId), eq(backgroundJobs.state, 'running')))
    .returning({ id: backgroundJobs.id });
  return rows.length > 0;
}

export async function saveProgress(db: DbOrTx, id: string, progress: Record<string, unknown>): Promise<void> {
  await db.update(backgroundJobs).set({ progress }).where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.state, 'running')));
}

/**
 * Takes over backgroundJobs whose instance stopped: all running backgroundJobs when the database is exclusive to this
 * process (the embedded engine), otherwise those whose heartbeat is older than `staleAfterMs`.
 * Returns them marked failed (the caller runs each kind's recovery).
 */
export async function takeOverInterruptedJobs(db: DbOrTx, opts: { everyRunning: boolean; staleAfterMs: number; reason: string; self: string }): Promise<JobRow[]> {
  const stale = opts.everyRunning ? sql`true` : sql`${backgroundJobs.heartbeatAt} < now() - ${`${Math.round(opts.staleAfterMs)} milliseconds`}::interval`;
  return db
    .update(backgroundJobs)
    .set({ state: 'failed', error: opts.reason, lockedBy: null, heartbeatAt: null, finishedAt: sql`now()` })
    .where(and(eq(backgroundJobs.state, 'running'), ne(backgroundJobs.lockedBy, opts.self), stale))
    .returning();
}

/** How many queued backgroundJobs are ahead of this one, plus one; null when it is not queued. */
export async function queuePosition(db: DbOrTx, job: Pick<JobRow, 'id' | 'state' | 'createdAt'>): Promise<number | null> {
  if (job.state !== 'queued') return null;
  const [{ ahead }] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(backgroundJobs)
    .where(sql`${backgroundJobs.state} = 'queued' and (${backgroundJobs.createdAt}, ${backgroundJobs.id}) < (${job.createdAt.toISOString()}::timestamptz, ${job.id}::uuid)`);
  return ahead + 1;
}

export async function hasRunnableWork(db: DbOrTx, kinds: string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(backgroundJobs)
    .where(and(inArray(backgroundJobs.state, ['queued', 'running']), inArray(backgroundJobs.kind, kinds)));
  return n > 0;
}

export interface NewJob {
  kind: string;
  orgId: string;
  createdBy: string;
  createdAt: Date;
  payload?: Record<string, unknown>;
  concurrencyKey?: string;
  /** The key of an input file already put in the runner's input store (JobRunner.putInput). */
  inputFileKey?: string;
}

/** Queues a job inside the caller's transaction; the caller kicks the runner after it commits. */
export async function enqueueJob(tx: DbOrTx, job: NewJob): Promise<JobRow> {
  const [row] = await tx
    .insert(backgroundJobs)
    .values({ kind: job.kind, state: 'queued', orgId: job.orgId, createdBy: job.createdBy, createdAt: job.createdAt, payload: job.payload ?? {}, concurrencyKey: job.concurrencyKey ?? null, inputFileKey: job.inputFileKey ?? null })
    .returning();
  return row;
}

/**
 * Locks the job's row and says whether this instance still holds it. A job's final write calls it in
 * the same transaction, so an instance that lost its job (taken over as stale) cannot commit.
 */
export async function stillHoldsJob(tx: DbOrTx, jobId: string, instanceId: string): Promise<boolean> {
  const [row] = await tx.select({ state: backgroundJobs.state, lockedBy: backgroundJobs.lockedBy }).from(backgroundJobs).where(eq(backgroundJobs.id, jobId)).for('update');
  return row?.state === 'running' && row.lockedBy === instanceId;
}
