import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { campaignGrants, households, lumpSumBatches, lumpSumLines } from '../../../db/schema/index.js';
import { JobNoLongerHeld } from './write-lump-sum-lines.js';

/**
 * Grants per transaction. Each grant row costs the embedded engine ~0.1 ms (three indexes, three
 * foreign keys): a city's 100,000 in one transaction held every request for 12–15 s.
 */
export const GRANTS_PER_CHUNK = 1000;
const REMOVE_PER_CHUNK = 2000;

export interface GrantWriting {
  batchId: string;
  campaignId: string;
  inKindJson: string;
  readyAt: Date;
  giveWay: () => Promise<void>;
  signal?: AbortSignal;
  stillHeld: (tx: Tx) => Promise<boolean>;
  onProgress?: (written: number) => void;
}

/**
 * One ready grant per qualifying line, keyed by the worker's ID hash, in chunks of the lines' order.
 * The unique index on (campaign, recipient) refuses a household granted by anything else meanwhile:
 * the chunk fails and the caller removes what this batch wrote.
 */
export async function writeLumpSumGrants(db: Db, w: GrantWriting): Promise<number> {
  let after: string | null = null;
  let written = 0;
  for (;;) {
    if (w.signal?.aborted) throw new Error('stopped: the server is shutting down');
    await w.giveWay();
    const chunk = await db.transaction(async (tx) => {
      if (!(await w.stillHeld(tx))) throw new JobNoLongerHeld();
      const inserted = await tx.execute(sql`
        insert into ${campaignGrants} (campaign_id, recipient_key, org_id, household_id, lump_sum_batch_id, recipient_name, amount_fen, in_kind_items, status, ready_at)
        select ${w.campaignId}, h.id_hash, l.org_id, l.household_id, l.batch_id, l.recipient_name, l.amount_fen, ${w.inKindJson}::jsonb, 'ready', ${w.readyAt.toISOString()}::timestamptz
        from (
          select * from ${lumpSumLines}
          where batch_id = ${w.batchId} and exclusion is null ${after ? sql`and household_id > ${after}::uuid` : sql``}
          order by household_id
          limit ${GRANTS_PER_CHUNK}
        ) l join ${households} h on h.id = l.household_id
        returning household_id`);
      const ids = (inserted as unknown as { rows: Array<{ household_id: string }> }).rows.map((r) => r.household_id);
      return { count: ids.length, last: ids.length ? ids.reduce((a, b) => (a > b ? a : b)) : null };
    });
    if (chunk.last === null) return written;
    written += chunk.count;
    after = chunk.last;
    w.onProgress?.(written);
  }
}

/** Removes the grants a batch wrote (a confirm that failed or was cut short); only unpaid ones exist then. */
export async function removeLumpSumGrants(db: Db, b: { id: string; campaignId: string }, giveWay: () => Promise<void> = async () => {}): Promise<void> {
  for (;;) {
    await giveWay();
    const removed = await db.execute(sql`
      delete from ${campaignGrants} where id in (
        select id from ${campaignGrants} where campaign_id = ${b.campaignId} and lump_sum_batch_id = ${b.id} and status = 'ready' limit ${REMOVE_PER_CHUNK})
      returning id`);
    if ((removed as unknown as { rows: unknown[] }).rows.length === 0) return;
  }
}

/**
 * Grants that may be paid or counted: any grant of an application, and a lump sum's once its whole
 * batch is confirmed (while a confirm writes in chunks, its first grants exist before the last).
 */
export function grantConfirmed() {
  return sql`(${campaignGrants.lumpSumBatchId} is null or ${campaignGrants.lumpSumBatchId} in (select b.id from ${lumpSumBatches} b where b.status = 'confirmed'))`;
}
