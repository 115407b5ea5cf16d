import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOfficerAtRoot, makeEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../test-support/job-posting-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let officer: Session;
let enterpriseId: string;

const boardTitles = async (q: string) => ((await t.app.inject({ method: 'GET', url: `/api/public/jobs?q=${encodeURIComponent(q)}` })).json().items as Array<{ title: string }>).map((p) => p.title).sort();
const staffTitles = async (q: string) => ((await officer.get(`/api/job-postings?q=${encodeURIComponent(q)}`)).json().items as Array<{ title: string }>).map((p) => p.title).sort();

beforeAll(async () => {
  t = await createTestApp();
  officer = await jobsOfficerAtRoot(t);
  enterpriseId = await makeEnterprise(t, 'D', { name: '焦作市旧名机械厂' });
  for (const title of ['电焊工', '钳工']) {
    const created = await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title, submit: true }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await officer.post(`/api/job-postings/${created.json().id}/approve`, {})).statusCode).toBe(200);
  }
  const closed = await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '叉车司机' }));
  expect((await officer.post(`/api/job-postings/${closed.json().id}/close`, {})).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('renaming an enterprise', () => {
  it('the board finds its postings by the new name at once, and no longer by the old one', async () => {
    expect(await boardTitles('旧名机械')).toEqual(['电焊工', '钳工']);
    const current = (await officer.get(`/api/enterprises/${enterpriseId}`)).json();
    const renamed = await officer.patch(`/api/enterprises/${enterpriseId}`, { name: '焦作市鑫源重工有限公司', version: current.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await boardTitles('鑫源重工')).toEqual(['电焊工', '钳工']);
    expect(await boardTitles('旧名机械')).toEqual([]);
    // The staff list searches every status: the closed posting follows the new name too.
    expect(await staffTitles('鑫源重工')).toEqual(['叉车司机', '电焊工', '钳工']);
  });

  it('a change that keeps the name leaves the terms as they are', async () => {
    const current = (await officer.get(`/api/enterprises/${enterpriseId}`)).json();
    expect((await officer.patch(`/api/enterprises/${enterpriseId}`, { address: '焦作市中站区新园路 2 号', version: current.version })).statusCode).toBe(200);
    expect(await boardTitles('鑫源重工')).toEqual(['电焊工', '钳工']);
  });
});

/** Another connection holding a transaction open (PostgreSQL: PGlite runs one transaction at a time). */
async function heldTransaction() {
  const client = new pg.Client({ connectionString: (t.database as { url?: string }).url });
  await client.connect();
  await client.query('begin');
  return { query: (text: string, values: unknown[]) => client.query(text, values), commit: async () => (await client.query('commit'), await client.end()) };
}

/** True once the request has been waiting this long (it did not answer before). */
const stillWaiting = (pending: Promise<unknown>, ms = 300) => Promise.race([pending.then(() => false), new Promise((r) => setTimeout(() => r(true), ms))]);

describe.skipIf(!process.env.TEST_DATABASE_URL)('a rename racing a posting (PostgreSQL)', () => {
  it('a posting entered while a rename is being written waits for it and takes the new name', async () => {
    const renaming = await heldTransaction();
    await renaming.query('update enterprises set name = $1 where id = $2', ['焦作市并发改名一厂', enterpriseId]);
    const created = officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '装载机司机' }));
    const waited = await stillWaiting(created);
    await renaming.commit();
    expect(waited).toBe(true);
    expect((await created).statusCode).toBe(201);
    expect(await staffTitles('并发改名一厂')).toContain('装载机司机');
  });

  it('a correction of a posting that waited on the rename writes the new name', async () => {
    const draft = (await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '电工' }))).json();
    const renaming = await heldTransaction();
    await renaming.query('update enterprises set name = $1 where id = $2', ['焦作市并发改名二厂', enterpriseId]);
    await renaming.query('select id from job_postings where id = $1 for update', [draft.id]);
    const corrected = officer.patch(`/api/job-postings/${draft.id}`, { title: '维修电工', version: 1 });
    const waited = await stillWaiting(corrected);
    await renaming.commit();
    expect(waited).toBe(true);
    expect((await corrected).statusCode).toBe(200);
    expect(await staffTitles('并发改名二厂')).toContain('维修电工');
  });
});
