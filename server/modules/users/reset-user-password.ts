import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { generateOneTimePassword, hashPassword } from '../../platform/passwords.js';
import { endUserSessions } from '../auth/sessions.js';
import { assertMayManage } from './users.policy.js';
import { getUserInScope } from './users.queries.js';

/** Issues a new one-time password (shown once) and ends the user's sessions. */
export async function resetUserPassword({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'user.reset_password');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return ctx.db.transaction(async (tx) => {
    const user = await getUserInScope(tx, actor, id);
    assertMayManage(actor, user);
    if (id === actor.userId) throw conflict('own_account', 'change your own password from your profile');
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: ctx.clock.now(), lockedUntil: null, failedCount: 0, firstFailedAt: null })
      .where(eq(users.id, id));
    await endUserSessions(tx, ctx.clock, id, 'password_reset');
    await audit(tx, ctx, 'user.reset_password', { objectType: 'user', objectId: id, orgId: user.orgId, orgPath: user.orgPath, details: { username: user.username } });
    return { oneTimePassword };
  });
}
