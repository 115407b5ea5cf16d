import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { audit, type AuditEntry } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';

export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/*
 * Every password check (sign-in, the current password of a change) first reserves an attempt in the
 * database: failed_count counts attempts started in the window, judged or still being judged. The
 * reserving UPDATE hands out at most LOCK_AFTER_FAILURES of them per window and none while locked,
 * so parallel guesses can never get more than that many passwords judged before the lock. A right
 * password gives its attempt back by resetting the count, but only while no lock is set.
 */

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const notLocked = (now: Date) => sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${at(now)})`;
const windowOpen = (now: Date) => sql`(${users.firstFailedAt} > ${at(new Date(now.getTime() - FAILURE_WINDOW_MS))})`;

/** Reserves one password check for the user; false when the account is locked or out of attempts. */
export async function reserveAttempt(db: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      failedCount: sql`case when ${windowOpen(now)} then ${users.failedCount} + 1 else 1 end`,
      firstFailedAt: sql`case when ${windowOpen(now)} then ${users.firstFailedAt} else ${at(now)} end`,
    })
    .where(and(eq(users.id, userId), notLocked(now), sql`not (${windowOpen(now)} and ${users.failedCount} >= ${LOCK_AFTER_FAILURES})`))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * After a wrong password: locks the account when the window's attempts reached the limit (its own
 * attempt was counted when reserved). Writes `user.lock` when this failure set the lock.
 */
export async function lockIfExhausted(db: DbOrTx, ctx: Ctx, userId: string, who: AuditEntry): Promise<void> {
  const now = ctx.clock.now();
  const locked = await db
    .update(users)
    .set({ lockedUntil: new Date(now.getTime() + LOCK_MS), failedCount: 0, firstFailedAt: null })
    .where(and(eq(users.id, userId), notLocked(now), windowOpen(now), sql`${users.failedCount} >= ${LOCK_AFTER_FAILURES}`))
    .returning({ id: users.id });
  if (!locked.length) return;
  ctx.metrics?.accountLockouts.inc();
  await audit(db, ctx, 'user.lock', { ...who, details: { ...who.details, failures: LOCK_AFTER_FAILURES } });
}

/** After a right password: clears the count; false (and nothing changed) when a parallel attempt locked the account meanwhile. */
export async function clearFailures(db: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedCount: 0, firstFailedAt: null, lockedUntil: null })
    .where(and(eq(users.id, userId), notLocked(now)))
    .returning({ id: users.id });
  return rows.length === 1;
}
