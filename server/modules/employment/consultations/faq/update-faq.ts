import { eq } from 'drizzle-orm';
import { UpdateFaqInput } from '../../../../../contracts/consultations.js';
import { faqEntries } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { searchTermsOf } from '../../../../platform/search-terms.js';
import { getFaqInScope, presentFaq } from './faq.queries.js';

/** `PATCH /api/faq/:id`: rewords an entry, moves it to another category, or takes it off the public page and back. */
export async function updateFaq({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const data = UpdateFaqInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const e = await getFaqInScope(tx, actor, id, { forUpdate: true });
    const question = data.question ?? e.question;
    const answer = data.answer ?? e.answer;
    const [row] = await tx
      .update(faqEntries)
      .set({ question, answer, category: data.category ?? e.category, published: data.published ?? e.published, searchTerms: searchTermsOf(question, answer), updatedAt: ctx.clock.now() })
      .where(eq(faqEntries.id, e.id))
      .returning();
    await audit(tx, ctx, 'faq.update', { objectType: 'faq_entry', objectId: e.id, orgId: e.orgId, orgPath: e.orgPath, details: { changed: Object.keys(data), published: row.published } });
    return presentFaq({ ...row, orgName: e.orgName, orgPath: e.orgPath });
  });
}
