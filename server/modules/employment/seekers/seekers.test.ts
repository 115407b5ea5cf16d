import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { jobReferrals, jobSeekers } from '../../../db/schema/index.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { archivedHousehold } from '../../../test-support/campaign-fixtures.js';
import { sampleHousehold, uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { insertEnterprise, insertPosting, sampleSeeker } from '../../../test-support/seeker-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, string, Parameters<TestApp['createUser']>[2]]> = [
  ['jobs-a', 'A', ['jobs_officer']],
  ['jobs-b', 'B', ['jobs_officer']],
  ['jobs-g', 'G', ['jobs_officer']],
  ['cw-e', 'E', ['caseworker']],
  ['admin-a', 'A', ['org_admin']],
];
async function signInAll() {
  for (const [u] of USERS) s[u] = await t.signIn(u);
}

let household: Awaited<ReturnType<typeof archivedHousehold>>; // archived, of E
let householdOfG: Awaited<ReturnType<typeof archivedHousehold>>;
let appliedHousehold: string; // of E, filed but not archived
let plain: Awaited<ReturnType<typeof insertEnterprise>>; // of E
let pledged: Awaited<ReturnType<typeof insertEnterprise>>; // of E, pledged to hire hardship graduates first
let ofG: Awaited<ReturnType<typeof insertEnterprise>>;
const posts: Record<string, Awaited<ReturnType<typeof insertPosting>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of USERS) await t.createUser(u, org, roles);
  await signInAll();
  household = await archivedHousehold(t, s['admin-a'], 'E');
  householdOfG = await archivedHousehold(t, s['admin-a'], 'G');
  appliedHousehold = (await s['admin-a'].post('/api/households', sampleHousehold(t.orgs.E.id))).json().id;
  plain = await insertEnterprise(t, 'E', { name: '焦作市华兴机械有限公司' });
  pledged = await insertEnterprise(t, 'E', { name: '焦作市仁和建材有限公司', priorityPledge: true });
  ofG = await insertEnterprise(t, 'G', { name: '沁阳市远航物流有限公司', regionCode: '410882' });
  const day = (d: number) => new Date(Date.UTC(2026, 1, d));
  posts.welder = await insertPosting(t, plain, { title: '电焊工', publishedAt: day(1) });
  posts.pledgedWelder = await insertPosting(t, pledged, { title: '焊接学徒', publishedAt: day(2) });
  posts.clerk = await insertPosting(t, plain, { title: '行政文员', category: 'admin', education: 'college', publishedAt: day(3) });
  posts.driver = await insertPosting(t, ofG, { title: '货车司机', category: 'logistics', regionCode: '410882', publishedAt: day(4) });
  posts.nearby = await insertPosting(t, plain, { title: '焊工（修武）', regionCode: '410821', publishedAt: day(5) });
  posts.expired = await insertPosting(t, plain, { title: '电焊工（过期）', validUntil: '2026-01-31', publishedAt: day(6) });
  posts.draft = await insertPosting(t, plain, { title: '电焊工（草稿）', status: 'draft' });
  posts.draftOfG = await insertPosting(t, ofG, { title: '仓库管理员', status: 'draft' });
  posts.closed = await insertPosting(t, plain, { title: '钳工', status: 'closed' });
}, 120_000);
afterAll(() => t.close());

const register = (body: Record<string, unknown>, who = 'jobs-b') => s[who].post('/api/job-seekers', body);

