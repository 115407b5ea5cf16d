import { eq } from 'drizzle-orm';
import { ApprovePaymentBatchInput } from '../../../../contracts/funds.js';
import { paymentBatches } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { getPaymentBatchInScope } from './payments.queries.js';

/** A finance officer who did not build the batch approves it (maker ≠ checker; the database holds it too). */
export async function approvePaymentBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'payment.approve');
  const data = ApprovePaymentBatchInput.parse(input ?? {});
  return ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getPaymentBatchInScope(tx, actor, id, { lock: true });
    if (batch.status !== 'previewed') throw conflict('status', `the batch is ${batch.status}`, { status: batch.status });
    if (batch.createdBy === actor.userId) throw new AppError('FORBIDDEN', 'the batch’s builder cannot approve it: another finance officer must', { reason: 'maker_checker' });
    if (batch.lineCount === 0) throw conflict('empty_batch', 'the batch has no lines');
    await tx.update(paymentBatches).set({ status: 'approved', approvedBy: actor.userId, approvedAt: ctx.clock.now(), note: data.note ?? batch.note }).where(eq(paymentBatches.id, batch.id));
    await audit(tx, ctx, 'payment_batch.approve', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { lines: batch.lineCount, totalFen: batch.totalFen } });
    return { id: batch.id, status: 'approved' as const };
  });
}
