import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, userRoles, users } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/context.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { hrSessionFor, makeEnterprise, sampleEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { resolveSession } from '../../auth/sessions.js';
import { enterpriseScope } from './enterprise-scope.js';
import { enterpriseVisible } from './enterprises.queries.js';

let t: TestApp;
let jobsB: Session;
let ours: string; // an enterprise of D, whose HR account is `hr`
let neighbour: string; // another enterprise of the same org D
let elsewhere: string; // an enterprise of E
let hr: Session;
let hrUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  jobsB = await t.signIn('jobs-b');
  [ours, neighbour, elsewhere] = [await makeEnterprise(t, 'D'), await makeEnterprise(t, 'D'), await makeEnterprise(t, 'E')];
  ({ session: hr, userId: hrUserId } = await hrSessionFor(t, ours, 'hr-ours'));
});
afterAll(() => t.close());

describe('create an HR account (创建招聘账号)', () => {
  it('makes a user of the enterprise’s org with role enterprise_hr and the enterprise, a one-time password shown once', async () => {
    const res = await jobsB.post(`/api/enterprises/${neighbour}/hr-accounts`, { username: ' HR.Neighbour ', displayName: ' 王招聘 ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { account, oneTimePassword } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(account).toMatchObject({ username: 'hr.neighbour', displayName: '王招聘', active: true, mustChangePassword: true });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, account.id));
    expect(row).toMatchObject({ orgId: t.orgs.D.id, enterpriseId: neighbour, mustChangePassword: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(oneTimePassword);
    expect((await t.database.db.select().from(userRoles).where(eq(userRoles.userId, account.id))).map((r) => r.roleKey)).toEqual(['enterprise_hr']);
    const [audit] = await auditRows(t, 'user.create', account.id);
    expect(audit).toMatchObject({ actorUsername: 'jobs-b', orgId: t.orgs.D.id, outcome: 'success' });
    expect(audit.details).toEqual({ username: 'hr.neighbour', roles: ['enterprise_hr'], enterpriseId: neighbour });

    // Listed on the enterprise, never with the password; signing in with it asks for a new one first.
    const list = await jobsB.get(`/api/enterprises/${neighbour}/hr-accounts`);
    expect(list.json().items.map((a: { username: string }) => a.username)).toEqual(['hr.neighbour']);
    expect(list.body).not.toContain(oneTimePassword);
    const first = await t.signIn('hr.neighbour', oneTimePassword);
    expect((await first.get('/api/enterprises')).statusCode).toBe(403);
    expect((await first.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'neighbour-long-password-3' })).statusCode).toBe(200);
    expect((await first.get('/api/enterprises')).json().items.map((e: { id: string }) => e.id)).toEqual([neighbour]);
  });

  it('refuses a taken username (409 naming username) and an inactive enterprise (409)', async () => {
    const taken = await jobsB.post(`/api/enterprises/${neighbour}/hr-accounts`, { username: 'HR-OURS', displayName: '重名' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toMatchObject({ reason: 'username_taken', field: 'username' });
    const closed = await makeEnterprise(t, 'E');
    await jobsB.post(`/api/enterprises/${closed}/deactivate`);
    const res = await jobsB.post(`/api/enterprises/${closed}/hr-accounts`, { username: 'hr-closed', displayName: '停用单位' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('enterprise_inactive');
  });

  it('is staff work: an HR account cannot create accounts or list them (403)', async () => {
    expect((await hr.post(`/api/enterprises/${ours}/hr-accounts`, { username: 'hr-second', displayName: '二号' })).statusCode).toBe(403);
    expect((await hr.get(`/api/enterprises/${ours}/hr-accounts`)).statusCode).toBe(403);
  });
});

describe('an HR account sees and edits only its own enterprise', () => {
  it('lists only its enterprise, whatever the filters', async () => {
    for (const query of ['', '?status=active', `?orgId=${t.orgs.D.id}`, '?pageSize=200', '?industry=manufacturing']) {
      const res = await hr.get(`/api/enterprises${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.json().items.map((e: { id: string }) => e.id), query).toEqual([ours]);
      expect(res.json().total).toBe(1);
      expect(res.body).not.toContain(neighbour);
    }
  });

  it('answers 404 for another enterprise, even of the same org, on every route', async () => {
    expect((await hr.get(`/api/enterprises/${ours}`)).statusCode).toBe(200);
    for (const id of [neighbour, elsewhere]) {
      const get = await hr.get(`/api/enterprises/${id}`);
      expect(get.statusCode).toBe(404);
      expect(get.json().error.message).toBe('enterprise not found');
      expect((await hr.patch(`/api/enterprises/${id}`, { name: '改别人的', version: 1 })).statusCode).toBe(404);
    }
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, neighbour));
    expect(row.version).toBe(1);
  });

  it('corrects its own enterprise’s details, but not its code (403, logged) and not its status (403)', async () => {
    const res = await hr.patch(`/api/enterprises/${ours}`, { contactName: '赵经理', contactPhone: '13803910009', priorityPledge: true, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contactName: '赵经理', contactPhone: '13803910009', version: 2 });
    const [audit] = await auditRows(t, 'enterprise.update', ours);
    expect(audit).toMatchObject({ actorUsername: 'hr-ours' });
    const code = await hr.patch(`/api/enterprises/${ours}`, { uscc: sampleEnterprise(t, 'D').uscc, version: 2 });
    expect(code.statusCode).toBe(403);
    expect((await auditRows(t, 'authz.deny')).at(-1)).toMatchObject({ actorUsername: 'hr-ours', outcome: 'denied' });
    expect((await hr.post(`/api/enterprises/${ours}/deactivate`)).statusCode).toBe(403);
    expect((await hr.post('/api/enterprises', sampleEnterprise(t, 'D'))).statusCode).toBe(403);
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, ours));
    expect(row).toMatchObject({ version: 2, status: 'active' });
  });
});

describe('the actor carries its enterprise', () => {
  it('from a session and for a background job (loadActiveActor); staff carry none', async () => {
    const token = hr.cookie.split('=')[1];
    expect((await resolveSession(t.database.db, t.clock, token))?.enterpriseId).toBe(ours);
    expect((await loadActiveActor(t.database.db, hrUserId))?.enterpriseId).toBe(ours);
    const staffId = (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'jobs-b')))[0].id;
    expect((await loadActiveActor(t.database.db, staffId))?.enterpriseId).toBeNull();
  });

  it('enterpriseScope: the enterprise for an HR account, nothing more for staff, and nothing at all for an enterprise_hr without an enterprise', async () => {
    const base: Actor = { userId: hrUserId, username: 'x', orgId: t.orgs.D.id, orgPath: t.orgs.D.path, roles: ['enterprise_hr'], permissions: new Set(['job.read']) };
    const visible = async (actor: Actor) => (await t.database.db.select({ id: enterprises.id }).from(enterprises).where(enterpriseVisible(actor))).map((r) => r.id).sort();
    expect(await visible({ ...base, enterpriseId: ours })).toEqual([ours]);
    expect(await visible({ ...base, enterpriseId: null })).toEqual([]);
    expect(await visible({ ...base, roles: ['jobs_officer'], enterpriseId: null })).toEqual([ours, neighbour].sort());
    expect(enterpriseScope({ ...base, roles: ['jobs_officer'] }, enterprises.id)).toBeUndefined();
  });
});
