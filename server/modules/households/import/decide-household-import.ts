import { eq } from 'drizzle-orm';
import { householdImports } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { enqueueCleanup } from './household-import-job-handlers.js';
import { findImportInScope } from './household-import-jobs.js';

/**
 * The second person of an archive import (households filed straight into the archive with no check,
 * visit, notice or review): a reviewer other than the importer approves, and only then do the rows
 * count as archived; or rejects, and what the import wrote is removed. The decision is recorded on
 * the import and in the audit log.
 */
export async function decideHouseholdImport({ ctx, id, approve, reason }: { ctx: Ctx; id: string; approve: boolean; reason?: string }) {
  const actor = await authorize(ctx, 'household.review');
  const result = await ctx.db.transaction(async (tx) => {
    const row = await findImportInScope(tx, actor, id, { forUpdate: true });
    const { imp } = row;
    if (imp.status !== 'awaiting_approval') throw conflict('import_not_awaiting_approval', 'this import is not awaiting approval', { status: imp.status });
    if (imp.createdBy === actor.userId)
      throw new AppError('FORBIDDEN', 'the importer cannot approve their own archive import', { reason: 'maker_checker' });
    const now = ctx.clock.now();
    await tx
      .update(householdImports)
      .set({ status: approve ? 'succeeded' : 'rejected', decidedBy: actor.userId, decidedAt: now, decisionReason: reason ?? null })
      .where(eq(householdImports.id, id));
    const entry = { objectType: 'household_import', objectId: id, orgId: imp.orgId, orgPath: row.orgPath };
    await audit(tx, ctx, approve ? 'household_import.approve' : 'household_import.reject', { ...entry, details: { households: imp.importedHouseholds, reason: reason ?? null, importedBy: imp.createdBy } });
    if (approve) await audit(tx, ctx, 'household.import', { ...entry, details: { filename: imp.filename, households: imp.importedHouseholds, members: imp.importedMembers, asArchived: true, approvedBy: actor.userId } });
    else await enqueueCleanup(tx, { orgId: imp.orgId, createdBy: actor.userId, payload: { importId: id } }, now);
    return { id, status: approve ? 'succeeded' : 'rejected' };
  });
  if (!approve) ctx.jobs?.kick();
  return result;
}
