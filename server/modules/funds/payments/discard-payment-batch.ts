import { and, eq } from 'drizzle-orm';
import { DiscardPaymentBatchInput } from '../../../../contracts/funds.js';
import { paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getPaymentBatchInScope } from './payments.queries.js';

/** Sets aside a batch not yet executed (none of it paid): its lines are dropped, so their grants can go into another batch. */
export async function discardPaymentBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'payment.create');
  const data = DiscardPaymentBatchInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getPaymentBatchInScope(tx, actor, id, { lock: true });
    if (!['previewed', 'approved'].includes(batch.status)) throw conflict('status', `the batch is ${batch.status}`, { status: batch.status });
    // A run that stopped short paid some lines: that money is out, and the bank file is made once the rest is paid.
    const [paid] = await tx.select({ id: paymentLines.id }).from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'paid'))).limit(1);
    if (paid) throw conflict('partly_paid', 'part of the batch is paid: top up the fund and execute it again for the rest');
    await tx.update(paymentLines).set({ status: 'dropped' }).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'pending')));
    await tx.update(paymentBatches).set({ status: 'discarded', note: data.reason }).where(eq(paymentBatches.id, batch.id));
    await audit(tx, ctx, 'payment_batch.discard', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { reason: data.reason } });
    return { id: batch.id, status: 'discarded' as const };
  });
}
