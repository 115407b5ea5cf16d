import { eq } from 'drizzle-orm';
import { DeletePolicyAttachmentInput } from '../../../../../contracts/policies.js';
import { policyAttachments } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { getArticleInScope } from '../policies.queries.js';
import { getPolicyAttachment } from './policy-attachments.js';

/**
 * `DELETE /api/policies/:id/attachments/:attachmentId { reason }`: marks the attachment deleted (who,
 * when, why) and off the public page; the row and the encrypted file are kept for the record.
 */
export async function deletePolicyAttachment({ ctx, articleId, attachmentId, input }: { ctx: Ctx; articleId: string; attachmentId: string; input: unknown }) {
  const actor = await authorize(ctx, 'policy.publish');
  const { reason } = DeletePolicyAttachmentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getArticleInScope(tx, actor, articleId, { forUpdate: true });
    const f = await getPolicyAttachment(tx, a.id, attachmentId, { forUpdate: true });
    await tx.update(policyAttachments).set({ deletedAt: ctx.clock.now(), deletedBy: actor.userId, deleteReason: reason }).where(eq(policyAttachments.id, f.id));
    await audit(tx, ctx, 'policy.delete_attachment', { objectType: 'policy_article', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { attachmentId: f.id, fileName: f.fileName, reason } });
    return { id: f.id, deleted: true };
  });
}
