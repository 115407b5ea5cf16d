import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobPostings } from '../../../db/schema/index.js';
import { addDays, chinaDate } from '../../../platform/dates.js';
import { hrSessionFor, makeEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../test-support/job-posting-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { expireLapsedPostings } from './expire-postings.js';
import { dedupeKeyOf, normaliseTitle } from './posting-record.js';

let t: TestApp;
let officerB: Session; // jobs_officer at B: posts and reviews for B, D, E
let officerC: Session; // jobs_officer at C: another subtree
let caseworkerB: Session; // no job permission
let enterpriseD: string; // an enterprise of D
let enterpriseE: string; // another of E
let hrD: Session; // the HR account of enterpriseD

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs.b', 'B', ['jobs_officer']);
  await t.createUser('jobs.c', 'C', ['jobs_officer']);
  await t.createUser('case.b', 'B', ['caseworker']);
  [officerB, officerC, caseworkerB] = await Promise.all([t.signIn('jobs.b'), t.signIn('jobs.c'), t.signIn('case.b')]);
  enterpriseD = await makeEnterprise(t, 'D', { name: '焦作市中站区恒通机械厂' });
  enterpriseE = await makeEnterprise(t, 'E', { name: '焦作市山阳区万家超市' });
  hrD = (await hrSessionFor(t, enterpriseD)).session;
});
afterAll(() => t.close());

