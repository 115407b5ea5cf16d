import { PublishConsultationAsFaqInput } from '../../../../../contracts/consultations.js';
import { faqEntries } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { conflict } from '../../../../platform/errors.js';
import { searchTermsOf } from '../../../../platform/search-terms.js';
import { getConsultationInScope } from '../consultations.queries.js';

/**
 * `POST /api/consultations/:id/faq { category, question, answer }`: an answered question published as
 * an FAQ entry of the org it was routed to, its wording edited (no names, no personal details).
 */
export async function publishConsultationAsFaq({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const data = PublishConsultationAsFaqInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getConsultationInScope(tx, actor, id);
    if (!c.answer) throw conflict('status', 'only an answered question becomes an FAQ entry', { status: c.status });
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(faqEntries)
      .values({ orgId: c.orgId, category: data.category, question: data.question, answer: data.answer, published: true, consultationId: c.id, searchTerms: searchTermsOf(data.question, data.answer), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: faqEntries.id });
    await audit(tx, ctx, 'faq.create', { objectType: 'faq_entry', objectId: row.id, orgId: c.orgId, orgPath: c.orgPath, details: { category: data.category, published: true, consultationId: c.id, ticketNo: c.ticketNo } });
    return { id: row.id };
  });
}
