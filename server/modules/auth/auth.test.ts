import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, sessions } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('alice', 'B', ['org_admin']);
  await t.createUser('bob', 'B', ['caseworker']);
  await t.createUser('carol', 'D', ['caseworker']);
});
afterAll(() => t.close());

const signInRaw = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

describe('sign-in', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
    const res = await signInRaw('alice', 'correct-horse-battery-42');
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/uh_session=[\w-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives the same answer for a wrong password, an unknown user and a locked account', async () => {
    const wrong = await signInRaw('bob', 'not-the-password-1');
    const unknown = await signInRaw('nobody-here', 'not-the-password-1');
    for (let i = 0; i < 5; i++) await signInRaw('carol', 'wrong-password-xyz');
    const locked = await signInRaw('carol', 'correct-horse-battery-42');
    for (const res of [wrong, unknown, locked]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.json().error.message).toBe('invalid username or password');
      expect(res.json().error.details).toEqual({ reason: 'sign_in_failed' });
    }
  });

  it('locks after 5 failures in 15 minutes, for 15 minutes, and logs the lock', async () => {
    await t.createUser('dave', 'E', ['caseworker']);
    for (let i = 0; i < 4; i++) expect((await signInRaw('dave', 'wrong-password-xyz')).statusCode).toBe(401);
    expect((await signInRaw('dave', 'correct-horse-battery-42')).statusCode).toBe(200); // 4 failures do not lock
    for (let i = 0; i < 5; i++) await signInRaw('dave', 'wrong-password-xyz');
    expect((await signInRaw('dave', 'correct-horse-battery-42')).statusCode).toBe(401);
    t.clock.advance(14 * 60 * 1000);
    expect((await signInRaw('dave', 'correct-horse-battery-42')).statusCode).toBe(401);
    t.clock.advance(61 * 1000);
    expect((await signInRaw('dave', 'correct-horse-battery-42')).statusCode).toBe(200);
    const locks = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.lock'));
    expect(locks.some((l) => l.details.username === 'dave')).toBe(true);
  });

  it('does not lock when failures are spread beyond the 15-minute window', async () => {
    await t.createUser('erin', 'E', ['caseworker']);
    for (let i = 0; i < 8; i++) {
      await signInRaw('erin', 'wrong-password-xyz');
      t.clock.advance(4 * 60 * 1000); // 4 per 16 minutes at most
      if (i % 4 === 3) t.clock.advance(5 * 60 * 1000);
    }
    expect((await signInRaw('erin', 'correct-horse-battery-42')).statusCode).toBe(200);
  });

  it('logs failed and successful sign-ins', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(rows.some((r) => r.outcome === 'failure' && r.details.reason === 'unknown_user')).toBe(true);
    expect(rows.some((r) => r.outcome === 'failure' && r.details.reason === 'wrong_password')).toBe(true);
    expect(rows.some((r) => r.outcome === 'failure' && r.details.reason === 'locked')).toBe(true);
    expect(rows.some((r) => r.outcome === 'success')).toBe(true);
  });
});

describe('sessions', () => {
  it('expires after 30 minutes idle but not while in use', async () => {
    const s = await t.signIn('alice');
    t.clock.advance(29 * 60 * 1000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60 * 1000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(30 * 60 * 1000 + 1000);
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.endReason, 'idle_timeout'));
    expect(row).toBeTruthy();
  });

  it('ends after 12 hours even when active', async () => {
    const s = await t.signIn('alice');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60 * 1000);
      const res = await s.get('/api/auth/me');
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401); // 25 × 29 min > 12 h
    }
  });

  it('issues a new token at each sign-in and ends it at sign-out', async () => {
    const a = await t.signIn('alice');
    const b = await t.signIn('alice');
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('stores only a hash of the token', async () => {
    const s = await t.signIn('alice');
    const token = s.cookie.split('=')[1];
    const rows = await t.database.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it('ends every session of a user who is disabled', async () => {
    const admin = await t.signIn('alice');
    const bob = await t.signIn('bob');
    const bobId = (await bob.get('/api/auth/me')).json().userId;
    expect((await admin.post(`/api/users/${bobId}/disable`)).statusCode).toBe(200);
    expect((await bob.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signInRaw('bob', 'correct-horse-battery-42')).statusCode).toBe(401);
    await admin.post(`/api/users/${bobId}/enable`);
  });

  it('refuses an unsafe request without the CSRF header', async () => {
    const s = await t.signIn('alice');
    const res = await s.request({ method: 'POST', url: '/api/auth/sign-out', headers: { 'x-csrf-token': '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('csrf');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('enforces length and the common-password list, naming the field', async () => {
    const s = await t.signIn('alice');
    for (const newPassword of ['short-pw', '123qweasdzxc', 'x'.repeat(129)]) {
      const res = await s.post('/api/auth/password', { currentPassword: 'correct-horse-battery-42', newPassword });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe('newPassword');
    }
    const wrongCurrent = await s.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-fine-new-password-9' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.details.issues[0].field).toBe('currentPassword');
  });

  it('changes the password, keeps this session and ends the others', async () => {
    await t.createUser('frank', 'D', ['caseworker']);
    const s1 = await t.signIn('frank');
    const s2 = await t.signIn('frank');
    const res = await s1.post('/api/auth/password', { currentPassword: 'correct-horse-battery-42', newPassword: 'a-fine-new-password-9' });
    expect(res.statusCode).toBe(200);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signInRaw('frank', 'a-fine-new-password-9')).statusCode).toBe(200);
  });
});
