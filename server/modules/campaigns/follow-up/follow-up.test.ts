import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { applicationEvents, campaignApplications, campaignGrants } from '../../../db/schema/index.js';
import { aidStudents, type AidedStudent } from '../../../test-support/aided-student-fixtures.js';
import { archivedHousehold, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { markGrantPaid } from '../applications/grants.js';

let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, string, Parameters<TestApp['createUser']>[2]]> = [
  ['admin-a', 'A', ['org_admin']],
  ['admin-a2', 'A', ['org_admin']],
  ['cw-e', 'E', ['caseworker']],
  ['cw-d', 'D', ['caseworker']],
  ['cw-g', 'G', ['caseworker']],
  ['cw-b', 'B', ['caseworker']],
  ['reviewer-b', 'B', ['reviewer']],
  ['finance-a', 'A', ['finance_officer']],
];
async function signInAll() {
  for (const [u] of USERS) s[u] = await t.signIn(u);
}
const at = async (isoDay: string) => {
  t.clock.set(new Date(`${isoDay}T10:00:00+08:00`));
  await signInAll();
};

let journeyStudent: { idNumber: string; householdId: string; memberId: string };
let enrolment: AidedStudent; // S1's 2025 application (entering university that year)
let inSchool: AidedStudent; // S1's 2026 application (in school)
let subject: AidedStudent; // another student of E, aided in 2025, for the follow-up rules
let ofG: AidedStudent; // a student of G, aided in 2025
let draftOfE: string; // an application of E not yet aided
let elsewhere: string; // the journey student's application at G, in a campaign of C

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of USERS) await t.createUser(u, org, roles);
  await at('2025-08-01');
  const c2025 = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['B', 'C'], year: 2025 })).campaignId;
  const childId = uniqueIdNumber(2007);
  const h = await archivedHousehold(t, s['cw-e'], 'E', {
    members: [{ relation: 'child', name: '王小明', idNumber: childId, health: 'healthy', monthlyIncomeFen: 0, schoolStage: 'undergraduate', enrolmentYear: 2025, schoolOrEmployer: '河南理工大学' }],
  });
  journeyStudent = { idNumber: childId, householdId: h.id, memberId: h.members[0].id };
  [enrolment, subject, ofG] = await aidStudents(t, c2025, [{ orgName: 'E', householdId: h.id, memberId: h.members[0].id, admissionYear: 2025 }, { orgName: 'E' }, { orgName: 'G' }]);
  await signInAll();
  const today2025 = t.clock.now().toISOString().slice(0, 10);
  expect((await s['cw-e'].post(`/api/applications/${enrolment.applicationId}/follow-ups`, { year: 2025, status: 'studying', contactedOn: today2025, note: '适应良好' })).statusCode).toBe(201);

  await at('2026-08-01');
  const c2026 = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['B'], year: 2026 })).campaignId;
  [inSchool] = await aidStudents(t, c2026, [{ orgName: 'E', householdId: h.id, memberId: h.members[0].id, admissionYear: 2025 }]);
  await signInAll();
  expect((await s['cw-e'].post(`/api/applications/${inSchool.applicationId}/follow-ups`, { year: 2026, status: 'internship', employer: '焦作市某机械厂', contactedOn: '2026-08-05' })).statusCode).toBe(201);
  // A household lump sum (特别慰问金) paid in 2026 reaches the same ledger.
  const lump = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['E'], kind: 'per_household', year: 2026 })).campaignId;
  const built = await s['admin-a'].post(`/api/campaigns/${lump}/lump-sum-batches`, { orgId: t.orgs.E.id });
  await t.app.jobs.settled();
  expect((await s['admin-a2'].post(`/api/lump-sum-batches/${built.json().batchId}/confirm`, {})).statusCode).toBe(202);
  await t.app.jobs.settled();
  const [lumpGrant] = await t.database.db.select().from(campaignGrants).where(and(eq(campaignGrants.campaignId, lump), eq(campaignGrants.householdId, h.id)));
  const payer = await loadActiveActor(t.database.db, (await t.database.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.username, 'finance-a') }))!.id);
  await t.database.db.transaction((tx) => markGrantPaid(tx, { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: payer, requestId: 'test' }, { grantId: lumpGrant.id, paidOn: '2026-08-20', paymentRef: 'LUMP-1' }));
  // The same student through G, in a campaign of C that B does not see.
  const cOfC = (await makeCampaign(t, s['admin-a'], { orgName: 'C', participants: ['G'], year: 2026 })).campaignId;
  const viaG = await s['cw-g'].post('/api/applications', {
    campaignId: cOfC,
    orgId: t.orgs.G.id,
    unfiled: { name: '王建国', idNumber: uniqueIdNumber(1976), householdSize: 3, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '临时困难' },
    student: { name: '王小明', idNumber: childId },
    schoolName: '河南理工大学',
    schoolStage: 'undergraduate',
    admissionYear: 2025,
  });
  expect(viaG.statusCode, viaG.body).toBe(201);
  elsewhere = viaG.json().id;
  const draft = await archivedHousehold(t, s['cw-e'], 'E');
  const made = await s['cw-e'].post('/api/applications', { campaignId: c2026, orgId: t.orgs.E.id, householdId: draft.id, memberId: draft.members.find((m) => m.schoolStage)!.id, schoolName: '焦作大学', schoolStage: 'undergraduate', admissionYear: 2026 });
  expect(made.statusCode, made.body).toBe(201);
  draftOfE = made.json().id;

  await at('2027-07-01');
  expect((await s['cw-e'].post(`/api/applications/${enrolment.applicationId}/follow-ups`, { year: 2027, status: 'employed', employer: '中国平煤神马集团', contactedOn: '2027-06-30' })).statusCode).toBe(201);
}, 120_000);
afterAll(() => t.close());

