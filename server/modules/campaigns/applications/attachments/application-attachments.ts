import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/client.js';
import { applicationAttachments, users } from '../../../../db/schema/index.js';
import { presentAttachment, readStoredAttachment } from '../../../../platform/attachments.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import type { FileStore } from '../../../../platform/file-store.js';
import { getApplicationInScope } from '../applications.queries.js';

export type ApplicationAttachmentRow = typeof applicationAttachments.$inferSelect;

/** A kept (not deleted) document of this application, or NOT_FOUND. */
export async function getApplicationAttachment(db: DbOrTx, applicationId: string, attachmentId: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationAttachmentRow> {
  const query = db
    .select()
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, applicationId), isNull(applicationAttachments.deletedAt)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('attachment');
  return row;
}

/** `GET /api/applications/:id/attachments`: the kept documents, oldest first. */
export async function listApplicationAttachments({ ctx, applicationId }: { ctx: Ctx; applicationId: string }) {
  const actor = await authorize(ctx, 'application.read');
  const a = await getApplicationInScope(ctx.db, actor, applicationId);
  const rows = await ctx.db
    .select({ f: applicationAttachments, uploaderName: users.displayName })
    .from(applicationAttachments)
    .leftJoin(users, eq(users.id, applicationAttachments.uploadedBy))
    .where(and(eq(applicationAttachments.applicationId, a.id), isNull(applicationAttachments.deletedAt)))
    .orderBy(asc(applicationAttachments.uploadedAt), asc(applicationAttachments.id));
  return { items: rows.map((r) => presentAttachment(r.f, r.uploaderName)) };
}

/** `GET …/attachments/:attachmentId/content`: the bytes, checked against the stored hash; each download is audited. */
export async function readApplicationAttachment({ ctx, store, applicationId, attachmentId }: { ctx: Ctx; store: FileStore; applicationId: string; attachmentId: string }) {
  const actor = await authorize(ctx, 'application.read');
  const app = await getApplicationInScope(ctx.db, actor, applicationId);
  const f = await getApplicationAttachment(ctx.db, app.id, attachmentId);
  const entry = { objectType: 'application', objectId: app.id, orgId: app.orgId, orgPath: app.orgPath };
  const bytes = await readStoredAttachment(store, f, () =>
    audit(ctx.db, ctx, 'application.download_attachment', { ...entry, outcome: 'failure', details: { attachmentId: f.id, kind: f.kind, problem: 'file_missing' } }),
  );
  await audit(ctx.db, ctx, 'application.download_attachment', { ...entry, details: { attachmentId: f.id, kind: f.kind, sizeBytes: f.sizeBytes } });
  return { attachment: f, bytes };
}
