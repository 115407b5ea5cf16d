import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import type { AuditRow } from '../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

/**
 * A small history over three days, then the auditor's searches are checked against the rows in the
 * database filtered independently here.
 */
let t: TestApp;
let audA: Session; // auditor at A: everything, also entries without an org
let audB: Session; // auditor at B: B, D, E only
const ids: Record<string, string> = {};
const requestIds: Record<string, string> = {};

const DAY1 = '2026-03-02T10:00:00+08:00';
const DAY2 = '2026-03-03T10:00:00+08:00';
const DAY3 = '2026-03-04T10:00:00+08:00';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('aud-a', 'A', ['auditor']);
  await t.createUser('aud-b', 'B', ['auditor']);
  await t.createUser('admin-b', 'B', ['org_admin']);
  await t.createUser('admin-c', 'C', ['org_admin']);
  await t.createUser('cw-b', 'B', ['caseworker']);
  ids.userD = await t.createUser('user-d', 'D', []);
  ids.userE = await t.createUser('user-e', 'E', ['caseworker']);
  ids.userG = await t.createUser('user-g', 'G', ['caseworker']);

  t.clock.set(new Date(DAY1));
  let adminB = await t.signIn('admin-b');
  let adminC = await t.signIn('admin-c');
  const d1 = await adminB.post('/api/orgs', { parentId: t.orgs.D.id, code: 'AUD-D1', name: '审计D1', type: 'grassroots_union' });
  ids.orgD1 = d1.json().id;
  requestIds.createD1 = d1.headers['x-request-id'] as string;
  const f1 = await adminC.post('/api/orgs', { parentId: t.orgs.F.id, code: 'AUD-F1', name: '审计F1', type: 'grassroots_union' });
  ids.orgF1 = f1.json().id;

  t.clock.set(new Date(DAY2));
  [adminB, adminC] = [await t.signIn('admin-b'), await t.signIn('admin-c')];
  expect((await adminB.post(`/api/users/${ids.userE}/disable`)).statusCode).toBe(200);
  expect((await adminC.post(`/api/users/${ids.userG}/reset-password`)).statusCode).toBe(200);
  const cw = await t.signIn('cw-b');
  const denied = await cw.post('/api/orgs', { parentId: t.orgs.D.id, code: 'AUD-NO', name: '无权', type: 'aid_station' });
  expect(denied.statusCode).toBe(403);
  requestIds.denied = denied.headers['x-request-id'] as string;
  const ghost = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'ghost-user', password: 'whatever-password' } });
  expect(ghost.statusCode).toBe(401);
  requestIds.ghost = ghost.headers['x-request-id'] as string;

  t.clock.set(new Date(DAY3));
  adminB = await t.signIn('admin-b');
  expect((await adminB.put(`/api/users/${ids.userD}/roles`, { roles: ['caseworker'] })).statusCode).toBe(200);
  expect((await adminB.patch(`/api/orgs/${ids.orgD1}`, { name: '审计D1改' })).statusCode).toBe(200);
  [audA, audB] = [await t.signIn('aud-a'), await t.signIn('aud-b')];
});
afterAll(() => t.close());

const allRows = () => t.database.db.select().from(auditLog).orderBy(desc(auditLog.id));
const inA = (r: AuditRow) => r.orgPath === null || r.orgPath.startsWith(t.orgs.A.path);
const inB = (r: AuditRow) => !!r.orgPath?.startsWith(t.orgs.B.path);

