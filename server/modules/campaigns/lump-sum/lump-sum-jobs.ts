import { and, eq, sql } from 'drizzle-orm';
import { campaignRuleVersions, campaigns, lumpSumBatches, lumpSumLines, orgs } from '../../../db/schema/index.js';
import { pathInScope } from '../../../platform/authz.js';
import type { Services } from '../../../platform/context.js';
import { stillHoldsJob, type JobRow } from '../../../platform/jobs/job-queries.js';
import { JobFailure, type JobHandler, type JobIo } from '../../../platform/jobs/job-runner.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { scopedOrgs } from './lump-sum-scope.js';
import { BuildNoLongerHeld, removeLumpSumLines, writeLumpSumLines } from './write-lump-sum-lines.js';

export const LUMP_SUM_BUILD_JOB = 'lump_sum_build';
/** One build of a campaign runs at a time; the others wait their turn (builds are rare and each may cover the city). */
export const lumpSumConcurrencyKey = (campaignId: string) => `lump_sum_build:${campaignId}`;

const batchIdOf = (job: JobRow) => String(job.payload.batchId);

/** The lump-sum build job: writes a batch's lines, then shows it for confirmation (previewed) or fails it. */
export function lumpSumJobHandlers(services: Services): JobHandler[] {
  const { db } = services;

  /** A build that stopped: what it wrote goes, and the batch is failed (a building batch only). */
  async function failBuild(batchId: string, giveWay?: () => Promise<void>) {
    await removeLumpSumLines(db, batchId, giveWay);
    await db.update(lumpSumBatches).set({ status: 'failed' }).where(and(eq(lumpSumBatches.id, batchId), eq(lumpSumBatches.status, 'building')));
  }

  async function run(job: JobRow, io: JobIo) {
    const batchId = batchIdOf(job);
    const [row] = await db
      .select({ batch: lumpSumBatches, orgPath: orgs.path, campaignStatus: campaigns.status, rules: campaignRuleVersions.rules })
      .from(lumpSumBatches)
      .innerJoin(orgs, eq(orgs.id, lumpSumBatches.orgId))
      .innerJoin(campaigns, eq(campaigns.id, lumpSumBatches.campaignId))
      .innerJoin(campaignRuleVersions, and(eq(campaignRuleVersions.campaignId, lumpSumBatches.campaignId), eq(campaignRuleVersions.version, lumpSumBatches.rulesVersion)))
      .where(eq(lumpSumBatches.id, batchId));
    if (!row || row.batch.status !== 'building') return;
    try {
      // The builder acts with the roles they hold now: a job must not outlive a disabled account or a lost role.
      const actor = await loadActiveActor(db, job.createdBy);
      if (!actor?.permissions.has('campaign.manage') || !pathInScope(actor, row.orgPath)) throw new JobFailure('生成批次的人账号已停用或已无活动管理权限，批次未生成');
      if (row.campaignStatus !== 'open') throw new JobFailure('活动已不在受理中，批次未生成');
      const scope = await scopedOrgs(db, row.batch.campaignId, row.orgPath, row.rules);
      await writeLumpSumLines(db, {
        batchId,
        campaignId: row.batch.campaignId,
        rules: row.rules,
        orgs: scope,
        giveWay: io.giveWay,
        signal: io.signal,
        stillHeld: (tx) => stillHoldsJob(tx, job.id, io.instanceId),
        onProgress: (written) => io.progress({ households: written }),
      });
      await io.giveWay();
      await db.transaction(async (tx) => {
        if (!(await stillHoldsJob(tx, job.id, io.instanceId))) throw new BuildNoLongerHeld();
        const [totals] = await tx
          .select({
            qualifying: sql<number>`count(*) filter (where ${lumpSumLines.exclusion} is null)`.mapWith(Number),
            excluded: sql<number>`count(*) filter (where ${lumpSumLines.exclusion} is not null)`.mapWith(Number),
            totalFen: sql<number>`coalesce(sum(${lumpSumLines.amountFen}), 0)`.mapWith(Number),
          })
          .from(lumpSumLines)
          .where(eq(lumpSumLines.batchId, batchId));
        if (!Number.isSafeInteger(totals.totalFen)) throw new Error('batch total beyond a safe integer of fen');
        await tx
          .update(lumpSumBatches)
          .set({ status: 'previewed', householdCount: totals.qualifying, excludedCount: totals.excluded, totalFen: totals.totalFen })
          .where(and(eq(lumpSumBatches.id, batchId), eq(lumpSumBatches.status, 'building')));
        io.progress({ households: totals.qualifying + totals.excluded });
      });
    } catch (err) {
      if (err instanceof BuildNoLongerHeld) return; // another instance took the job over and cleans up
      await failBuild(batchId, io.giveWay);
      throw err;
    }
  }

  return [
    {
      kind: LUMP_SUM_BUILD_JOB,
      run,
      async recover(job) {
        await failBuild(batchIdOf(job));
      },
      async cancelled(tx, job) {
        await tx.update(lumpSumBatches).set({ status: 'discarded', note: '生成任务在排队时被取消' }).where(and(eq(lumpSumBatches.id, batchIdOf(job)), eq(lumpSumBatches.status, 'building')));
      },
    },
  ];
}
