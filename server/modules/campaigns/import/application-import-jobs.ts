import { eq } from 'drizzle-orm';
import type { ApplicationImportDto, ApplicationImportStatus } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { applicationImports, backgroundJobs, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, pathInScope } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict, notFound, preconditionFailed, validation } from '../../../platform/errors.js';
import { importErrorReportXlsx } from '../../../platform/import-error-report.js';
import { enqueueJob, queuePosition } from '../../../platform/jobs/job-queries.js';
import { assertXlsxWithinBounds } from '../../../platform/xlsx-bounds.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { assertAcceptingApplications } from '../applications/campaign-window.js';
import { getCampaignInScope, listParticipants, participantFor, type CampaignWithProgram } from '../campaigns.queries.js';

export const APPLICATION_IMPORT_JOB = 'application_import';
/** One application import of an org runs at a time. */
export const applicationImportConcurrencyKey = (orgId: string) => `application_import:${orgId}`;
/** Errors kept with an import (the report says how many more there were). */
export const MAX_STORED_ERRORS = 10_000;

/** The campaign takes applications now and the org takes part in it: checked at upload and again when the job starts. */
export function assertImportTarget(campaign: CampaignWithProgram, participantPaths: Awaited<ReturnType<typeof listParticipants>>, orgPath: string, today: string) {
  assertAcceptingApplications(campaign, today);
  if (!participantFor(participantPaths, orgPath)) throw preconditionFailed('not_participant', 'the org does not take part in this campaign', { field: 'orgId' });
}

/**
 * `POST /api/application-imports?campaignId=…&orgId=…&filename=…` with the .xlsx as the raw body:
 * checks permission, org and campaign first (404 outside the actor's view), refuses a file past the
 * upload bounds before anything is queued, then keeps the workbook encrypted in the job runner's
 * input store and queues the import; answers at once (202) with its id and job.
 */
export async function startApplicationImport({ ctx, campaignId, orgId, filename, buffer }: { ctx: Ctx; campaignId: string | undefined; orgId: string; filename: string; buffer: Buffer }) {
  const actor = await authorize(ctx, 'application.import');
  // The org first, so an org outside the actor's subtree answers 404 whatever else the request says.
  const org = await getOrgInScope(ctx.db, actor, orgId);
  if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
  if (!campaignId) throw validation([{ field: 'querystring.campaignId', message: 'name the campaign the applications are for' }]);
  const campaign = await getCampaignInScope(ctx.db, actor, campaignId);
  assertImportTarget(campaign, await listParticipants(ctx.db, campaign.id), org.path, chinaDate(ctx.clock.now()));
  // Refused here, before anything is queued: not a workbook (400), or past a limit it names (413).
  await assertXlsxWithinBounds(buffer);
  if (!ctx.jobs) throw new Error('imports need the job runner');
  const now = ctx.clock.now();
  const inputFileKey = await ctx.jobs.putInput(buffer);
  const created = await ctx.db
    .transaction(async (tx) => {
      const [imp] = await tx
        .insert(applicationImports)
        .values({ campaignId: campaign.id, orgId: org.id, filename: filename.slice(0, 200), status: 'queued', createdBy: actor.userId, createdAt: now })
        .returning();
      const job = await enqueueJob(tx, {
        kind: APPLICATION_IMPORT_JOB,
        orgId: org.id,
        createdBy: actor.userId,
        createdAt: now,
        payload: { importId: imp.id },
        concurrencyKey: applicationImportConcurrencyKey(org.id),
        inputFileKey,
      });
      await tx.update(applicationImports).set({ jobId: job.id }).where(eq(applicationImports.id, imp.id));
      await audit(tx, ctx, 'application_import.start', {
        objectType: 'application_import',
        objectId: imp.id,
        orgId: org.id,
        orgPath: org.path,
        details: { campaignId: campaign.id, filename: imp.filename, bytes: buffer.length },
      });
      return { id: imp.id, status: imp.status, jobId: job.id };
    })
    .catch(async (err: unknown) => {
      await ctx.jobs!.removeInput(inputFileKey);
      throw err;
    });
  ctx.jobs.kick();
  return created;
}

/** An import whose org is in the actor's subtree, with its job and org, or NOT_FOUND. */
export async function findApplicationImportInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ imp: applicationImports, orgPath: orgs.path, orgName: orgs.name, job: backgroundJobs })
    .from(applicationImports)
    .innerJoin(orgs, eq(orgs.id, applicationImports.orgId))
    .leftJoin(backgroundJobs, eq(backgroundJobs.id, applicationImports.jobId))
    .where(eq(applicationImports.id, id));
  if (!row || !pathInScope(actor, row.orgPath)) throw notFound('import');
  return row;
}

/** `GET /api/application-imports/:id`: status, its job's place and progress, counts and the (masked) errors. */
export async function getApplicationImport({ ctx, id }: { ctx: Ctx; id: string }): Promise<ApplicationImportDto> {
  const actor = await authorize(ctx, 'application.import');
  const { imp, orgName, job } = await findApplicationImportInScope(ctx.db, actor, id);
  const running = job?.state === 'running' || job?.state === 'queued';
  return {
    id: imp.id,
    campaignId: imp.campaignId,
    orgId: imp.orgId,
    orgName,
    filename: imp.filename,
    status: imp.status as ApplicationImportStatus,
    jobId: imp.jobId,
    jobState: job?.state ?? null,
    queuePosition: job ? await queuePosition(ctx.db, job) : null,
    progress: running && job && Object.keys(job.progress).length ? (job.progress as ApplicationImportDto['progress']) : null,
    totalRows: imp.totalRows,
    importedApplications: imp.importedApplications,
    errorCount: imp.errorCount,
    errors: imp.errors.slice(0, 200),
    message: imp.message ?? (imp.status === 'failed' ? (job?.error ?? null) : null),
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt?.toISOString() ?? null,
  };
}

/** `GET /api/application-imports/:id/errors.xlsx`: every bad cell (masked), in Chinese. */
export async function buildApplicationImportErrorReport({ ctx, id }: { ctx: Ctx; id: string }): Promise<Buffer> {
  const actor = await authorize(ctx, 'application.import');
  const { imp } = await findApplicationImportInScope(ctx.db, actor, id);
  return importErrorReportXlsx(imp.errors, imp.errorCount);
}
