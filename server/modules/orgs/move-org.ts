import { eq, sql } from 'drizzle-orm';
import { MoveOrgInput } from '../../../contracts/orgs.js';
import { orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { getOrgInScope } from './orgs.queries.js';
import { presentOrg } from './orgs.presenter.js';

/**
 * Moves an org with its whole subtree under a new parent by rewriting the path prefix. Users and
 * records keep their org id, so scope follows the move at once: the old ancestors lose access.
 */
export async function moveOrg({ ctx, id, input }: { ctx: Ctx; id: string; input: MoveOrgInput }) {
  const actor = await authorize(ctx, 'org.move');
  const data = MoveOrgInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, id);
    const parent = await getOrgInScope(tx, actor, data.newParentId);
    if (org.path === actor.orgPath) throw conflict('own_org', 'you cannot move the org you act from');
    if (parent.path.startsWith(org.path)) throw conflict('cycle', 'an org cannot move under itself or its own subtree');
    if (!parent.active) throw conflict('parent_inactive', 'the new parent is deactivated');
    const newPath = `${parent.path}${org.seq}/`;
    const depthDelta = parent.depth + 1 - org.depth;
    await tx
      .update(orgs)
      .set({
        path: sql`${newPath} || substr(${orgs.path}, ${org.path.length + 1})`,
        depth: sql`${orgs.depth} + ${depthDelta}`,
        updatedAt: ctx.clock.now(),
      })
      .where(sql`${orgs.path} like ${org.path + '%'}`);
    const [moved] = await tx.update(orgs).set({ parentId: parent.id }).where(eq(orgs.id, id)).returning();
    await audit(tx, ctx, 'org.move', {
      objectType: 'org',
      objectId: id,
      orgId: id,
      orgPath: newPath,
      details: { fromParentId: org.parentId, toParentId: parent.id },
    });
    return presentOrg(moved, actor);
  });
}
