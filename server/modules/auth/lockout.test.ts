import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
const burst = (n: number, send: (i: number) => ReturnType<typeof signIn>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

async function auditCount(username: string, action: string, reason?: string) {
  const rows = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        sql`${auditLog.details}->>'username' = ${username}`,
        reason ? sql`${auditLog.details}->>'reason' = ${reason}` : undefined,
      ),
    );
  return rows[0].n;
}

describe('lockout under parallel guesses', () => {
  for (const size of [10, 20]) {
    it(`judges at most 5 wrong passwords of a burst of ${size}, then the account is locked`, async () => {
      const name = `burst${size}`;
      await t.createUser(name, 'B', ['caseworker']);
      const answers = await burst(size, (i) => signIn(name, `wrong-password-${i}`));
      for (const res of answers) {
        expect(res.statusCode).toBe(401);
        expect(res.json().error.message).toBe('invalid username or password');
      }
      expect(await auditCount(name, 'auth.sign_in', 'wrong_password')).toBe(5);
      expect(await auditCount(name, 'user.lock')).toBe(1);
      expect((await signIn(name, TEST_PASSWORD)).statusCode).toBe(401);

      t.clock.advance(15 * 60 * 1000 + 1000); // the lock ends; the next burst gets 5 again
      await burst(size, (i) => signIn(name, `wrong-again-${i}`));
      expect(await auditCount(name, 'auth.sign_in', 'wrong_password')).toBe(10);
      expect(await auditCount(name, 'user.lock')).toBe(2);
      t.clock.advance(15 * 60 * 1000 + 1000);
    });
  }

  it('a correct password at the end of a burst does not clear the lock the burst set', async () => {
    await t.createUser('burst-correct', 'B', ['caseworker']);
    const answers = await burst(20, (i) => signIn('burst-correct', i === 19 ? TEST_PASSWORD : `wrong-password-${i}`));
    expect(answers[19].statusCode).toBe(401);
    expect(await auditCount('burst-correct', 'auth.sign_in', 'wrong_password')).toBe(5);
    expect((await signIn('burst-correct', TEST_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn('burst-correct', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts wrong current passwords of a password change toward the same lockout', async () => {
    await t.createUser('changer', 'D', ['caseworker']);
    const s = await t.signIn('changer');
    const change = (i: number) => s.post('/api/auth/password', { currentPassword: `not-it-${i}`, newPassword: 'a-fine-new-password-9' });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => change(i)));
    expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(5);
    for (const res of answers.filter((r) => r.statusCode !== 400)) {
      expect(res.statusCode).toBe(429);
      expect(res.json().error.details.reason).toBe('account_locked');
    }
    expect((await signIn('changer', TEST_PASSWORD)).statusCode).toBe(401);
    const right = await s.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-fine-new-password-9' });
    expect(right.statusCode).toBe(429); // locked: not even the right current password is judged
    t.clock.advance(15 * 60 * 1000 + 1000);
  });

  it('a password change with a wrong current password and sign-in failures lock together', async () => {
    await t.createUser('mixed', 'D', ['caseworker']);
    const s = await t.signIn('mixed');
    for (let i = 0; i < 3; i++)
      expect((await s.post('/api/auth/password', { currentPassword: `not-it-${i}`, newPassword: 'a-fine-new-password-9' })).statusCode).toBe(400);
    await signIn('mixed', 'wrong-password-a');
    await signIn('mixed', 'wrong-password-b');
    expect((await signIn('mixed', TEST_PASSWORD)).statusCode).toBe(401);
    expect(await auditCount('mixed', 'user.lock')).toBe(1);
    t.clock.advance(15 * 60 * 1000 + 1000);
  });
});
