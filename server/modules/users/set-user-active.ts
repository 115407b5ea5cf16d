import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { endUserSessions } from '../auth/sessions.js';
import { assertMayManage } from './users.policy.js';
import { getUserInScope } from './users.queries.js';
import { presentUser } from './users.presenter.js';

/** Disabling a user ends every session of theirs server-side at once. */
export async function setUserActive({ ctx, id, active }: { ctx: Ctx; id: string; active: boolean }) {
  const actor = await authorize(ctx, 'user.disable');
  return ctx.db.transaction(async (tx) => {
    const user = await getUserInScope(tx, actor, id);
    assertMayManage(actor, user);
    if (id === actor.userId) throw conflict('own_account', 'you cannot disable your own account');
    await tx.update(users).set({ active, updatedAt: ctx.clock.now() }).where(eq(users.id, id));
    if (!active) await endUserSessions(tx, ctx.clock, id, 'user_disabled');
    await audit(tx, ctx, active ? 'user.enable' : 'user.disable', {
      objectType: 'user',
      objectId: id,
      orgId: user.orgId,
      orgPath: user.orgPath,
      details: { username: user.username },
    });
    return presentUser({ ...user, active }, ctx.clock.now());
  });
}
