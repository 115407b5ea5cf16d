import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { householdAttachments, users } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { presentAttachment, readStoredAttachment } from '../../../platform/attachments.js';
import { notFound, validation } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/file-store.js';
import { getHouseholdInScope } from '../households.queries.js';

export type AttachmentRow = typeof householdAttachments.$inferSelect;

/** A kept (not deleted) attachment of this household, or NOT_FOUND. */
export async function getAttachment(db: DbOrTx, householdId: string, attachmentId: string, opts: { forUpdate?: boolean } = {}): Promise<AttachmentRow> {
  const query = db
    .select()
    .from(householdAttachments)
    .where(and(eq(householdAttachments.id, attachmentId), eq(householdAttachments.householdId, householdId), isNull(householdAttachments.deletedAt)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('attachment');
  return row;
}

/** `GET /api/households/:id/attachments`: the kept attachments, oldest first. */
export async function listHouseholdAttachments({ ctx, householdId }: { ctx: Ctx; householdId: string }) {
  const actor = await authorize(ctx, 'household.read');
  const h = await getHouseholdInScope(ctx.db, actor, householdId);
  const rows = await ctx.db
    .select({ a: householdAttachments, uploaderName: users.displayName })
    .from(householdAttachments)
    .leftJoin(users, eq(users.id, householdAttachments.uploadedBy))
    .where(and(eq(householdAttachments.householdId, h.id), isNull(householdAttachments.deletedAt)))
    .orderBy(asc(householdAttachments.uploadedAt), asc(householdAttachments.id));
  return { items: rows.map((r) => presentAttachment(r.a, r.uploaderName)) };
}

/**
 * `GET …/attachments/:attachmentId/content`: the bytes, checked against the stored hash; each download
 * is audited. An ID scan shows the full ID number, so it follows the reveal rule: household.reveal
 * and a reason, kept in the audit entry.
 */
export async function readHouseholdAttachment({
  ctx,
  store,
  householdId,
  attachmentId,
  reason,
}: {
  ctx: Ctx;
  store: FileStore;
  householdId: string;
  attachmentId: string;
  reason?: string;
}) {
  const actor = await authorize(ctx, 'household.read');
  const h = await getHouseholdInScope(ctx.db, actor, householdId);
  const a = await getAttachment(ctx.db, h.id, attachmentId);
  if (a.kind === 'id_proof') {
    await authorize(ctx, 'household.reveal');
    if (!reason) throw validation([{ field: 'querystring.reason', message: 'an ID document is downloaded with a reason, like revealing the number' }]);
  }
  const bytes = await readStoredAttachment(store, a, () =>
    audit(ctx.db, ctx, 'household.attachment_download', {
      objectType: 'household',
      objectId: h.id,
      orgId: h.orgId,
      orgPath: h.orgPath,
      outcome: 'failure',
      details: { attachmentId: a.id, kind: a.kind, reason: reason ?? null, problem: 'file_missing' },
    }),
  );
  await audit(ctx.db, ctx, 'household.attachment_download', {
    objectType: 'household',
    objectId: h.id,
    orgId: h.orgId,
    orgPath: h.orgPath,
    details: { attachmentId: a.id, kind: a.kind, sizeBytes: a.sizeBytes, reason: reason ?? null },
  });
  return { attachment: a, bytes };
}
