import { eq } from 'drizzle-orm';
import { RefundDonationInput } from '../../../../contracts/donations.js';
import { donations } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict } from '../../../platform/errors.js';
import { reverseJournalEntry } from '../ledger/post-journal-entry.js';
import { presentDonation } from './donations.presenter.js';
import { getDonationInScope } from './donations.queries.js';

/**
 * Refunds a gift: a reversal of its journal entry (the fund gives the money back, so it must still
 * hold it), and the donation marked refunded. Its receipt number stays taken, shown as 已退款.
 */
export async function refundDonation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = RefundDonationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const row = await getDonationInScope(tx, actor, id, { forUpdate: true });
    const d = row.donation;
    if (d.refundEntryId) throw conflict('already_refunded', 'the donation is already refunded', { refundedAt: d.refundedAt?.toISOString() });
    const now = ctx.clock.now();
    const reversal = await reverseJournalEntry(tx, ctx, { entryId: d.entryId, memo: `${d.receiptNo} ${data.reason}`, occurredOn: chinaDate(now) });
    const [updated] = await tx.update(donations).set({ refundEntryId: reversal.id, refundReason: data.reason, refundedAt: now }).where(eq(donations.id, d.id)).returning();
    await audit(tx, ctx, 'donation.refund', {
      objectType: 'donation',
      objectId: d.id,
      orgId: d.orgId,
      orgPath: row.orgPath,
      details: { receiptNo: d.receiptNo, amountFen: d.amountFen, reason: data.reason, entryId: d.entryId, reversalEntryId: reversal.id },
    });
    return presentDonation(updated, { createdByName: row.createdByName });
  });
}
