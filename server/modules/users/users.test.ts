import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ROLE_KEYS, type RoleKey } from '../../../contracts/roles.js';
import { orgs, sessions, userRoles, users } from '../../db/schema/index.js';
import { auditRows, countRows } from '../../test-support/db-probes.js';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let adminB: Session; // org_admin at B
let cwB: Session; // caseworker at B
let secA: Session; // security_admin at A
let sysA: Session; // system_admin at A
let audA: Session; // auditor at A
let adminBId: string;
let secAId: string;

beforeAll(async () => {
  t = await createTestApp();
  adminBId = await t.createUser('admin-b', 'B', ['org_admin']);
  await t.createUser('cw-b', 'B', ['caseworker']);
  secAId = await t.createUser('sec-a', 'A', ['security_admin']);
  await t.createUser('sys-a', 'A', ['system_admin']);
  await t.createUser('aud-a', 'A', ['auditor']);
  [adminB, cwB, secA, sysA, audA] = await Promise.all(['admin-b', 'cw-b', 'sec-a', 'sys-a', 'aud-a'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

const signInRaw = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

async function userRow(id: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  return row;
}

async function rolesOf(id: string): Promise<string[]> {
  return (await t.database.db.select().from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.roleKey).sort();
}

async function expectDenied(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, permission: string, username: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(403);
  expect(res.json().error.code).toBe('FORBIDDEN');
  expect(res.json().error.details.permission).toBe(permission);
  const row = (await auditRows(t, 'authz.deny')).find((d) => d.requestId === res.headers['x-request-id']);
  expect(row, 'an authz.deny row for this request').toBeTruthy();
  expect(row).toMatchObject({ outcome: 'denied', actorUsername: username });
  expect(row!.details.permission).toBe(permission);
}

async function tableCounts() {
  return { orgs: await countRows(t, orgs), users: await countRows(t, users), userRoles: await countRows(t, userRoles) };
}

describe('create user', () => {
  it('returns a 16-character one-time password once; the user must change it', async () => {
    const res = await adminB.post('/api/users', { orgId: t.orgs.D.id, username: '  New.Worker ', displayName: ' 新同事 ', roles: ['caseworker'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { user, oneTimePassword } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(user).toMatchObject({ username: 'new.worker', displayName: '新同事', orgId: t.orgs.D.id, roles: ['caseworker'], active: true, mustChangePassword: true });

    // Stored only as an argon2id hash, and never shown again.
    const row = await userRow(user.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(oneTimePassword);
    const again = await adminB.get(`/api/users/${user.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(oneTimePassword);

    // Signs in with it (any case of the name) and is told to change it.
    const signIn = await signInRaw('NEW.WORKER', oneTimePassword);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
    const s = await t.signIn('new.worker', oneTimePassword);
    expect((await s.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await s.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'my-own-long-password-7' })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('refuses a duplicate username, whatever its case (409 username_taken), writing nothing', async () => {
    const first = await adminB.post('/api/users', { orgId: t.orgs.E.id, username: 'twin', displayName: '甲' });
    expect(first.statusCode).toBe(201);
    const before = await tableCounts();
    const res = await adminB.post('/api/users', { orgId: t.orgs.D.id, username: 'TWIN', displayName: '乙', roles: ['caseworker'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'username_taken', field: 'username' });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a deactivated org (409 org_inactive)', async () => {
    const org = await adminB.post('/api/orgs', { parentId: t.orgs.E.id, code: 'U-OFF', name: '停用组织', type: 'aid_station' });
    expect((await adminB.post(`/api/orgs/${org.json().id}/deactivate`)).statusCode).toBe(200);
    const res = await adminB.post('/api/users', { orgId: org.json().id, username: 'nobody-here', displayName: '无' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('org_inactive');
  });

  it('rejects another subtree (404), writing nothing', async () => {
    const before = await tableCounts();
    for (const org of ['A', 'C', 'F']) {
      const res = await adminB.post('/api/users', { orgId: t.orgs[org].id, username: `out-${org.toLowerCase()}`, displayName: '越权' });
      expect(res.statusCode, org).toBe(404);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses fields the client may not set (no mass assignment): 400 naming the field', async () => {
    const before = await tableCounts();
    for (const extra of [{ passwordHash: '$argon2id$forged' }, { active: false }, { mustChangePassword: false }, { id: '3f7c2a59-8a8e-4a3e-9a55-000000000001' }]) {
      const field = Object.keys(extra)[0];
      const res = await adminB.post('/api/users', { orgId: t.orgs.D.id, username: 'mass-assign', displayName: '批量', ...extra });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(`body.${field}`);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const before = await tableCounts();
    await expectDenied(await cwB.post('/api/users', { orgId: t.orgs.D.id, username: 'by-caseworker', displayName: '无权' }), 'user.create', 'cw-b');
    await expectDenied(await audA.post('/api/users', { orgId: t.orgs.D.id, username: 'by-auditor', displayName: '无权' }), 'user.create', 'aud-a');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses roles from a creator without role.assign (403, logged); without roles the system admin may create', async () => {
    const before = await tableCounts();
    await expectDenied(await sysA.post('/api/users', { orgId: t.orgs.D.id, username: 'sys-made', displayName: '系统建', roles: ['caseworker'] }), 'role.assign', 'sys-a');
    expect(await tableCounts()).toEqual(before);
    const ok = await sysA.post('/api/users', { orgId: t.orgs.D.id, username: 'sys-made', displayName: '系统建' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().user.roles).toEqual([]);
  });

  it('writes the audit row user.create (without the password)', async () => {
    const res = await adminB.post('/api/users', { orgId: t.orgs.E.id, username: 'audited', displayName: '审计', roles: ['reviewer'] });
    const { user, oneTimePassword } = res.json();
    const [entry] = await auditRows(t, 'user.create', user.id);
    expect(entry).toMatchObject({ actorUsername: 'admin-b', objectType: 'user', orgId: t.orgs.E.id, orgPath: t.orgs.E.path, outcome: 'success', requestId: res.headers['x-request-id'] });
    expect(entry.details).toEqual({ username: 'audited', roles: ['reviewer'] });
    expect(JSON.stringify(entry)).not.toContain(oneTimePassword);
  });
});

describe('roles', () => {
  let target: string;
  beforeAll(async () => {
    target = await t.createUser('role-target', 'D', []);
  });

  it('lets an org admin grant caseworker and reviewer', async () => {
    const res = await adminB.put(`/api/users/${target}/roles`, { roles: ['reviewer', 'caseworker'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['caseworker', 'reviewer']);
    expect(await rolesOf(target)).toEqual(['caseworker', 'reviewer']);
    const entry = (await auditRows(t, 'user.set_roles', target)).at(-1)!;
    expect(entry).toMatchObject({ actorUsername: 'admin-b', outcome: 'success', orgId: t.orgs.D.id });
    expect(entry.details).toMatchObject({ username: 'role-target', removed: [] });
    expect((entry.details.added as string[]).sort()).toEqual(['caseworker', 'reviewer']);
  });

  it.each(['security_admin', 'auditor', 'system_admin', 'finance_officer'] as RoleKey[])(
    'refuses an org admin granting %s (403 role_exceeds_granter, logged), changing nothing',
    async (role) => {
      const before = await rolesOf(target);
      const res = await adminB.put(`/api/users/${target}/roles`, { roles: [role] });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details).toMatchObject({ reason: 'role_exceeds_granter', role });
      expect(await rolesOf(target)).toEqual(before);
      const deny = (await auditRows(t, 'authz.deny')).find((d) => d.requestId === res.headers['x-request-id']);
      expect(deny).toMatchObject({ outcome: 'denied', actorUsername: 'admin-b' });
      expect(deny!.details).toMatchObject({ reason: 'role_exceeds_granter', role });
    },
  );

  it('refuses an org admin creating a user with a role beyond its own (403 role_exceeds_granter)', async () => {
    const before = await tableCounts();
    for (const role of ['system_admin', 'finance_officer'] as RoleKey[]) {
      const res = await adminB.post('/api/users', { orgId: t.orgs.D.id, username: `made-${role.replace('_', '-')}`, displayName: '越级', roles: [role] });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details).toMatchObject({ reason: 'role_exceeds_granter', role });
      const deny = (await auditRows(t, 'authz.deny')).find((d) => d.requestId === res.headers['x-request-id']);
      expect(deny).toMatchObject({ outcome: 'denied', actorUsername: 'admin-b' });
    }
    expect(await tableCounts()).toEqual(before);
    expect((await auditRows(t, 'user.create')).map((e) => e.details.username)).not.toContain('made-system-admin');
  });

  it('refuses an org admin removing a role it could not grant', async () => {
    const finance = await t.createUser('finance-d', 'D', ['finance_officer']);
    const res = await adminB.put(`/api/users/${finance}/roles`, { roles: [] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('role_exceeds_granter');
    expect(await rolesOf(finance)).toEqual(['finance_officer']);
  });

  it('lets a security admin grant any role', async () => {
    const someone = await t.createUser('any-role', 'E', []);
    for (const role of ROLE_KEYS) {
      const res = await secA.put(`/api/users/${someone}/roles`, { roles: [role] });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      expect(await rolesOf(someone)).toEqual([role]);
    }
    const combined = await secA.put(`/api/users/${someone}/roles`, { roles: ['org_admin', 'finance_officer', 'caseworker'] });
    expect(combined.statusCode).toBe(200);
    expect(await rolesOf(someone)).toEqual(['caseworker', 'finance_officer', 'org_admin']);
  });

  it('lets nobody change their own roles (409 own_roles)', async () => {
    for (const [s, id, roles] of [[adminB, adminBId, ['org_admin', 'caseworker']], [secA, secAId, ['org_admin']], [secA, secAId, []]] as const) {
      const before = await rolesOf(id);
      const res = await s.put(`/api/users/${id}/roles`, { roles });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('own_roles');
      expect(await rolesOf(id)).toEqual(before);
    }
  });

  it('keeps the separated roles (system admin, security admin, auditor) alone (409 separation_of_duties)', async () => {
    const someone = await t.createUser('separated', 'E', ['caseworker']);
    const combos: RoleKey[][] = [
      ['system_admin', 'security_admin'],
      ['system_admin', 'auditor'],
      ['security_admin', 'auditor'],
      ['auditor', 'caseworker'],
      ['system_admin', 'org_admin'],
      ['security_admin', 'finance_officer'],
    ];
    for (const roles of combos) {
      const res = await secA.put(`/api/users/${someone}/roles`, { roles });
      expect(res.statusCode, roles.join('+')).toBe(409);
      expect(res.json().error.details.reason).toBe('separation_of_duties');
      expect(await rolesOf(someone)).toEqual(['caseworker']);
    }
  });

  it('rejects another subtree (404)', async () => {
    const atC = await t.createUser('role-at-c', 'C', []);
    const res = await adminB.put(`/api/users/${atC}/roles`, { roles: ['caseworker'] });
    expect(res.statusCode).toBe(404);
    expect(await rolesOf(atC)).toEqual([]);
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const before = await rolesOf(target);
    await expectDenied(await cwB.put(`/api/users/${target}/roles`, { roles: ['caseworker'] }), 'role.assign', 'cw-b');
    await expectDenied(await sysA.put(`/api/users/${target}/roles`, { roles: ['caseworker'] }), 'role.assign', 'sys-a');
    await expectDenied(await audA.put(`/api/users/${target}/roles`, { roles: ['caseworker'] }), 'role.assign', 'aud-a');
    expect(await rolesOf(target)).toEqual(before);
  });

  it('takes effect on the next request of the user concerned', async () => {
    const grantee = await t.createUser('grantee', 'D', []);
    const s = await t.signIn('grantee');
    expect((await s.get('/api/orgs')).statusCode).toBe(403);
    expect((await adminB.put(`/api/users/${grantee}/roles`, { roles: ['caseworker'] })).statusCode).toBe(200);
    expect((await s.get('/api/orgs')).statusCode).toBe(200);
  });
});

describe('update and transfer', () => {
  it('renames a user without ending their sessions', async () => {
    const id = await t.createUser('renamed', 'D', ['caseworker']);
    const s = await t.signIn('renamed');
    const res = await adminB.patch(`/api/users/${id}`, { displayName: '新名字' });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('新名字');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('transfers a user to another org of the subtree and ends their sessions', async () => {
    const id = await t.createUser('mover', 'D', ['caseworker']);
    const s1 = await t.signIn('mover');
    const s2 = await t.signIn('mover');
    const res = await adminB.patch(`/api/users/${id}`, { orgId: t.orgs.E.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().orgId).toBe(t.orgs.E.id);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    const open = (await t.database.db.select().from(sessions).where(eq(sessions.userId, id))).filter((r) => !r.endedAt);
    expect(open).toEqual([]);
    const fresh = await t.signIn('mover');
    expect((await fresh.get('/api/auth/me')).json().orgId).toBe(t.orgs.E.id);
    const [entry] = await auditRows(t, 'user.update', id);
    expect(entry).toMatchObject({ actorUsername: 'admin-b', orgId: t.orgs.E.id, orgPath: t.orgs.E.path, outcome: 'success' });
    expect(entry.details).toMatchObject({ fromOrgId: t.orgs.D.id, toOrgId: t.orgs.E.id });
  });

  it('refuses an org outside the subtree (404, no mass assignment), keeping org and sessions', async () => {
    const id = await t.createUser('stayer', 'D', ['caseworker']);
    const s = await t.signIn('stayer');
    for (const org of ['A', 'C', 'G']) {
      const res = await adminB.patch(`/api/users/${id}`, { orgId: t.orgs[org].id });
      expect(res.statusCode, org).toBe(404);
    }
    expect((await userRow(id)).orgId).toBe(t.orgs.D.id);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses fields the client may not set: 400 naming the field', async () => {
    const id = await t.createUser('no-mass', 'D', ['caseworker']);
    const before = await userRow(id);
    for (const extra of [{ passwordHash: 'x' }, { active: false }, { username: 'renamed-login' }, { roles: ['org_admin'] }, { lockedUntil: null }]) {
      const field = Object.keys(extra)[0];
      const res = await adminB.patch(`/api/users/${id}`, { displayName: '改', ...extra });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(`body.${field}`);
    }
    expect(await userRow(id)).toEqual(before);
    expect(await rolesOf(id)).toEqual(['caseworker']);
  });

  it('refuses moving oneself (409 own_org)', async () => {
    const res = await adminB.patch(`/api/users/${adminBId}`, { orgId: t.orgs.D.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('own_org');
  });

  it('rejects another subtree (404)', async () => {
    const atC = await t.createUser('update-at-c', 'C', []);
    expect((await adminB.patch(`/api/users/${atC}`, { displayName: '越权' })).statusCode).toBe(404);
    expect((await userRow(atC)).displayName).toBe('update-at-c');
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const id = await t.createUser('update-denied', 'D', []);
    await expectDenied(await cwB.patch(`/api/users/${id}`, { displayName: '无权' }), 'user.update', 'cw-b');
    await expectDenied(await audA.patch(`/api/users/${id}`, { displayName: '无权' }), 'user.update', 'aud-a');
    expect((await userRow(id)).displayName).toBe('update-denied');
  });
});

describe('disable and enable', () => {
  it('disables a user, ending their sessions and refusing sign-in, and enables them again', async () => {
    const id = await t.createUser('toggled', 'E', ['caseworker']);
    const s = await t.signIn('toggled');
    const off = await adminB.post(`/api/users/${id}/disable`);
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signInRaw('toggled', TEST_PASSWORD)).statusCode).toBe(401);
    const on = await adminB.post(`/api/users/${id}/enable`);
    expect(on.statusCode).toBe(200);
    expect(on.json().active).toBe(true);
    expect((await signInRaw('toggled', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await auditRows(t, 'user.disable', id))[0]).toMatchObject({ actorUsername: 'admin-b', outcome: 'success', orgId: t.orgs.E.id });
    expect((await auditRows(t, 'user.enable', id))[0]).toMatchObject({ actorUsername: 'admin-b', outcome: 'success' });
  });

  it('refuses disabling oneself (409 own_account)', async () => {
    const res = await adminB.post(`/api/users/${adminBId}/disable`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('own_account');
    expect((await userRow(adminBId)).active).toBe(true);
  });

  it('rejects another subtree (404) and a missing permission (403, logged)', async () => {
    const atF = await t.createUser('toggle-at-f', 'F', []);
    expect((await adminB.post(`/api/users/${atF}/disable`)).statusCode).toBe(404);
    const id = await t.createUser('toggle-denied', 'E', []);
    await expectDenied(await cwB.post(`/api/users/${id}/disable`), 'user.disable', 'cw-b');
    await expectDenied(await audA.post(`/api/users/${id}/enable`), 'user.disable', 'aud-a');
    expect((await userRow(atF)).active).toBe(true);
    expect((await userRow(id)).active).toBe(true);
  });
});

describe('unlock', () => {
  it('clears a lock left by 5 failed sign-ins', async () => {
    const id = await t.createUser('locked-out', 'D', ['caseworker']);
    for (let i = 0; i < 5; i++) expect((await signInRaw('locked-out', 'wrong-password-123')).statusCode).toBe(401);
    expect((await signInRaw('locked-out', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await adminB.get(`/api/users/${id}`)).json().locked).toBe(true);

    const res = await adminB.post(`/api/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect(await userRow(id)).toMatchObject({ lockedUntil: null, failedCount: 0, firstFailedAt: null });
    expect((await signInRaw('locked-out', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await auditRows(t, 'user.unlock', id))[0]).toMatchObject({ actorUsername: 'admin-b', outcome: 'success' });
  });

  it('lets the security admin unlock too', async () => {
    const id = await t.createUser('locked-2', 'G', ['caseworker']);
    for (let i = 0; i < 5; i++) await signInRaw('locked-2', 'wrong-password-123');
    expect((await secA.post(`/api/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await signInRaw('locked-2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rejects another subtree (404) and a missing permission (403, logged)', async () => {
    const atC = await t.createUser('unlock-at-c', 'C', []);
    expect((await adminB.post(`/api/users/${atC}/unlock`)).statusCode).toBe(404);
    await expectDenied(await sysA.post(`/api/users/${atC}/unlock`), 'user.unlock', 'sys-a');
  });
});

describe('reset password', () => {
  it('returns a new one-time password, ends sessions, and makes the user change it', async () => {
    const id = await t.createUser('forgetful', 'D', ['caseworker']);
    const s = await t.signIn('forgetful');
    const res = await adminB.post(`/api/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { oneTimePassword } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await signInRaw('forgetful', TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await t.signIn('forgetful', oneTimePassword);
    expect((await fresh.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const [entry] = await auditRows(t, 'user.reset_password', id);
    expect(entry).toMatchObject({ actorUsername: 'admin-b', outcome: 'success', orgId: t.orgs.D.id });
    expect(JSON.stringify(entry)).not.toContain(oneTimePassword);
  });

  it('gives a different password each time', async () => {
    const id = await t.createUser('twice-reset', 'E', []);
    const a = (await adminB.post(`/api/users/${id}/reset-password`)).json().oneTimePassword;
    const b = (await adminB.post(`/api/users/${id}/reset-password`)).json().oneTimePassword;
    expect(a).not.toBe(b);
    expect((await signInRaw('twice-reset', a)).statusCode).toBe(401);
    expect((await signInRaw('twice-reset', b)).statusCode).toBe(200);
  });

  it('refuses one’s own account (409 own_account)', async () => {
    const res = await adminB.post(`/api/users/${adminBId}/reset-password`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('own_account');
  });

  it('rejects another subtree (404) and a missing permission (403, logged)', async () => {
    const atG = await t.createUser('reset-at-g', 'G', []);
    expect((await adminB.post(`/api/users/${atG}/reset-password`)).statusCode).toBe(404);
    await expectDenied(await cwB.post(`/api/users/${atG}/reset-password`), 'user.reset_password', 'cw-b');
    await expectDenied(await secA.post(`/api/users/${atG}/reset-password`), 'user.reset_password', 'sec-a');
    expect((await signInRaw('reset-at-g', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('三员: separated administrators', () => {
  it('the system admin cannot read the audit log (403, logged)', async () => {
    await expectDenied(await sysA.get('/api/audit'), 'audit.read', 'sys-a');
  });

  it('the security admin cannot read the audit log either', async () => {
    await expectDenied(await secA.get('/api/audit'), 'audit.read', 'sec-a');
  });

  it('the auditor cannot create users, change roles or create orgs, but reads the audit log', async () => {
    const before = await tableCounts();
    const someone = await t.createUser('audited-user', 'D', ['caseworker']);
    const afterSetup = await tableCounts();
    await expectDenied(await audA.post('/api/users', { orgId: t.orgs.D.id, username: 'from-auditor', displayName: '审计员建' }), 'user.create', 'aud-a');
    await expectDenied(await audA.put(`/api/users/${someone}/roles`, { roles: ['reviewer'] }), 'role.assign', 'aud-a');
    await expectDenied(await audA.post('/api/orgs', { parentId: t.orgs.D.id, code: 'AUD-ORG', name: '审计员建', type: 'aid_station' }), 'org.create', 'aud-a');
    await expectDenied(await audA.patch(`/api/orgs/${t.orgs.D.id}`, { name: '审计员改' }), 'org.update', 'aud-a');
    expect(afterSetup.users).toBe(before.users + 1);
    expect(await tableCounts()).toEqual(afterSetup);
    expect(await rolesOf(someone)).toEqual(['caseworker']);

    const log = await audA.get('/api/audit?action=authz.deny&actor=aud-a');
    expect(log.statusCode).toBe(200);
    expect(log.json().total).toBeGreaterThanOrEqual(4);
  });
});
