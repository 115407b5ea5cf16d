import { CreateFaqInput } from '../../../../../contracts/consultations.js';
import { faqEntries } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { searchTermsOf } from '../../../../platform/search-terms.js';
import { getOrgInScope } from '../../../orgs/orgs.queries.js';

/** `POST /api/faq`: an entry written directly for an org of the actor's subtree. */
export async function createFaq({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const data = CreateFaqInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(faqEntries)
      .values({ orgId: org.id, category: data.category, question: data.question, answer: data.answer, published: data.published, searchTerms: searchTermsOf(data.question, data.answer), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: faqEntries.id });
    await audit(tx, ctx, 'faq.create', { objectType: 'faq_entry', objectId: row.id, orgId: org.id, orgPath: org.path, details: { category: data.category, published: data.published } });
    return { id: row.id };
  });
}
