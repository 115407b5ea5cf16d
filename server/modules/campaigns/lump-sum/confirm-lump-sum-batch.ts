import { and, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { ConfirmLumpSumInput } from '../../../../contracts/campaigns.js';
import { backgroundJobs, lumpSumBatches, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/job-queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { getBatchInScope } from './lump-sum.queries.js';
import { LUMP_SUM_CONFIRM_JOB, lumpSumConcurrencyKey } from './lump-sum-jobs.js';

/**
 * A second person confirms a previewed batch: each qualifying line is to become a grant ready to pay.
 * The grants are written on the job runner in chunks (a city's in one transaction held the embedded
 * engine for seconds); the batch is "confirming" meanwhile (previewed, with its confirmer) and
 * confirmed when the last is written. Refused at once, 409, when the preview may be stale: the rules
 * changed, or another batch over part of the same subtree is being confirmed or had its grants
 * written after this one's build began — its households would be granted twice; a new build shows
 * them as granted. Checks and marking happen under the campaign's row lock, so of two racing confirms
 * of overlapping batches one is refused; the recipient index stays the last word.
 */
export async function confirmLumpSumBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = ConfirmLumpSumInput.parse(input);
  if (!ctx.jobs) throw new Error('lump-sum batches need the job runner');
  const started = await ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getBatchInScope(tx, actor, id);
    if (batch.createdBy === actor.userId) throw new AppError('FORBIDDEN', 'the one who built a batch cannot also confirm it', { reason: 'maker_checker' });
    const campaign = await getCampaignInScope(tx, actor, batch.campaignId, { forUpdate: true });
    const [locked] = await tx.select().from(lumpSumBatches).where(eq(lumpSumBatches.id, batch.id)).for('update');
    if (locked.status !== 'previewed') throw conflict('status', `a ${locked.status} batch cannot be confirmed`, { status: locked.status });
    if (locked.confirmedBy) throw conflict('confirming', 'this batch is being confirmed');
    if (campaign.status !== 'open') throw conflict('campaign_not_open', `the campaign is ${campaign.status}`, { status: campaign.status });
    if (campaign.rulesVersion !== locked.rulesVersion)
      throw conflict('rules_changed', 'the campaign’s rules changed after this batch was built; discard it and build it again', { rulesVersion: campaign.rulesVersion, batchRulesVersion: locked.rulesVersion });
    // Another batch over part of this subtree, being confirmed, or whose grants were written after this
    // batch's build began reading them (builds and confirms of a campaign take turns on the job runner).
    const [overlapping] = await tx
      .select({ id: lumpSumBatches.id })
      .from(lumpSumBatches)
      .innerJoin(orgs, eq(orgs.id, lumpSumBatches.orgId))
      .where(
        and(
          eq(lumpSumBatches.campaignId, locked.campaignId),
          ne(lumpSumBatches.id, locked.id),
          sql`(${orgs.path} like ${orgPath + '%'} or ${orgPath} like ${orgs.path} || '%')`,
          or(
            and(eq(lumpSumBatches.status, 'previewed'), isNotNull(lumpSumBatches.confirmedAt)),
            and(
              eq(lumpSumBatches.status, 'confirmed'),
              sql`exists (select 1 from ${backgroundJobs} j where j.kind = ${LUMP_SUM_CONFIRM_JOB} and j.payload->>'batchId' = ${lumpSumBatches.id}::text and j.state = 'succeeded'
                and j.finished_at >= coalesce((select b.started_at from ${backgroundJobs} b where b.id = ${locked.jobId}), '-infinity'::timestamptz))`,
            ),
          ),
        ),
      )
      .limit(1);
    if (overlapping)
      throw conflict('already_granted', 'a batch covering part of these households was confirmed after this one was built; discard this batch and build it again (the new one shows them as granted)', { batchId: overlapping.id });
    const now = ctx.clock.now();
    await tx.update(lumpSumBatches).set({ confirmedBy: actor.userId, confirmedAt: now, note: data.note ?? null }).where(eq(lumpSumBatches.id, locked.id));
    const job = await enqueueJob(tx, {
      kind: LUMP_SUM_CONFIRM_JOB,
      orgId: locked.orgId,
      createdBy: actor.userId,
      createdAt: now,
      payload: { batchId: locked.id },
      concurrencyKey: lumpSumConcurrencyKey(locked.campaignId),
    });
    await audit(tx, ctx, 'lump_sum.confirm', {
      objectType: 'lump_sum_batch',
      objectId: locked.id,
      orgId: locked.orgId,
      orgPath,
      details: { campaignId: locked.campaignId, households: locked.householdCount, totalFen: locked.totalFen, jobId: job.id },
    });
    return { batchId: locked.id, jobId: job.id };
  });
  ctx.jobs.kick();
  return started;
}
