import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { backgroundJobs, campaigns, households, lumpSumBatches, lumpSumLines, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { LUMP_SUM_CONFIRM_JOB } from './lump-sum-jobs.js';

export type LumpSumBatchRow = typeof lumpSumBatches.$inferSelect;

/** The batch's latest confirm job (its grants are written on the job runner). */
const latestConfirmJob = sql`from ${backgroundJobs} j where j.kind = ${LUMP_SUM_CONFIRM_JOB} and j.payload->>'batchId' = ${lumpSumBatches.id}::text order by j.created_at desc limit 1`;

const withContext = {
  batch: lumpSumBatches,
  orgName: orgs.name,
  orgPath: orgs.path,
  campaignName: campaigns.name,
  createdByName: users.displayName,
  job: { state: backgroundJobs.state, progress: backgroundJobs.progress, error: backgroundJobs.error },
  confirmJob: {
    id: sql<string | null>`(select j.id ${latestConfirmJob})`,
    state: sql<string | null>`(select j.state ${latestConfirmJob})`,
    progress: sql<Record<string, unknown> | null>`(select j.progress ${latestConfirmJob})`,
    error: sql<string | null>`(select j.error ${latestConfirmJob})`,
  },
};

function batchQuery(db: DbOrTx) {
  return db
    .select(withContext)
    .from(lumpSumBatches)
    .innerJoin(orgs, eq(orgs.id, lumpSumBatches.orgId))
    .innerJoin(campaigns, eq(campaigns.id, lumpSumBatches.campaignId))
    .leftJoin(users, eq(users.id, lumpSumBatches.createdBy))
    .leftJoin(backgroundJobs, eq(backgroundJobs.id, lumpSumBatches.jobId));
}
export type LumpSumBatchWithContext = Awaited<ReturnType<typeof batchQuery>>[number];

/** A batch whose org lies in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getBatchInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<LumpSumBatchWithContext> {
  const q = batchQuery(db).where(and(eq(lumpSumBatches.id, id), inActorSubtree(actor, lumpSumBatches.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: lumpSumBatches }) : await q;
  if (!row) throw notFound('lump_sum_batch');
  return row;
}

/** A campaign's batches of the actor's subtree, newest first. */
export async function listCampaignBatches(db: DbOrTx, actor: Actor, campaignId: string) {
  return batchQuery(db)
    .where(and(eq(lumpSumBatches.campaignId, campaignId), inActorSubtree(actor, lumpSumBatches.orgId)))
    .orderBy(desc(lumpSumBatches.createdAt), desc(lumpSumBatches.id));
}

/** How many lines each exclusion reason holds (the preview's summary). */
export async function exclusionCounts(db: DbOrTx, batchId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ exclusion: lumpSumLines.exclusion, n: sql<number>`count(*)::int` })
    .from(lumpSumLines)
    .where(and(eq(lumpSumLines.batchId, batchId), isNotNull(lumpSumLines.exclusion)))
    .groupBy(lumpSumLines.exclusion);
  return Object.fromEntries(rows.map((r) => [r.exclusion!, r.n]));
}

export interface LineFilter {
  show?: 'qualifying' | 'excluded';
  exclusion?: string;
}

/**
 * One page of a batch's lines, in the primary key's order (no sort at 100,000 lines): the page's keys
 * are picked from the lines alone, then joined for the household's case number and masked ID. The
 * lines are of the batch's subtree; the filter on the actor's subtree keeps that true after a transfer.
 */
export async function listBatchLines(db: DbOrTx, actor: Actor, batchId: string, f: LineFilter, page: { page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [eq(lumpSumLines.batchId, batchId), inActorSubtree(actor, lumpSumLines.orgId)];
  if (f.show === 'qualifying') conds.push(isNull(lumpSumLines.exclusion));
  if (f.show === 'excluded') conds.push(isNotNull(lumpSumLines.exclusion));
  if (f.exclusion) conds.push(eq(lumpSumLines.exclusion, f.exclusion));
  const picked = db
    .select({ householdId: lumpSumLines.householdId, orgId: lumpSumLines.orgId, recipientName: lumpSumLines.recipientName, amountFen: lumpSumLines.amountFen, exclusion: lumpSumLines.exclusion })
    .from(lumpSumLines)
    .where(and(...conds))
    .orderBy(asc(lumpSumLines.householdId))
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize)
    .as('picked');
  const rows = await db
    .select({
      householdId: picked.householdId,
      orgId: picked.orgId,
      orgName: orgs.name,
      recipientName: picked.recipientName,
      amountFen: picked.amountFen,
      exclusion: picked.exclusion,
      caseNo: households.caseNo,
      idNumberMasked: households.idMasked,
      category: households.category,
      householdStatus: households.status,
    })
    .from(picked)
    .innerJoin(households, eq(households.id, picked.householdId))
    .innerJoin(orgs, eq(orgs.id, picked.orgId))
    .orderBy(asc(picked.householdId));
  return { items: rows.slice(0, page.pageSize), hasMore: rows.length > page.pageSize };
}
