import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const [name, org, roles] of [
    ['sys', 'A', ['system_admin']],
    ['sec', 'A', ['security_admin']],
    ['aud', 'A', ['auditor']],
    ['orgadmin-b', 'B', ['org_admin']],
    ['fin-d', 'D', ['finance_officer']],
    ['case-d', 'D', ['caseworker']],
  ] as const)
    ids[name] = await t.createUser(name, org, [...roles]);
});
afterAll(() => t.close());

describe('who may manage an account (三员 and the permissions a manager holds)', () => {
  it('keeps the system admin off the accounts of the auditor and the security admin', async () => {
    const sys = await t.signIn('sys');
    for (const target of ['aud', 'sec']) {
      for (const action of ['reset-password', 'disable']) {
        const res = await sys.post(`/api/users/${ids[target]}/${action}`);
        expect(res.statusCode, `${action} ${target}`).toBe(403);
        expect(res.json().error.details.reason).toBe('separated_account');
      }
      expect((await sys.patch(`/api/users/${ids[target]}`, { displayName: 'x' })).statusCode).toBe(403);
    }
    expect((await sys.post(`/api/users/${ids['case-d']}/reset-password`)).statusCode).toBe(200);
  });

  it('lets the security admin manage separated accounts', async () => {
    const sec = await t.signIn('sec');
    expect((await sec.post(`/api/users/${ids.aud}/unlock`)).statusCode).toBe(200);
  });

  it('keeps an org admin off accounts holding permissions it lacks', async () => {
    const admin = await t.signIn('orgadmin-b');
    const res = await admin.post(`/api/users/${ids['fin-d']}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('account_exceeds_manager');
    expect((await admin.post(`/api/users/${ids['case-d']}/disable`)).statusCode).toBe(200);
  });
});

describe('one-time passwords', () => {
  it('allow nothing but changing the password until it is changed', async () => {
    const admin = await t.signIn('orgadmin-b');
    const created = await admin.post('/api/users', { orgId: t.orgs.D.id, username: 'newcomer', displayName: '新人', roles: ['caseworker'] });
    expect(created.statusCode).toBe(201);
    const s = await t.signIn('newcomer', created.json().oneTimePassword);
    expect((await s.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await s.get('/api/orgs/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details.reason).toBe('password_change_required');
    expect((await s.post('/api/auth/password', { currentPassword: created.json().oneTimePassword, newPassword: 'my-own-long-passphrase' })).statusCode).toBe(200);
    expect((await s.get('/api/orgs/tree')).statusCode).toBe(200);
  });
});
