import { CreatePolicyArticleInput } from '../../../../contracts/policies.js';
import { policyArticles } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { policySearchTerms } from './policy-search.js';

/** `POST /api/policies`: a draft article of an org in the actor's subtree. */
export async function createPolicyArticle({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'policy.publish');
  const data = CreatePolicyArticleInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(policyArticles)
      .values({
        orgId: org.id,
        title: data.title,
        category: data.category,
        source: data.source,
        docNo: data.docNo || null,
        effectiveOn: data.effectiveOn,
        summary: data.summary || null,
        body: data.body,
        status: 'draft',
        searchTerms: policySearchTerms({ ...data, summary: data.summary ?? null, docNo: data.docNo || null }),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: policyArticles.id, version: policyArticles.version });
    await audit(tx, ctx, 'policy.create', { objectType: 'policy_article', objectId: row.id, orgId: org.id, orgPath: org.path, details: { title: data.title, category: data.category } });
    return { id: row.id, status: 'draft' as const, version: row.version };
  });
}
