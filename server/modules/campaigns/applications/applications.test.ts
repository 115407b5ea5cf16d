import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { campaignGrants, householdAid } from '../../../db/schema/index.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { archivedHousehold, goldenAutumnRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { markGrantPaid } from './grants.js';
import type { Ctx } from '../../../platform/context.js';

let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, string, Parameters<TestApp['createUser']>[2]]> = [
  ['admin-a', 'A', ['org_admin']],
  ['maker-e', 'E', ['caseworker']],
  ['other-e', 'E', ['caseworker']],
  ['admin-e', 'E', ['org_admin']],
  ['verifier-e', 'E', ['reviewer']],
  ['maker-d', 'D', ['caseworker']],
  ['reviewer-b', 'B', ['reviewer']],
  ['reviewer-a', 'A', ['reviewer']],
  ['maker-g', 'G', ['caseworker']],
];
let campaignId: string;

async function signInAll() {
  for (const [u] of USERS) s[u] = await t.signIn(u);
}
async function laterByDays(days: number) {
  t.clock.advance(days * 24 * 3600_000);
  await signInAll();
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of USERS) await t.createUser(u, org, roles);
  await signInAll();
  campaignId = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['B', 'C'] })).campaignId;
});
afterAll(() => t.close());

const clears = (checked = true) => Object.fromEntries(['household', 'aid_received', 'schooling', 'school_fees', 'wish'].map((k) => [k, { checked, note: '已核实' }]));
const school = { schoolName: '河南理工大学', schoolStage: 'undergraduate', admissionYear: 2026, tuitionFen: 520000, nationalAid: ['loan'], fiveClears: clears() };

