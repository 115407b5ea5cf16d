import { eq } from 'drizzle-orm';
import { ChangePasswordInput } from '../../../contracts/users.js';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { requireActor } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, validation } from '../../platform/errors.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { findOrgPath } from '../orgs/orgs.queries.js';
import { clearFailures, lockIfExhausted, LOCK_MS, reserveAttempt } from './lockout.js';
import { endUserSessions } from './sessions.js';

const lockedOut = () =>
  new AppError('LIMIT_EXCEEDED', `too many wrong passwords: the account is locked, try again in ${LOCK_MS / 60_000} minutes`, {
    reason: 'account_locked',
  });

/**
 * Changes the signed-in user's own password; other sessions of theirs end, this one stays. A wrong
 * current password counts toward the sign-in lockout (a stolen session must not become a free oracle).
 */
export async function changePassword({ ctx, input, dengbaoMode = false }: { ctx: Ctx; input: ChangePasswordInput; dengbaoMode?: boolean }) {
  const actor = requireActor(ctx);
  const data = ChangePasswordInput.parse(input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  const issues = checkPasswordStrength(data.newPassword, { username: user.username }, { requireComplexity: dengbaoMode }, 'newPassword');
  if (data.newPassword === data.currentPassword) issues.push({ field: 'newPassword', message: 'must differ from the current password' });
  if (issues.length) throw validation(issues);

  const orgPath = await findOrgPath(ctx.db, user.orgId);
  const who = { objectType: 'user', objectId: user.id, orgId: user.orgId, orgPath, details: { username: user.username } };
  const failure = (reason: string) => ({ ...who, outcome: 'failure' as const, details: { ...who.details, reason } });
  if (!(await reserveAttempt(ctx.db, user.id, ctx.clock.now()))) {
    await audit(ctx.db, ctx, 'user.change_password', failure('locked'));
    throw lockedOut();
  }
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await ctx.db.transaction(async (tx) => {
      await lockIfExhausted(tx, ctx, user.id, who);
      await audit(tx, ctx, 'user.change_password', failure('wrong_password'));
    });
    throw validation([{ field: 'currentPassword', message: 'the current password is wrong' }]);
  }

  const passwordHash = await hashPassword(data.newPassword);
  const changed = await ctx.db.transaction(async (tx) => {
    if (!(await clearFailures(tx, user.id, ctx.clock.now()))) return false;
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, ctx.clock, user.id, 'password_changed', actor.sessionTokenHash);
    await audit(tx, ctx, 'user.change_password', who);
    return true;
  });
  if (!changed) {
    await audit(ctx.db, ctx, 'user.change_password', failure('locked'));
    throw lockedOut();
  }
  return { ok: true };
}
