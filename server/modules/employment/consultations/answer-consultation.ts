import { and, eq } from 'drizzle-orm';
import { AnswerConsultationInput } from '../../../../contracts/consultations.js';
import { consultations } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getConsultationInScope } from './consultations.queries.js';

/**
 * `POST /api/consultations/:id/answer { answer }`: an open question is answered (who, when). The update
 * holds `status = 'open'` in its condition, so of two staff answering at once one wins and the other
 * gets a 409 with the state it found.
 */
export async function answerConsultation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const { answer } = AnswerConsultationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getConsultationInScope(tx, actor, id);
    const now = ctx.clock.now();
    const [row] = await tx
      .update(consultations)
      .set({ status: 'answered', answer, answeredBy: actor.userId, answeredAt: now, updatedAt: now })
      .where(and(eq(consultations.id, c.id), eq(consultations.status, 'open')))
      .returning({ id: consultations.id });
    if (!row) {
      const [current] = await tx.select({ status: consultations.status }).from(consultations).where(eq(consultations.id, c.id));
      throw conflict('status', `the question is ${current.status}, not open`, { status: current.status });
    }
    await audit(tx, ctx, 'consultation.answer', { objectType: 'consultation', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { ticketNo: c.ticketNo, hours: Math.round((now.getTime() - c.createdAt.getTime()) / 360_000) / 10 } });
    return { id: c.id, status: 'answered' as const, answeredAt: now.toISOString() };
  });
}
