import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { DeleteApplicationAttachmentInput } from '../../../../../contracts/campaigns.js';
import { applicationAttachments } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { appendApplicationEvent } from '../application-events.js';
import { assertStatus } from '../applications.policy.js';
import { getApplicationInScope } from '../applications.queries.js';
import { getApplicationAttachment } from './application-attachments.js';

/**
 * `DELETE /api/applications/:id/attachments/:attachmentId { reason }`, only while the application is a
 * draft (once submitted, what the checkers saw stays): marks the document deleted (who, when, why);
 * the row and the encrypted file are kept for the record.
 */
export async function deleteApplicationAttachment({ ctx, applicationId, attachmentId, input: { reason } }: { ctx: Ctx; applicationId: string; attachmentId: string; input: z.infer<typeof DeleteApplicationAttachmentInput> }) {
  const actor = await authorize(ctx, 'application.submit');
  return ctx.db.transaction(async (tx) => {
    const app = await getApplicationInScope(tx, actor, applicationId, { forUpdate: true });
    const f = await getApplicationAttachment(tx, app.id, attachmentId, { forUpdate: true });
    assertStatus(app.status, ['draft'], 'delete documents of');
    await tx.update(applicationAttachments).set({ deletedAt: ctx.clock.now(), deletedBy: actor.userId, deleteReason: reason }).where(eq(applicationAttachments.id, f.id));
    await appendApplicationEvent(tx, ctx, app.id, 'attachment_delete', { reason, details: { attachmentId: f.id, kind: f.kind, fileName: f.fileName } });
    await audit(tx, ctx, 'application.delete_attachment', {
      objectType: 'application',
      objectId: app.id,
      orgId: app.orgId,
      orgPath: app.orgPath,
      details: { attachmentId: f.id, kind: f.kind, reason },
    });
    return { id: f.id, deleted: true };
  });
}