const followUp = (id: string, body: Record<string, unknown>, who = 'cw-e') => s[who].post(`/api/applications/${id}/follow-ups`, body);

describe('follow-up (回访)', () => {
  it('records the first follow-up of a paid student: the application becomes followed up, with its history and audit', async () => {
    const before = await t.database.db.select({ status: campaignApplications.status, version: campaignApplications.version }).from(campaignApplications).where(eq(campaignApplications.id, subject.applicationId));
    expect(before[0].status).toBe('paid');
    const res = await followUp(subject.applicationId, { year: 2026, status: 'studying', contactedOn: '2026-12-01', note: '成绩良好' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().applicationStatus).toBe('followed_up');
    const detail = (await s['cw-e'].get(`/api/applications/${subject.applicationId}`)).json();
    expect(detail.status).toBe('followed_up');
    const events = await t.database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, subject.applicationId)).orderBy(asc(applicationEvents.id));
    expect(events.at(-1)).toMatchObject({ action: 'follow_up', fromStatus: 'paid', toStatus: 'followed_up', details: { year: 2026, status: 'studying' } });
    const [audit] = await auditRows(t, 'application.follow_up', subject.applicationId);
    expect(audit.details).toMatchObject({ followUpId: res.json().id, year: 2026, status: 'studying' });
    const list = (await s['cw-e'].get(`/api/applications/${subject.applicationId}/follow-ups`)).json().items;
    expect(list).toMatchObject([{ year: 2026, status: 'studying', note: '成绩良好', contactedOn: '2026-12-01', recordedByName: 'cw-e', employer: null }]);
  });

  it('takes one follow-up a year (409); a later year adds history without another status change', async () => {
    await followUp(subject.applicationId, { year: 2025, status: 'studying', contactedOn: '2025-11-01' });
    const again = await followUp(subject.applicationId, { year: 2025, status: 'internship', employer: '某公司', contactedOn: '2026-01-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('follow_up_recorded');
    const next = await followUp(subject.applicationId, { year: 2027, status: 'employed', employer: '焦煤集团', contactedOn: '2027-06-01' });
    expect(next.statusCode, next.body).toBe(201);
    const events = await t.database.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, subject.applicationId), eq(applicationEvents.action, 'follow_up')));
    expect(events.filter((e) => e.toStatus !== null)).toHaveLength(1);
    expect((await s['cw-e'].get(`/api/applications/${subject.applicationId}/follow-ups`)).json().items.map((f: { year: number }) => f.year)).toEqual([2025, 2026, 2027]);
  });

  it('records the employer of an employed student, and only where one works', async () => {
    const noEmployer = await followUp(ofG.applicationId, { year: 2027, status: 'employed', contactedOn: '2027-06-01' }, 'cw-g');
    expect(noEmployer.statusCode).toBe(400);
    expect(noEmployer.json().error.details.issues[0].field).toBe('body.employer');
    const studying = await followUp(ofG.applicationId, { year: 2027, status: 'studying', employer: '某公司', contactedOn: '2027-06-01' }, 'cw-g');
    expect(studying.json().error.details.issues[0].field).toBe('body.employer');
  });

  it('refuses a year before the campaign’s, a year or a contact still to come', async () => {
    const early = await followUp(ofG.applicationId, { year: 2024, status: 'studying', contactedOn: '2027-06-01' }, 'cw-g');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0].field).toBe('body.year');
    expect((await followUp(ofG.applicationId, { year: 2028, status: 'studying', contactedOn: '2027-06-01' }, 'cw-g')).json().error.details.issues[0].field).toBe('body.year');
    expect((await followUp(ofG.applicationId, { year: 2027, status: 'studying', contactedOn: '2027-07-02' }, 'cw-g')).json().error.details.issues[0].field).toBe('body.contactedOn');
  });

  it('follows up only aided students (409)', async () => {
    const res = await followUp(draftOfE, { year: 2027, status: 'studying', contactedOn: '2027-06-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'status', status: 'draft' });
  });

  it('answers 404 for an application of another subtree and 403 without application.follow_up, writing nothing', async () => {
    const body = { year: 2027, status: 'studying', contactedOn: '2027-06-01' };
    expect((await followUp(ofG.applicationId, body, 'cw-e')).statusCode).toBe(404);
    expect((await followUp(ofG.applicationId, body, 'cw-d')).statusCode).toBe(404);
    expect((await s['cw-e'].get(`/api/applications/${ofG.applicationId}/follow-ups`)).statusCode).toBe(404);
    const denied = await followUp(ofG.applicationId, body, 'reviewer-b');
    expect(denied.statusCode).toBe(403);
    expect(await auditRows(t, 'application.follow_up', ofG.applicationId)).toHaveLength(0);
    expect((await s['cw-g'].get(`/api/applications/${ofG.applicationId}/follow-ups`)).json().items).toEqual([]);
  });
});

