import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { orgs, sessions, userRoles, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Actor } from '../../platform/context.js';
import type { Secrets } from '../../platform/secrets.js';
import { permissionsOf } from '../../../contracts/roles.js';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'uh_session';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** CSRF token bound to the session: the client echoes it in X-CSRF-Token on every unsafe request. */
export const csrfTokenFor = (secrets: Secrets, tokenHash: string) =>
  crypto.createHmac('sha256', secrets.csrfKey).update(tokenHash).digest('base64url');

export async function createSession(
  db: DbOrTx,
  clock: Clock,
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url'); // 256 bits
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const tokenHash = hashToken(token);
  await db.insert(sessions).values({
    tokenHash,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, tokenHash, expiresAt };
}

/** Looks a token up; ends it when idle or past its absolute lifetime; otherwise touches it. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      orgId: users.orgId,
      orgPath: orgs.path,
      enterpriseId: users.enterpriseId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
  if (!row) return null;
  const now = clock.now();
  const idle = now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS;
  const expired = now >= row.expiresAt;
  if (!row.active || idle || expired) {
    await endSession(db, clock, tokenHash, !row.active ? 'user_disabled' : idle ? 'idle_timeout' : 'absolute_timeout');
    return null;
  }
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  const roles = (await db.select({ key: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, row.userId))).map(
    (r) => r.key,
  );
  return {
    userId: row.userId,
    username: row.username,
    orgId: row.orgId,
    orgPath: row.orgPath,
    roles,
    permissions: permissionsOf(roles),
    sessionTokenHash: tokenHash,
    mustChangePassword: row.mustChangePassword,
    enterpriseId: row.enterpriseId,
  };
}

export async function endSession(db: DbOrTx, clock: Clock, tokenHash: string, reason: string) {
  await db
    .update(sessions)
    .set({ endedAt: clock.now(), endReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

export async function endUserSessions(db: DbOrTx, clock: Clock, userId: string, reason: string, exceptTokenHash?: string) {
  const open = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  for (const s of open) if (s.tokenHash !== exceptTokenHash) await endSession(db, clock, s.tokenHash, reason);
}
