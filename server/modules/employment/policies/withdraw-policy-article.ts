import { eq, sql } from 'drizzle-orm';
import { WithdrawPolicyArticleInput } from '../../../../contracts/policies.js';
import { policyArticles } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getArticleInScope } from './policies.queries.js';

/** `POST /api/policies/:id/withdraw { reason }`: a published article leaves the public list (its attachments too). */
export async function withdrawPolicyArticle({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'policy.publish');
  const { reason } = WithdrawPolicyArticleInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getArticleInScope(tx, actor, id, { forUpdate: true });
    if (a.status !== 'published') throw conflict('status', `a ${a.status} article cannot be withdrawn`, { status: a.status });
    const [row] = await tx
      .update(policyArticles)
      .set({ status: 'withdrawn', updatedAt: ctx.clock.now(), version: sql`${policyArticles.version} + 1` })
      .where(eq(policyArticles.id, a.id))
      .returning({ version: policyArticles.version });
    await audit(tx, ctx, 'policy.withdraw', { objectType: 'policy_article', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { reason } });
    return { id: a.id, status: 'withdrawn' as const, version: row.version };
  });
}
