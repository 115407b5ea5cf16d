import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords.js';
import { findOrgPath } from '../orgs/orgs.queries.js';
import { createSession, csrfTokenFor } from './sessions.js';

export const SignInInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Wrong password, unknown user and locked account all get exactly this. */
const signInFailed = () => new AppError('UNAUTHENTICATED', 'invalid username or password', { reason: 'sign_in_failed' });

export async function signIn({ ctx, input, userAgent }: { ctx: Ctx; input: SignInInput; userAgent?: string }) {
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username.toLowerCase()));
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await audit(ctx.db, ctx, 'auth.sign_in', {
      outcome: 'failure',
      orgId: null,
      orgPath: null,
      details: { username: input.username.slice(0, 64), reason: 'unknown_user' },
    });
    throw signInFailed();
  }
  const orgPath = await findOrgPath(ctx.db, user.orgId);
  const who = { objectType: 'user', objectId: user.id, orgId: user.orgId, orgPath, details: { username: user.username } };
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const locked = user.lockedUntil && user.lockedUntil > now;

  if (locked || !user.active || !passwordOk) {
    const reason = locked ? 'locked' : !user.active ? 'disabled' : 'wrong_password';
    await ctx.db.transaction(async (tx) => {
      if (reason === 'wrong_password') {
        const windowOpen = user.firstFailedAt && now.getTime() - user.firstFailedAt.getTime() < FAILURE_WINDOW_MS;
        const failedCount = windowOpen ? user.failedCount + 1 : 1;
        const lockNow = failedCount >= LOCK_AFTER_FAILURES;
        await tx
          .update(users)
          .set({
            failedCount: lockNow ? 0 : failedCount,
            firstFailedAt: lockNow ? null : windowOpen ? user.firstFailedAt : now,
            lockedUntil: lockNow ? new Date(now.getTime() + LOCK_MS) : user.lockedUntil,
          })
          .where(eq(users.id, user.id));
        if (lockNow) await audit(tx, ctx, 'user.lock', { ...who, details: { ...who.details, failures: failedCount } });
      }
      await audit(tx, ctx, 'auth.sign_in', { ...who, outcome: 'failure', details: { ...who.details, reason } });
    });
    throw signInFailed();
  }

  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedCount: 0, firstFailedAt: null, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, ctx.clock, user.id, { ip: ctx.ip, userAgent });
    await audit(tx, ctx, 'auth.sign_in', who);
    return { ...session, csrfToken: csrfTokenFor(ctx.secrets, session.tokenHash), mustChangePassword: user.mustChangePassword };
  });
}
