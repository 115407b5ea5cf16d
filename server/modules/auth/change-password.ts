import { eq } from 'drizzle-orm';
import { ChangePasswordInput } from '../../../contracts/users.js';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { requireActor } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { validation } from '../../platform/errors.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { findOrgPath } from '../orgs/orgs.queries.js';
import { endUserSessions } from './sessions.js';

/** Changes the signed-in user's own password; other sessions of theirs end, this one stays. */
export async function changePassword({ ctx, input, dengbaoMode = false }: { ctx: Ctx; input: ChangePasswordInput; dengbaoMode?: boolean }) {
  const actor = requireActor(ctx);
  const data = ChangePasswordInput.parse(input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, data.currentPassword)))
    throw validation([{ field: 'currentPassword', message: 'the current password is wrong' }]);
  const issues = checkPasswordStrength(data.newPassword, { username: user.username }, { requireComplexity: dengbaoMode }, 'newPassword');
  if (data.newPassword === data.currentPassword) issues.push({ field: 'newPassword', message: 'must differ from the current password' });
  if (issues.length) throw validation(issues);
  const passwordHash = await hashPassword(data.newPassword);
  const orgPath = await findOrgPath(ctx.db, user.orgId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, ctx.clock, user.id, 'password_changed', actor.sessionTokenHash);
    await audit(tx, ctx, 'user.change_password', { objectType: 'user', objectId: user.id, orgId: user.orgId, orgPath });
  });
  return { ok: true };
}
