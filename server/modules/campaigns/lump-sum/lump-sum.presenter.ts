import type { Actor } from '../../../platform/context.js';
import type { LumpSumBatchWithContext } from './lump-sum.queries.js';

export function presentLumpSumBatch(row: LumpSumBatchWithContext, actor: Actor, exclusions?: Record<string, number>) {
  const { batch, job } = row;
  const running = job?.state === 'queued' || job?.state === 'running';
  return {
    id: batch.id,
    campaignId: batch.campaignId,
    campaignName: row.campaignName,
    orgId: batch.orgId,
    orgName: row.orgName,
    status: batch.status,
    rulesVersion: batch.rulesVersion,
    /** Qualifying households (each gets totalFen / householdCount), and those left out with a reason. */
    householdCount: batch.householdCount,
    excludedCount: batch.excludedCount,
    totalFen: batch.totalFen,
    createdByName: row.createdByName,
    createdAt: batch.createdAt.toISOString(),
    confirmedAt: batch.confirmedAt?.toISOString() ?? null,
    note: batch.note,
    jobId: batch.jobId,
    jobState: job?.state ?? null,
    progress: running && job && Object.keys(job.progress).length ? job.progress : null,
    error: batch.status === 'failed' ? (job?.error ?? null) : null,
    /** Maker ≠ checker: whoever built the batch may not confirm it. */
    builtByMe: batch.createdBy === actor.userId,
    ...(exclusions ? { exclusions } : {}),
  };
}
export type LumpSumBatchDto = ReturnType<typeof presentLumpSumBatch>;
