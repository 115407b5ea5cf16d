import { and, eq, sql } from 'drizzle-orm';
import { ExecutePaymentBatchInput } from '../../../../contracts/funds.js';
import { paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/job-queries.js';
import { assertBookableDay } from '../booking-dates.js';
import { getFundInScope } from '../funds.queries.js';
import { PAYMENT_EXECUTE_JOB, PAYMENT_JOBS_KEY } from './payment-jobs.js';
import { getPaymentBatchInScope } from './payments.queries.js';

/**
 * Executes an approved batch on the job runner: each line posts fund → paid out, marks its grant and
 * application paid and appends to the household's aid ledger. Refused up front when the fund does not
 * hold what is left to pay; the database refuses any line that would overdraw it in any case.
 */
export async function executePaymentBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'payment.create');
  const data = ExecutePaymentBatchInput.parse(input);
  assertBookableDay(ctx, 'body.paidOn', data.paidOn, { future: 'a date still to come: a batch is paid on the day it is executed or before' });
  if (!ctx.jobs) throw new Error('payment batches need the job runner');
  const queued = await ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getPaymentBatchInScope(tx, actor, id, { lock: true });
    if (batch.status !== 'approved') throw conflict('status', batch.status === 'previewed' ? 'the batch awaits approval by a second finance officer' : `the batch is ${batch.status}`, { status: batch.status });
    const { figures } = await getFundInScope(tx, actor, batch.fundId);
    // What is left to pay: all of it the first time, the rest after a run that stopped short.
    const [left] = await tx
      .select({ fen: sql<number>`coalesce(sum(${paymentLines.amountFen}), 0)`.mapWith(Number) })
      .from(paymentLines)
      .where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'pending')));
    if (figures.balanceFen < left.fen) throw conflict('insufficient_funds', 'the fund does not hold what the batch has left to pay', { balanceFen: figures.balanceFen, leftFen: left.fen });
    const now = ctx.clock.now();
    const job = await enqueueJob(tx, { kind: PAYMENT_EXECUTE_JOB, orgId: batch.orgId, createdBy: actor.userId, createdAt: now, payload: { batchId: batch.id }, concurrencyKey: PAYMENT_JOBS_KEY });
    // A batch executed before holds the reason its run stopped short in its note: the new run clears it.
    const rerun = batch.paidOn !== null;
    await tx.update(paymentBatches).set({ status: 'executing', paidOn: data.paidOn, executedBy: actor.userId, jobId: job.id, ...(rerun ? { note: null } : {}) }).where(eq(paymentBatches.id, batch.id));
    await audit(tx, ctx, 'payment_batch.execute', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { paidOn: data.paidOn, jobId: job.id, lines: batch.lineCount, totalFen: batch.totalFen } });
    return { batchId: batch.id, jobId: job.id, status: 'executing' as const };
  });
  ctx.jobs.kick();
  return queued;
}
