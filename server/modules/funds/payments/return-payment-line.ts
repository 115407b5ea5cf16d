import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { inKindIssues, paymentLines } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { markGrantReturned } from '../../campaigns/applications/grants.js';
import { reverseJournalEntry } from '../ledger/post-journal-entry.js';
import type { PaymentLineRow } from './payments.queries.js';

/**
 * A line the bank could not pay: its entry is reversed (the money is back in the fund), the line is
 * failed with the bank's reason, its grant is ready for payment again, and its in-kind items are
 * marked returned. Inside the caller's transaction.
 */
export async function returnPaymentLine(tx: Tx, ctx: Ctx, p: { line: PaymentLineRow; reason: string; on: string }) {
  const { line } = p;
  const reversal = line.entryId ? await reverseJournalEntry(tx, ctx, { entryId: line.entryId, memo: `银行退回：${line.payeeName}（${p.reason}）`, occurredOn: p.on }) : null;
  await tx
    .update(paymentLines)
    .set({ status: 'failed', failureReason: p.reason, resultAt: ctx.clock.now(), reversalEntryId: reversal?.id ?? null })
    .where(and(eq(paymentLines.id, line.id), eq(paymentLines.status, 'paid')));
  await tx.update(inKindIssues).set({ status: 'returned' }).where(eq(inKindIssues.paymentLineId, line.id));
  await markGrantReturned(tx, ctx, { grantId: line.grantId, paymentRef: line.paymentRef, reason: `银行退回：${p.reason}` });
  return reversal?.id ?? null;
}
