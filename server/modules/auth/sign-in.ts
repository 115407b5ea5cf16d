import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../../../contracts/text.js';
import { users } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { audit, type AuditEntry } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/passwords.js';
import { findOrgPath } from '../orgs/orgs.queries.js';
import { clearFailures, lockIfExhausted, reserveAttempt } from './lockout.js';
import { createSession, csrfTokenFor } from './sessions.js';

export const SignInInput = z.strictObject({
  username: text().min(1).max(64),
  password: text({ trim: false }).min(1).max(256),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Wrong password, unknown user and locked account all get exactly this. */
const signInFailed = () => new AppError('UNAUTHENTICATED', 'invalid username or password', { reason: 'sign_in_failed' });

type FailureReason = 'unknown_user' | 'disabled' | 'locked' | 'wrong_password';

export async function signIn({ ctx, input, userAgent }: { ctx: Ctx; input: SignInInput; userAgent?: string }) {
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username.toLowerCase()));
  if (!user) {
    // An unknown user costs a verification too, so timing does not tell which usernames exist.
    await verifyPassword(await dummyPasswordHash(), input.password);
    return fail(ctx, 'unknown_user', { orgId: null, orgPath: null, details: { username: input.username.slice(0, 64) } });
  }
  const orgPath = await findOrgPath(ctx.db, user.orgId);
  const who = { objectType: 'user', objectId: user.id, orgId: user.orgId, orgPath, details: { username: user.username } };

  const reserved = user.active && (await reserveAttempt(ctx.db, user.id, ctx.clock.now()));
  if (!reserved) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return fail(ctx, user.active ? 'locked' : 'disabled', who);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await ctx.db.transaction(async (tx) => {
      await lockIfExhausted(tx, ctx, user.id, who);
      await auditFailure(tx, ctx, 'wrong_password', who);
    });
    throw signInFailed();
  }

  const signedIn = await ctx.db.transaction(async (tx) => {
    if (!(await clearFailures(tx, user.id, ctx.clock.now()))) return null;
    const session = await createSession(tx, ctx.clock, user.id, { ip: ctx.ip, userAgent });
    await audit(tx, ctx, 'auth.sign_in', who);
    return { ...session, csrfToken: csrfTokenFor(ctx.secrets, session.tokenHash), mustChangePassword: user.mustChangePassword };
  });
  return signedIn ?? fail(ctx, 'locked', who);
}

async function fail(ctx: Ctx, reason: FailureReason, who: AuditEntry): Promise<never> {
  await auditFailure(ctx.db, ctx, reason, who);
  throw signInFailed();
}

async function auditFailure(db: DbOrTx, ctx: Ctx, reason: FailureReason, who: AuditEntry) {
  ctx.metrics?.signInFailures.inc({ reason });
  await audit(db, ctx, 'auth.sign_in', { ...who, outcome: 'failure', details: { ...who.details, reason } });
}
