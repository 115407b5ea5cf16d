import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, orgs } from '../../db/schema/index.js';
import { auditRows, countRows, orgRow, withAuditWriteRefused } from '../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import type { OrgRow } from './orgs.queries.js';

let t: TestApp;
let adminA: Session; // org_admin at A: the whole tree
let adminB: Session; // org_admin at B: B, D, E
let adminF: Session; // org_admin at F: F only (for exact list totals)
let cwB: Session; // caseworker at B: org.read only

let codeCounter = 0;
const newCode = (prefix = 'OT') => `${prefix}-${++codeCounter}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('admin-b', 'B', ['org_admin']);
  await t.createUser('admin-f', 'F', ['org_admin']);
  await t.createUser('cw-b', 'B', ['caseworker']);
  await t.createUser('bare-b', 'B', []);
  [adminA, adminB, adminF, cwB] = await Promise.all(['admin-a', 'admin-b', 'admin-f', 'cw-b'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

/** Creates an org through the API and returns its database row. */
async function makeOrg(as: Session, parentId: string, extra: Record<string, unknown> = {}): Promise<OrgRow> {
  const res = await as.post('/api/orgs', { parentId, code: newCode(), name: `测试组织${codeCounter}`, type: 'grassroots_union', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return orgRow(t, res.json().id);
}

/** Registers an org made in a test under a name, so t.createUser can place users there. */
function register(name: string, row: OrgRow) {
  t.orgs[name] = row;
}

async function expectDenied(res: { statusCode: number; json(): any }, permission: string, username: string) {
  expect(res.statusCode).toBe(403);
  expect(res.json().error.code).toBe('FORBIDDEN');
  expect(res.json().error.details.permission).toBe(permission);
  const denials = await auditRows(t, 'authz.deny');
  const row = denials.find((d) => d.requestId === res.json().error.requestId);
  expect(row, 'an authz.deny row for this request').toBeTruthy();
  expect(row!.outcome).toBe('denied');
  expect(row!.actorUsername).toBe(username);
  expect(row!.details.permission).toBe(permission);
}

describe('create org', () => {
  it('creates a child: 201, path and depth under the parent, code upper-cased', async () => {
    const res = await adminB.post('/api/orgs', { parentId: t.orgs.D.id, code: '  new-station-1 ', name: ' 新站 ', nameEn: 'New station', type: 'aid_station', regionCode: '410802' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ parentId: t.orgs.D.id, code: 'NEW-STATION-1', name: '新站', nameEn: 'New station', type: 'aid_station', regionCode: '410802', depth: 3, active: true });
    const row = await orgRow(t, body.id);
    expect(row.path).toBe(`${t.orgs.D.path}${row.seq}/`);
    expect(row.depth).toBe(t.orgs.D.depth + 1);
    expect(row.parentId).toBe(t.orgs.D.id);
    expect(row.code).toBe('NEW-STATION-1');
    expect((await adminB.get(`/api/orgs/${body.id}`)).statusCode).toBe(200);
  });

  it('refuses a duplicate code (in any case) with 409 code_taken and writes nothing', async () => {
    await makeOrg(adminB, t.orgs.E.id, { code: 'DUP-CODE' });
    const orgsBefore = await countRows(t, orgs);
    const createsBefore = (await auditRows(t, 'org.create')).length;
    const res = await adminB.post('/api/orgs', { parentId: t.orgs.D.id, code: 'dup-code', name: '重复', type: 'aid_station' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.details.reason).toBe('code_taken');
    expect(await countRows(t, orgs)).toBe(orgsBefore);
    expect((await auditRows(t, 'org.create')).length).toBe(createsBefore);
  });

  it('refuses a deactivated parent (409 parent_inactive)', async () => {
    const parent = await makeOrg(adminB, t.orgs.E.id);
    expect((await adminB.post(`/api/orgs/${parent.id}/deactivate`)).statusCode).toBe(200);
    const res = await adminB.post('/api/orgs', { parentId: parent.id, code: newCode(), name: '子', type: 'aid_station' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('parent_inactive');
  });

  it('rejects another subtree (404) and writes nothing', async () => {
    const before = await countRows(t, orgs);
    for (const parent of ['A', 'C', 'F']) {
      const res = await adminB.post('/api/orgs', { parentId: t.orgs[parent].id, code: newCode(), name: '越权', type: 'aid_station' });
      expect(res.statusCode, parent).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(await countRows(t, orgs)).toBe(before);
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const before = await countRows(t, orgs);
    const res = await cwB.post('/api/orgs', { parentId: t.orgs.D.id, code: newCode(), name: '无权', type: 'aid_station' });
    await expectDenied(res, 'org.create', 'cw-b');
    expect(await countRows(t, orgs)).toBe(before);
  });

  it('writes the audit row org.create with the request id', async () => {
    const res = await adminB.post('/api/orgs', { parentId: t.orgs.E.id, code: newCode(), name: '审计', type: 'grassroots_union' });
    expect(res.statusCode).toBe(201);
    const row = await orgRow(t, res.json().id);
    const [entry] = await auditRows(t, 'org.create', row.id);
    expect(entry).toMatchObject({ actorUsername: 'admin-b', objectType: 'org', orgId: row.id, orgPath: row.path, outcome: 'success', requestId: res.headers['x-request-id'] });
    expect(entry.details).toMatchObject({ code: row.code, name: '审计' });
  });

  it('writes the org and its audit row in one transaction: no audit row, no org', async () => {
    const before = await countRows(t, orgs);
    const code = newCode();
    const res = await withAuditWriteRefused(t, 'org.create', () =>
      adminB.post('/api/orgs', { parentId: t.orgs.E.id, code, name: '回滚', type: 'aid_station' }),
    );
    expect(res.statusCode).toBe(500);
    expect(await countRows(t, orgs)).toBe(before);
    expect(await t.database.db.select().from(orgs).where(eq(orgs.code, code))).toEqual([]);
  });
});

describe('rename org (PATCH)', () => {
  it('renames and retypes, keeping code and place', async () => {
    const org = await makeOrg(adminB, t.orgs.D.id);
    const res = await adminB.patch(`/api/orgs/${org.id}`, { name: '新名字', nameEn: 'New name', type: 'aid_station' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: org.id, name: '新名字', nameEn: 'New name', type: 'aid_station', code: org.code });
    const after = await orgRow(t, org.id);
    expect(after).toMatchObject({ name: '新名字', path: org.path, parentId: org.parentId, code: org.code });
  });

  it('rejects another subtree (404) and changes nothing', async () => {
    for (const name of ['A', 'C', 'G']) {
      const res = await adminB.patch(`/api/orgs/${t.orgs[name].id}`, { name: '被改' });
      expect(res.statusCode, name).toBe(404);
      expect((await orgRow(t, t.orgs[name].id)).name).toBe(`组织${name}`);
    }
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const res = await cwB.patch(`/api/orgs/${t.orgs.D.id}`, { name: '被改' });
    await expectDenied(res, 'org.update', 'cw-b');
    expect((await orgRow(t, t.orgs.D.id)).name).toBe('组织D');
  });

  it('writes the audit row org.update with what changed', async () => {
    const org = await makeOrg(adminB, t.orgs.E.id, { name: '旧名' });
    const res = await adminB.patch(`/api/orgs/${org.id}`, { name: '新名' });
    expect(res.statusCode).toBe(200);
    const [entry] = await auditRows(t, 'org.update', org.id);
    expect(entry).toMatchObject({ actorUsername: 'admin-b', objectType: 'org', orgPath: org.path, outcome: 'success', requestId: res.headers['x-request-id'] });
    expect(entry.details).toEqual({ changed: { name: { from: '旧名', to: '新名' } } });
  });

  it('keeps the old name when its audit row cannot be written', async () => {
    const org = await makeOrg(adminB, t.orgs.E.id, { name: '原名' });
    const res = await withAuditWriteRefused(t, 'org.update', () => adminB.patch(`/api/orgs/${org.id}`, { name: '不该生效' }));
    expect(res.statusCode).toBe(500);
    expect((await orgRow(t, org.id)).name).toBe('原名');
    expect(await auditRows(t, 'org.update', org.id)).toEqual([]);
  });
});

describe('move org', () => {
  // A separate app: the move rearranges the fixture tree itself (D goes from B to C).
  let m: TestApp;
  let moverA: Session;
  let atB: Session;
  let atC: Session;
  let cwAtB: Session;
  let d1: OrgRow;
  let d2: OrgRow;
  let userAtD: string;
  let userAtD2: string;

  beforeAll(async () => {
    m = await createTestApp();
    await m.createUser('mover-a', 'A', ['org_admin']);
    await m.createUser('boss-b', 'B', ['org_admin']);
    await m.createUser('boss-c', 'C', ['org_admin']);
    await m.createUser('clerk-b', 'B', ['caseworker']);
    userAtD = await m.createUser('worker-d', 'D', ['caseworker']);
    [moverA, atB, atC, cwAtB] = await Promise.all(['mover-a', 'boss-b', 'boss-c', 'clerk-b'].map((u) => m.signIn(u)));
    const create = async (parentId: string, code: string) => {
      const res = await moverA.post('/api/orgs', { parentId, code, name: code, type: 'grassroots_union' });
      expect(res.statusCode, res.body).toBe(201);
      const [row] = await m.database.db.select().from(orgs).where(eq(orgs.id, res.json().id));
      return row;
    };
    d1 = await create(m.orgs.D.id, 'MV-D1');
    d2 = await create(d1.id, 'MV-D2');
    m.orgs.D2 = d2;
    userAtD2 = await m.createUser('worker-d2', 'D2', ['caseworker']);
  });
  afterAll(() => m.close());

  const row = async (id: string) => (await m.database.db.select().from(orgs).where(eq(orgs.id, id)))[0];

  it('moves D from B to C: the subtree paths are rewritten, B loses D and its users at once, C gains them', async () => {
    // B sees D, D's descendants and D's users before the move.
    for (const url of [`/api/orgs/${m.orgs.D.id}`, `/api/orgs/${d2.id}`, `/api/users/${userAtD}`, `/api/users/${userAtD2}`])
      expect((await atB.get(url)).statusCode, url).toBe(200);
    expect((await atC.get(`/api/orgs/${m.orgs.D.id}`)).statusCode).toBe(404);

    const res = await moverA.post(`/api/orgs/${m.orgs.D.id}/move`, { newParentId: m.orgs.C.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: m.orgs.D.id, parentId: m.orgs.C.id, depth: 2 });

    const d = await row(m.orgs.D.id);
    expect(d.path).toBe(`${m.orgs.C.path}${m.orgs.D.seq}/`);
    expect(d.parentId).toBe(m.orgs.C.id);
    expect((await row(d1.id)).path).toBe(`${d.path}${d1.seq}/`);
    expect((await row(d2.id)).path).toBe(`${d.path}${d1.seq}/${d2.seq}/`);
    expect((await row(d2.id)).depth).toBe(4);
    expect((await row(m.orgs.B.id)).path).toBe(m.orgs.B.path); // siblings and the old parent keep theirs
    expect((await row(m.orgs.E.id)).path).toBe(m.orgs.E.path);

    // The session opened before the move loses access at once.
    for (const url of [`/api/orgs/${m.orgs.D.id}`, `/api/orgs/${d1.id}`, `/api/orgs/${d2.id}`, `/api/users/${userAtD}`, `/api/users/${userAtD2}`, `/api/orgs/${m.orgs.D.id}/stats`]) {
      const denied = await atB.get(url);
      expect(denied.statusCode, url).toBe(404);
    }
    expect((await atB.patch(`/api/users/${userAtD}`, { displayName: '改不了' })).statusCode).toBe(404);
    const listB = await atB.get('/api/orgs?pageSize=200');
    expect(listB.json().items.map((o: { id: string }) => o.id)).not.toContain(m.orgs.D.id);
    const usersB = await atB.get('/api/users?pageSize=200');
    expect(usersB.json().items.map((u: { id: string }) => u.id)).not.toContain(userAtD);

    // C gains the subtree and its users.
    for (const url of [`/api/orgs/${m.orgs.D.id}`, `/api/orgs/${d2.id}`, `/api/users/${userAtD}`, `/api/users/${userAtD2}`])
      expect((await atC.get(url)).statusCode, url).toBe(200);
    const treeC = await atC.get('/api/orgs/tree');
    expect(treeC.json().items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([m.orgs.D.id, d1.id, d2.id]));

    // The moved org's own users act on their (unchanged) subtree.
    const worker = await m.signIn('worker-d');
    expect((await worker.get(`/api/orgs/${d2.id}`)).statusCode).toBe(200);
  });

  it('moves up a level: depths of the whole subtree shrink', async () => {
    const res = await moverA.post(`/api/orgs/${d1.id}/move`, { newParentId: m.orgs.A.id });
    expect(res.statusCode, res.body).toBe(200);
    expect((await row(d1.id))).toMatchObject({ depth: 1, path: `${m.orgs.A.path}${d1.seq}/`, parentId: m.orgs.A.id });
    expect((await row(d2.id))).toMatchObject({ depth: 2, path: `${m.orgs.A.path}${d1.seq}/${d2.seq}/` });
  });

  it('refuses a move into the org itself or its own subtree (409 cycle), changing nothing', async () => {
    const before = await m.database.db.select().from(orgs).orderBy(orgs.seq);
    for (const target of [m.orgs.C.id, m.orgs.D.id, m.orgs.G.id]) {
      const res = await moverA.post(`/api/orgs/${m.orgs.C.id}/move`, { newParentId: target });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('cycle');
    }
    expect(await m.database.db.select().from(orgs).orderBy(orgs.seq)).toEqual(before);
  });

  it('refuses a deactivated new parent (409 parent_inactive)', async () => {
    const res0 = await moverA.post('/api/orgs', { parentId: m.orgs.E.id, code: 'MV-OFF', name: '停用', type: 'aid_station' });
    const off = res0.json().id;
    expect((await moverA.post(`/api/orgs/${off}/deactivate`)).statusCode).toBe(200);
    const res = await moverA.post(`/api/orgs/${m.orgs.G.id}/move`, { newParentId: off });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('parent_inactive');
  });

  it('rejects another subtree (404): the org or the new parent outside', async () => {
    const before = await m.database.db.select().from(orgs).orderBy(orgs.seq);
    const outsideOrg = await atB.post(`/api/orgs/${m.orgs.F.id}/move`, { newParentId: m.orgs.E.id });
    expect(outsideOrg.statusCode).toBe(404);
    const outsideParent = await atB.post(`/api/orgs/${m.orgs.E.id}/move`, { newParentId: m.orgs.C.id });
    expect(outsideParent.statusCode).toBe(404);
    expect(await m.database.db.select().from(orgs).orderBy(orgs.seq)).toEqual(before);
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const res = await cwAtB.post(`/api/orgs/${m.orgs.E.id}/move`, { newParentId: m.orgs.B.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.permission).toBe('org.move');
    const [deny] = await m.database.db.select().from(auditLog).where(eq(auditLog.requestId, res.headers['x-request-id'] as string));
    expect(deny).toMatchObject({ action: 'authz.deny', outcome: 'denied', actorUsername: 'clerk-b' });
    expect(deny.details).toEqual({ permission: 'org.move' });
  });

  it('writes the audit row org.move; a refused move writes none', async () => {
    const moves = await m.database.db.select().from(auditLog).where(eq(auditLog.action, 'org.move'));
    // Two successful moves above; the cycle, inactive-parent and out-of-scope refusals wrote nothing.
    expect(moves.map((e) => e.objectId)).toEqual([m.orgs.D.id, d1.id]);
    expect(moves[0]).toMatchObject({ actorUsername: 'mover-a', objectType: 'org', orgId: m.orgs.D.id, orgPath: `${m.orgs.C.path}${m.orgs.D.seq}/`, outcome: 'success' });
    expect(moves[0].details).toEqual({ fromParentId: m.orgs.B.id, toParentId: m.orgs.C.id });
  });

  it('leaves the tree as it was when the audit row cannot be written', async () => {
    const before = await m.database.db.select().from(orgs).orderBy(orgs.seq);
    const res = await withAuditWriteRefused(m, 'org.move', () => moverA.post(`/api/orgs/${m.orgs.E.id}/move`, { newParentId: m.orgs.C.id }));
    expect(res.statusCode).toBe(500);
    expect(await m.database.db.select().from(orgs).orderBy(orgs.seq)).toEqual(before);
  });
});

describe('deactivate and activate', () => {
  it('refuses to deactivate while active children exist (409 has_active_children)', async () => {
    const res = await adminA.post(`/api/orgs/${t.orgs.B.id}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'has_active_children' });
    expect((await orgRow(t, t.orgs.B.id)).active).toBe(true);
  });

  it('refuses to deactivate while active users exist (409 has_active_users), then allows it once they are disabled', async () => {
    const leaf = await makeOrg(adminB, t.orgs.E.id);
    register('LEAF', leaf);
    const userId = await t.createUser('leaf-user', 'LEAF', ['caseworker']);
    const refused = await adminB.post(`/api/orgs/${leaf.id}/deactivate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'has_active_users', count: 1 });
    expect((await orgRow(t, leaf.id)).active).toBe(true);
    expect((await adminB.post(`/api/users/${userId}/disable`)).statusCode).toBe(200);
    const ok = await adminB.post(`/api/orgs/${leaf.id}/deactivate`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().active).toBe(false);
    expect((await orgRow(t, leaf.id)).active).toBe(false);
  });

  it('refuses to activate under a deactivated parent (409 parent_inactive)', async () => {
    const parent = await makeOrg(adminB, t.orgs.D.id);
    const child = await makeOrg(adminB, parent.id);
    expect((await adminB.post(`/api/orgs/${child.id}/deactivate`)).statusCode).toBe(200);
    expect((await adminB.post(`/api/orgs/${parent.id}/deactivate`)).statusCode).toBe(200);
    const refused = await adminB.post(`/api/orgs/${child.id}/activate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('parent_inactive');
    expect((await orgRow(t, child.id)).active).toBe(false);
    expect((await adminB.post(`/api/orgs/${parent.id}/activate`)).statusCode).toBe(200);
    const ok = await adminB.post(`/api/orgs/${child.id}/activate`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(true);
  });

  it('refuses to deactivate the org the actor acts from (409 own_org)', async () => {
    const res = await adminF.post(`/api/orgs/${t.orgs.F.id}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('own_org');
  });

  it('rejects another subtree (404)', async () => {
    const leafOfC = await makeOrg(adminA, t.orgs.G.id);
    for (const verb of ['deactivate', 'activate']) {
      const res = await adminB.post(`/api/orgs/${leafOfC.id}/${verb}`);
      expect(res.statusCode, verb).toBe(404);
    }
    expect((await orgRow(t, leafOfC.id)).active).toBe(true);
  });

  it('rejects a missing permission (403, and an authz.deny audit row is written)', async () => {
    const leaf = await makeOrg(adminB, t.orgs.E.id);
    await expectDenied(await cwB.post(`/api/orgs/${leaf.id}/deactivate`), 'org.deactivate', 'cw-b');
    await expectDenied(await cwB.post(`/api/orgs/${leaf.id}/activate`), 'org.deactivate', 'cw-b');
    expect((await orgRow(t, leaf.id)).active).toBe(true);
  });

  it('writes the audit rows org.deactivate and org.activate; a refusal writes none', async () => {
    const leaf = await makeOrg(adminB, t.orgs.E.id);
    await adminB.post(`/api/orgs/${leaf.id}/deactivate`);
    await adminB.post(`/api/orgs/${leaf.id}/activate`);
    const [off] = await auditRows(t, 'org.deactivate', leaf.id);
    const [on] = await auditRows(t, 'org.activate', leaf.id);
    expect(off).toMatchObject({ actorUsername: 'admin-b', objectType: 'org', orgId: leaf.id, orgPath: leaf.path, outcome: 'success' });
    expect(on).toMatchObject({ actorUsername: 'admin-b', objectType: 'org', orgId: leaf.id, outcome: 'success' });
    expect(await auditRows(t, 'org.deactivate', t.orgs.B.id)).toEqual([]); // refused above: active children
  });

  it('stays active when its audit row cannot be written', async () => {
    const leaf = await makeOrg(adminB, t.orgs.E.id);
    const res = await withAuditWriteRefused(t, 'org.deactivate', () => adminB.post(`/api/orgs/${leaf.id}/deactivate`));
    expect(res.statusCode).toBe(500);
    expect((await orgRow(t, leaf.id)).active).toBe(true);
  });
});

describe('stats', () => {
  it('counts orgs and users of the subtree, active and all', async () => {
    const root = await makeOrg(adminA, t.orgs.G.id);
    const child = await makeOrg(adminA, root.id);
    const off = await makeOrg(adminA, root.id);
    expect((await adminA.post(`/api/orgs/${off.id}/deactivate`)).statusCode).toBe(200);
    register('STATS', root);
    register('STATS1', child);
    await t.createUser('stats-1', 'STATS', ['caseworker']);
    await t.createUser('stats-2', 'STATS', []);
    const disabled = await t.createUser('stats-3', 'STATS1', ['caseworker']);
    expect((await adminA.post(`/api/users/${disabled}/disable`)).statusCode).toBe(200);

    const res = await adminA.get(`/api/orgs/${root.id}/stats`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ orgId: root.id, orgs: 3, activeOrgs: 2, users: 3, activeUsers: 2 });
    expect((await adminA.get(`/api/orgs/${child.id}/stats`)).json()).toMatchObject({ orgs: 1, users: 1, activeUsers: 0 });
  });

  it('rejects another subtree (404) and a missing permission (403, logged)', async () => {
    expect((await adminB.get(`/api/orgs/${t.orgs.C.id}/stats`)).statusCode).toBe(404);
    const bare = await t.signIn('bare-b');
    await expectDenied(await bare.get(`/api/orgs/${t.orgs.B.id}/stats`), 'org.read', 'bare-b');
  });
});

describe('list', () => {
  // F's admin sees F and what is made under it here, so every total is exact.
  const made: OrgRow[] = [];
  beforeAll(async () => {
    const specs = [
      { code: 'LST-ALPHA', name: '甲站', nameEn: 'Alpha Station', type: 'aid_station' },
      { code: 'LST-BRAVO', name: '乙工会', nameEn: 'Bravo Union', type: 'grassroots_union' },
      { code: 'LST-CHARLIE', name: '丙工会', nameEn: 'Charlie Union', type: 'grassroots_union' },
      { code: 'LST-DELTA', name: '丁中心', nameEn: 'Delta Centre', type: 'aid_centre' },
      { code: 'OTHER-ECHO', name: '戊工会', nameEn: 'Echo', type: 'industry_union' },
    ];
    for (const spec of specs) made.push(await makeOrg(adminF, t.orgs.F.id, spec));
    expect((await adminF.post(`/api/orgs/${made[3].id}/deactivate`)).statusCode).toBe(200);
  });

  const codes = (res: { json(): any }) => res.json().items.map((o: { code: string }) => o.code);

  it('lists the subtree with total, page and pageSize, sorted by path by default', async () => {
    const res = await adminF.get('/api/orgs');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(codes(res)).toEqual(['T-F', 'LST-ALPHA', 'LST-BRAVO', 'LST-CHARLIE', 'LST-DELTA', 'OTHER-ECHO']);
  });

  it('filters by q over name, code and English name, case-insensitively', async () => {
    expect(codes(await adminF.get('/api/orgs?q=lst-'))).toEqual(['LST-ALPHA', 'LST-BRAVO', 'LST-CHARLIE', 'LST-DELTA']);
    expect(codes(await adminF.get(`/api/orgs?q=${encodeURIComponent('工会')}`))).toEqual(['LST-BRAVO', 'LST-CHARLIE', 'OTHER-ECHO']);
    expect(codes(await adminF.get('/api/orgs?q=UNION'))).toEqual(['LST-BRAVO', 'LST-CHARLIE']);
    expect((await adminF.get('/api/orgs?q=%25')).json().total).toBe(0); // % is a literal, not a wildcard
  });

  it('filters by type and by active', async () => {
    expect(codes(await adminF.get('/api/orgs?type=grassroots_union'))).toEqual(['LST-BRAVO', 'LST-CHARLIE']);
    expect(codes(await adminF.get('/api/orgs?type=aid_station'))).toEqual(['T-F', 'LST-ALPHA']);
    expect(codes(await adminF.get('/api/orgs?active=false'))).toEqual(['LST-DELTA']);
    const active = await adminF.get('/api/orgs?active=true');
    expect(active.json().total).toBe(5);
    expect(codes(active)).not.toContain('LST-DELTA');
    expect(codes(await adminF.get('/api/orgs?type=grassroots_union&q=bravo'))).toEqual(['LST-BRAVO']);
  });

  it('sorts by a named field in either order', async () => {
    expect(codes(await adminF.get('/api/orgs?sort=code&order=desc'))).toEqual(['T-F', 'OTHER-ECHO', 'LST-DELTA', 'LST-CHARLIE', 'LST-BRAVO', 'LST-ALPHA']);
    expect(codes(await adminF.get('/api/orgs?sort=code&order=asc'))).toEqual(['LST-ALPHA', 'LST-BRAVO', 'LST-CHARLIE', 'LST-DELTA', 'OTHER-ECHO', 'T-F']);
    const byDepth = await adminF.get('/api/orgs?sort=depth&order=desc');
    expect(byDepth.json().items.at(-1).code).toBe('T-F');
  });

  it('pages through the list with a stable total', async () => {
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      const res = await adminF.get(`/api/orgs?sort=code&pageSize=2&page=${page}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 6, page, pageSize: 2 });
      pages.push(codes(res));
    }
    expect(pages).toEqual([['LST-ALPHA', 'LST-BRAVO'], ['LST-CHARLIE', 'LST-DELTA'], ['OTHER-ECHO', 'T-F'], []]);
  });

  it('refuses bad list parameters with 400 naming the parameter', async () => {
    for (const [qs, field] of [['sort=seq', 'querystring.sort'], ['pageSize=201', 'querystring.pageSize'], ['page=0', 'querystring.page'], ['type=club', 'querystring.type'], ['active=maybe', 'querystring.active'], ['colour=red', 'querystring.colour']]) {
      const res = await adminF.get(`/api/orgs?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field), qs).toContain(field);
    }
  });

  it('answers 404 for an underId outside the subtree, and lists only inside it', async () => {
    expect((await adminF.get(`/api/orgs?underId=${t.orgs.C.id}`)).statusCode).toBe(404);
    expect((await adminF.get(`/api/orgs?underId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const under = await adminA.get(`/api/orgs?underId=${t.orgs.F.id}&pageSize=200`);
    expect(under.json().total).toBe(6);
  });
});