/** Searches with `qs` and checks the answer is exactly the rows `keep` selects within the scope, newest first. */
async function expectSearch(s: Session, qs: string, keep: (r: AuditRow) => boolean, scope = inA) {
  const expected = (await allRows()).filter((r) => scope(r) && keep(r));
  expect(expected.length, `the fixture has rows for ${qs}`).toBeGreaterThan(0);
  const res = await s.get(`/api/audit?pageSize=200&${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.items.map((i: { id: number }) => i.id)).toEqual(expected.map((r) => r.id));
  expect(body.total).toBe(expected.length);
  return body.items as Array<AuditRow & { at: string }>;
}

async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('the statement was not refused');
}

describe('append-only audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database, leaving every row as it was', async () => {
    const before = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(before.length).toBeGreaterThan(10);
    const db = t.database.db;
    expect(await dbError(db.execute(sql`update audit_log set outcome = 'success', actor_username = 'someone-else'`))).toMatch(/append-only/);
    expect(await dbError(db.execute(sql`update audit_log set details = '{}' where id = ${before[0].id}`))).toMatch(/append-only/);
    expect(await dbError(db.execute(sql`delete from audit_log where action = 'authz.deny'`))).toMatch(/append-only/);
    expect(await dbError(db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await dbError(db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await dbError(db.update(auditLog).set({ action: 'x.y' }).where(eq(auditLog.id, before[0].id)))).toMatch(/append-only/);
    expect(await dbError(db.delete(auditLog).where(eq(auditLog.id, before[0].id)))).toMatch(/append-only/);
    expect(await t.database.db.select().from(auditLog).orderBy(asc(auditLog.id))).toEqual(before);
  });

  it('still accepts new rows', async () => {
    const before = (await allRows()).length;
    await t.signIn('aud-a');
    expect((await allRows()).length).toBe(before + 1);
  });
});

describe('auditor search', () => {
  it('lists the whole scope, newest first, with page and total', async () => {
    const items = await expectSearch(audA, '', () => true);
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['org.create', 'user.disable', 'user.reset_password', 'authz.deny', 'user.set_roles', 'org.update', 'auth.sign_in']));
  });

  it('filters by actor', async () => {
    const items = await expectSearch(audA, 'actor=admin-c', (r) => !!r.actorUsername?.includes('admin-c'));
    expect(items.map((i) => i.action).sort()).toEqual(['auth.sign_in', 'auth.sign_in', 'org.create', 'user.reset_password']);
    await expectSearch(audA, 'actor=ADMIN', (r) => !!r.actorUsername?.includes('admin'));
    await expectSearch(audA, 'actor=ghost', (r) => r.actorUsername === 'ghost-user');
  });

  it('filters by org: orgId takes the whole subtree', async () => {
    const c = await expectSearch(audA, `orgId=${t.orgs.C.id}`, (r) => !!r.orgPath?.startsWith(t.orgs.C.path));
    expect(c.map((i) => i.objectId)).toEqual(expect.arrayContaining([ids.orgF1, ids.userG]));
    expect(c.map((i) => i.objectId)).not.toContain(ids.orgD1);
    const f = await expectSearch(audA, `orgId=${t.orgs.F.id}`, (r) => !!r.orgPath?.startsWith(t.orgs.F.path));
    expect(f.map((i) => i.objectId)).toEqual([ids.orgF1]);
    await expectSearch(audA, `orgId=${t.orgs.D.id}`, (r) => !!r.orgPath?.startsWith(t.orgs.D.path));
  });

  it('filters by action, exactly or by entity prefix', async () => {
    const creates = await expectSearch(audA, 'action=org.create', (r) => r.action === 'org.create');
    expect(creates.map((i) => i.objectId).sort()).toEqual([ids.orgD1, ids.orgF1].sort());
    const userVerbs = await expectSearch(audA, 'action=user.', (r) => r.action.startsWith('user.'));
    expect(new Set(userVerbs.map((i) => i.action))).toEqual(new Set(['user.disable', 'user.reset_password', 'user.set_roles']));
    const none = await audA.get('/api/audit?action=user');
    expect(none.statusCode).toBe(200);
    expect(none.json().total).toBe(0); // no prefix match without the dot
  });

  it('filters by object type and id', async () => {
    const aboutE = await expectSearch(audA, `objectType=user&objectId=${ids.userE}`, (r) => r.objectType === 'user' && r.objectId === ids.userE);
    expect(aboutE.map((i) => i.action)).toEqual(['user.disable']);
    const aboutD1 = await expectSearch(audA, `objectId=${ids.orgD1}`, (r) => r.objectId === ids.orgD1);
    expect(aboutD1.map((i) => i.action)).toEqual(['org.update', 'org.create']);
    await expectSearch(audA, 'objectType=org', (r) => r.objectType === 'org');
  });

  it('filters by outcome', async () => {
    const denied = await expectSearch(audA, 'outcome=denied', (r) => r.outcome === 'denied');
    expect(denied.map((i) => i.requestId)).toContain(requestIds.denied);
    const failed = await expectSearch(audA, 'outcome=failure', (r) => r.outcome === 'failure');
    expect(failed.map((i) => i.actorUsername)).toContain('ghost-user');
  });

  it('filters by time: from inclusive, to exclusive, with an offset', async () => {
    const from = encodeURIComponent('2026-03-03T00:00:00+08:00');
    const to = encodeURIComponent('2026-03-04T00:00:00+08:00');
    const day2 = await expectSearch(audA, `from=${from}&to=${to}`, (r) => r.at >= new Date('2026-03-03T00:00:00+08:00') && r.at < new Date('2026-03-04T00:00:00+08:00'));
    expect(day2.map((i) => i.action)).toEqual(expect.arrayContaining(['user.disable', 'user.reset_password', 'authz.deny']));
    expect(day2.map((i) => i.action)).not.toContain('org.create');
    for (const i of day2) expect(i.at).toBe(new Date(DAY2).toISOString());
    const fromDay3 = await expectSearch(audA, `from=${encodeURIComponent(DAY3)}`, (r) => r.at >= new Date(DAY3));
    expect(fromDay3.map((i) => i.action)).toContain('user.set_roles');
    const beforeDay2 = await audA.get(`/api/audit?pageSize=200&to=${encodeURIComponent(DAY2)}`);
    expect(beforeDay2.json().items.map((i: { action: string }) => i.action)).not.toContain('user.disable');
    await expectSearch(audA, `from=${encodeURIComponent('2026-03-02T01:59:59Z')}&to=${encodeURIComponent('2026-03-02T02:00:01Z')}`, (r) => r.at.toISOString() === '2026-03-02T02:00:00.000Z');
  });

  it('combines filters', async () => {
    await expectSearch(audA, `actor=admin-b&action=org.&orgId=${t.orgs.D.id}`, (r) => r.actorUsername === 'admin-b' && r.action.startsWith('org.') && !!r.orgPath?.startsWith(t.orgs.D.path));
  });

  it('pages through the results, in either order', async () => {
    const all = (await audA.get('/api/audit?pageSize=200')).json();
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await audA.get(`/api/audit?pageSize=4&page=${page}`);
      expect(res.json()).toMatchObject({ page, pageSize: 4, total: all.total });
      pages.push(...res.json().items.map((i: { id: number }) => i.id));
    }
    expect(pages).toEqual(all.items.slice(0, 12).map((i: { id: number }) => i.id));
    const asc = (await audA.get('/api/audit?pageSize=200&order=asc')).json();
    expect(asc.items.map((i: { id: number }) => i.id)).toEqual(all.items.map((i: { id: number }) => i.id).reverse());
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    for (const [qs, field] of [['action=DROP%20TABLE', 'querystring.action'], ['outcome=maybe', 'querystring.outcome'], ['from=yesterday', 'querystring.from'], ['to=2026-03-04T10:00:00', 'querystring.to'], ['orgId=abc', 'querystring.orgId'], ['pageSize=0', 'querystring.pageSize'], ['sort=actor', 'querystring.sort']]) {
      const res = await audA.get(`/api/audit?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field), qs).toContain(field);
    }
  });
});

