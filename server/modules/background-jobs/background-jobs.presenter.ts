import type { DbOrTx } from '../../db/client.js';
import { queuePosition } from '../../platform/jobs/job-queries.js';
import type { BackgroundJobListRow } from './background-jobs.queries.js';

/** A job as its viewers see it; a queued job says how many are ahead of it. */
export async function presentBackgroundJob(db: DbOrTx, row: BackgroundJobListRow) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    orgId: row.orgId,
    orgName: row.orgName,
    createdBy: row.createdBy,
    progress: row.progress,
    error: row.error,
    queuePosition: await queuePosition(db, row),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
