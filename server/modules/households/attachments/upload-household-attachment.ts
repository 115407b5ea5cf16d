import type { z } from 'zod';
import { and, count, eq, isNull } from 'drizzle-orm';
import { ATTACHMENT_MAX_PER_HOUSEHOLD, ATTACHMENT_TYPES, type AttachmentUploadQuery } from '../../../../contracts/households.js';
import { householdAttachments, users } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, preconditionFailed, validation } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/file-store.js';
import { sniffFileType } from '../../../platform/file-type.js';
import { appendHouseholdEvent } from '../household-events.js';
import { cleanFileName, presentAttachment, sha256Hex } from './household-attachments.js';
import { getHouseholdInScope } from '../households.queries.js';

const ACCEPTED = Object.keys(ATTACHMENT_TYPES).join(', ');

/**
 * `POST /api/households/:id/attachments?kind=…&fileName=…` with the file as the raw body. The type is
 * detected from the bytes; the file is encrypted and written to the store first, then recorded in
 * one short transaction — if that fails the file is removed again, so a refused upload leaves nothing.
 */
export async function uploadHouseholdAttachment({ ctx, store, householdId, query: q, body }: { ctx: Ctx; store: FileStore; householdId: string; query: z.infer<typeof AttachmentUploadQuery>; body: unknown }) {
  const actor = await authorize(ctx, 'household.update');
  // The query is checked by the route's schema and the size by its body limit (413 naming the limit).
  await getHouseholdInScope(ctx.db, actor, householdId);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) throw validation([{ field: 'body', message: 'the file is empty (send its bytes as the request body)' }]);
  const type = sniffFileType(bytes);
  if (!type)
    throw new AppError('VALIDATION', `the file content is not an accepted type (${ACCEPTED})`, {
      reason: 'file_type',
      issues: [{ field: 'body', message: `content is not one of ${ACCEPTED}, whatever its name or declared type` }],
    });
  const fileName = cleanFileName(q.fileName, type.ext);
  const sha256 = sha256Hex(bytes);

  // Written before the transaction: PGlite has one connection, and a transaction held open across disk writes would stall everyone.
  const storageKey = await store.put(bytes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const h = await getHouseholdInScope(tx, actor, householdId, { forUpdate: true });
      const [{ kept }] = await tx
        .select({ kept: count() })
        .from(householdAttachments)
        .where(and(eq(householdAttachments.householdId, h.id), isNull(householdAttachments.deletedAt)));
      if (kept >= ATTACHMENT_MAX_PER_HOUSEHOLD)
        throw preconditionFailed('attachment_limit', `a household keeps at most ${ATTACHMENT_MAX_PER_HOUSEHOLD} attachments`, { max: ATTACHMENT_MAX_PER_HOUSEHOLD });
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
    });
  } catch (err) {
    await store.remove(storageKey);
    throw err;
  }
}
