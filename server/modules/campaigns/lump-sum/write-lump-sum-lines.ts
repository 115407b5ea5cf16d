import { sql } from 'drizzle-orm';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import type { Db, Tx } from '../../../db/client.js';
import { households, lumpSumLines } from '../../../db/schema/index.js';
import { householdVisible } from '../../households/households.queries.js';
import { CANDIDATE_STATUSES, exclusionSql, type ScopedOrg } from './lump-sum-scope.js';

/** Households per transaction: each is one INSERT … SELECT, short enough for requests to be answered between them. */
export const LINES_PER_CHUNK = 2000;
const REMOVE_PER_CHUNK = 5000;

/** Another instance took the job over (this one was thought stopped): it writes nothing more and leaves the cleanup to that one. */
export class JobNoLongerHeld extends Error {}

export interface LineWriting {
  batchId: string;
  campaignId: string;
  rules: CampaignRules;
  orgs: ScopedOrg[];
  giveWay: () => Promise<void>;
  signal?: AbortSignal;
  /** Checked in every transaction: false when another instance took the job over (nothing more is written). */
  stillHeld: (tx: Tx) => Promise<boolean>;
  onProgress?: (written: number) => void;
}

/**
 * Writes one line per candidate household of the scoped orgs, in chunks of the households' primary
 * key order: set-based (one INSERT … SELECT each, the exclusion computed in SQL), giving way between
 * transactions so the embedded engine keeps answering requests. Returns how many lines were written.
 */
export async function writeLumpSumLines(db: Db, w: LineWriting): Promise<number> {
  if (w.orgs.length === 0) return 0;
  // The orgs and their income lines travel as one JSON parameter (hundreds of rows at most).
  const scopeJson = JSON.stringify(w.orgs.map((o) => ({ org_id: o.orgId, threshold_fen: o.thresholdFen })));
  const amountFen = w.rules.householdAmountFen ?? 0;
  const exclusion = exclusionSql(w.rules, w.campaignId);
  let after: string | null = null;
  let written = 0;
  for (;;) {
    if (w.signal?.aborted) throw new Error('stopped: the server is shutting down');
    await w.giveWay();
    const chunk = await db.transaction(async (tx) => {
      if (!(await w.stillHeld(tx))) throw new JobNoLongerHeld();
      const inserted = await tx.execute(sql`
        insert into ${lumpSumLines} (batch_id, household_id, org_id, recipient_name, amount_fen, exclusion)
        select ${w.batchId}, picked.id, picked.org_id, picked.name, case when picked.exclusion is null then ${amountFen}::bigint else 0 end, picked.exclusion
        from (
          select ${households.id} as id, ${households.orgId} as org_id, ${households.name} as name, ${exclusion} as exclusion
          from ${households}
          join jsonb_to_recordset(${scopeJson}::jsonb) as scope(org_id uuid, threshold_fen bigint) on scope.org_id = ${households.orgId}
          where ${households.status} in (${sql.join(CANDIDATE_STATUSES.map((s) => sql`${s}`), sql`, `)})
            and ${householdVisible()}
            ${after ? sql`and ${households.id} > ${after}::uuid` : sql``}
          order by ${households.id}
          limit ${LINES_PER_CHUNK}
        ) picked
        returning household_id`);
      const ids = (inserted as unknown as { rows: Array<{ household_id: string }> }).rows.map((r) => r.household_id);
      // uuid order is the order of their lowercase text: the greatest id is where the next chunk starts.
      return { count: ids.length, last: ids.length ? ids.reduce((a, b) => (a > b ? a : b)) : null };
    });
    if (chunk.last === null) return written;
    written += chunk.count;
    after = chunk.last;
    w.onProgress?.(written);
  }
}

/** Removes a failed build's lines, in short transactions. */
export async function removeLumpSumLines(db: Db, batchId: string, giveWay: () => Promise<void> = async () => {}): Promise<void> {
  for (;;) {
    await giveWay();
    const removed = await db.execute(sql`
      delete from ${lumpSumLines} where batch_id = ${batchId} and household_id in (
        select household_id from ${lumpSumLines} where batch_id = ${batchId} limit ${REMOVE_PER_CHUNK})
      returning household_id`);
    if ((removed as unknown as { rows: unknown[] }).rows.length === 0) return;
  }
}
