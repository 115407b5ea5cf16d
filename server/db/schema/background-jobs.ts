import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BACKGROUND_JOB_STATES } from '../../../contracts/background-jobs.js';
import { orgs } from './orgs.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type JobState = (typeof BACKGROUND_JOB_STATES)[number];

/**
 * Long work (imports, later payment batches, campaign batches, large exports, notification sends)
 * as rows: any instance claims the oldest runnable job; the caps and the one-run guarantee live in
 * the database (docs/decisions/009-job-runner.md).
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    state: text('state').$type<JobState>().notNull(),
    /** Jobs sharing a key never run at the same time (one import per org). */
    concurrencyKey: text('concurrency_key'),
    /** The org the job works for: who may see it follows from this org's path. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    createdBy: uuid('created_by').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default({}),
    /** Why it failed, in words for the person who started it. */
    error: text('error'),
    /**
     * An input file (an uploaded workbook) in the job-input file store (encrypted, DATA_DIR/job-inputs),
     * removed when the job ends.
     */
    inputFileKey: text('input_file_key'),
    attempts: integer('attempts').notNull().default(0),
    /** The instance running it, and when that instance last said it still is. */
    lockedBy: text('locked_by'),
    heartbeatAt: ts('heartbeat_at'),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('background_jobs_queue_idx').on(t.createdAt, t.id).where(sql`${t.state} = 'queued'`),
    index('background_jobs_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('background_jobs_one_running_per_key').on(t.concurrencyKey).where(sql`${t.state} = 'running'`),
    check('background_jobs_state_known', sql`${t.state} in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    check('background_jobs_running_is_locked', sql`${t.state} <> 'running' or (${t.lockedBy} is not null and ${t.heartbeatAt} is not null)`),
  ],
);
