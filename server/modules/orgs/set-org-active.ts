import { and, eq, sql } from 'drizzle-orm';
import { orgs, users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { getOrgInScope } from './orgs.queries.js';
import { presentOrg } from './orgs.presenter.js';

/** Orgs with records are never deleted; they are deactivated, and only once their subtree is empty of active orgs and users. */
export async function setOrgActive({ ctx, id, active }: { ctx: Ctx; id: string; active: boolean }) {
  const actor = await authorize(ctx, 'org.deactivate');
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, id);
    if (!active) {
      if (org.path === actor.orgPath) throw conflict('own_org', 'you cannot deactivate the org you act from');
      const [{ n: activeChildren }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(orgs)
        .where(and(eq(orgs.parentId, id), eq(orgs.active, true)));
      if (activeChildren > 0) throw conflict('has_active_children', 'deactivate the child orgs first', { count: activeChildren });
      const [{ n: activeUsers }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.orgId, id), eq(users.active, true)));
      if (activeUsers > 0) throw conflict('has_active_users', 'disable or move the org’s users first', { count: activeUsers });
    } else if (org.parentId) {
      const [parent] = await tx.select().from(orgs).where(eq(orgs.id, org.parentId));
      if (parent && !parent.active) throw conflict('parent_inactive', 'activate the parent org first');
    }
    const [row] = await tx.update(orgs).set({ active, updatedAt: ctx.clock.now() }).where(eq(orgs.id, id)).returning();
    await audit(tx, ctx, active ? 'org.activate' : 'org.deactivate', { objectType: 'org', objectId: id, orgId: id, orgPath: org.path });
    return presentOrg(row, actor);
  });
}