describe('the journey (链条式服务)', () => {
  it('shows enrolment aid, in-school support and employment aid with the household’s ledger, masked', async () => {
    const res = await s['cw-b'].get(`/api/applications/${inSchool.applicationId}/journey`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const j = res.json();
    expect(j.student.name).toBe('王小明');
    expect(j.student.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(res.body).not.toContain(journeyStudent.idNumber);
    expect(j.enrolment.applications).toMatchObject([{ id: enrolment.applicationId, campaignYear: 2025, admissionYear: 2025, status: 'followed_up', aided: true, grant: { status: 'paid', amountFen: 500000 } }]);
    expect(j.inSchool.applications).toMatchObject([{ id: inSchool.applicationId, campaignYear: 2026, aided: true, grant: { status: 'paid' } }]);
    expect(j.inSchool.followUps.map((f: { year: number; status: string }) => [f.year, f.status])).toEqual([[2025, 'studying'], [2026, 'internship']]);
    expect(j.employment).toMatchObject({ followUps: [{ year: 2027, status: 'employed', employer: '中国平煤神马集团' }], placement: null });
    expect(j.ledger).toHaveLength(1);
    expect(j.ledger[0].householdId).toBe(journeyStudent.householdId);
    const programs = j.ledger[0].entries.map((e: { program: string; aidType: string; amountFen: number }) => [e.program, e.aidType, e.amountFen]);
    expect(programs).toEqual(
      expect.arrayContaining([
        ['2025年金秋助学', 'cash', 500000],
        ['2025年金秋助学', 'in_kind', 0],
        ['2026年金秋助学', 'cash', 500000],
        ['2026年特别慰问金', 'cash', 100000],
      ]),
    );
  });

  it('keeps to the reader’s subtree: the student’s application elsewhere shows only to a reader above both', async () => {
    const fromB = (await s['cw-b'].get(`/api/applications/${enrolment.applicationId}/journey`)).json();
    const idsB = [...fromB.enrolment.applications, ...fromB.inSchool.applications].map((a: { id: string }) => a.id);
    expect(idsB).not.toContain(elsewhere);
    const fromA = (await s['admin-a'].get(`/api/applications/${enrolment.applicationId}/journey`)).json();
    expect([...fromA.enrolment.applications, ...fromA.inSchool.applications].map((a: { id: string }) => a.id)).toContain(elsewhere);
    // From G the application there is seen, but not E's, nor the household of E's ledger.
    const fromG = (await s['cw-g'].get(`/api/applications/${elsewhere}/journey`)).json();
    expect([...fromG.enrolment.applications, ...fromG.inSchool.applications].map((a: { id: string }) => a.id)).toEqual([elsewhere]);
    expect(fromG.ledger).toEqual([]);
    expect(fromG.inSchool.followUps).toEqual([]);
  });

  it('answers 404 for an application of another subtree and 403 without application.read', async () => {
    expect((await s['cw-d'].get(`/api/applications/${enrolment.applicationId}/journey`)).statusCode).toBe(404);
    expect((await s['cw-g'].get(`/api/applications/${enrolment.applicationId}/journey`)).statusCode).toBe(404);
    await t.createUser('no-read', 'E', ['jobs_officer']);
    expect((await (await t.signIn('no-read')).get(`/api/applications/${enrolment.applicationId}/journey`)).statusCode).toBe(403);
  });
});
