import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { CampaignDashboard } from '../../../../contracts/campaign-dashboard.js';
import { campaignApplications, campaignContacts, campaignGrants, campaigns, campaignWorklist } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { archivedHousehold, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { markGrantPaid } from '../applications/grants.js';

let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, string, Parameters<TestApp['createUser']>[2]]> = [
  ['admin-a', 'A', ['org_admin']],
  ['reviewer-a', 'A', ['reviewer']],
  ['reviewer-b', 'B', ['reviewer']],
  ['reviewer-c', 'C', ['reviewer']],
  ['maker-b', 'B', ['caseworker']],
  ['maker-d', 'D', ['caseworker']],
  ['maker-e', 'E', ['caseworker']],
  ['maker-g', 'G', ['caseworker']],
  ['jobs-b', 'B', ['jobs_officer']],
];
let campaignId: string;
const ids: Record<string, string> = {};
const userIds: Record<string, string> = {};
const studentIds: Record<string, string> = {};

async function signInAll() {
  for (const [u] of USERS) s[u] = await t.signIn(u);
}

const clears = Object.fromEntries(['household', 'aid_received', 'schooling', 'school_fees', 'wish'].map((k) => [k, { checked: true, note: '已核实' }]));

/** An unfiled application (undergraduate 4000 元 + a suitcase, senior 2000 元 under the fixture rules). */
async function apply(key: string, maker: string, orgName: string, studentName: string, extra: Record<string, unknown> = {}) {
  studentIds[key] = uniqueIdNumber(2006);
  const res = await s[maker].post('/api/applications', {
    campaignId,
    orgId: t.orgs[orgName].id,
    unfiled: { name: '赵建军', idNumber: uniqueIdNumber(1976), phone: '13903910002', householdSize: 4, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '妻子突发重病，家庭临时困难' },
    student: { name: studentName, idNumber: studentIds[key] },
    schoolName: '河南理工大学',
    schoolStage: 'undergraduate',
    admissionYear: 2026,
    fiveClears: clears,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
}

async function step(who: string, key: string, path: string, body: Record<string, unknown> = {}) {
  const res = await s[who].post(`/api/applications/${ids[key]}/${path}`, body);
  expect(res.statusCode, `${key} ${path}: ${res.body}`).toBe(200);
}

async function dashboard(who: string, query = '', id = campaignId): Promise<CampaignDashboard> {
  const res = await s[who].get(`/api/campaigns/${id}/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function readWorkbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

/**
 * The fixture, counted by hand. Participants B (budget 20,000 元) and C (10,000 元).
 *   E: e1 undergraduate paid 4000 + suitcase; e2 senior city-approved 2000; e3 rejected
 *   D: d1 district-approved, asked 4500 (with a reason); d2 draft 4000
 *   B itself: b1 draft 4000
 *   G: g1 city-approved 4000 + suitcase
 */
beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of USERS) userIds[u] = await t.createUser(u, org, roles);
  await signInAll();
  campaignId = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['B', 'C'] })).campaignId;
  await t.database.db.execute(
    `update campaign_orgs set budget_fen = case when org_id = '${t.orgs.B.id}' then 2000000 else 1000000 end where campaign_id = '${campaignId}'` as never,
  );

  await apply('e1', 'maker-e', 'E', '王小明');
  await apply('e2', 'maker-e', 'E', '李思远', { schoolStage: 'senior', schoolName: '焦作市第一中学' });
  await apply('e3', 'maker-e', 'E', '张晓燕');
  await apply('d1', 'maker-d', 'D', '刘一鸣', { amountFen: 450000, amountReason: '学费高于标准' });
  await apply('d2', 'maker-d', 'D', '陈佳怡');
  await apply('b1', 'maker-b', 'B', '周子涵');
  await apply('g1', 'maker-g', 'G', '吴浩然');
  for (const key of ['e1', 'e2', 'e3']) await step('maker-e', key, 'submit');
  await step('maker-d', 'd1', 'submit');
  await step('maker-g', 'g1', 'submit');
  for (const key of ['e1', 'e2', 'd1']) {
    await step('reviewer-b', key, 'verify');
    await step('reviewer-b', key, 'approve-district');
  }
  await step('reviewer-b', 'e3', 'reject', { reason: '家庭收入超过标准' });
  await step('reviewer-c', 'g1', 'verify');
  await step('reviewer-c', 'g1', 'approve-district');
  for (const key of ['e1', 'e2', 'g1']) await step('reviewer-a', key, 'approve-city');

  // e1 through the notice to ready, then paid.
  expect((await s['reviewer-a'].post(`/api/campaigns/${campaignId}/notice`, { ids: [ids.e1], noticeDays: 1 })).statusCode).toBe(200);
  t.clock.advance(2 * 24 * 3600_000);
  await signInAll();
  expect((await s['reviewer-a'].post(`/api/campaigns/${campaignId}/release-notice`)).json()).toMatchObject({ released: 1 });
  const [grant] = await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.applicationId, ids.e1));
  const ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: null, requestId: 'test' } as Ctx;
  await t.database.db.transaction((tx) => markGrantPaid(tx, ctx, { grantId: grant.id, paidOn: '2026-03-05', paymentRef: 'PAY-1' }));
});
afterAll(() => t.close());

const row = (d: CampaignDashboard, orgName: string, direct = false) => d.byOrg.find((r) => r.orgName === orgName && r.direct === direct);

describe('campaign dashboard', () => {
  it('counts by status, by org, by stage and in kind exactly as counted by hand', async () => {
    const d = await dashboard('reviewer-a');
    expect(d.org).toMatchObject({ id: t.orgs.A.id, atTop: true });
    expect(d.totals).toEqual({
      students: 6,
      approved: 3,
      askedFen: 400000 + 200000 + 400000 + 450000 + 400000 + 400000,
      approvedFen: 1000000,
      ready: 0,
      readyFen: 0,
      paid: 1,
      paidFen: 400000,
      inKind: [{ item: '行李箱', quantity: 2 }],
    });
    const byStatus = Object.fromEntries(d.byStatus.map((r) => [r.status, r]));
    expect(byStatus).toEqual({
      paid: { status: 'paid', count: 1, askedFen: 400000, approvedFen: 400000 },
      city_approved: { status: 'city_approved', count: 2, askedFen: 600000, approvedFen: 600000 },
      district_approved: { status: 'district_approved', count: 1, askedFen: 450000, approvedFen: 0 },
      draft: { status: 'draft', count: 2, askedFen: 800000, approvedFen: 0 },
      rejected: { status: 'rejected', count: 1, askedFen: 400000, approvedFen: 0 },
    });
    expect(row(d, '组织B')).toMatchObject({ students: 5, approved: 2, approvedFen: 600000, paid: 1, paidFen: 400000, hasChildren: true, budgetFen: 2000000, budgetUsedFen: 600000 });
    expect(row(d, '组织C')).toMatchObject({ students: 1, approved: 1, approvedFen: 400000, paid: 0, budgetFen: 1000000, budgetUsedFen: 400000 });
    expect(row(d, '组织A', true)).toMatchObject({ students: 0, approved: 0, budgetFen: null });
    expect(d.budgets).toEqual([
      { orgId: t.orgs.B.id, orgName: '组织B', budgetFen: 2000000, usedFen: 600000 },
      { orgId: t.orgs.C.id, orgName: '组织C', budgetFen: 1000000, usedFen: 400000 },
    ]);
    expect(d.byStage).toEqual([
      { stage: 'senior', students: 1, approved: 1, approvedFen: 200000 },
      { stage: 'undergraduate', students: 5, approved: 2, approvedFen: 800000 },
    ]);
    expect(d.reach).toBeNull();
  });

  it('drills down: the org’s children, each its whole subtree, and the org’s own applications', async () => {
    const d = await dashboard('reviewer-a', `?orgId=${t.orgs.B.id}`);
    expect(d.org).toEqual({ id: t.orgs.B.id, name: '组织B', atTop: false });
    expect(d.trail.map((o) => o.name)).toEqual(['组织A', '组织B']);
    expect(d.byOrg.map((r) => [r.orgName, r.direct, r.students, r.approved, r.approvedFen])).toEqual([
      ['组织D', false, 2, 0, 0],
      ['组织E', false, 2, 2, 600000],
      ['组织B', true, 1, 0, 0],
    ]);
    expect(d.totals).toMatchObject({ students: 5, approved: 2, approvedFen: 600000 });
    const leaf = await dashboard('reviewer-a', `?orgId=${t.orgs.G.id}`);
    expect(leaf.byOrg).toEqual([expect.objectContaining({ orgName: '组织G', direct: false, hasChildren: false, students: 1, approvedFen: 400000 })]);
  });

  it('counts only the viewer’s subtree; another subtree or a campaign out of sight answers 404; no permission 403', async () => {
    const d = await dashboard('reviewer-b');
    expect(d.org).toEqual({ id: t.orgs.B.id, name: '组织B', atTop: true });
    expect(d.trail.map((o) => o.name)).toEqual(['组织B']);
    // Nothing above the viewer is named by id: not the city that organises the campaign, not its parent.
    expect(JSON.stringify(d)).not.toContain(t.orgs.A.id);
    expect(d.totals).toMatchObject({ students: 5, approved: 2, approvedFen: 600000, paid: 1, inKind: [{ item: '行李箱', quantity: 1 }] });
    expect(d.byOrg.map((r) => r.orgName)).toEqual(['组织D', '组织E', '组织B']);
    expect(d.budgets.map((b) => b.orgName)).toEqual(['组织B']);
    expect((await s['reviewer-b'].get(`/api/campaigns/${campaignId}/dashboard?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    expect((await s['reviewer-b'].get(`/api/campaigns/${campaignId}/dashboard?orgId=${t.orgs.A.id}`)).statusCode).toBe(404);
    const elsewhere = (await makeCampaign(t, s['admin-a'], { orgName: 'C', participants: ['G'] })).campaignId;
    expect((await s['reviewer-b'].get(`/api/campaigns/${elsewhere}/dashboard`)).statusCode).toBe(404);
    expect((await s['jobs-b'].get(`/api/campaigns/${campaignId}/dashboard`)).statusCode).toBe(403);
  });

  it('shows reach once the worklist is built: eligible, reached (a reached contact), applied (a live application)', async () => {
    const h = await archivedHousehold(t, s['maker-e'], 'E');
    const [e1] = await t.database.db.select({ hash: campaignApplications.studentIdHash }).from(campaignApplications).where(eq(campaignApplications.id, ids.e1));
    const [e3] = await t.database.db.select({ hash: campaignApplications.studentIdHash }).from(campaignApplications).where(eq(campaignApplications.id, ids.e3));
    const now = t.clock.now();
    const entry = (hash: string, name: string) => ({ campaignId, studentIdHash: hash, householdId: h.id, orgId: t.orgs.E.id, studentName: name, studentIdMasked: '410803********1234', reason: 'transition', builtAt: now });
    await t.database.db.insert(campaignWorklist).values([entry(e1.hash, '王小明'), entry(e3.hash, '张晓燕'), entry('not-applied-hash', '赵一')]);
    const contact = (hash: string, outcome: string) => ({ campaignId, studentIdHash: hash, orgId: t.orgs.E.id, method: 'phone', contactedOn: '2026-03-01', outcome, recordedBy: userIds['maker-e'], recordedAt: now });
    await t.database.db.insert(campaignContacts).values([contact(e1.hash, 'reached'), contact(e3.hash, 'reached'), contact('not-applied-hash', 'unreachable')]);
    await t.database.db.update(campaigns).set({ worklistBuiltAt: now }).where(eq(campaigns.id, campaignId));
    // e3 was rejected: reached, but it holds no place.
    expect((await dashboard('reviewer-b')).reach).toEqual({ builtAt: now.toISOString(), eligible: 3, reached: 2, applied: 1 });
    expect((await dashboard('reviewer-c')).reach).toMatchObject({ eligible: 0, reached: 0, applied: 0 });
  });
});

