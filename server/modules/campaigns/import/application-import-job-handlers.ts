import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { applicationImports, orgs } from '../../../db/schema/index.js';
import { pathInScope } from '../../../platform/authz.js';
import type { Services } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { AppError } from '../../../platform/errors.js';
import { stillHoldsJob, type JobRow } from '../../../platform/jobs/job-queries.js';
import { INTERRUPTED_REASON, JobFailure, type JobHandler, type JobIo } from '../../../platform/jobs/job-runner.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { getCampaignInScope, listParticipants } from '../campaigns.queries.js';
import { APPLICATION_IMPORT_JOB, assertImportTarget, MAX_STORED_ERRORS } from './application-import-jobs.js';
import { ApplicationImportNoLongerHeld, importApplications } from './import-applications.js';

const importIdOf = (job: JobRow) => String(job.payload.importId);
/** Imports that never committed (what they would have written was one transaction, so nothing is left to remove). */
const UNCOMMITTED = ['queued', 'validating'];

/** Why a campaign or org stopped taking the import between upload and run, for the importer. */
const TARGET_REFUSED: Record<string, string> = {
  campaign_not_open: '活动已不在受理中，导入未执行',
  outside_window: '已不在活动的申请受理期内，导入未执行',
  not_participant: '该单位不是本活动的参与单位，导入未执行',
  lump_sum_program: '该活动按户一次性发放，不受理申请，导入未执行',
};

/** The application import job: reads, checks and writes a workbook all or nothing (import-applications.ts). */
export function applicationImportJobHandlers(services: Services): JobHandler[] {
  const { db } = services;

  async function failIfUncommitted(importId: string, message: string) {
    await db
      .update(applicationImports)
      .set({ status: 'failed', message, finishedAt: services.clock.now() })
      .where(and(eq(applicationImports.id, importId), inArray(applicationImports.status, UNCOMMITTED)));
  }

  async function run(job: JobRow, io: JobIo) {
    const importId = importIdOf(job);
    const [row] = await db.select({ imp: applicationImports, org: orgs }).from(applicationImports).innerJoin(orgs, eq(orgs.id, applicationImports.orgId)).where(eq(applicationImports.id, importId));
    if (!row || row.imp.status !== 'queued') return;
    try {
      // The importer acts with the roles they hold now: a job must not outlive a disabled account or a lost role.
      const actor = await loadActiveActor(db, job.createdBy);
      if (!actor?.permissions.has('application.import') || !pathInScope(actor, row.org.path)) throw new JobFailure('导入人的账号已停用或已无导入权限，导入未执行');
      if (!row.org.active) throw new JobFailure('该组织已停用，导入未执行');
      try {
        const campaign = await getCampaignInScope(db, actor, row.imp.campaignId);
        assertImportTarget(campaign, await listParticipants(db, campaign.id), row.org.path, chinaDate(services.clock.now()));
      } catch (err) {
        if (err instanceof AppError) throw new JobFailure(TARGET_REFUSED[String(err.details.reason)] ?? '活动已不可见或不再受理申请，导入未执行');
        throw err;
      }
      const buffer = await io.input();
      if (!buffer) throw new JobFailure('导入文件已不在，请重新上传');
      await db.update(applicationImports).set({ status: 'validating' }).where(eq(applicationImports.id, importId));
      const result = await importApplications({
        ctx: { ...services, actor, requestId: `job:${job.id}` },
        actor,
        target: { campaignId: row.imp.campaignId, orgId: row.org.id, orgPath: row.org.path },
        importId,
        buffer,
        filename: row.imp.filename,
        onProgress: (p) => io.progress({ ...p }),
        giveWay: io.giveWay,
        stillHeld: (tx: Tx) => stillHoldsJob(tx, job.id, io.instanceId),
      });
      if (!result.ok) {
        await db
          .update(applicationImports)
          .set({ status: 'failed', totalRows: result.rowsRead, errorCount: result.errors.length, errors: result.errors.slice(0, MAX_STORED_ERRORS), finishedAt: services.clock.now() })
          .where(eq(applicationImports.id, importId));
        throw new JobFailure(`文件有 ${result.errors.length} 处错误，未写入任何申请，请下载错误报告修正后重新导入`);
      }
    } catch (err) {
      if (err instanceof ApplicationImportNoLongerHeld) return; // another instance took the job over
      await failIfUncommitted(importId, err instanceof JobFailure ? err.message : '导入因意外错误停止，未写入任何申请；请稍后重试，或把导入编号告诉管理员');
      throw err;
    }
  }

  return [
    {
      kind: APPLICATION_IMPORT_JOB,
      run,
      async recover(job) {
        await failIfUncommitted(importIdOf(job), INTERRUPTED_REASON);
      },
      async cancelled(tx, job) {
        await tx
          .update(applicationImports)
          .set({ status: 'cancelled', message: '导入在排队时被取消', finishedAt: services.clock.now() })
          .where(eq(applicationImports.id, importIdOf(job)));
      },
    },
  ];
}
