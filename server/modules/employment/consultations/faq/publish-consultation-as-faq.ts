import { eq } from 'drizzle-orm';
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
 * an FAQ entry of the org it was routed to, its wording edited (no names, no personal details). Once:
 * a second publication (a double click, two staff at once) is a 409 naming the entry, which is
 * reworded or put back on the public page instead.
 */
export async function publishConsultationAsFaq({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const data = PublishConsultationAsFaqInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    // Locked, so two publications of one question are told apart here, one after the other.
    const c = await getConsultationInScope(tx, actor, id, { forUpdate: true });
    if (!c.answer) throw conflict('status', 'only an answered question becomes an FAQ entry', { status: c.status });
    const [published] = await tx.select({ id: faqEntries.id }).from(faqEntries).where(eq(faqEntries.consultationId, c.id)).limit(1);
    if (published) throw conflict('already_faq', '该咨询已发布为常见问题，可在常见问题中修改 (already published as an FAQ entry)', { faqId: published.id });
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(faqEntries)
      .values({ orgId: c.orgId, category: data.category, question: data.question, answer: data.answer, published: true, consultationId: c.id, searchTerms: searchTermsOf(data.question, data.answer), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: faqEntries.id });
    await audit(tx, ctx, 'faq.create', { objectType: 'faq_entry', objectId: row.id, orgId: c.orgId, orgPath: c.orgPath, details: { category: data.category, published: true, consultationId: c.id, ticketNo: c.ticketNo } });
    return { id: row.id };
  });
}
