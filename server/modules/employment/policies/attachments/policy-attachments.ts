import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PolicyAttachmentDto } from '../../../../../contracts/policies.js';
import type { DbOrTx } from '../../../../db/client.js';
import { policyAttachments, users } from '../../../../db/schema/index.js';
import { presentAttachment, readStoredAttachment } from '../../../../platform/attachments.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import type { FileStore } from '../../../../platform/file-store.js';
import { getArticleInScope, getPublishedArticle } from '../policies.queries.js';

export type PolicyAttachmentRow = typeof policyAttachments.$inferSelect;

/** A kept (not deleted) attachment of this article, or NOT_FOUND. */
export async function getPolicyAttachment(db: DbOrTx, articleId: string, attachmentId: string, opts: { forUpdate?: boolean } = {}): Promise<PolicyAttachmentRow> {
  const query = db
    .select()
    .from(policyAttachments)
    .where(and(eq(policyAttachments.id, attachmentId), eq(policyAttachments.articleId, articleId), isNull(policyAttachments.deletedAt)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('attachment');
  return row;
}

/** The kept attachments of an article, oldest first. */
export async function keptAttachments(db: DbOrTx, articleId: string) {
  return db
    .select({ f: policyAttachments, uploaderName: users.displayName })
    .from(policyAttachments)
    .leftJoin(users, eq(users.id, policyAttachments.uploadedBy))
    .where(and(eq(policyAttachments.articleId, articleId), isNull(policyAttachments.deletedAt)))
    .orderBy(asc(policyAttachments.uploadedAt), asc(policyAttachments.id));
}

/** An attachment as the public sees it: no hash, no uploader. */
export function presentPublicAttachment(f: PolicyAttachmentRow): PolicyAttachmentDto {
  return { id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() };
}

/** `GET /api/policies/:id/attachments`: for staff, in any state of the article. */
export async function listPolicyAttachments({ ctx, articleId }: { ctx: Ctx; articleId: string }) {
  const actor = await authorize(ctx, 'policy.publish');
  const a = await getArticleInScope(ctx.db, actor, articleId);
  return { items: (await keptAttachments(ctx.db, a.id)).map((r) => presentAttachment(r.f, r.uploaderName)) };
}

/** `GET /api/policies/:id/attachments/:attachmentId/content`: staff download, checked against the hash. */
export async function readPolicyAttachment({ ctx, store, articleId, attachmentId }: { ctx: Ctx; store: FileStore; articleId: string; attachmentId: string }) {
  const actor = await authorize(ctx, 'policy.publish');
  const a = await getArticleInScope(ctx.db, actor, articleId);
  const f = await getPolicyAttachment(ctx.db, a.id, attachmentId);
  const bytes = await readStoredAttachment(store, f, () =>
    audit(ctx.db, ctx, 'policy.download_attachment', { objectType: 'policy_article', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, outcome: 'failure', details: { attachmentId: f.id, problem: 'file_missing' } }),
  );
  return { attachment: f, bytes };
}

/**
 * `GET /api/public/policies/:id/attachments/:attachmentId/content`: anyone may download the attachments
 * of a published article (public documents, not audited); a draft's or withdrawn article's are 404.
 */
export async function readPublicPolicyAttachment({ db, store, articleId, attachmentId }: { db: DbOrTx; store: FileStore; articleId: string; attachmentId: string }) {
  const a = await getPublishedArticle(db, articleId);
  const f = await getPolicyAttachment(db, a.id, attachmentId);
  const bytes = await readStoredAttachment(store, f, async () => undefined);
  return { attachment: f, bytes };
}
