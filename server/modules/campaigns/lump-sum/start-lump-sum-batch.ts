import { eq } from 'drizzle-orm';
import { StartLumpSumBatchInput } from '../../../../contracts/campaigns.js';
import { lumpSumBatches } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/job-queries.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { batchOrgTakesPart } from './lump-sum-scope.js';
import { LUMP_SUM_BUILD_JOB, lumpSumConcurrencyKey } from './lump-sum-jobs.js';

/**
 * Queues the build of a lump-sum batch (特别慰问金) for the actor's subtree, or an org's subtree in it:
 * the job writes one line per household in scope, qualifying or with the reason it does not, for a
 * person to check before anyone confirms it. One batch in the making per campaign and org.
 */
export async function startLumpSumBatch({ ctx, campaignId, input }: { ctx: Ctx; campaignId: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = StartLumpSumBatchInput.parse(input ?? {});
  if (!ctx.jobs) throw new Error('lump-sum batches need the job runner');
  const now = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    const campaign = await getCampaignInScope(tx, actor, campaignId);
    const org = await getOrgInScope(tx, actor, data.orgId ?? actor.orgId);
    if (campaign.programKind !== 'per_household') throw conflict('program_kind', 'only a per-household program pays lump sums; this campaign takes applications', { programKind: campaign.programKind });
    if (campaign.status !== 'open') throw conflict('campaign_not_open', `the campaign is ${campaign.status}`, { status: campaign.status });
    if (!(await batchOrgTakesPart(tx, campaign.id, org.path))) throw conflict('not_participating', 'no participant of the campaign lies in this org’s subtree', { field: 'orgId' });
    const [batch] = await tx
      .insert(lumpSumBatches)
      .values({ campaignId: campaign.id, orgId: org.id, status: 'building', rulesVersion: campaign.rulesVersion, createdBy: actor.userId, createdAt: now })
      .returning();
    const job = await enqueueJob(tx, {
      kind: LUMP_SUM_BUILD_JOB,
      orgId: org.id,
      createdBy: actor.userId,
      createdAt: now,
      payload: { batchId: batch.id },
      concurrencyKey: lumpSumConcurrencyKey(campaign.id),
    });
    await tx.update(lumpSumBatches).set({ jobId: job.id }).where(eq(lumpSumBatches.id, batch.id));
    await audit(tx, ctx, 'lump_sum.build', {
      objectType: 'lump_sum_batch',
      objectId: batch.id,
      orgId: org.id,
      orgPath: org.path,
      details: { campaignId: campaign.id, rulesVersion: campaign.rulesVersion, jobId: job.id },
    });
    return { batchId: batch.id, jobId: job.id };
  });
  ctx.jobs.kick();
  return created;
}
