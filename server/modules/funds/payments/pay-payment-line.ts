import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { inKindIssues, paymentLines } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { markGrantPaid } from '../../campaigns/applications/grants.js';
import { postJournalEntry } from '../ledger/post-journal-entry.js';
import type { PaymentLineRow } from './payments.queries.js';

/**
 * Pays one line inside the caller's transaction: fund balance → paid out (the database refuses it if
 * the fund cannot cover it, also against concurrent payouts), the grant marked paid with its household
 * aid, and the in-kind items issued. A line is paid once: its entry's source key is unique.
 */
export async function payPaymentLine(tx: Tx, ctx: Ctx, p: { line: PaymentLineRow; fundOrgId: string; accounts: { fund_balance: string; paid_out: string }; paidOn: string; memo: string }) {
  const { line } = p;
  let entryId: string | null = null;
  if (line.amountFen > 0) {
    const entry = await postJournalEntry(tx, ctx, {
      orgId: p.fundOrgId,
      kind: 'payment',
      memo: p.memo,
      occurredOn: p.paidOn,
      sourceModule: 'payments',
      sourceRef: `line:${line.id}`,
      postings: [
        { accountId: p.accounts.fund_balance, amountFen: -line.amountFen },
        { accountId: p.accounts.paid_out, amountFen: line.amountFen },
      ],
    });
    entryId = entry.id;
  }
  await markGrantPaid(tx, ctx, { grantId: line.grantId, paidOn: p.paidOn, paymentRef: line.paymentRef });
  await tx.update(paymentLines).set({ status: 'paid', entryId }).where(eq(paymentLines.id, line.id));
  if (line.inKindItems.length)
    await tx.insert(inKindIssues).values(
      line.inKindItems.map((i) => ({ orgId: line.orgId, paymentLineId: line.id, grantId: line.grantId, householdId: line.householdId, recipientName: line.payeeName, item: i.item, quantity: i.quantity, issuedOn: p.paidOn, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })),
    );
  return entryId;
}
