import { eq } from 'drizzle-orm';
import { permissionsOf } from '../../../contracts/roles.js';
import type { DbOrTx } from '../../db/client.js';
import { orgs, userRoles, users } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';

/**
 * The actor a background job acts as: the user who started it, with the roles they hold now, so a
 * job started before its owner was disabled or lost a role does not outlive that change. Null when
 * the account is disabled or gone.
 */
export async function loadActiveActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: users.id, username: users.username, active: users.active, orgId: users.orgId, orgPath: orgs.path, enterpriseId: users.enterpriseId })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row?.active) return null;
  const roles = (await db.select({ key: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.key);
  return { userId: row.userId, username: row.username, orgId: row.orgId, orgPath: row.orgPath, roles, permissions: permissionsOf(roles), enterpriseId: row.enterpriseId };
}
