import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, validateUscc } from '../../../../contracts/cn-ids.js';
import { enterprises } from '../../../db/schema/index.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { sampleEnterprise, spoilUscc, uniqueUscc } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let jobsB: Session; // jobs_officer at B: sees B, D, E
let jobsC: Session; // jobs_officer at C
let caseworkerB: Session; // no job permission

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  await t.createUser('jobs-c', 'C', ['jobs_officer']);
  await t.createUser('case-b', 'B', ['caseworker']);
  [jobsB, jobsC, caseworkerB] = await Promise.all([t.signIn('jobs-b'), t.signIn('jobs-c'), t.signIn('case-b')]);
});
afterAll(() => t.close());

const enterpriseCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0].n;

async function register(s: Session, orgName: string, extra: Record<string, unknown> = {}) {
  const res = await s.post('/api/enterprises', sampleEnterprise(t, orgName, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function issuesOf(res: { json(): { error: { details: { issues: Array<{ field: string; message: string }> } } } }) {
  return res.json().error.details.issues;
}

describe('register an enterprise', () => {
  it('registers one with a real-format code, normalised (full-width, spaces, lower case), and writes the audit row', async () => {
    const code = makeUscc('91410800MA3X5R7T0');
    expect(code).toMatch(/^91410800MA3X5R7T0[0-9A-HJ-NPQRTUWXY]$/);
    const typed = ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9).replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} `;
    const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'D', { name: '焦作市中站区某机械厂', uscc: typed, contactPhone: '138 0391 0001' }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ name: '焦作市中站区某机械厂', uscc: code, orgId: t.orgs.D.id, orgName: '组织D', industry: 'manufacturing', size: 'medium', regionCode: '410803', contactPhone: '13803910001', priorityPledge: true, status: 'active', version: 1 });
    const [audit] = await auditRows(t, 'enterprise.register', e.id);
    expect(audit).toMatchObject({ actorUsername: 'jobs-b', orgId: t.orgs.D.id, objectType: 'enterprise', outcome: 'success' });
    expect(audit.details).toMatchObject({ uscc: code });
  });

  it('refuses a wrong check character with a clear message naming body.uscc (400), writing nothing', async () => {
    const before = await enterpriseCount();
    for (const good of [uniqueUscc(), makeUscc('91410800MA3X5R7T0'), makeUscc('12410800415801234'), makeUscc('52410800MJY000001')]) {
      expect(validateUscc(good).ok).toBe(true);
      for (const bad of [spoilUscc(good), spoilUscc(good, 10)]) {
        const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'D', { uscc: bad }));
        expect(res.statusCode, bad).toBe(400);
        expect(issuesOf(res)).toEqual([{ field: 'body.uscc', message: '统一社会信用代码校验位错误 (check character wrong)' }]);
      }
    }
    expect(await enterpriseCount()).toBe(before);
  });

  it('names the length and the characters out of place too', async () => {
    const code = uniqueUscc();
    const cases: Array<[string, RegExp]> = [
      [code.slice(0, 17), /应为18位/],
      [code + '1', /应为18位/],
      [code.slice(0, 16) + 'I' + code[17], /非法字符/],
      [code.slice(0, 16) + 'O' + code[17], /非法字符/],
      ['x'.repeat(10_000), /应为18位/],
    ];
    for (const [uscc, message] of cases) {
      const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'D', { uscc }));
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)[0].field).toBe('body.uscc');
      expect(issuesOf(res)[0].message).toMatch(message);
    }
  });

  it('takes a mobile or a landline with its area code, and refuses anything else naming body.contactPhone', async () => {
    for (const [phone, stored] of [
      ['0391-3561234', '0391-3561234'],
      ['03913561234', '0391-3561234'],
      ['010-88886666', '010-88886666'],
      ['0391－3561234', '0391-3561234'],
      ['+86 139 0391 0002', '13903910002'],
    ]) {
      const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'E', { contactPhone: phone }));
      expect(res.statusCode, `${phone}: ${res.body}`).toBe(201);
      expect(res.json().contactPhone).toBe(stored);
    }
    for (const phone of ['3561234', '12345678901', '0391-12', '电话', '']) {
      const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'E', { contactPhone: phone }));
      expect(res.statusCode, phone).toBe(400);
      expect(issuesOf(res).map((i) => i.field)).toEqual(['body.contactPhone']);
    }
  });

  it('takes a 6-digit region code of a province only (400 naming body.regionCode)', async () => {
    for (const regionCode of ['41080', '4108030', '990000', 'abcdef', 410803]) {
      const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'E', { regionCode }));
      expect(res.statusCode, String(regionCode)).toBe(400);
      expect(issuesOf(res).map((i) => i.field)).toEqual(['body.regionCode']);
    }
  });

  it('refuses an industry or size outside the codes', async () => {
    const res = await jobsB.post('/api/enterprises', sampleEnterprise(t, 'E', { industry: '制造业', size: 'huge' }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).map((i) => i.field).sort()).toEqual(['body.industry', 'body.size']);
  });

  it('refuses a second registration of the same code (409 uscc_taken naming uscc), in any org', async () => {
    const code = uniqueUscc();
    await register(jobsB, 'D', { uscc: code });
    for (const [s, org] of [
      [jobsB, 'E'],
      [jobsC, 'F'],
    ] as const) {
      const res = await s.post('/api/enterprises', sampleEnterprise(t, org, { uscc: code }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toMatchObject({ reason: 'uscc_taken', field: 'uscc' });
    }
  });

  it('two parallel registrations of the same code: one 201, one 409 naming uscc (the unique index decides)', async () => {
    for (let round = 0; round < 3; round++) {
      const code = uniqueUscc();
      const answers = await Promise.all([jobsB.post('/api/enterprises', sampleEnterprise(t, 'D', { uscc: code })), jobsB.post('/api/enterprises', sampleEnterprise(t, 'E', { uscc: code }))]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = answers.find((r) => r.statusCode === 409)!;
      expect(refused.json().error.details).toMatchObject({ reason: 'uscc_taken', field: 'uscc' });
      const rows = await t.database.db.select().from(enterprises).where(eq(enterprises.uscc, code));
      expect(rows).toHaveLength(1);
    }
  });

  it('rejects another subtree (404) and a missing permission (403, logged), writing nothing', async () => {
    const before = await enterpriseCount();
    for (const org of ['A', 'C', 'F']) expect((await jobsB.post('/api/enterprises', sampleEnterprise(t, org))).statusCode, org).toBe(404);
    const res = await caseworkerB.post('/api/enterprises', sampleEnterprise(t, 'D'));
    expect(res.statusCode).toBe(403);
    const denials = await auditRows(t, 'authz.deny');
    expect(denials.at(-1)).toMatchObject({ actorUsername: 'case-b', outcome: 'denied' });
    expect(denials.at(-1)!.details).toMatchObject({ permission: 'job.publish' });
    expect(await enterpriseCount()).toBe(before);
  });

  it('refuses a deactivated org (409 org_inactive)', async () => {
    const admin = await t.createUser('org-admin-b', 'B', ['org_admin']).then(() => t.signIn('org-admin-b'));
    const org = await admin.post('/api/orgs', { parentId: t.orgs.E.id, code: 'ENT-OFF', name: '停用工会', type: 'grassroots_union' });
    expect((await admin.post(`/api/orgs/${org.json().id}/deactivate`)).statusCode).toBe(200);
    const res = await jobsB.post('/api/enterprises', { ...sampleEnterprise(t, 'E'), orgId: org.json().id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('org_inactive');
  });
});

describe('update and deactivate', () => {
  it('corrects the fields named, with the version read; a stale version is a 409', async () => {
    const e = await register(jobsB, 'D');
    const res = await jobsB.patch(`/api/enterprises/${e.id}`, { address: '焦作市山阳区人民路 1 号', regionCode: '410811', priorityPledge: false, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ address: '焦作市山阳区人民路 1 号', regionCode: '410811', priorityPledge: false, version: 2, name: e.name, uscc: e.uscc });
    const [audit] = await auditRows(t, 'enterprise.update', e.id);
    expect(audit.details).toEqual({ changed: ['address', 'regionCode', 'priorityPledge'] });
    const stale = await jobsB.patch(`/api/enterprises/${e.id}`, { name: '另一个名字', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ reason: 'stale', version: 2 });
  });

  it('corrects the code with a check-verified, free one; a taken one is a 409', async () => {
    const e = await register(jobsB, 'D');
    const other = await register(jobsB, 'E');
    const bad = await jobsB.patch(`/api/enterprises/${e.id}`, { uscc: spoilUscc(e.uscc), version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)[0]).toEqual({ field: 'body.uscc', message: '统一社会信用代码校验位错误 (check character wrong)' });
    const taken = await jobsB.patch(`/api/enterprises/${e.id}`, { uscc: other.uscc, version: 1 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toMatchObject({ reason: 'uscc_taken', field: 'uscc' });
    const fresh = uniqueUscc();
    const ok = await jobsB.patch(`/api/enterprises/${e.id}`, { uscc: fresh, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().uscc).toBe(fresh);
    expect((await auditRows(t, 'enterprise.update', e.id))[0].details).toEqual({ changed: ['uscc'], from: e.uscc, to: fresh });
  });

  it('deactivates and activates again (409 when already so), with audit rows', async () => {
    const e = await register(jobsB, 'E');
    const off = await jobsB.post(`/api/enterprises/${e.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ status: 'inactive', version: 2 });
    expect((await jobsB.post(`/api/enterprises/${e.id}/deactivate`)).statusCode).toBe(409);
    expect((await jobsB.post(`/api/enterprises/${e.id}/activate`)).json()).toMatchObject({ status: 'active', version: 3 });
    expect(await auditRows(t, 'enterprise.deactivate', e.id)).toHaveLength(1);
    expect(await auditRows(t, 'enterprise.activate', e.id)).toHaveLength(1);
  });

  it('rejects another subtree (404) and a missing permission (403) on every verb of a record, changing nothing', async () => {
    const e = await register(jobsC, 'F');
    for (const [method, url, body] of [
      ['GET', `/api/enterprises/${e.id}`, undefined],
      ['PATCH', `/api/enterprises/${e.id}`, { name: '越权改名', version: 1 }],
      ['POST', `/api/enterprises/${e.id}/deactivate`, undefined],
      ['POST', `/api/enterprises/${e.id}/activate`, undefined],
      ['GET', `/api/enterprises/${e.id}/hr-accounts`, undefined],
      ['POST', `/api/enterprises/${e.id}/hr-accounts`, { username: 'hr-outside', displayName: '越权' }],
    ] as const) {
      const res = await jobsB.request({ method, url, payload: body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.message).toBe('enterprise not found');
    }
    const mine = await register(jobsB, 'D');
    for (const [method, url, body] of [
      ['GET', `/api/enterprises/${mine.id}`, undefined],
      ['PATCH', `/api/enterprises/${mine.id}`, { name: '无权改名', version: 1 }],
      ['POST', `/api/enterprises/${mine.id}/deactivate`, undefined],
      ['POST', `/api/enterprises/${mine.id}/hr-accounts`, { username: 'hr-noperm', displayName: '无权' }],
    ] as const)
      expect((await caseworkerB.request({ method, url, payload: body })).statusCode, `${method} ${url}`).toBe(403);
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(row).toMatchObject({ name: e.name, status: 'active', version: 1 });
  });
});

describe('list', () => {
  it('filters by name or code, industry, pledge, status and org subtree, inside the actor’s subtree only', async () => {
    const q = `列表${Math.random().toString(36).slice(2, 6)}`;
    const a = await register(jobsB, 'D', { name: `${q}A煤业有限公司`, industry: 'mining', priorityPledge: true });
    const b = await register(jobsB, 'E', { name: `${q}B物流有限公司`, industry: 'logistics', priorityPledge: false });
    const c = await register(jobsC, 'F', { name: `${q}丙酒店有限公司`, industry: 'hospitality' });
    const ids = async (s: Session, query: string) => ((await s.get(`/api/enterprises?${query}`)).json().items as Array<{ id: string }>).map((i) => i.id).sort();
    expect(await ids(jobsB, `q=${encodeURIComponent(q)}`)).toEqual([a.id, b.id].sort());
    expect(await ids(jobsC, `q=${encodeURIComponent(q)}`)).toEqual([c.id]);
    expect(await ids(jobsB, `q=${a.uscc.slice(0, 17).toLowerCase()}`)).toEqual([a.id]);
    expect(await ids(jobsB, `q=${encodeURIComponent(q)}&industry=mining`)).toEqual([a.id]);
    expect(await ids(jobsB, `q=${encodeURIComponent(q)}&pledged=false`)).toEqual([b.id]);
    expect(await ids(jobsB, `q=${encodeURIComponent(q)}&orgId=${t.orgs.E.id}`)).toEqual([b.id]);
    expect((await jobsB.get(`/api/enterprises?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    await jobsB.post(`/api/enterprises/${b.id}/deactivate`);
    expect(await ids(jobsB, `q=${encodeURIComponent(q)}&status=active`)).toEqual([a.id]);
    const page = (await jobsB.get(`/api/enterprises?q=${encodeURIComponent(q)}&pageSize=1&sort=name&order=asc`)).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items[0].id).toBe(a.id);
    expect((await caseworkerB.get('/api/enterprises')).statusCode).toBe(403);
  });

  it('treats % and _ in the words as themselves', async () => {
    await register(jobsB, 'D', { name: '百分之百_有限公司' });
    const res = await jobsB.get(`/api/enterprises?q=${encodeURIComponent('%')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});