describe('auditor scope', () => {
  it('shows an auditor at B only entries of B, D and E', async () => {
    const items = await expectSearch(audB, '', () => true, inB);
    expect(items.map((i) => i.objectId)).toEqual(expect.arrayContaining([ids.orgD1, ids.userE, ids.userD]));
    const seen = JSON.stringify(items);
    for (const hidden of [ids.orgF1, ids.userG, t.orgs.C.id, t.orgs.F.id, t.orgs.G.id, 'admin-c', 'ghost-user']) expect(seen).not.toContain(hidden);
  });

  it('keeps C’s entries from an auditor at B under every filter', async () => {
    expect((await audB.get(`/api/audit?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    expect((await audB.get(`/api/audit?orgId=${t.orgs.F.id}`)).statusCode).toBe(404);
    expect((await audB.get('/api/audit?actor=admin-c')).json().total).toBe(0);
    expect((await audB.get(`/api/audit?objectId=${ids.userG}`)).json().total).toBe(0);
    expect((await audB.get('/api/audit?action=user.reset_password')).json().total).toBe(0);
    await expectSearch(audB, 'action=user.', (r) => r.action.startsWith('user.'), inB);
  });

  it('shows entries without an org (sign-ins of unknown names) to the city level only', async () => {
    const city = await expectSearch(audA, 'actor=ghost', (r) => r.actorUsername === 'ghost-user');
    expect(city[0]).toMatchObject({ action: 'auth.sign_in', outcome: 'failure', orgPath: null });
    expect((await audB.get('/api/audit?outcome=failure')).json().items.some((i: { orgPath: string | null }) => i.orgPath === null)).toBe(false);
  });
});

describe('request ids', () => {
  it('ties each entry to the X-Request-Id of the response that wrote it', async () => {
    const byRequest = async (requestId: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.requestId, requestId)));
    expect((await byRequest(requestIds.createD1)).map((r) => [r.action, r.objectId])).toEqual([['org.create', ids.orgD1]]);
    expect((await byRequest(requestIds.denied)).map((r) => r.action)).toEqual(['authz.deny']);
    expect((await byRequest(requestIds.ghost)).map((r) => r.action)).toEqual(['auth.sign_in']);

    const s = await t.signIn('admin-b');
    const res = await s.patch(`/api/orgs/${ids.orgD1}`, { nameEn: 'Audit D1' });
    expect(res.statusCode).toBe(200);
    const header = res.headers['x-request-id'] as string;
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    const items = (await audA.get(`/api/audit?action=org.update&objectId=${ids.orgD1}`)).json().items;
    expect(items[0].requestId).toBe(header);
  });

  it('gives every request its own id', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) seen.add((await audA.get('/api/audit?pageSize=1')).headers['x-request-id'] as string);
    expect(seen.size).toBe(5);
  });
});
