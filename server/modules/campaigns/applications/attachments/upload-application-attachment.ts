import type { z } from 'zod';
import { and, count, eq, isNull } from 'drizzle-orm';
import { APPLICATION_ATTACHMENT_MAX, ATTACHABLE_APPLICATION_STATUSES, type ApplicationAttachmentUploadQuery } from '../../../../../contracts/campaigns.js';
import { applicationAttachments, users } from '../../../../db/schema/index.js';
import { acceptUpload, presentAttachment, storeUpload } from '../../../../platform/attachments.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { preconditionFailed } from '../../../../platform/errors.js';
import type { FileStore } from '../../../../platform/file-store.js';
import { appendApplicationEvent } from '../application-events.js';
import { assertStatus } from '../applications.policy.js';
import { getApplicationInScope } from '../applications.queries.js';

/**
 * `POST /api/applications/:id/attachments?kind=…&fileName=…` with the file as the raw body (录取通知书,
 * 缴费凭证, 困难证明, 入户照片): accepted from the draft until the public notice ends. The type is
 * detected from the bytes; the file is stored encrypted first and recorded in one short transaction,
 * removed again if that fails.
 */
export async function uploadApplicationAttachment({ ctx, store, applicationId, query: q, body }: { ctx: Ctx; store: FileStore; applicationId: string; query: z.infer<typeof ApplicationAttachmentUploadQuery>; body: unknown }) {
  const actor = await authorize(ctx, 'application.submit');
  // Checked before the bytes are even looked at; checked again, locked, in the transaction.
  assertStatus((await getApplicationInScope(ctx.db, actor, applicationId)).status, ATTACHABLE_APPLICATION_STATUSES, 'attach documents to');
  const upload = acceptUpload(body, q.fileName);
  return storeUpload(store, upload, (storageKey) =>
    ctx.db.transaction(async (tx) => {
      const app = await getApplicationInScope(tx, actor, applicationId, { forUpdate: true });
      assertStatus(app.status, ATTACHABLE_APPLICATION_STATUSES, 'attach documents to');
      const [{ kept }] = await tx
        .select({ kept: count() })
        .from(applicationAttachments)
        .where(and(eq(applicationAttachments.applicationId, app.id), isNull(applicationAttachments.deletedAt)));
      if (kept >= APPLICATION_ATTACHMENT_MAX)
        throw preconditionFailed('attachment_limit', `an application keeps at most ${APPLICATION_ATTACHMENT_MAX} documents`, { max: APPLICATION_ATTACHMENT_MAX });
      const { fileName, sha256, type, bytes } = upload;
      const [row] = await tx
        .insert(applicationAttachments)
        .values({ applicationId: app.id, kind: q.kind, fileName, mimeType: type.mime, sizeBytes: bytes.length, sha256, storageKey, uploadedBy: actor.userId, uploadedAt: ctx.clock.now() })
        .returning();
      await appendApplicationEvent(tx, ctx, app.id, 'attachment_add', { details: { attachmentId: row.id, kind: row.kind, fileName } });
      await audit(tx, ctx, 'application.upload_attachment', {
        objectType: 'application',
        objectId: app.id,
        orgId: app.orgId,
        orgPath: app.orgPath,
        details: { attachmentId: row.id, kind: row.kind, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 },
      });
      const [uploader] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
      return presentAttachment(row, uploader?.name ?? actor.username);
    }),
  );
}
