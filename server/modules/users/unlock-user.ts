import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { assertMayManage } from './users.policy.js';
import { getUserInScope } from './users.queries.js';
import { presentUser } from './users.presenter.js';

export async function unlockUser({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'user.unlock');
  return ctx.db.transaction(async (tx) => {
    const user = await getUserInScope(tx, actor, id);
    assertMayManage(actor, user);
    await tx.update(users).set({ lockedUntil: null, failedCount: 0, firstFailedAt: null }).where(eq(users.id, id));
    await audit(tx, ctx, 'user.unlock', { objectType: 'user', objectId: id, orgId: user.orgId, orgPath: user.orgPath, details: { username: user.username } });
    return presentUser({ ...user, lockedUntil: null }, ctx.clock.now());
  });
}
