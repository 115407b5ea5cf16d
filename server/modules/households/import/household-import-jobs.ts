import { eq } from 'drizzle-orm';
import { backgroundJobs, householdImports, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, pathInScope } from '../../../platform/authz.js';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { importErrorReportXlsx } from '../../../platform/import-error-report.js';
import { enqueueJob, queuePosition } from '../../../platform/jobs/job-queries.js';
import { assertXlsxWithinBounds } from '../../../platform/xlsx-bounds.js';
import { authorizeImport } from './import-households.js';

export const IMPORT_JOB = 'household_import';
export const IMPORT_CLEANUP_JOB = 'household_import_cleanup';
/** One import of an org runs at a time; its cleanup shares the key, so a re-import waits for it. */
export const importConcurrencyKey = (orgId: string) => `household_import:${orgId}`;

/**
 * Queues an import on the job runner and answers at once with its id; the page polls the import for
 * its place in the queue, progress and outcome, and downloads the error report when it fails. The
 * workbook waits encrypted in the job runner's input store (an instance sharing the data may run it).
 */
export async function startHouseholdImport({ ctx, orgId, asArchived, filename, buffer }: { ctx: Ctx; orgId: string; asArchived: boolean; filename: string; buffer: Buffer }) {
  const org = await authorizeImport(ctx, orgId, asArchived);
  // Refused here, before anything is queued: not a workbook (400), or past a limit it names (413; decision 008).
  await assertXlsxWithinBounds(buffer);
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  if (!ctx.jobs) throw new Error('imports need the job runner');
  const inputFileKey = await ctx.jobs.putInput(buffer);
  const created = await ctx.db.transaction(async (tx) => {
    const [imp] = await tx
      .insert(householdImports)
      .values({ orgId: org.id, filename: filename.slice(0, 200), status: 'queued', asArchived, createdBy: actor.userId, createdAt: now })
      .returning();
    const job = await enqueueJob(tx, {
      kind: IMPORT_JOB,
      orgId: org.id,
      createdBy: actor.userId,
      createdAt: now,
      payload: { importId: imp.id },
      concurrencyKey: importConcurrencyKey(org.id),
      inputFileKey,
    });
    await tx.update(householdImports).set({ jobId: job.id }).where(eq(householdImports.id, imp.id));
    await audit(tx, ctx, 'household_import.start', { objectType: 'household_import', objectId: imp.id, orgId: org.id, orgPath: org.path, details: { filename: imp.filename, asArchived, bytes: buffer.length } });
    return imp;
  }).catch(async (err: unknown) => {
    await ctx.jobs!.removeInput(inputFileKey);
    throw err;
  });
  ctx.jobs.kick();
  return { id: created.id, status: created.status };
}

/** Who sees imports: importers, and the reviewers who approve archive imports. */
export const authorizeImportViewer = (ctx: Ctx) => authorize(ctx, ctx.actor?.permissions.has('household.review') ? 'household.review' : 'household.import');

/** An import in the actor's subtree with its job, or NOT_FOUND; `forUpdate` locks the import's row (in a transaction). */
export async function findImportInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ imp: householdImports, orgPath: orgs.path, orgName: orgs.name, job: backgroundJobs })
    .from(householdImports)
    .innerJoin(orgs, eq(orgs.id, householdImports.orgId))
    .leftJoin(backgroundJobs, eq(backgroundJobs.id, householdImports.jobId))
    .where(eq(householdImports.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: householdImports }) : await query;
  if (!row || !pathInScope(actor, row.orgPath)) throw notFound('import');
  return row;
}

export async function getImportInScope(ctx: Ctx, id: string) {
  return findImportInScope(ctx.db, await authorizeImportViewer(ctx), id);
}

export async function getHouseholdImport({ ctx, id }: { ctx: Ctx; id: string }) {
  const { imp, orgName, job } = await getImportInScope(ctx, id);
  const { errors, ...rest } = imp;
  const running = job?.state === 'running' || job?.state === 'queued';
  return {
    ...rest,
    orgName,
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt?.toISOString() ?? null,
    decidedAt: imp.decidedAt?.toISOString() ?? null,
    message: imp.message ?? (imp.status === 'failed' ? job?.error ?? null : null),
    jobState: job?.state ?? null,
    queuePosition: job ? await queuePosition(ctx.db, job) : null,
    progress: running && job && Object.keys(job.progress).length ? job.progress : null,
    errorsPreview: errors.slice(0, 50),
  };
}

/** The error report: one line per bad cell (sheet, row, column, value, reason), in Chinese. */
export async function buildImportErrorReport({ ctx, id }: { ctx: Ctx; id: string }): Promise<Buffer> {
  const { imp } = await getImportInScope(ctx, id);
  return importErrorReportXlsx(imp.errors, imp.errorCount);
}
