import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { backgroundJobs } from '../../db/schema/index.js';

export interface UnfinishedJobCount {
  kind: string;
  state: 'queued' | 'running';
  n: number;
}

/**
 * Queued and running jobs by kind, read at each metrics scrape. Each half is answered from a partial
 * index (`background_jobs_queue_idx`, `background_jobs_one_running_per_key`), never the finished history.
 */
export async function countUnfinishedJobs(db: DbOrTx): Promise<UnfinishedJobCount[]> {
  const result = await db.execute(sql`
    select kind, 'queued' as state, count(*)::int as n from ${backgroundJobs} where state = 'queued' group by kind
    union all
    select kind, 'running' as state, count(*)::int as n from ${backgroundJobs} where state = 'running' group by kind`);
  return (result as unknown as { rows: UnfinishedJobCount[] }).rows;
}
