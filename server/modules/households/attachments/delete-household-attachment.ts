import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { ReasonInput } from '../../../../contracts/households.js';
import { householdAttachments } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { appendHouseholdEvent } from '../household-events.js';
import { getAttachment } from './household-attachments.js';
import { getHouseholdInScope } from '../households.queries.js';

/**
 * `DELETE /api/households/:id/attachments/:attachmentId { reason }`: marks the attachment deleted
 * (who, when, why). It leaves the list and can no longer be downloaded; the row and the encrypted
 * file are kept for the record.
 */
export async function deleteHouseholdAttachment({ ctx, householdId, attachmentId, input: { reason } }: { ctx: Ctx; householdId: string; attachmentId: string; input: z.infer<typeof ReasonInput> }) {
  const actor = await authorize(ctx, 'household.update');
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, householdId, { forUpdate: true });
    const a = await getAttachment(tx, h.id, attachmentId, { forUpdate: true });
    await tx
      .update(householdAttachments)
      .set({ deletedAt: ctx.clock.now(), deletedBy: actor.userId, deleteReason: reason })
      .where(eq(householdAttachments.id, a.id));
    await appendHouseholdEvent(tx, ctx, h.id, 'attachment_delete', { reason, details: { attachmentId: a.id, kind: a.kind, fileName: a.fileName } });
    await audit(tx, ctx, 'household.attachment_delete', {
      objectType: 'household',
      objectId: h.id,
      orgId: h.orgId,
      orgPath: h.orgPath,
      details: { attachmentId: a.id, kind: a.kind, reason },
    });
    return { id: a.id, deleted: true };
  });
}
