import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { receiptSeries } from '../../../db/schema/index.js';

/**
 * Takes the next `count` receipt numbers of an org's series (捐赠收据), inside the donation's
 * transaction. The upsert locks the org's series row until the transaction ends, so concurrent
 * entries queue on it and each sees the number the previous one took; a transaction that rolls back
 * gives its numbers back. Numbers therefore never skip or repeat. The prefix is set when the series
 * opens (the org's code then) and kept.
 */
export async function takeReceiptNumbers(tx: Tx, org: { id: string; code: string }, count: number): Promise<{ prefix: string; first: number }> {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('take at least one receipt number');
  const [row] = await tx
    .insert(receiptSeries)
    .values({ orgId: org.id, prefix: org.code, lastSeq: count })
    .onConflictDoUpdate({ target: receiptSeries.orgId, set: { lastSeq: sql`${receiptSeries}.last_seq + ${count}` } })
    .returning({ prefix: receiptSeries.prefix, lastSeq: receiptSeries.lastSeq });
  return { prefix: row.prefix, first: row.lastSeq - count + 1 };
}
