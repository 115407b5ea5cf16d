import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { campaignRuleVersions, campaigns, lumpSumBatches, lumpSumLines, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { pathInScope } from '../../../platform/authz.js';
import type { Actor, Services } from '../../../platform/context.js';
import { stillHoldsJob, type JobRow } from '../../../platform/jobs/job-queries.js';
import { JobFailure, type JobHandler, type JobIo } from '../../../platform/jobs/job-runner.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { scopedOrgs } from './lump-sum-scope.js';
import { removeLumpSumGrants, writeLumpSumGrants } from './write-lump-sum-grants.js';
import { JobNoLongerHeld, removeLumpSumLines, writeLumpSumLines } from './write-lump-sum-lines.js';

export const LUMP_SUM_BUILD_JOB = 'lump_sum_build';
export const LUMP_SUM_CONFIRM_JOB = 'lump_sum_confirm';
/**
 * Builds and confirms of one campaign run one at a time, the others wait their turn: a build reads the
 * campaign's grants, and a confirm writes them.
 */
export const lumpSumConcurrencyKey = (campaignId: string) => `lump_sum:${campaignId}`;

const batchIdOf = (job: JobRow) => String(job.payload.batchId);

const GRANTED_ELSEWHERE = '部分家庭已在本活动的其他批次或申请中获得发放，本批次未确认、未写入任何发放记录；请作废本批次后重新生成';
const LOST_RIGHTS = (who: string) => `${who}的账号已停用或已无活动管理权限，任务未执行`;

/** The job's actor: its starter with the roles held now, still over the batch's org (a job must not outlive a lost role). */
async function actorFor(db: Services['db'], job: JobRow, orgPath: string, who: string): Promise<Actor> {
  const actor = await loadActiveActor(db, job.createdBy);
  if (!actor?.permissions.has('campaign.manage') || !pathInScope(actor, orgPath)) throw new JobFailure(LOST_RIGHTS(who));
  return actor;
}

function isGrantConflict(err: unknown): boolean {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    if (e.code === '23505' && e.constraint === 'campaign_grants_one_per_recipient') return true;
  return false;
}

/** The lump-sum jobs: building a batch's lines (then previewed), and writing a confirmed batch's grants (then confirmed). */
export function lumpSumJobHandlers(services: Services): JobHandler[] {
  const { db } = services;

  async function loadBatch(batchId: string) {
    const [row] = await db
      .select({ batch: lumpSumBatches, orgPath: orgs.path, campaignStatus: campaigns.status, campaignRulesVersion: campaigns.rulesVersion, rules: campaignRuleVersions.rules })
      .from(lumpSumBatches)
      .innerJoin(orgs, eq(orgs.id, lumpSumBatches.orgId))
      .innerJoin(campaigns, eq(campaigns.id, lumpSumBatches.campaignId))
      .innerJoin(campaignRuleVersions, and(eq(campaignRuleVersions.campaignId, lumpSumBatches.campaignId), eq(campaignRuleVersions.version, lumpSumBatches.rulesVersion)))
      .where(eq(lumpSumBatches.id, batchId));
    return row;
  }

  /** A build that stopped: what it wrote goes, and the batch is failed (a building batch only). */
  async function failBuild(batchId: string, giveWay?: () => Promise<void>) {
    await removeLumpSumLines(db, batchId, giveWay);
    await db.update(lumpSumBatches).set({ status: 'failed' }).where(and(eq(lumpSumBatches.id, batchId), eq(lumpSumBatches.status, 'building')));
  }

  async function build(job: JobRow, io: JobIo) {
    const batchId = batchIdOf(job);
    const row = await loadBatch(batchId);
    if (!row || row.batch.status !== 'building') return;
    try {
      await actorFor(db, job, row.orgPath, '生成批次的人');
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
        if (!(await stillHoldsJob(tx, job.id, io.instanceId))) throw new JobNoLongerHeld();
        // The preview's summary, counted once here and kept with the job (the batch page reads it, not 100,000 lines).
        const byReason = await tx
          .select({ exclusion: lumpSumLines.exclusion, n: sql<number>`count(*)`.mapWith(Number), fen: sql<number>`coalesce(sum(${lumpSumLines.amountFen}), 0)`.mapWith(Number) })
          .from(lumpSumLines)
          .where(eq(lumpSumLines.batchId, batchId))
          .groupBy(lumpSumLines.exclusion);
        const qualifying = byReason.find((r) => r.exclusion === null);
        const exclusions: Record<string, number> = Object.fromEntries(byReason.filter((r) => r.exclusion !== null).map((r) => [r.exclusion!, r.n]));
        const excluded = Object.values(exclusions).reduce((a, b) => a + b, 0);
        const totalFen = qualifying?.fen ?? 0;
        if (!Number.isSafeInteger(totalFen)) throw new Error('batch total beyond a safe integer of fen');
        await tx
          .update(lumpSumBatches)
          .set({ status: 'previewed', householdCount: qualifying?.n ?? 0, excludedCount: excluded, totalFen })
          .where(and(eq(lumpSumBatches.id, batchId), eq(lumpSumBatches.status, 'building')));
        io.progress({ households: (qualifying?.n ?? 0) + excluded, exclusions });
      });
    } catch (err) {
      if (err instanceof JobNoLongerHeld) return;
      await failBuild(batchId, io.giveWay);
      throw err;
    }
  }

  /** A confirm that did not finish: its grants go and the batch is previewed again, for discarding or confirming anew. */
  async function undoConfirm(batch: { id: string; campaignId: string }, giveWay?: () => Promise<void>) {
    const [now] = await db.select({ status: lumpSumBatches.status }).from(lumpSumBatches).where(eq(lumpSumBatches.id, batch.id));
    if (now?.status !== 'previewed') return; // confirmed before it stopped: its grants stand
    await removeLumpSumGrants(db, batch, giveWay);
    await db
      .update(lumpSumBatches)
      .set({ confirmedBy: null, confirmedAt: null })
      .where(and(eq(lumpSumBatches.id, batch.id), eq(lumpSumBatches.status, 'previewed'), isNotNull(lumpSumBatches.confirmedBy)));
  }

  async function confirm(job: JobRow, io: JobIo) {
    const row = await loadBatch(batchIdOf(job));
    if (!row || row.batch.status !== 'previewed' || row.batch.confirmedBy !== job.createdBy) return;
    const batch = row.batch;
    let actor: Actor | null = null;
    try {
      actor = await actorFor(db, job, row.orgPath, '确认批次的人');
      if (row.campaignStatus !== 'open') throw new JobFailure('活动已不在受理中，批次未确认');
      if (row.campaignRulesVersion !== batch.rulesVersion) throw new JobFailure('活动规则在批次生成后已修改，批次未确认；请作废后重新生成');
      const readyAt = services.clock.now();
      const written = await writeLumpSumGrants(db, {
        batchId: batch.id,
        campaignId: batch.campaignId,
        inKindJson: JSON.stringify(row.rules.inKindItems.map(({ item, quantity }) => ({ item, quantity }))),
        readyAt,
        giveWay: io.giveWay,
        signal: io.signal,
        stillHeld: (tx) => stillHoldsJob(tx, job.id, io.instanceId),
        onProgress: (grants) => io.progress({ grants }),
      }).catch((err: unknown) => {
        throw isGrantConflict(err) ? new JobFailure(GRANTED_ELSEWHERE) : err;
      });
      await io.giveWay();
      await db.transaction(async (tx) => {
        if (!(await stillHoldsJob(tx, job.id, io.instanceId))) throw new JobNoLongerHeld();
        await tx.update(lumpSumBatches).set({ status: 'confirmed' }).where(and(eq(lumpSumBatches.id, batch.id), eq(lumpSumBatches.status, 'previewed')));
        io.progress({ grants: written });
      });
    } catch (err) {
      if (err instanceof JobNoLongerHeld) return;
      await undoConfirm(batch, io.giveWay);
      const ctx = { ...services, actor, requestId: `job:${job.id}` };
      await audit(db, ctx, 'lump_sum.confirm', {
        objectType: 'lump_sum_batch',
        objectId: batch.id,
        orgId: batch.orgId,
        orgPath: row.orgPath,
        outcome: 'failure',
        details: { campaignId: batch.campaignId, jobId: job.id, reason: err instanceof JobFailure ? err.message : 'unexpected' },
      });
      throw err;
    }
  }

  return [
    {
      kind: LUMP_SUM_BUILD_JOB,
      run: build,
      async recover(job) {
        await failBuild(batchIdOf(job));
      },
      async cancelled(tx, job) {
        await tx.update(lumpSumBatches).set({ status: 'discarded', note: '生成任务在排队时被取消' }).where(and(eq(lumpSumBatches.id, batchIdOf(job)), eq(lumpSumBatches.status, 'building')));
      },
    },
    {
      kind: LUMP_SUM_CONFIRM_JOB,
      run: confirm,
      async recover(job) {
        const row = await loadBatch(batchIdOf(job));
        if (row) await undoConfirm(row.batch);
      },
      async cancelled(tx, job) {
        await tx
          .update(lumpSumBatches)
          .set({ confirmedBy: null, confirmedAt: null })
          .where(and(eq(lumpSumBatches.id, batchIdOf(job)), eq(lumpSumBatches.status, 'previewed')));
      },
    },
  ];
}
