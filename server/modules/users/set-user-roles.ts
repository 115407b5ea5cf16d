import { and, eq, inArray } from 'drizzle-orm';
import { SetUserRolesInput } from '../../../contracts/users.js';
import { userRoles } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { assertMayGrant } from './users.policy.js';
import { getUserInScope } from './users.queries.js';
import { presentUser } from './users.presenter.js';

export async function setUserRoles({ ctx, id, input }: { ctx: Ctx; id: string; input: SetUserRolesInput }) {
  const actor = await authorize(ctx, 'role.assign');
  const data = SetUserRolesInput.parse(input);
  const roles = [...new Set(data.roles)];
  return ctx.db.transaction(async (tx) => {
    const user = await getUserInScope(tx, actor, id);
    assertMayGrant(actor, id, roles, user.roles);
    const removed = user.roles.filter((r) => !roles.includes(r as never));
    const added = roles.filter((r) => !user.roles.includes(r));
    if (removed.length) await tx.delete(userRoles).where(and(eq(userRoles.userId, id), inArray(userRoles.roleKey, removed)));
    if (added.length) await tx.insert(userRoles).values(added.map((roleKey) => ({ userId: id, roleKey, grantedBy: actor.userId })));
    await audit(tx, ctx, 'user.set_roles', {
      objectType: 'user',
      objectId: id,
      orgId: user.orgId,
      orgPath: user.orgPath,
      details: { username: user.username, added, removed },
    });
    return presentUser({ ...user, roles: roles.slice().sort() }, ctx.clock.now());
  });
}
