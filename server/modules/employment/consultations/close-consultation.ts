import { and, eq, inArray } from 'drizzle-orm';
import { CloseConsultationInput } from '../../../../contracts/consultations.js';
import { consultations } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, validation } from '../../../platform/errors.js';
import { getConsultationInScope } from './consultations.queries.js';

/**
 * `POST /api/consultations/:id/close { reason? }` (办结): an answered question is closed; an open one
 * only with a reason (a duplicate, not a question), kept in the audit entry.
 */
export async function closeConsultation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const { reason } = CloseConsultationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getConsultationInScope(tx, actor, id, { forUpdate: true });
    if (c.status === 'closed') throw conflict('status', 'the question is already closed', { status: c.status });
    if (c.status === 'open' && !reason) throw validation([{ field: 'body.reason', message: 'closing an unanswered question needs a reason' }]);
    const now = ctx.clock.now();
    await tx
      .update(consultations)
      .set({ status: 'closed', closedBy: actor.userId, closedAt: now, updatedAt: now })
      .where(and(eq(consultations.id, c.id), inArray(consultations.status, ['open', 'answered'])));
    await audit(tx, ctx, 'consultation.close', { objectType: 'consultation', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { ticketNo: c.ticketNo, from: c.status, ...(reason ? { reason } : {}) } });
    return { id: c.id, status: 'closed' as const, closedAt: now.toISOString() };
  });
}
