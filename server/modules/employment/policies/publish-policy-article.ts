import { eq, sql } from 'drizzle-orm';
import { policyArticles } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getArticleInScope } from './policies.queries.js';

/**
 * `POST /api/policies/:id/publish`: a draft (or a withdrawn article, put back) goes on the public list,
 * with the time it was published; the row lock makes a second publish a 409.
 */
export async function publishPolicyArticle({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'policy.publish');
  return ctx.db.transaction(async (tx) => {
    const a = await getArticleInScope(tx, actor, id, { forUpdate: true });
    if (a.status === 'published') throw conflict('status', 'the article is already published', { status: a.status });
    const now = ctx.clock.now();
    const [row] = await tx
      .update(policyArticles)
      .set({ status: 'published', publishedAt: now, publishedBy: actor.userId, updatedAt: now, version: sql`${policyArticles.version} + 1` })
      .where(eq(policyArticles.id, a.id))
      .returning({ version: policyArticles.version });
    await audit(tx, ctx, 'policy.publish', { objectType: 'policy_article', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { from: a.status, title: a.title } });
    return { id: a.id, status: 'published' as const, publishedAt: now.toISOString(), version: row.version };
  });
}
