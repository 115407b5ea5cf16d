import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { aidFollowUps, applicationEvents, campaignApplications, jobSeekers } from '../../../db/schema/index.js';
import { aidStudents, type AidedStudent } from '../../../test-support/aided-student-fixtures.js';
import { makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { insertEnterprise, insertPosting } from '../../../test-support/seeker-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

/**
 * The last link of the student-aid chain: a student a campaign aided is registered as a job seeker
 * from the application, matched to a pledged enterprise's posting, referred and placed; the
 * placement is the year's follow-up "employed" at the enterprise, and the journey shows it.
 */
let t: TestApp;
const s: Record<string, Session> = {};
let student: AidedStudent; // of E, aided in 2026, a graduate-to-be
let other: AidedStudent; // of E, aided in 2026, whose 2026 follow-up is recorded before the placement
let notAided: string; // a draft application of E
let enterprise: Awaited<ReturnType<typeof insertEnterprise>>;
let posting: Awaited<ReturnType<typeof insertPosting>>;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  await t.createUser('jobs-g', 'G', ['jobs_officer']);
  await t.createUser('cw-e', 'E', ['caseworker']);
  const admin = await t.signIn('admin-a');
  const { campaignId } = await makeCampaign(t, admin, { orgName: 'A', participants: ['B'], year: 2026 });
  [student, other] = await aidStudents(t, campaignId, [{ orgName: 'E', admissionYear: 2022 }, { orgName: 'E', admissionYear: 2022 }]);
  // Graduation time (the aid was paid in March).
  t.clock.set(new Date('2026-07-08T10:00:00+08:00'));
  for (const u of ['admin-a', 'jobs-b', 'jobs-g', 'cw-e']) s[u] = await t.signIn(u);
  const draft = await s['cw-e'].post('/api/applications', {
    campaignId,
    orgId: t.orgs.E.id,
    unfiled: { name: '赵建军', idNumber: uniqueIdNumber(1976), householdSize: 4, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '家庭临时困难' },
    student: { name: '赵晓雪', idNumber: uniqueIdNumber(2007) },
    schoolName: '河南理工大学',
    schoolStage: 'undergraduate',
    admissionYear: 2026,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  notAided = draft.json().id;
  enterprise = await insertEnterprise(t, 'B', { name: '焦作市仁和建材有限公司', priorityPledge: true });
  posting = await insertPosting(t, enterprise, { title: '质检员（应届）', category: 'production', education: 'college' });
  await insertPosting(t, enterprise, { title: '销售代表', category: 'sales', education: 'college' });
}, 180_000);
afterAll(() => t.close());

describe('an aided student matched and placed', () => {
  let seekerId: string;

  it('offers the aided students of the subtree to the registration form, not a draft application', async () => {
    const items = (await s['jobs-b'].get('/api/job-seekers/candidates?kind=application')).json().items;
    expect(items.map((i: { applicationId: string }) => i.applicationId).sort()).toEqual([student.applicationId, other.applicationId].sort());
    expect(items[0]).toMatchObject({ schoolStage: 'undergraduate', admissionYear: 2022, campaignYear: 2026, registered: null, idMasked: expect.stringMatching(/\*{8}/) });
    expect((await s['jobs-g'].get('/api/job-seekers/candidates?kind=application')).json().items).toEqual([]);
  });

  it('registers the student from the application: name, ID and schooling from it, of a hardship family', async () => {
    const res = await s['jobs-b'].post('/api/job-seekers', { applicationId: student.applicationId, wishedCategory: 'production', wishedRegion: '410800', wishedSalaryFen: 350000 });
    expect(res.statusCode, res.body).toBe(201);
    seekerId = res.json().id;
    const [row] = await t.database.db.select().from(jobSeekers).where(eq(jobSeekers.id, seekerId));
    const [app] = await t.database.db.select().from(campaignApplications).where(eq(campaignApplications.id, student.applicationId));
    expect(row).toMatchObject({ name: app.studentName, idHash: app.studentIdHash, orgId: t.orgs.E.id, hardship: true, applicationId: student.applicationId, householdId: student.householdId, education: 'bachelor', graduationYear: 2026 });
    const detail = (await s['jobs-b'].get(`/api/job-seekers/${seekerId}`)).json();
    expect(detail.application).toEqual({ id: student.applicationId, applicationNo: app.applicationNo });
    // Registered once: the picker marks the student, a second registration is refused.
    const items = (await s['jobs-b'].get('/api/job-seekers/candidates?kind=application')).json().items;
    expect(items.find((i: { applicationId: string }) => i.applicationId === student.applicationId).registered).toEqual({ seekerId });
    const again = await s['jobs-b'].post('/api/job-seekers', { applicationId: student.applicationId, wishedCategory: 'production', wishedRegion: '410800' });
    expect(again.json().error.details).toMatchObject({ reason: 'seeker_registered', field: 'body.idNumber', seekerId });
  });

  it('refuses an application not aided (409), or out of sight (400)', async () => {
    const draft = await s['jobs-b'].post('/api/job-seekers', { applicationId: notAided, wishedCategory: 'production', wishedRegion: '410800' });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.details).toMatchObject({ reason: 'application_status', status: 'draft' });
    const hidden = await s['jobs-g'].post('/api/job-seekers', { applicationId: other.applicationId, wishedCategory: 'production', wishedRegion: '410800' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details.issues[0].field).toBe('body.applicationId');
  });

  it('matches the pledged enterprise’s posting first, refers and places the student: the journey shows the employment at the enterprise', async () => {
    const matches = (await s['jobs-b'].get(`/api/job-seekers/${seekerId}/matches`)).json().items;
    expect(matches[0]).toMatchObject({ postingId: posting.id, enterpriseName: '焦作市仁和建材有限公司' });
    expect(matches[0].matched).toEqual(['category', 'region', 'education', 'salary', 'priority_pledge']);
    const referral = await s['jobs-b'].post(`/api/job-seekers/${seekerId}/referrals`, { postingId: posting.id });
    expect(referral.statusCode, referral.body).toBe(201);
    expect(referral.json().matchedOn).toContain('priority_pledge');
    const placed = await s['jobs-b'].post(`/api/job-referrals/${referral.json().id}/outcome`, { outcome: 'placed', placedOn: '2026-07-08' });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json().employmentLink).toEqual({ recorded: true, followUpId: expect.any(String) });

    const [followUp] = await t.database.db.select().from(aidFollowUps).where(eq(aidFollowUps.applicationId, student.applicationId));
    expect(followUp).toMatchObject({ year: 2026, status: 'employed', employer: '焦作市仁和建材有限公司', contactedOn: '2026-07-08', id: placed.json().employmentLink.followUpId });
    const [app] = await t.database.db.select({ status: campaignApplications.status }).from(campaignApplications).where(eq(campaignApplications.id, student.applicationId));
    expect(app.status).toBe('followed_up');
    const [event] = await t.database.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, student.applicationId), eq(applicationEvents.action, 'follow_up')));
    expect(event).toMatchObject({ fromStatus: 'paid', toStatus: 'followed_up', details: { status: 'employed', employer: '焦作市仁和建材有限公司', source: 'placement', referralId: referral.json().id } });
    const [audit] = await auditRows(t, 'application.follow_up', student.applicationId);
    expect(audit.details).toMatchObject({ status: 'employed', source: 'placement' });

    // The caseworker of E reads the journey: employment aid, with the enterprise, and the placement.
    const journey = await s['cw-e'].get(`/api/applications/${student.applicationId}/journey`);
    expect(journey.statusCode, journey.body).toBe(200);
    expect(journey.json().employment).toEqual({
      followUps: [expect.objectContaining({ year: 2026, status: 'employed', employer: '焦作市仁和建材有限公司', contactedOn: '2026-07-08', recordedByName: 'jobs-b' })],
      placement: { enterpriseName: '焦作市仁和建材有限公司', postingTitle: '质检员（应届）', placedOn: '2026-07-08', seekerId },
    });
    // The application list of the follow-ups says the same.
    expect((await s['cw-e'].get(`/api/applications/${student.applicationId}/follow-ups`)).json().items).toMatchObject([{ status: 'employed', employer: '焦作市仁和建材有限公司' }]);
  });

  it('keeps a year already followed up as it is: the placement stands and the journey shows it beside', async () => {
    const recorded = await s['cw-e'].post(`/api/applications/${other.applicationId}/follow-ups`, { year: 2026, status: 'studying', contactedOn: '2026-07-05' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const seeker = (await s['jobs-b'].post('/api/job-seekers', { applicationId: other.applicationId, wishedCategory: 'production', wishedRegion: '410803' })).json().id;
    const referral = (await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posting.id })).json().id;
    const placed = await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'placed', placedOn: '2026-07-08' });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json().employmentLink).toEqual({ recorded: false, reason: 'year_recorded', followUpId: recorded.json().id });
    const followUps = await t.database.db.select().from(aidFollowUps).where(eq(aidFollowUps.applicationId, other.applicationId));
    expect(followUps).toMatchObject([{ year: 2026, status: 'studying', employer: null }]);
    const journey = (await s['cw-e'].get(`/api/applications/${other.applicationId}/journey`)).json();
    expect(journey.employment.placement).toMatchObject({ enterpriseName: '焦作市仁和建材有限公司', placedOn: '2026-07-08' });
  });
});