async function filedApplication(maker: Session, orgName: string, extra: Record<string, unknown> = {}) {
  const h = await archivedHousehold(t, maker, orgName);
  const student = h.members.find((m) => m.schoolStage === 'undergraduate')!;
  const res = await maker.post('/api/applications', { campaignId, orgId: t.orgs[orgName].id, householdId: h.id, memberId: student.id, ...school, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return { ...res.json(), household: h } as { id: string; applicationNo: string; proposedAmountFen: number; amountFen: number; household: typeof h };
}

function unfiled(orgName: string, studentId = uniqueIdNumber(2007)) {
  return {
    campaignId,
    orgId: t.orgs[orgName].id,
    unfiled: { name: '赵建军', idNumber: uniqueIdNumber(1976), phone: '13903910002', householdSize: 4, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '妻子突发重病，家庭临时困难' },
    student: { name: '赵晓雪', idNumber: studentId },
    ...school,
  };
}

async function toDistrictApproved(id: string) {
  expect((await s['maker-e'].post(`/api/applications/${id}/submit`, {})).statusCode).toBe(200);
  expect((await s['verifier-e'].post(`/api/applications/${id}/verify`, {})).statusCode).toBe(200);
  const res = await s['reviewer-b'].post(`/api/applications/${id}/approve-district`, {});
  expect(res.statusCode, res.body).toBe(200);
}

describe('applications', () => {
  it('proposes the amount and in-kind items from the rules, for a filed household’s student', async () => {
    const a = await filedApplication(s['maker-e'], 'E');
    expect(a.proposedAmountFen).toBe(500000);
    const detail = (await s['maker-e'].get(`/api/applications/${a.id}`)).json();
    expect(detail).toMatchObject({ status: 'draft', filed: true, studentName: '王小明', inKindItems: [{ item: '行李箱', quantity: 1 }], rulesVersion: 1 });
    expect(detail.studentIdMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect((await auditRows(t, 'application.create', a.id)).length).toBe(1);
  });

  it('refuses a student the rules exclude, with every reason', async () => {
    const res = await s['maker-e'].post('/api/applications', { ...unfiled('E'), schoolKind: 'military', governmentAided: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'not_eligible', reasons: ['government_aided', 'military_academy'] });
  });

  it('takes an unfiled applicant in temporary hardship at the unfiled amount; another amount needs a reason', async () => {
    const noReason = await s['maker-e'].post('/api/applications', { ...unfiled('E'), amountFen: 450000 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('body.amountReason');
    const res = await s['maker-e'].post('/api/applications', { ...unfiled('E'), amountFen: 450000, amountReason: '学费高于标准' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ proposedAmountFen: 400000, amountFen: 450000 });
  });

  it('goes up the hierarchy to ready for payment: submit, verify, district, city, notice, release — maker ≠ checker at every approval', async () => {
    const a = await filedApplication(s['admin-e'], 'E');
    const early = await s['admin-e'].post(`/api/applications/${a.id}/submit`, {});
    expect(early.statusCode).toBe(200);
    const own = await s['admin-e'].post(`/api/applications/${a.id}/verify`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('maker_checker');
    expect((await s['reviewer-b'].post(`/api/applications/${a.id}/verify`, {})).statusCode).toBe(200);
    const cityTooEarly = await s['reviewer-a'].post(`/api/applications/${a.id}/approve-city`, {});
    expect(cityTooEarly.statusCode).toBe(409);
    const wrongLevel = await s['verifier-e'].post(`/api/applications/${a.id}/approve-district`, {});
    expect(wrongLevel.statusCode).toBe(403);
    expect(wrongLevel.json().error.details.reason).toBe('step_actor');
    expect((await s['reviewer-b'].post(`/api/applications/${a.id}/approve-district`, {})).statusCode).toBe(200);
    expect((await s['reviewer-a'].post(`/api/applications/${a.id}/approve-city`, { amountFen: 480000 })).statusCode).toBe(400);
    const city = await s['reviewer-a'].post(`/api/applications/${a.id}/approve-city`, { amountFen: 480000, amountReason: '扣除已获国家助学金部分' });
    expect(city.json()).toMatchObject({ status: 'city_approved' });

    const notice = await s['reviewer-a'].post(`/api/campaigns/${campaignId}/notice`, { ids: [a.id] });
    expect(notice.json()).toMatchObject({ published: 1 });
    const board = (await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/notice` })).json();
    const line = board.lines.find((l: { studentName: string }) => l.studentName === '王*明');
    expect(line).toMatchObject({ amountFen: 480000, orgName: '组织E' });
    expect(line.studentId).toMatch(/^4108\*{12}[\dX]{2}$/);
    expect(JSON.stringify(board)).not.toContain('王小明');

    expect((await s['reviewer-a'].post(`/api/campaigns/${campaignId}/release-notice`)).json()).toMatchObject({ released: 0 });
    await laterByDays(6);
    const released = (await s['reviewer-a'].post(`/api/campaigns/${campaignId}/release-notice`)).json();
    expect(released.released).toBeGreaterThanOrEqual(1);
    const detail = (await s['reviewer-a'].get(`/api/applications/${a.id}`)).json();
    expect(detail).toMatchObject({ status: 'ready', approvedAmountFen: 480000, grant: { amountFen: 480000, status: 'ready' } });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'verify', 'approve_district', 'approve_city', 'start_notice', 'release']);
  });

  it('returns an application one step with a reason; the maker corrects the draft and submits again', async () => {
    const a = await filedApplication(s['maker-e'], 'E');
    await s['maker-e'].post(`/api/applications/${a.id}/submit`, {});
    expect((await s['verifier-e'].post(`/api/applications/${a.id}/return`, {})).statusCode).toBe(400);
    const back = await s['verifier-e'].post(`/api/applications/${a.id}/return`, { reason: '录取通知书未上传，学费金额需核对' });
    expect(back.json()).toMatchObject({ status: 'draft' });
    const draft = (await s['maker-e'].get(`/api/applications/${a.id}`)).json();
    expect(draft.returnReason).toBe('录取通知书未上传，学费金额需核对');
    expect((await s['maker-e'].patch(`/api/applications/${a.id}`, { tuitionFen: 498000, version: draft.version })).statusCode).toBe(200);
    expect((await s['maker-e'].post(`/api/applications/${a.id}/submit`, {})).json()).toMatchObject({ status: 'submitted' });
  });

  it('will not submit until the five clears are all checked', async () => {
    const a = await filedApplication(s['maker-e'], 'E', { fiveClears: { ...clears(), school_fees: { checked: false, note: null } } });
    const res = await s['maker-e'].post(`/api/applications/${a.id}/submit`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'five_clears_incomplete', missing: ['school_fees'] });
  });

  it('bulk-approves selected rows, each still checked (maker ≠ checker, status)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const a = await filedApplication(s['maker-e'], 'E');
      await s['maker-e'].post(`/api/applications/${a.id}/submit`, {});
      ids.push(a.id);
    }
    const own = await filedApplication(s['admin-e'], 'E');
    await s['admin-e'].post(`/api/applications/${own.id}/submit`, {});
    const draft = await filedApplication(s['maker-e'], 'E');
    const res = await s['admin-e'].post('/api/applications/bulk-step', { step: 'verify', ids: [...ids, own.id, draft.id] });
    expect(res.statusCode, res.body).toBe(200);
    const byId = Object.fromEntries(res.json().results.map((r: { id: string }) => [r.id, r]));
    expect(res.json()).toMatchObject({ succeeded: 2, failed: 2 });
    expect(byId[own.id].error.reason).toBe('maker_checker');
    expect(byId[draft.id].error.reason).toBe('status');
    expect(byId[ids[0]].status).toBe('verified');
  });

  it('keeps another subtree out (404) and refuses a step without its permission (403)', async () => {
    const a = await filedApplication(s['maker-e'], 'E');
    expect((await s['maker-g'].get(`/api/applications/${a.id}`)).statusCode).toBe(404);
    expect((await s['maker-g'].get(`/api/applications?campaignId=${campaignId}`)).json().items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    await s['maker-e'].post(`/api/applications/${a.id}/submit`, {});
    expect((await s['other-e'].post(`/api/applications/${a.id}/verify`, {})).statusCode).toBe(403);
  });

  it('a rule change moves new proposals and previews, never an amount already approved', async () => {
    const approved = await filedApplication(s['maker-e'], 'E');
    await toDistrictApproved(approved.id);
    await s['reviewer-a'].post(`/api/applications/${approved.id}/approve-city`, {});
    const c = (await s['admin-a'].get(`/api/campaigns/${campaignId}`)).json();
    const rules = goldenAutumnRules();
    rules.amounts = rules.amounts.map((x) => (x.stage === 'undergraduate' ? { ...x, filedFen: 600000 } : x));
    expect((await s['admin-a'].put(`/api/campaigns/${campaignId}/rules`, { rules, version: c.version })).statusCode).toBe(200);
    const after = (await s['reviewer-a'].get(`/api/applications/${approved.id}`)).json();
    expect(after).toMatchObject({ approvedAmountFen: 500000, amountFen: 500000, rulesVersion: 1 });
    const fresh = await filedApplication(s['maker-e'], 'E');
    expect(fresh.proposedAmountFen).toBe(600000);
    const restored = (await s['admin-a'].get(`/api/campaigns/${campaignId}`)).json();
    await s['admin-a'].put(`/api/campaigns/${campaignId}/rules`, { rules: goldenAutumnRules(), version: restored.version });
  });

  it('one application per student per campaign, even when two orgs submit at the same moment', async () => {
    const studentId = uniqueIdNumber(2006);
    const [fromE, fromD] = await Promise.all([s['maker-e'].post('/api/applications', unfiled('E', studentId)), s['maker-d'].post('/api/applications', unfiled('D', studentId))]);
    const codes = [fromE.statusCode, fromD.statusCode].sort();
    expect(codes).toEqual([201, 409]);
    const loser = fromE.statusCode === 409 ? fromE : fromD;
    expect(loser.json().error.details.reason).toBe('student_already_applied');
    // A withdrawn application gives the place back.
    const winner = fromE.statusCode === 201 ? { res: fromE, s: s['maker-e'], org: 'E' } : { res: fromD, s: s['maker-d'], org: 'D' };
    await winner.s.post(`/api/applications/${winner.res.json().id}/withdraw`, { reason: '家长放弃申请' });
    expect((await s['maker-e'].post('/api/applications', unfiled('E', studentId))).statusCode).toBe(201);
  });

  it('the database holds one grant per student per campaign, whatever the code does', async () => {
    const [a, b] = await Promise.allSettled(
      [t.orgs.E.id, t.orgs.D.id].map((orgId) =>
        t.database.db.transaction(async (tx) => {
          await tx.insert(campaignGrants).values({ campaignId, recipientKey: 'same-student-hash', orgId, recipientName: '同一学生', amountFen: 100, status: 'ready', readyAt: new Date() });
        }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('stops the city at the participant’s budget', async () => {
    const small = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['B'], budgetFen: 700000 })).campaignId;
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const h = await archivedHousehold(t, s['maker-e'], 'E');
      const student = h.members.find((m) => m.schoolStage === 'undergraduate')!;
      const res = await s['maker-e'].post('/api/applications', { campaignId: small, orgId: t.orgs.E.id, householdId: h.id, memberId: student.id, ...school });
      ids.push(res.json().id);
      await toDistrictApproved(res.json().id);
    }
    expect((await s['reviewer-a'].post(`/api/applications/${ids[0]}/approve-city`, {})).statusCode).toBe(200);
    const over = await s['reviewer-a'].post(`/api/applications/${ids[1]}/approve-city`, {});
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details).toMatchObject({ reason: 'over_budget', budgetFen: 700000, usedFen: 500000 });
  });

  it('marks a ready grant paid once, appending the cash and the suitcase to the household’s aid ledger', async () => {
    const a = await filedApplication(s['maker-e'], 'E');
    await toDistrictApproved(a.id);
    await s['reviewer-a'].post(`/api/applications/${a.id}/approve-city`, {});
    await s['reviewer-a'].post(`/api/campaigns/${campaignId}/notice`, { ids: [a.id], noticeDays: 1 });
    await laterByDays(2);
    await s['reviewer-a'].post(`/api/campaigns/${campaignId}/release-notice`);
    const [grant] = await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.applicationId, a.id));
    const ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: null, requestId: 'test' } as Ctx;
    await t.database.db.transaction((tx) => markGrantPaid(tx, ctx, { grantId: grant.id, paidOn: '2026-03-20', paymentRef: 'PAY-1' }));
    await expect(t.database.db.transaction((tx) => markGrantPaid(tx, ctx, { grantId: grant.id, paidOn: '2026-03-20', paymentRef: 'PAY-2' }))).rejects.toThrow(/already paid/);
    const ledger = await t.database.db.select().from(householdAid).where(and(eq(householdAid.householdId, a.household.id), eq(householdAid.sourceModule, 'campaigns')));
    expect(ledger.map((l) => [l.aidType, l.amountFen, l.item]).sort()).toEqual([
      ['cash', 500000, null],
      ['in_kind', 0, '行李箱 × 1'],
    ]);
    expect((await s['maker-e'].get(`/api/applications/${a.id}`)).json().status).toBe('paid');
  });
});