describe('exports', () => {
  it('exports the applications of the viewer’s subtree (masked), filtered by status and org, and logs it', async () => {
    const res = await s['reviewer-b'].get(`/api/applications/export?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    const { name, rows } = await readWorkbook(res.rawPayload);
    expect(name).toBe('助学申请');
    const [header, ...lines] = rows;
    expect(header.slice(0, 4)).toEqual(['申请编号', '活动', '申请单位', '状态']);
    expect(lines.map((l) => l[8]).sort()).toEqual(['刘一鸣', '周子涵', '张晓燕', '李思远', '王小明', '陈佳怡']);
    const col = (label: string) => header.indexOf(label);
    const e1 = lines.find((l) => l[col('学生姓名')] === '王小明')!;
    expect(e1[col('状态')]).toBe('已发放');
    expect(e1[col('核定金额（元）')]).toBe(4000);
    expect(e1[col('实物')]).toBe('行李箱×1');
    expect(e1[col('学生身份证号')]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const d1 = lines.find((l) => l[col('学生姓名')] === '刘一鸣')!;
    expect([d1[col('标准金额（元）')], d1[col('申请金额（元）')], d1[col('金额调整原因')]]).toEqual([4000, 4500, '学费高于标准']);
    for (const id of Object.values(studentIds)) expect(JSON.stringify(rows)).not.toContain(id);
    const logged = await auditRows(t, 'application.export');
    expect(logged.at(-1)).toMatchObject({ actorUsername: 'reviewer-b', outcome: 'success', details: { count: 6, filter: { campaignId } } });

    const paid = await readWorkbook((await s['reviewer-b'].get(`/api/applications/export?campaignId=${campaignId}&status=paid,city_approved`)).rawPayload);
    expect(paid.rows.slice(1).map((l) => l[8]).sort()).toEqual(['李思远', '王小明']);
    const underD = await readWorkbook((await s['reviewer-b'].get(`/api/applications/export?orgId=${t.orgs.D.id}`)).rawPayload);
    expect(underD.rows.slice(1).map((l) => l[8]).sort()).toEqual(['刘一鸣', '陈佳怡']);
  });

  it('refuses another subtree’s org or an unseen campaign (404) and a viewer without application.read (403)', async () => {
    expect((await s['reviewer-b'].get(`/api/applications/export?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    const elsewhere = (await makeCampaign(t, s['admin-a'], { orgName: 'C', participants: ['G'] })).campaignId;
    expect((await s['reviewer-b'].get(`/api/applications/export?campaignId=${elsewhere}`)).statusCode).toBe(404);
    const before = (await auditRows(t, 'application.export')).length;
    expect((await s['jobs-b'].get(`/api/applications/export?campaignId=${campaignId}`)).statusCode).toBe(403);
    expect((await auditRows(t, 'application.export')).length).toBe(before);
  });

  it('exports the public notice list masked as on the public page', async () => {
    expect((await s['reviewer-a'].post(`/api/campaigns/${campaignId}/notice`, { ids: [ids.e2, ids.g1] })).json()).toMatchObject({ published: 2 });
    const res = await s['reviewer-b'].get(`/api/campaigns/${campaignId}/notice/export`);
    expect(res.statusCode, res.body).toBe(200);
    const { name, rows } = await readWorkbook(res.rawPayload);
    expect(name).toBe('公示名单');
    expect(rows[0][0]).toBe('2026年金秋助学拟资助学生名单公示');
    expect(rows[1]).toEqual(['序号', '姓名', '身份证号', '申请单位', '学校', '学段', '资助金额（元）', '公示期']);
    const lines = rows.slice(2, -1);
    expect(lines.map((l) => [l[1], l[3], l[5], l[6]])).toEqual([
      ['李*远', '组织E', '高中', 2000],
      ['吴*然', '组织G', '本科', 4000],
    ]);
    expect(lines[0][2]).toBe(studentIds.e2.slice(0, 4) + '*'.repeat(12) + studentIds.e2.slice(-2));
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['合计', '2 人']);
    expect(rows.at(-1)![6]).toBe(6000);
    const publicPage = (await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` })).json();
    expect(publicPage.lines.map((l: { studentName: string; studentId: string }) => [l.studentName, l.studentId])).toEqual(lines.map((l) => [l[1], l[2]]));
    expect(JSON.stringify(rows)).not.toContain('李思远');
    const elsewhere = (await makeCampaign(t, s['admin-a'], { orgName: 'C', participants: ['G'] })).campaignId;
    expect((await s['reviewer-b'].get(`/api/campaigns/${elsewhere}/notice/export`)).statusCode).toBe(404);
  });
});