async function create(s: Session, enterpriseId: string, extra: Record<string, unknown> = {}) {
  const res = await s.post('/api/job-postings', samplePosting(t, enterpriseId, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const posting = async (id: string) => (await t.database.db.select().from(jobPostings).where(eq(jobPostings.id, id)))[0];
const lastAudit = async (objectId: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, objectId)).orderBy(desc(auditLog.id)).limit(1))[0];
const board = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/public/jobs${query}` })).json();

describe('a posting through review to the board', () => {
  it('is entered by the enterprise’s HR as a draft, submitted, approved by an officer and found on the public board', async () => {
    const id = await create(hrD, enterpriseD, { title: '电焊工', description: '二氧化碳保护焊，持证上岗。' });
    const draft = (await hrD.get(`/api/job-postings/${id}`)).json();
    expect(draft).toMatchObject({ status: 'draft', enterpriseName: '焦作市中站区恒通机械厂', salaryMinFen: 400_000, salaryMaxFen: 600_000, version: 1 });
    expect((await board('?q=焊工')).items).toEqual([]);

    const edited = await hrD.patch(`/api/job-postings/${id}`, { openings: 8, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await hrD.post(`/api/job-postings/${id}/submit`)).json()).toMatchObject({ status: 'submitted' });
    const queue = (await officerB.get('/api/job-postings?status=submitted')).json();
    expect(queue.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await officerB.get('/api/job-postings/awaiting-review')).json().count).toBeGreaterThanOrEqual(1);

    const approved = await officerB.post(`/api/job-postings/${id}/approve`, { note: '信息完整' });
    expect(approved.statusCode, approved.body).toBe(200);
    const row = await posting(id);
    expect(row).toMatchObject({ status: 'published', openings: 8, reviewNote: '信息完整' });
    expect(row.publishedAt?.toISOString()).toBe(t.clock.now().toISOString());

    const found = await board('?q=焊工');
    expect(found.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(found.items.find((p: { id: string }) => p.id === id)).toMatchObject({ title: '电焊工', enterpriseName: '焦作市中站区恒通机械厂', openings: 8 });
  });

  it('keeps search terms and the duplicate key of every write in step with the text', async () => {
    const id = await create(officerB, enterpriseE, { title: '收银员', description: '超市收银，排班制。' });
    let row = await posting(id);
    expect(row.dedupeKey).toBe(dedupeKeyOf(enterpriseE, '收银员', '410803'));
    expect(row.searchTerms).toEqual(expect.arrayContaining(['收银', '银员', '万家', '超市', '排班', '技术']));
    await officerB.patch(`/api/job-postings/${id}`, { title: '理货员', regionCode: '410811', version: 1 });
    row = await posting(id);
    expect(row.dedupeKey).toBe(dedupeKeyOf(enterpriseE, '理货员', '410811'));
    expect(row.searchTerms).toContain('理货');
    expect(row.searchTerms).not.toContain('银员');
  });

  it('is returned with a reason, corrected and resubmitted; a rejected one is final', async () => {
    const id = await create(hrD, enterpriseD, { submit: true });
    const returned = await officerB.post(`/api/job-postings/${id}/return`, { reason: '请写明工作时间' });
    expect(returned.json()).toMatchObject({ status: 'returned' });
    expect((await hrD.get(`/api/job-postings/${id}`)).json()).toMatchObject({ status: 'returned', reviewNote: '请写明工作时间' });
    expect((await hrD.patch(`/api/job-postings/${id}`, { description: '早八晚五，周末双休。', version: 2 })).statusCode).toBe(200);
    expect((await hrD.post(`/api/job-postings/${id}/submit`)).statusCode).toBe(200);
    expect((await officerB.post(`/api/job-postings/${id}/reject`, { reason: '岗位信息不实' })).json()).toMatchObject({ status: 'rejected' });
    const edit = await hrD.patch(`/api/job-postings/${id}`, { openings: 2, version: 4 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details).toMatchObject({ reason: 'status', status: 'rejected' });
    expect((await officerB.post(`/api/job-postings/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('refuses a correction made on a version read before another', async () => {
    const id = await create(officerB, enterpriseD);
    expect((await officerB.patch(`/api/job-postings/${id}`, { openings: 3, version: 1 })).statusCode).toBe(200);
    const stale = await hrD.patch(`/api/job-postings/${id}`, { openings: 4, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('version');
  });

  it('is closed by the enterprise and leaves the board; its title is free again', async () => {
    const id = await create(hrD, enterpriseD, { title: '数控车工', submit: true });
    await officerB.post(`/api/job-postings/${id}/approve`, {});
    expect((await board('?q=数控车工')).items).toHaveLength(1);
    const closed = await hrD.post(`/api/job-postings/${id}/close`, { reason: '已招满' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await board('?q=数控车工')).items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/jobs/${id}` })).statusCode).toBe(404);
    await create(hrD, enterpriseD, { title: '数控车工' });
    expect((await hrD.post(`/api/job-postings/${id}/close`, {})).statusCode).toBe(409);
  });
});

describe('input', () => {
  it('refuses a salary range upside down, fractional fen and a valid-until in the past, naming the field', async () => {
    const upside = await officerB.post('/api/job-postings', samplePosting(t, enterpriseD, { salaryMinFen: 600_000, salaryMaxFen: 400_000 }));
    expect(upside.statusCode).toBe(400);
    expect(upside.json().error.details.issues.map((i: { field: string }) => i.field)).toContain('body.salaryMaxFen');
    const float = await officerB.post('/api/job-postings', samplePosting(t, enterpriseD, { salaryMinFen: 4000.5 }));
    expect(float.statusCode).toBe(400);
    expect(float.json().error.details.issues.map((i: { field: string }) => i.field)).toContain('body.salaryMinFen');
    const past = await officerB.post('/api/job-postings', samplePosting(t, enterpriseD, { validUntil: addDays(chinaDate(t.clock.now()), -1) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.validUntil']);
    const far = await officerB.post('/api/job-postings', samplePosting(t, enterpriseD, { validUntil: addDays(chinaDate(t.clock.now()), 400) }));
    expect(far.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.validUntil']);
    const patchUpside = await officerB.patch(`/api/job-postings/${await create(officerB, enterpriseD)}`, { salaryMinFen: 700_000, version: 1 });
    expect(patchUpside.statusCode).toBe(400);
    expect(patchUpside.json().error.details.issues[0].field).toBe('body.salaryMaxFen');
  });

  it('normalises a title for the duplicate check: width, case, spaces and punctuation', () => {
    expect(normaliseTitle('电焊工（二级）')).toBe(normaliseTitle('电焊工 二级'));
    expect(normaliseTitle('ＣＡＤ 制图员')).toBe('cad制图员');
  });
});

describe('duplicates', () => {
  it('two simultaneous creations of one live title (written differently) of an enterprise in a region: one 201, one 409 naming the title', async () => {
    const answers = await Promise.all([
      officerB.post('/api/job-postings', samplePosting(t, enterpriseE, { title: '仓库管理员' })),
      hrD.post('/api/job-postings', samplePosting(t, enterpriseD, { title: '仓库管理员' })), // another enterprise: no clash
      officerB.post('/api/job-postings', samplePosting(t, enterpriseE, { title: ' 仓库 管理员。' })),
    ]);
    const forE = [answers[0], answers[2]];
    expect(forE.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers[1].statusCode).toBe(201);
    const refused = forE.find((r) => r.statusCode === 409)!.json().error;
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'duplicate_posting', field: 'title' } });
    // The same title elsewhere in the city is another posting.
    expect((await officerB.post('/api/job-postings', samplePosting(t, enterpriseE, { title: '仓库管理员', regionCode: '410811' }))).statusCode).toBe(201);
  });
});

describe('scope and permissions', () => {
  it('answers 404 on every verb for a posting of another subtree, and an enterprise out of reach is not found', async () => {
    const id = await create(officerB, enterpriseD, { submit: true });
    for (const [method, url, payload] of [
      ['GET', `/api/job-postings/${id}`, undefined],
      ['PATCH', `/api/job-postings/${id}`, { openings: 2, version: 1 }],
      ['POST', `/api/job-postings/${id}/submit`, undefined],
      ['POST', `/api/job-postings/${id}/approve`, {}],
      ['POST', `/api/job-postings/${id}/return`, { reason: '不清楚' }],
      ['POST', `/api/job-postings/${id}/reject`, { reason: '不清楚' }],
      ['POST', `/api/job-postings/${id}/close`, {}],
    ] as const) {
      const res = await officerC.request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await officerC.post('/api/job-postings', samplePosting(t, enterpriseD))).statusCode).toBe(404);
    expect((await officerC.get('/api/job-postings')).json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await posting(id)).status).toBe('submitted');
  });

  it('keeps an HR account to its own enterprise: lists, reads and posts', async () => {
    const other = await create(officerB, enterpriseE);
    expect((await hrD.get(`/api/job-postings/${other}`)).statusCode).toBe(404);
    expect((await hrD.post('/api/job-postings', samplePosting(t, enterpriseE))).statusCode).toBe(404);
    const list = (await hrD.get('/api/job-postings?pageSize=100')).json().items as Array<{ enterpriseId: string }>;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((p) => p.enterpriseId))).toEqual(new Set([enterpriseD]));
    expect((await hrD.get('/api/job-postings/enterprises')).json().items.map((e: { id: string }) => e.id)).toEqual([enterpriseD]);
    expect((await officerB.get('/api/job-postings/enterprises?q=焦作市')).json().items.map((e: { id: string }) => e.id).sort()).toEqual([enterpriseD, enterpriseE].sort());
  });

  it('refuses a missing permission with 403: posting without job.post, reviewing without job.publish', async () => {
    const id = await create(hrD, enterpriseD, { submit: true });
    expect((await caseworkerB.post('/api/job-postings', samplePosting(t, enterpriseD))).statusCode).toBe(403);
    expect((await caseworkerB.get('/api/job-postings')).statusCode).toBe(403);
    for (const step of ['approve', 'return', 'reject'])
      expect((await hrD.post(`/api/job-postings/${id}/${step}`, step === 'approve' ? {} : { reason: '自己审核' })).statusCode, step).toBe(403);
    expect((await posting(id)).status).toBe('submitted');
  });

  it('writes the audit row of every step, in the posting’s org', async () => {
    const id = await create(hrD, enterpriseD);
    expect(await lastAudit(id)).toMatchObject({ action: 'job_posting.create', outcome: 'success', orgId: t.orgs.D.id });
    await hrD.patch(`/api/job-postings/${id}`, { openings: 9, version: 1 });
    expect((await lastAudit(id)).action).toBe('job_posting.update');
    await hrD.post(`/api/job-postings/${id}/submit`);
    expect((await lastAudit(id)).action).toBe('job_posting.submit');
    await officerB.post(`/api/job-postings/${id}/return`, { reason: '补充福利' });
    expect(await lastAudit(id)).toMatchObject({ action: 'job_posting.return', details: { reason: '补充福利' } });
    await hrD.post(`/api/job-postings/${id}/submit`);
    await officerB.post(`/api/job-postings/${id}/approve`, {});
    expect((await lastAudit(id)).action).toBe('job_posting.approve');
    await officerB.post(`/api/job-postings/${id}/close`, {});
    expect(await lastAudit(id)).toMatchObject({ action: 'job_posting.close', details: { from: 'published' } });
    const other = await create(hrD, enterpriseD, { submit: true });
    await officerB.post(`/api/job-postings/${other}/reject`, { reason: '重复' });
    expect((await lastAudit(other)).action).toBe('job_posting.reject');
  });
});

describe('expiry at valid-until', () => {
  it('leaves the board after its last day and is expired by the sweep, with its audit row', async () => {
    const today = chinaDate(t.clock.now());
    const id = await create(officerB, enterpriseD, { title: '护士', category: 'health', validUntil: addDays(today, 2), submit: true });
    await officerB.post(`/api/job-postings/${id}/approve`, {});
    const services = { db: t.database.db, clock: t.clock, secrets: t.secrets };
    t.clock.advance(2 * 86_400_000); // its last day: still shown
    expect(await expireLapsedPostings(services)).toBe(0);
    expect((await board('?q=护士')).items.map((p: { id: string }) => p.id)).toContain(id);
    t.clock.advance(86_400_000); // the day after: gone from the board at once, before any sweep
    expect((await board('?q=护士')).items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await posting(id)).status).toBe('published');
    expect(await expireLapsedPostings(services)).toBeGreaterThanOrEqual(1);
    const row = await posting(id);
    expect(row).toMatchObject({ status: 'expired' });
    expect(row.closedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'job_posting.expire')));
    expect(entry).toMatchObject({ actorUserId: null, orgId: t.orgs.D.id, details: { validUntil: addDays(today, 2) } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/jobs/${id}` })).statusCode).toBe(404);
    // An expired posting cannot be approved or submitted again, and its title is free.
    officerB = await t.signIn('jobs.b'); // the clock moved past the session's idle time
    expect((await officerB.post(`/api/job-postings/${id}/approve`, {})).statusCode).toBe(409);
    expect(await expireLapsedPostings(services)).toBe(0);
  });

  it('will not submit or approve a posting past its last day', async () => {
    const id = await create(officerB, enterpriseD, { validUntil: addDays(chinaDate(t.clock.now()), 1) });
    t.clock.advance(2 * 86_400_000);
    officerB = await t.signIn('jobs.b');
    const submit = await officerB.post(`/api/job-postings/${id}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.details).toMatchObject({ reason: 'valid_until_passed', field: 'validUntil' });
  });
});
