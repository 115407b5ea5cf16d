import { and, eq } from 'drizzle-orm';
import { backgroundJobs } from '../../../db/schema/index.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx, Services } from '../../../platform/context.js';
import { enqueueJob, stillHoldsJob } from '../../../platform/jobs/job-queries.js';
import { JobFailure, type JobHandler } from '../../../platform/jobs/job-runner.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { computeWorklist, WorklistBuildStopped } from './compute-worklist.js';
import { assertReachOpen } from './reach.policy.js';

export const WORKLIST_JOB = 'campaign_worklist';
/** One build of a campaign's worklist runs at a time (builds of different scopes queue behind each other). */
export const worklistConcurrencyKey = (campaignId: string) => `campaign_worklist:${campaignId}`;

/**
 * Queues the build of a campaign's worklist for the actor's scope and answers with the job at once;
 * the page polls the job. A build of the same scope still waiting to start is the one returned.
 */
export async function startWorklistBuild({ ctx, campaignId }: { ctx: Ctx; campaignId: string }) {
  const actor = await authorize(ctx, 'campaign.reach');
  const job = await ctx.db.transaction(async (tx) => {
    const campaign = await getCampaignInScope(tx, actor, campaignId, { forUpdate: true });
    assertReachOpen(campaign);
    const key = worklistConcurrencyKey(campaign.id);
    const [waiting] = await tx
      .select()
      .from(backgroundJobs)
      .where(and(eq(backgroundJobs.kind, WORKLIST_JOB), eq(backgroundJobs.state, 'queued'), eq(backgroundJobs.concurrencyKey, key), eq(backgroundJobs.orgId, actor.orgId)));
    if (waiting) return waiting;
    return enqueueJob(tx, { kind: WORKLIST_JOB, orgId: actor.orgId, createdBy: actor.userId, createdAt: ctx.clock.now(), payload: { campaignId: campaign.id }, concurrencyKey: key });
  });
  ctx.jobs?.kick();
  return { jobId: job.id, state: job.state };
}

export function worklistJobHandlers(services: Services, opts: { batchSize?: number } = {}): JobHandler[] {
  return [
    {
      kind: WORKLIST_JOB,
      async run(job, io) {
        // The starter acts with the roles and org they hold now.
        const actor = await loadActiveActor(services.db, job.createdBy);
        if (!actor?.permissions.has('campaign.reach')) throw new JobFailure('发起人的账号已停用或已无通知到人权限，名单未生成');
        const ctx: Ctx = { ...services, actor, requestId: `job:${job.id}` };
        const campaign = await getCampaignInScope(services.db, actor, String(job.payload.campaignId)).catch(() => null);
        if (!campaign) throw new JobFailure('活动已不在发起人的管辖范围内，名单未生成');
        try {
          assertReachOpen(campaign);
        } catch {
          throw new JobFailure('活动已结束或不是按学生助学的项目，名单未生成');
        }
        try {
          const result = await computeWorklist(ctx, campaign, {
            giveWay: io.giveWay,
            signal: io.signal,
            progress: (p) => io.progress(p),
            stillHeld: (tx) => stillHoldsJob(tx, job.id, io.instanceId),
            batchSize: opts.batchSize,
          });
          if (result) io.progress({ phase: 'done', ...result, builtAt: result.builtAt.toISOString() });
        } catch (err) {
          if (err instanceof WorklistBuildStopped) throw new JobFailure('服务停止，名单生成中断：名单仍是上次的结果（部分学生已更新），请重新生成');
          throw err;
        }
      },
    },
  ];
}
