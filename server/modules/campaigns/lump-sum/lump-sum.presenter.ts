import type { Actor } from '../../../platform/context.js';
import type { LumpSumBatchWithContext } from './lump-sum.queries.js';

const running = (state: string | null | undefined) => state === 'queued' || state === 'running';

/** What a batch page shows: its state (a previewed batch with a confirmer is being confirmed), counts, and its jobs' progress or failure. */
export function presentLumpSumBatch(row: LumpSumBatchWithContext, actor: Actor, exclusions?: Record<string, number>) {
  const { batch, job, confirmJob } = row;
  const confirming = batch.status === 'previewed' && batch.confirmedAt !== null;
  const buildProgress = running(job?.state) && job && Object.keys(job.progress).length ? job.progress : null;
  const confirmProgress = running(confirmJob.state) && confirmJob.progress && Object.keys(confirmJob.progress).length ? confirmJob.progress : null;
  return {
    id: batch.id,
    campaignId: batch.campaignId,
    campaignName: row.campaignName,
    orgId: batch.orgId,
    orgName: row.orgName,
    status: batch.status,
    confirming,
    rulesVersion: batch.rulesVersion,
    /** Qualifying households (each gets the rules' amount), and those left out with a reason. */
    householdCount: batch.householdCount,
    excludedCount: batch.excludedCount,
    totalFen: batch.totalFen,
    createdByName: row.createdByName,
    createdAt: batch.createdAt.toISOString(),
    confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    note: batch.note,
    jobId: batch.jobId,
    jobState: job?.state ?? null,
    confirmJobId: confirmJob.id,
    confirmJobState: confirmJob.state,
    progress: buildProgress ?? confirmProgress,
    /** Why the build failed, or why the last confirm did not go through (the batch is previewed again). */
    error: batch.status === 'failed' ? (job?.error ?? null) : batch.status === 'previewed' && confirmJob.state === 'failed' ? confirmJob.error : null,
    /** Maker ≠ checker: whoever built the batch may not confirm it. */
    builtByMe: batch.createdBy === actor.userId,
    ...(exclusions ? { exclusions } : {}),
  };
}
export type LumpSumBatchDto = ReturnType<typeof presentLumpSumBatch>;

/** The exclusion counts the build kept with its job, if it did. */
export function keptExclusions(row: LumpSumBatchWithContext): Record<string, number> | null {
  const kept = row.job?.progress?.exclusions;
  return kept && typeof kept === 'object' ? (kept as Record<string, number>) : null;
}
