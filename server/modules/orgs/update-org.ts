import { eq } from 'drizzle-orm';
import { UpdateOrgInput } from '../../../contracts/orgs.js';
import { orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { getOrgInScope } from './orgs.queries.js';
import { presentOrg } from './orgs.presenter.js';

/** Rename or retype an org; the code and the place in the tree change only through their own verbs. */
export async function updateOrg({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateOrgInput }) {
  const actor = await authorize(ctx, 'org.update');
  const data = UpdateOrgInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getOrgInScope(tx, actor, id);
    const [org] = await tx
      .update(orgs)
      .set({ ...data, updatedAt: ctx.clock.now() })
      .where(eq(orgs.id, id))
      .returning();
    const changed = Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
    );
    await audit(tx, ctx, 'org.update', { objectType: 'org', objectId: id, orgId: id, orgPath: org.path, details: { changed } });
    return presentOrg(org, actor);
  });
}
