import { sql } from 'drizzle-orm';
import { orgs, users } from '../../db/schema/index.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { getOrgInScope } from './orgs.queries.js';

/** Counts of orgs and staff in an org's subtree (which lies inside the actor's). */
export async function countOrgSubtree({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'org.read');
  const org = await getOrgInScope(ctx.db, actor, id);
  const prefix = org.path + '%';
  const [o] = await ctx.db
    .select({
      orgs: sql<number>`count(*)::int`,
      activeOrgs: sql<number>`count(*) filter (where ${orgs.active})::int`,
    })
    .from(orgs)
    .where(sql`${orgs.path} like ${prefix}`);
  const [u] = await ctx.db
    .select({ users: sql<number>`count(*)::int`, activeUsers: sql<number>`count(*) filter (where ${users.active})::int` })
    .from(users)
    .where(sql`${users.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${prefix})`);
  return { orgId: id, ...o, ...u };
}
