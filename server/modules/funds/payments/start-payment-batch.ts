import { eq } from 'drizzle-orm';
import { StartPaymentBatchInput } from '../../../../contracts/funds.js';
import { paymentBatches } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { validation } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/job-queries.js';
import { getCampaignInScope } from '../../campaigns/campaigns.queries.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getFundInScope } from '../funds.queries.js';
import { PAYMENT_BUILD_JOB, PAYMENT_JOBS_KEY } from './payment-jobs.js';

/**
 * Queues the build of a payment batch (发放批次): the grants ready for payment in the fund's org's
 * subtree (or an org's in it), optionally of one campaign, become its lines on the job runner, for a
 * finance officer other than the builder to approve.
 */
export async function startPaymentBatch({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'payment.create');
  const data = StartPaymentBatchInput.parse(input);
  if (!ctx.jobs) throw new Error('payment batches need the job runner');
  const created = await ctx.db.transaction(async (tx) => {
    const { fund, orgPath } = await getFundInScope(tx, actor, data.fundId);
    const org = data.orgId ? await getOrgInScope(tx, actor, data.orgId) : null;
    if (org && !org.path.startsWith(orgPath)) throw validation([{ field: 'body.orgId', message: 'the org must lie under the fund’s org' }]);
    if (data.campaignId) await getCampaignInScope(tx, actor, data.campaignId);
    const now = ctx.clock.now();
    const [batch] = await tx
      .insert(paymentBatches)
      .values({ orgId: org?.id ?? fund.orgId, fundId: fund.id, campaignId: data.campaignId ?? null, name: data.name, status: 'building', createdBy: actor.userId, createdAt: now })
      .returning();
    const job = await enqueueJob(tx, { kind: PAYMENT_BUILD_JOB, orgId: batch.orgId, createdBy: actor.userId, createdAt: now, payload: { batchId: batch.id }, concurrencyKey: PAYMENT_JOBS_KEY });
    await tx.update(paymentBatches).set({ jobId: job.id }).where(eq(paymentBatches.id, batch.id));
    await audit(tx, ctx, 'payment_batch.build', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath: org?.path ?? orgPath, details: { fundId: fund.id, campaignId: data.campaignId ?? null, jobId: job.id } });
    return { batchId: batch.id, jobId: job.id };
  });
  ctx.jobs.kick();
  return created;
}
