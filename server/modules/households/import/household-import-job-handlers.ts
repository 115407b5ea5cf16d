import { eq, inArray, and } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { householdImports, orgs } from '../../../db/schema/index.js';
import { pathInScope } from '../../../platform/authz.js';
import type { Services } from '../../../platform/context.js';
import { enqueueJob, stillHoldsJob, type JobRow } from '../../../platform/jobs/job-queries.js';
import { INTERRUPTED_REASON, JobFailure, type JobHandler, type JobIo } from '../../../platform/jobs/job-runner.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { maskImportErrors } from './import-error-masking.js';
import { IMPORT_CLEANUP_JOB, IMPORT_JOB, importConcurrencyKey } from './household-import-jobs.js';
import { importHouseholds, ImportNoLongerHeld } from './import-households.js';
import { removeStagedHouseholds } from './remove-staged-households.js';

const MAX_STORED_ERRORS = 10_000;
/** Imports that never committed: what they wrote is removed by the cleanup job. */
const UNCOMMITTED = ['queued', 'validating', 'writing'];

const importIdOf = (job: JobRow) => String(job.payload.importId);

/** The job kinds of the household archive: running an import, and removing what a failed one wrote. */
export function householdImportJobHandlers(services: Services): JobHandler[] {
  const { db } = services;

  /** Marks an import that never committed as failed; true when it was one (a committed import is left as it is). */
  async function failIfUncommitted(importId: string, message: string): Promise<boolean> {
    const marked = await db
      .update(householdImports)
      .set({ status: 'failed', message, finishedAt: services.clock.now() })
      .where(and(eq(householdImports.id, importId), inArray(householdImports.status, UNCOMMITTED)))
      .returning({ id: householdImports.id });
    return marked.length > 0;
  }

  async function runImport(job: JobRow, io: JobIo) {
    const importId = importIdOf(job);
    const [row] = await db.select({ imp: householdImports, org: orgs }).from(householdImports).innerJoin(orgs, eq(orgs.id, householdImports.orgId)).where(eq(householdImports.id, importId));
    if (!row || row.imp.status !== 'queued') return;
    try {
      // The starter acts with the roles they hold now: a job must not outlive a disabled account or a lost role.
      const actor = await loadActiveActor(db, job.createdBy);
      const mayImport = actor?.permissions.has('household.import') && (!row.imp.asArchived || actor.permissions.has('household.review')) && pathInScope(actor, row.org.path);
      if (!actor || !mayImport) throw new JobFailure('导入人的账号已停用或已无导入权限，导入未执行');
      if (!row.org.active) throw new JobFailure('该组织已停用，导入未执行');
      const buffer = await io.input();
      if (!buffer) throw new JobFailure('导入文件已不在，请重新上传');
      await db.update(householdImports).set({ status: 'validating' }).where(eq(householdImports.id, importId));
      const ctx = { ...services, actor, requestId: `job:${job.id}` };
      const result = await importHouseholds({
        ctx,
        org: row.org,
        importId,
        buffer,
        filename: row.imp.filename,
        asArchived: row.imp.asArchived,
        onProgress: (p) => io.progress({ ...p }),
        signal: io.signal,
        giveWay: io.giveWay,
        stillHeld: (tx: Tx) => stillHoldsJob(tx, job.id, io.instanceId),
      });
      if (!result.ok) {
        await db
          .update(householdImports)
          .set({ status: 'failed', totalRows: result.rowsRead, processedRows: result.rowsRead, errorCount: result.errors.length, errors: maskImportErrors(result.errors.slice(0, MAX_STORED_ERRORS)), finishedAt: services.clock.now() })
          .where(eq(householdImports.id, importId));
        throw new JobFailure(`文件有 ${result.errors.length} 处错误，未写入任何数据，请下载错误报告修正后重新导入`);
      }
    } catch (err) {
      if (err instanceof ImportNoLongerHeld) return; // another instance took the job over and cleans up
      await failIfUncommitted(importId, err instanceof JobFailure ? err.message : '导入因意外错误停止，未写入任何数据；请稍后重试，或把导入编号告诉管理员');
      throw err;
    }
  }

  return [
    {
      kind: IMPORT_JOB,
      run: runImport,
      async recover(job) {
        if (await failIfUncommitted(importIdOf(job), INTERRUPTED_REASON)) await enqueueCleanup(db, job, services.clock.now());
      },
      async cancelled(tx, job) {
        await tx
          .update(householdImports)
          .set({ status: 'cancelled', message: '导入在排队时被取消', finishedAt: services.clock.now() })
          .where(eq(householdImports.id, importIdOf(job)));
      },
    },
    {
      kind: IMPORT_CLEANUP_JOB,
      async run(job, io) {
        const importId = importIdOf(job);
        const [imp] = await db.select({ status: householdImports.status }).from(householdImports).where(eq(householdImports.id, importId));
        // Only what never committed is removed; an approved or succeeded import is the archive's.
        if (!imp || !['failed', 'rejected', 'cancelled'].includes(imp.status)) return;
        const removed = await removeStagedHouseholds(db, importId, io.giveWay);
        io.progress({ removed });
      },
    },
  ];
}

/** Queues the removal of what an uncommitted import wrote (after a crash, or a rejected archive import). */
export async function enqueueCleanup(db: Services['db'] | Tx, job: Pick<JobRow, 'orgId' | 'createdBy' | 'payload'>, now: Date) {
  await enqueueJob(db, {
    kind: IMPORT_CLEANUP_JOB,
    orgId: job.orgId,
    createdBy: job.createdBy,
    createdAt: now,
    payload: { importId: job.payload.importId },
    concurrencyKey: importConcurrencyKey(job.orgId),
  });
}
