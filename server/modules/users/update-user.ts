import { eq } from 'drizzle-orm';
import { UpdateUserInput } from '../../../contracts/users.js';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { endUserSessions } from '../auth/sessions.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { assertMayManage } from './users.policy.js';
import { getUserInScope } from './users.queries.js';
import { presentUser } from './users.presenter.js';

/** Renames a user or transfers them to another org; a transfer ends their sessions so the old scope goes at once. */
export async function updateUser({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateUserInput }) {
  const actor = await authorize(ctx, 'user.update');
  const data = UpdateUserInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getUserInScope(tx, actor, id);
    assertMayManage(actor, before);
    let orgPath = before.orgPath;
    if (data.orgId && data.orgId !== before.orgId) {
      if (id === actor.userId) throw conflict('own_org', 'you cannot move yourself to another org');
      const org = await getOrgInScope(tx, actor, data.orgId);
      if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
      orgPath = org.path;
      await endUserSessions(tx, ctx.clock, id, 'transferred');
    }
    await tx.update(users).set({ ...data, updatedAt: ctx.clock.now() }).where(eq(users.id, id));
    await audit(tx, ctx, 'user.update', {
      objectType: 'user',
      objectId: id,
      orgId: data.orgId ?? before.orgId,
      orgPath,
      details: { username: before.username, ...(data.orgId && data.orgId !== before.orgId ? { fromOrgId: before.orgId, toOrgId: data.orgId } : {}), ...(data.displayName ? { displayName: data.displayName } : {}) },
    });
    return presentUser(await getUserInScope(tx, actor, id), ctx.clock.now());
  });
}
