import { eq, sql } from 'drizzle-orm';
import { UpdatePolicyArticleInput } from '../../../../contracts/policies.js';
import { policyArticles } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { policySearchTerms } from './policy-search.js';
import { getArticleInScope } from './policies.queries.js';

/**
 * `PATCH /api/policies/:id`: changes an article in any state (a published one is corrected in place,
 * its search terms rebuilt), made on the version the editor read; a stale version is a 409.
 */
export async function updatePolicyArticle({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'policy.publish');
  const data = UpdatePolicyArticleInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getArticleInScope(tx, actor, id, { forUpdate: true });
    if (a.version !== data.version) throw conflict('stale', 'the article was changed by someone else; reload it', { version: a.version });
    const next = {
      title: data.title ?? a.title,
      category: data.category ?? a.category,
      source: data.source ?? a.source,
      docNo: data.docNo === undefined ? a.docNo : data.docNo || null,
      effectiveOn: data.effectiveOn ?? a.effectiveOn,
      summary: data.summary === undefined ? a.summary : data.summary || null,
      body: data.body ?? a.body,
    };
    const [row] = await tx
      .update(policyArticles)
      .set({ ...next, searchTerms: policySearchTerms(next), updatedAt: ctx.clock.now(), version: sql`${policyArticles.version} + 1` })
      .where(eq(policyArticles.id, a.id))
      .returning({ version: policyArticles.version });
    const changed = Object.keys(data).filter((k) => k !== 'version');
    await audit(tx, ctx, 'policy.update', { objectType: 'policy_article', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { changed, status: a.status } });
    return { id: a.id, version: row.version };
  });
}
