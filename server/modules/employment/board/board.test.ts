import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPostings } from '../../../db/schema/index.js';
import { addDays, chinaDate } from '../../../platform/dates.js';
import { jobsOfficerAtRoot, makeEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../test-support/job-posting-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let officer: Session; // jobs officer at the root
let machinery: string; // 焦作市中站区恒通机械厂 (pledged)
let hospital: string; // 焦作市第二人民医院
const ids: Record<string, string> = {};

/** Enters, submits and approves a posting; one clock minute apart, so the board's order is theirs. */
async function publish(name: string, enterpriseId: string, extra: Record<string, unknown>) {
  const res = await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { submit: true, ...extra }));
  expect(res.statusCode, res.body).toBe(201);
  const approved = await officer.post(`/api/job-postings/${res.json().id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  t.clock.advance(60_000);
  ids[name] = res.json().id;
}

const get = (url: string) => t.app.inject({ method: 'GET', url });
const titles = async (query: string) => ((await get(`/api/public/jobs${query}`)).json().items as Array<{ title: string }>).map((p) => p.title);

beforeAll(async () => {
  t = await createTestApp();
  officer = await jobsOfficerAtRoot(t);
  machinery = await makeEnterprise(t, 'D', { name: '焦作市中站区恒通机械厂', industry: 'manufacturing', size: 'medium', priorityPledge: true });
  hospital = await makeEnterprise(t, 'F', { name: '焦作市第二人民医院', industry: 'health', size: 'large', priorityPledge: false });
  await publish('welder', machinery, { title: '电焊工', category: 'skilled_trade', salaryMinFen: 500_000, salaryMaxFen: 700_000, education: 'junior', regionCode: '410803', description: '二氧化碳保护焊，持证上岗。' });
  await publish('lathe', machinery, { title: '数控车工', category: 'production', salaryMinFen: 450_000, salaryMaxFen: 650_000, education: 'senior', regionCode: '410803', description: '操作数控车床，看懂图纸。' });
  await publish('nurse', hospital, { title: '护士', category: 'health', salaryMinFen: 400_000, salaryMaxFen: 550_000, education: 'college', regionCode: '410882', description: '持护士执业证书，能倒班。' });
  await publish('cleaner', hospital, { title: '保洁员', category: 'security', kind: 'public_interest', salaryMinFen: 200_000, salaryMaxFen: 220_000, education: 'none', regionCode: '410882', description: '病区保洁，<b>五险</b>。' });
  await publish('student', hospital, { title: '导诊员', category: 'health', kind: 'work_study', salaryMinFen: 150_000, salaryMaxFen: 150_000, education: 'college', regionCode: '410882', description: '勤工俭学，周末上岗。' });
  // Not on the board: a draft and a submitted posting.
  await officer.post('/api/job-postings', samplePosting(t, machinery, { title: '焊工学徒' }));
  await officer.post('/api/job-postings', samplePosting(t, machinery, { title: '焊工助理', submit: true }));
});
afterAll(() => t.close());

describe('the public job board', () => {
  it('answers without a session, newest first, and shows published postings only', async () => {
    const res = await get('/api/public/jobs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json().items.map((p: { title: string }) => p.title)).toEqual(['导诊员', '保洁员', '护士', '数控车工', '电焊工']);
    expect(res.json().items[0]).not.toHaveProperty('contactPhone');
  });

  it('finds 焊工 in 电焊工 (a substring of a longer word), and words of the enterprise, the description and the category', async () => {
    expect(await titles(`?q=${encodeURIComponent('焊工')}`)).toEqual(['电焊工']);
    expect(await titles(`?q=${encodeURIComponent('恒通机械')}`)).toEqual(['数控车工', '电焊工']);
    expect(await titles(`?q=${encodeURIComponent('倒班')}`)).toEqual(['护士']);
    expect(await titles(`?q=${encodeURIComponent('医疗')}`)).toEqual(['导诊员', '护士']); // the category 医疗/护理
    expect(await titles(`?q=${encodeURIComponent('车')}`)).toEqual(['数控车工']); // one character: substring alone
    expect(await titles(`?q=${encodeURIComponent('焊车')}`)).toEqual([]);
    expect(await titles(`?q=${encodeURIComponent('护士 倒班')}`)).toEqual(['护士']);
    // A page held by the newest postings, and one that is not (the next page of the same search).
    expect(await titles(`?q=${encodeURIComponent('医疗')}&pageSize=1`)).toEqual(['导诊员']);
    expect(await titles(`?q=${encodeURIComponent('医疗')}&pageSize=1&page=2`)).toEqual(['护士']);
    expect(await titles(`?q=${encodeURIComponent('医疗')}&pageSize=1&page=3`)).toEqual([]);
  });

  it('filters by category, region, salary, the visitor’s education and kind', async () => {
    expect(await titles('?category=health')).toEqual(['导诊员', '护士']);
    expect(await titles('?region=410803')).toEqual(['数控车工', '电焊工']);
    expect(await titles('?salaryMin=600000')).toEqual(['数控车工', '电焊工']);
    expect(await titles('?education=senior')).toEqual(['保洁员', '数控车工', '电焊工']); // asks senior or less
    expect(await titles('?education=none')).toEqual(['保洁员']);
    expect(await titles('?kind=public_interest')).toEqual(['保洁员']);
    expect(await titles('?kind=work_study')).toEqual(['导诊员']);
    expect(await titles(`?q=${encodeURIComponent('焊工')}&region=410882`)).toEqual([]);
  });

  it('pages with page and pageSize (at most 50), telling whether more follow', async () => {
    const first = (await get('/api/public/jobs?pageSize=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    const third = (await get('/api/public/jobs?pageSize=2&page=3')).json();
    expect(third.items.map((p: { title: string }) => p.title)).toEqual(['电焊工']);
    expect(third.hasMore).toBe(false);
    for (const bad of ['pageSize=51', 'page=0', 'salaryMin=1.5', 'category=boss', 'region=12345', 'unknown=1']) {
      const res = await get(`/api/public/jobs?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });

  it('shows a posting with its enterprise’s name, industry, size and pledge; anything not published is not found', async () => {
    const res = await get(`/api/public/jobs/${ids.welder}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '电焊工',
      description: '二氧化碳保护焊，持证上岗。',
      contactPhone: '0391-3561234',
      enterprise: { name: '焦作市中站区恒通机械厂', industry: 'manufacturing', size: 'medium', priorityPledge: true },
    });
    const [draft] = await t.database.db.select({ id: jobPostings.id }).from(jobPostings).where(eq(jobPostings.title, '焊工学徒'));
    expect((await get(`/api/public/jobs/${draft.id}`)).statusCode).toBe(404);
    expect((await get('/api/public/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/api/public/jobs/not-a-uuid')).statusCode).toBe(400);
  });

  it('counts the enterprises, positions and openings of postings published in a period, closed ones included', async () => {
    const today = chinaDate(t.clock.now());
    const all = (await get('/api/public/job-stats')).json();
    expect(all).toEqual({ from: addDays(today, -29), to: today, enterprises: 2, positions: 5, openings: 25 });
    await officer.post(`/api/job-postings/${ids.nurse}/close`, { reason: '已招满' });
    expect((await get('/api/public/job-stats')).json()).toMatchObject({ positions: 5 });
    expect((await get(`/api/public/job-stats?from=${addDays(today, -60)}&to=${addDays(today, -1)}`)).json()).toMatchObject({ enterprises: 0, positions: 0, openings: 0 });
    expect((await get(`/api/public/job-stats?from=${today}&to=${addDays(today, -1)}`)).statusCode).toBe(400);
    await officer.post('/api/job-postings/' + ids.nurse + '/close', {}); // already closed: 409, nothing changes
    // The figures are kept for a minute: a posting approved now counts from the next minute on.
    const res = await officer.post('/api/job-postings', samplePosting(t, machinery, { title: '铣工', openings: 2, submit: true }));
    await officer.post(`/api/job-postings/${res.json().id}/approve`, {});
    expect((await get('/api/public/job-stats')).json()).toMatchObject({ positions: 5, openings: 25 });
    t.clock.advance(60_000);
    expect((await get('/api/public/job-stats')).json()).toMatchObject({ enterprises: 2, positions: 6, openings: 27 });
  });
});

describe('the board’s pages', () => {
  it('serves /jobs as plain HTML: the period’s figures, the search form and the postings, escaped', async () => {
    const res = await get(`/jobs?q=${encodeURIComponent('焊工')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('data-testid="board-stats-positions">');
    expect(html).toContain(`data-posting-id="${ids.welder}"`);
    expect(html).toContain('5,000–7,000 元/月');
    expect(html).toContain('value="焊工"');
    expect(html).not.toContain('<script');
    expect(html).toContain('name="viewport"');
    const page = await get('/jobs?education=none&lang=en');
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain('2,000–2,200 yuan/month');
    expect(page.body).toContain('Public-interest post');
  });

  it('drops a spoilt filter rather than failing, and escapes what a visitor typed', async () => {
    const res = await get(`/jobs?category=boss&page=-1&q=${encodeURIComponent('"><img src=x>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x>');
    expect(res.body).toContain('&quot;&gt;&lt;img src=x&gt;');
    expect(res.body).toContain('data-testid="board-empty"');
  });

  it('serves a posting’s page with its enterprise and a tel: link, escaping the text; 404 for anything else', async () => {
    const res = await get(`/jobs/${ids.cleaner}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('&lt;b&gt;五险&lt;/b&gt;');
    expect(res.body).toContain('href="tel:0391-3561234"');
    expect(res.body).toContain('公益性岗位');
    const pledged = await get(`/jobs/${ids.welder}`);
    expect(pledged.body).toContain('data-testid="job-pledge"');
    for (const url of ['/jobs/not-a-uuid', '/jobs/00000000-0000-4000-8000-000000000000', `/jobs/${ids.nurse}`]) {
      const missing = await get(url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.body).toContain('data-testid="job-not-found"');
    }
  });

  it('keeps the first page small: the HTML of a full page of 20 postings is a few kilobytes', async () => {
    const res = await get('/jobs');
    expect(Buffer.byteLength(res.body)).toBeLessThan(40_000);
  });
});
