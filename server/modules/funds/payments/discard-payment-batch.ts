import { and, eq } from 'drizzle-orm';
import { DiscardPaymentBatchInput } from '../../../../contracts/funds.js';
import { paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getPaymentBatchInScope } from './payments.queries.js';

/** Sets aside a batch not yet executed: its lines are dropped, so their grants can go into another batch. */
export async function discardPaymentBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'payment.create');
  const data = DiscardPaymentBatchInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getPaymentBatchInScope(tx, actor, id, { lock: true });
    if (!['previewed', 'approved'].includes(batch.status)) throw conflict('status', `the batch is ${batch.status}`, { status: batch.status });
    await tx.update(paymentLines).set({ status: 'dropped' }).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'pending')));
    await tx.update(paymentBatches).set({ status: 'discarded', note: data.reason }).where(eq(paymentBatches.id, batch.id));
    await audit(tx, ctx, 'payment_batch.discard', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { reason: data.reason } });
    return { id: batch.id, status: 'discarded' as const };
  });
}
