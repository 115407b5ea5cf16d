import type { z } from 'zod';
import { and, count, eq, isNull } from 'drizzle-orm';
import { ATTACHMENT_MAX_PER_HOUSEHOLD, type AttachmentUploadQuery } from '../../../../contracts/households.js';
import { householdAttachments, users } from '../../../db/schema/index.js';
import { acceptUpload, presentAttachment, storeUpload } from '../../../platform/attachments.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { preconditionFailed } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/file-store.js';
import { appendHouseholdEvent } from '../household-events.js';
import { getHouseholdInScope } from '../households.queries.js';

/**
 * `POST /api/households/:id/attachments?kind=…&fileName=…` with the file as the raw body. The type is
 * detected from the bytes; the file is encrypted and written to the store first, then recorded in
 * one short transaction — if that fails the file is removed again, so a refused upload leaves nothing.
 */
export async function uploadHouseholdAttachment({ ctx, store, householdId, query: q, body }: { ctx: Ctx; store: FileStore; householdId: string; query: z.infer<typeof AttachmentUploadQuery>; body: unknown }) {
  const actor = await authorize(ctx, 'household.update');
  // The query is checked by the route's schema and the size by its body limit (413 naming the limit).
  await getHouseholdInScope(ctx.db, actor, householdId);
  const upload = acceptUpload(body, q.fileName);
  return storeUpload(store, upload, (storageKey) =>
    ctx.db.transaction(async (tx) => {
      const h = await getHouseholdInScope(tx, actor, householdId, { forUpdate: true });
      const [{ kept }] = await tx
        .select({ kept: count() })
        .from(householdAttachments)
        .where(and(eq(householdAttachments.householdId, h.id), isNull(householdAttachments.deletedAt)));
      if (kept >= ATTACHMENT_MAX_PER_HOUSEHOLD)
        throw preconditionFailed('attachment_limit', `a household keeps at most ${ATTACHMENT_MAX_PER_HOUSEHOLD} attachments`, { max: ATTACHMENT_MAX_PER_HOUSEHOLD });
      const { fileName, sha256, type, bytes } = upload;
      const [row] = await tx
        .insert(householdAttachments)
        .values({ householdId: h.id, kind: q.kind, fileName, mimeType: type.mime, sizeBytes: bytes.length, sha256, storageKey, uploadedBy: actor.userId, uploadedAt: ctx.clock.now() })
        .returning();
      await appendHouseholdEvent(tx, ctx, h.id, 'attachment_add', { details: { attachmentId: row.id, kind: row.kind, fileName } });
      await audit(tx, ctx, 'household.attachment_upload', {
        objectType: 'household',
        objectId: h.id,
        orgId: h.orgId,
        orgPath: h.orgPath,
        details: { attachmentId: row.id, kind: row.kind, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256 },
      });
      const [uploader] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
      return presentAttachment(row, uploader?.name ?? actor.username);
    }),
  );
}