describe('registering a job seeker (求职登记)', () => {
  it('registers by hand at an org of the subtree: the ID number and phone encrypted and masked, audited', async () => {
    const body = sampleSeeker(t, 'E');
    const res = await register(body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const [row] = await t.database.db.select().from(jobSeekers).where(eq(jobSeekers.id, id));
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(JSON.stringify(row)).not.toContain(body.phone);
    expect(row).toMatchObject({ orgId: t.orgs.E.id, hardship: false, status: 'seeking', education: 'college', householdId: null, applicationId: null, wishedSalaryFen: 450000 });
    const detail = await s['jobs-b'].get(`/api/job-seekers/${id}`);
    expect(detail.headers['cache-control']).toBe('no-store');
    expect(detail.json()).toMatchObject({ name: '刘振华', idNumberMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/), phoneMasked: '137****0002', referrals: [], placement: null });
    expect(detail.body).not.toContain(body.idNumber);
    const [audit] = await auditRows(t, 'job_seeker.register', id);
    expect(audit).toMatchObject({ orgId: t.orgs.E.id, details: { source: 'manual', hardship: false } });
  });

  it('refuses a wrong check digit, and a registration missing its person', async () => {
    const bad = await register(sampleSeeker(t, 'E', { idNumber: '410803199801150012' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toContain('body.idNumber');
    const { name: _n, idNumber: _i, education: _e, ...rest } = sampleSeeker(t, 'E');
    const missing = await register(rest);
    expect(missing.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['body.name', 'body.idNumber', 'body.education']));
  });

  it('keeps one seeker per person: a second registration is a 409 naming body.idNumber, also two at once', async () => {
    const idNumber = uniqueIdNumber(1999);
    expect((await register(sampleSeeker(t, 'E', { idNumber }))).statusCode).toBe(201);
    const again = await register(sampleSeeker(t, 'D', { idNumber, name: '另一人' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'seeker_registered', field: 'body.idNumber', holdingOrg: { name: '组织E' } });
    // From G the holder is out of sight: its org is named, its id is not.
    const fromG = await register(sampleSeeker(t, 'G', { idNumber }), 'jobs-g');
    expect(fromG.json().error.details.seekerId).toBeNull();

    const twin = uniqueIdNumber(1999);
    const both = await Promise.all([register(sampleSeeker(t, 'E', { idNumber: twin })), register(sampleSeeker(t, 'D', { idNumber: twin }))]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.details.field).toBe('body.idNumber');
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(jobSeekers).where(eq(jobSeekers.name, '刘振华'));
    expect(n).toBeGreaterThan(0);
  });

  it('takes a member of an archived household: name, ID and schooling from the archive, of a hardship family', async () => {
    const child = household.members.find((m) => m.schoolStage === 'undergraduate')!;
    const res = await register({ householdId: household.id, memberId: child.id, wishedCategory: 'engineering', wishedRegion: '410800', skills: 'CAD' });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.database.db.select().from(jobSeekers).where(eq(jobSeekers.id, res.json().id));
    // The fixture's child entered university in 2025: a bachelor's degree in 2029.
    expect(row).toMatchObject({ name: '王小明', orgId: t.orgs.E.id, hardship: true, householdId: household.id, applicationId: null, education: 'bachelor', graduationYear: 2029, idHash: child.idHash });
    const detail = (await s['jobs-b'].get(`/api/job-seekers/${row.id}`)).json();
    expect(detail.household).toMatchObject({ id: household.id, caseNo: expect.stringMatching(/^HH/) });
    // The worker the household is filed for, without a member.
    const worker = await register({ householdId: household.id, wishedCategory: 'production', wishedRegion: '410803', hardship: false });
    expect(worker.statusCode, worker.body).toBe(201);
    const [w] = await t.database.db.select().from(jobSeekers).where(eq(jobSeekers.id, worker.json().id));
    expect(w).toMatchObject({ name: '王建国', hardship: true, education: 'none' });
  });

  it('refuses a household out of sight or not archived, a member of another household, and a name beside a record', async () => {
    const out = await register({ householdId: householdOfG.id, wishedCategory: 'production', wishedRegion: '410803' });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details.issues[0].field).toBe('body.householdId');
    const applied = await register({ householdId: appliedHousehold, wishedCategory: 'production', wishedRegion: '410803' });
    expect(applied.statusCode).toBe(409);
    expect(applied.json().error.details).toMatchObject({ reason: 'household_status', status: 'applied' });
    const stranger = await register({ householdId: household.id, memberId: householdOfG.members[0].id, wishedCategory: 'production', wishedRegion: '410803' });
    expect(stranger.json().error.details.issues[0].field).toBe('body.memberId');
    const both = await register({ householdId: household.id, name: '某人', idNumber: uniqueIdNumber(1990), wishedCategory: 'production', wishedRegion: '410803' });
    expect(both.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.name', 'body.idNumber']);
  });

  it('answers 404 for an org of another subtree and 403 without job.match, writing nothing', async () => {
    const before = await auditRows(t, 'job_seeker.register');
    expect((await register(sampleSeeker(t, 'G'))).statusCode).toBe(404);
    expect((await register(sampleSeeker(t, 'E'), 'cw-e')).statusCode).toBe(403);
    expect(await auditRows(t, 'job_seeker.register')).toHaveLength(before.length);
  });
});

describe('the seekers list and the registration pickers', () => {
  it('lists the subtree’s seekers masked, filtered by hardship, status and education', async () => {
    const all = (await s['jobs-b'].get('/api/job-seekers?pageSize=100')).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items.every((i: { orgName: string }) => ['组织B', '组织D', '组织E'].includes(i.orgName))).toBe(true);
    const hardship = (await s['jobs-b'].get('/api/job-seekers?hardship=true')).json().items;
    expect(hardship.map((i: { name: string }) => i.name).sort()).toEqual(['王小明', '王建国']);
    expect((await s['jobs-b'].get('/api/job-seekers?education=bachelor')).json().items.map((i: { name: string }) => i.name)).toEqual(['王小明']);
    expect((await s['jobs-b'].get('/api/job-seekers?status=placed')).json().items).toEqual([]);
    expect((await s['jobs-b'].get('/api/job-seekers?q=王小')).json().items).toHaveLength(1);
    expect((await s['jobs-g'].get('/api/job-seekers')).json().items.every((i: { orgName: string }) => i.orgName === '组织G')).toBe(true);
    expect((await s['cw-e'].get('/api/job-seekers')).statusCode).toBe(403);
    expect((await s['jobs-b'].get('/api/job-seekers?hardship=maybe')).statusCode).toBe(400);
  });

  it('offers archived households of the subtree with their people masked, marking who is registered', async () => {
    const res = await s['jobs-b'].get('/api/job-seekers/candidates?kind=household');
    expect(res.headers['cache-control']).toBe('no-store');
    const items = res.json().items;
    expect(items.map((h: { householdId: string }) => h.householdId)).toEqual([household.id]);
    const people = items[0].people;
    expect(people.map((p: { relation: string }) => p.relation)).toEqual(['worker', 'spouse', 'child']);
    expect(people[0].registered.seekerId).toEqual(expect.any(String));
    expect(people[1].registered).toBeNull();
    expect(people.every((p: { idMasked: string }) => /\*{8}/.test(p.idMasked))).toBe(true);
    expect((await s['jobs-b'].get(`/api/job-seekers/candidates?kind=household&q=${encodeURIComponent('没有这个人')}`)).json().items).toEqual([]);
  });
});

describe('matching (匹配)', () => {
  let welderSeeker: string; // E, hand-entered, not of a hardship family
  let hardshipSeeker: string; // E, hardship by hand

  beforeAll(async () => {
    welderSeeker = (await register(sampleSeeker(t, 'E', { name: '赵焊工', skills: '电焊' }))).json().id;
    hardshipSeeker = (await register(sampleSeeker(t, 'E', { name: '钱困难', hardship: true, skills: null, wishedSalaryFen: null }))).json().id;
  });

  it('ranks published, valid postings for a seeker, saying what matched and what did not', async () => {
    const res = await s['jobs-b'].get(`/api/job-seekers/${welderSeeker}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ postingId: string; title: string; score: number; matched: string[]; missed: string[]; enterpriseName: string }>;
    const titles = items.map((i) => i.title);
    expect(titles).not.toContain('电焊工（过期）');
    expect(titles).not.toContain('电焊工（草稿）');
    expect(titles).not.toContain('钳工');
    expect(titles[0]).toBe('电焊工');
    expect(items[0]).toMatchObject({ enterpriseName: '焦作市华兴机械有限公司', matched: ['category', 'region', 'education', 'salary', 'skills'], missed: [] });
    expect(items.find((i) => i.title === '焊工（修武）')!.matched).toContain('region_nearby');
    expect(items.find((i) => i.title === '行政文员')!.missed).toEqual(expect.arrayContaining(['category', 'skills']));
    // The board is the city's: a posting of G's enterprise is among the matches of a seeker of E.
    const driver = items.find((i) => i.title === '货车司机')!;
    expect(driver.missed).toEqual(['category', 'skills']);
    expect(driver.matched).toContain('region_nearby'); // 沁阳市 (410882) is of the same city as 中站区 (410803)
    const scores = items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('boosts a pledged enterprise’s posting for a seeker of a hardship family, and says so', async () => {
    const items = (await s['jobs-b'].get(`/api/job-seekers/${hardshipSeeker}/matches`)).json().items;
    expect(items[0]).toMatchObject({ title: '焊接学徒', priorityPledge: true });
    expect(items[0].matched).toContain('priority_pledge');
    const other = (await s['jobs-b'].get(`/api/job-seekers/${welderSeeker}/matches`)).json().items.find((i: { title: string }) => i.title === '焊接学徒');
    expect(other.matched).not.toContain('priority_pledge');
  });

  it('ranks seekers of the subtree for a posting, hardship families first for a pledged enterprise', async () => {
    const res = await s['jobs-b'].get(`/api/job-postings/${posts.pledgedWelder.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ name: string; hardship: boolean; matched: string[]; idNumberMasked: string }>;
    const firstPlain = items.findIndex((i) => !i.hardship);
    expect(firstPlain).toBeGreaterThan(0);
    expect(items.slice(firstPlain).every((i) => !i.hardship)).toBe(true);
    expect(items.filter((i) => i.hardship).every((i) => i.matched.includes('priority_pledge'))).toBe(true);
    // Without the pledge the best fit comes first.
    const plainList = (await s['jobs-b'].get(`/api/job-postings/${posts.welder.id}/matches`)).json().items;
    expect(plainList[0].name).toBe('赵焊工');
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('answers 404 for a seeker or a posting of another subtree, and 403 without job.match', async () => {
    expect((await s['jobs-g'].get(`/api/job-seekers/${welderSeeker}/matches`)).statusCode).toBe(404);
    expect((await s['jobs-g'].get(`/api/job-seekers/${welderSeeker}`)).statusCode).toBe(404);
    expect((await s['jobs-b'].get(`/api/job-postings/${posts.driver.id}/matches`)).statusCode).toBe(404);
    expect((await s['cw-e'].get(`/api/job-seekers/${welderSeeker}/matches`)).statusCode).toBe(403);
    // G sees its own posting's matches, none of E's seekers among them.
    const ofGList = (await s['jobs-g'].get(`/api/job-postings/${posts.driver.id}/matches`)).json().items;
    expect(ofGList.every((i: { orgName: string }) => i.orgName === '组织G')).toBe(true);
  });
});

describe('referrals and placements (推荐与安置)', () => {
  let seeker: string;
  let referral: string;

  beforeAll(async () => {
    seeker = (await register(sampleSeeker(t, 'D', { name: '孙推荐' }))).json().id;
  });

  it('refers a seeker to a posting, keeping what matched, audited; once per posting (409)', async () => {
    const res = await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.welder.id, note: '已电话通知面试' });
    expect(res.statusCode, res.body).toBe(201);
    referral = res.json().id;
    expect(res.json().matchedOn).toEqual(['category', 'region', 'education', 'salary', 'skills']);
    const [audit] = await auditRows(t, 'job_referral.create', referral);
    expect(audit).toMatchObject({ orgId: t.orgs.D.id, details: { seekerId: seeker, postingId: posts.welder.id } });
    const again = await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.welder.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'already_referred', referralId: referral });
    const matches = (await s['jobs-b'].get(`/api/job-seekers/${seeker}/matches`)).json().items;
    expect(matches.find((m: { postingId: string }) => m.postingId === posts.welder.id).referral).toEqual({ id: referral, status: 'referred' });
    const detail = (await s['jobs-b'].get(`/api/job-seekers/${seeker}`)).json();
    expect(detail.referrals).toMatchObject([{ id: referral, postingTitle: '电焊工', enterpriseName: '焦作市华兴机械有限公司', status: 'referred', note: '已电话通知面试', referredByName: 'jobs-b' }]);
  });

  it('refers across the board (G’s published posting), refuses a draft out of sight (400), a posting not open (409)', async () => {
    expect((await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.driver.id })).statusCode).toBe(201);
    const hidden = await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.draftOfG.id });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details.issues[0].field).toBe('body.postingId');
    for (const p of [posts.closed, posts.expired, posts.draft]) {
      const res = await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: p.id });
      expect(res.statusCode, p.title).toBe(409);
      expect(res.json().error.details.reason).toBe('posting_status');
    }
  });

  it('answers 404 for a seeker of another subtree and 403 without job.match, writing nothing', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(jobReferrals);
    expect((await s['jobs-g'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.clerk.id })).statusCode).toBe(404);
    expect((await s['cw-e'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.clerk.id })).statusCode).toBe(403);
    expect((await s['jobs-g'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'declined' })).statusCode).toBe(404);
    expect((await s['cw-e'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'declined' })).statusCode).toBe(403);
    expect(await t.database.db.select({ n: sql<number>`count(*)::int` }).from(jobReferrals)).toEqual(before);
  });

  it('records a placement: the seeker is placed, audited; a day to come or before the referral is refused', async () => {
    const future = await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'placed', placedOn: '2099-01-01' });
    expect(future.json().error.details.issues[0].field).toBe('body.placedOn');
    const early = await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'placed', placedOn: '2020-01-01' });
    expect(early.json().error.details.issues[0].field).toBe('body.placedOn');
    const res = await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'placed', placedOn: '2026-03-02', note: '已签合同' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'placed', seekerStatus: 'placed', employmentLink: null });
    const detail = (await s['jobs-b'].get(`/api/job-seekers/${seeker}`)).json();
    expect(detail.status).toBe('placed');
    expect(detail.placement).toMatchObject({ id: referral, placedOn: '2026-03-02', enterpriseName: '焦作市华兴机械有限公司', note: '已电话通知面试\n已签合同' });
    const [audit] = await auditRows(t, 'job_referral.place', referral);
    expect(audit.details).toMatchObject({ seekerId: seeker, placedOn: '2026-03-02' });
    const twice = await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'declined' });
    expect(twice.json().error.details.reason).toBe('referral_status');
  });

  it('places a seeker once: another referral of theirs is refused (409), and a placed seeker is not referred again', async () => {
    const [other] = await t.database.db.select().from(jobReferrals).where(and(eq(jobReferrals.seekerId, seeker), eq(jobReferrals.postingId, posts.driver.id)));
    const res = await s['jobs-b'].post(`/api/job-referrals/${other.id}/outcome`, { outcome: 'placed', placedOn: '2026-03-02' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('already_placed');
    // Declining the other referral is still recorded.
    expect((await s['jobs-b'].post(`/api/job-referrals/${other.id}/outcome`, { outcome: 'declined', note: '已在别处就业' })).json().status).toBe('declined');
    const refer = await s['jobs-b'].post(`/api/job-seekers/${seeker}/referrals`, { postingId: posts.clerk.id });
    expect(refer.json().error.details).toMatchObject({ reason: 'seeker_status', status: 'placed' });
  });

  it('takes one of two placements recorded at once', async () => {
    const twin = (await register(sampleSeeker(t, 'E', { name: '周并发' }))).json().id;
    const a = (await s['jobs-b'].post(`/api/job-seekers/${twin}/referrals`, { postingId: posts.welder.id })).json().id;
    const b = (await s['jobs-b'].post(`/api/job-seekers/${twin}/referrals`, { postingId: posts.nearby.id })).json().id;
    const both = await Promise.all([a, b].map((id) => s['jobs-b'].post(`/api/job-referrals/${id}/outcome`, { outcome: 'placed', placedOn: '2026-03-02' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const placed = await t.database.db.select().from(jobReferrals).where(and(eq(jobReferrals.seekerId, twin), eq(jobReferrals.status, 'placed')));
    expect(placed).toHaveLength(1);
  });

  it('holds one placement per seeker in the database too', async () => {
    const [row] = await t.database.db.select().from(jobReferrals).where(and(eq(jobReferrals.seekerId, seeker), eq(jobReferrals.status, 'declined')));
    await expect(t.database.db.update(jobReferrals).set({ status: 'placed' }).where(eq(jobReferrals.id, row.id))).rejects.toThrow();
  });
});

