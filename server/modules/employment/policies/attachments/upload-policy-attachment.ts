import type { z } from 'zod';
import { and, count, eq, isNull } from 'drizzle-orm';
import { POLICY_ATTACHMENT_MAX, type PolicyAttachmentUploadQuery } from '../../../../../contracts/policies.js';
import { policyAttachments, users } from '../../../../db/schema/index.js';
import { acceptUpload, presentAttachment, storeUpload } from '../../../../platform/attachments.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { preconditionFailed } from '../../../../platform/errors.js';
import type { FileStore } from '../../../../platform/file-store.js';
import { getArticleInScope } from '../policies.queries.js';

/**
 * `POST /api/policies/:id/attachments?fileName=…` with the file as the raw body (the policy's PDF, a
 * scan, a Word form to fill in): the type is detected from the bytes; the file is stored encrypted
 * first and recorded in one short transaction, removed again if that fails.
 */
export async function uploadPolicyAttachment({ ctx, store, articleId, query: q, body }: { ctx: Ctx; store: FileStore; articleId: string; query: z.infer<typeof PolicyAttachmentUploadQuery>; body: unknown }) {
  const actor = await authorize(ctx, 'policy.publish');
  await getArticleInScope(ctx.db, actor, articleId);
  const upload = acceptUpload(body, q.fileName);
  return storeUpload(store, upload, (storageKey) =>
    ctx.db.transaction(async (tx) => {
      const a = await getArticleInScope(tx, actor, articleId, { forUpdate: true });
      const [{ kept }] = await tx
        .select({ kept: count() })
        .from(policyAttachments)
        .where(and(eq(policyAttachments.articleId, a.id), isNull(policyAttachments.deletedAt)));
      if (kept >= POLICY_ATTACHMENT_MAX) throw preconditionFailed('attachment_limit', `an article keeps at most ${POLICY_ATTACHMENT_MAX} attachments`, { max: POLICY_ATTACHMENT_MAX });
      const { fileName, sha256, type, bytes } = upload;
      const [row] = await tx
        .insert(policyAttachments)
        .values({ articleId: a.id, fileName, mimeType: type.mime, sizeBytes: bytes.length, sha256, storageKey, uploadedBy: actor.userId, uploadedAt: ctx.clock.now() })
        .returning();
      await audit(tx, ctx, 'policy.upload_attachment', {
        objectType: 'policy_article',
        objectId: a.id,
        orgId: a.orgId,
        orgPath: a.orgPath,
        details: { attachmentId: row.id, fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 },
      });
      const [uploader] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
      return presentAttachment(row, uploader?.name ?? actor.username);
    }),
  );
}
