import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOfficerAtRoot, makeEnterprise } from '../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../test-support/job-posting-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let officer: Session;
let enterpriseId: string;
const ids: Record<'published' | 'submitted' | 'draft', string> = { published: '', submitted: '', draft: '' };

const board = async (q: string) => ((await t.app.inject({ method: 'GET', url: `/api/public/jobs?q=${encodeURIComponent(q)}` })).json().items as Array<{ title: string }>).map((p) => p.title);
const boardPage = (id: string) => t.app.inject({ method: 'GET', url: `/jobs/${id}` });

beforeAll(async () => {
  t = await createTestApp();
  officer = await jobsOfficerAtRoot(t);
  enterpriseId = await makeEnterprise(t, 'D', { name: '焦作市停业测试机械厂' });
  ids.published = (await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '装配工', submit: true }))).json().id;
  expect((await officer.post(`/api/job-postings/${ids.published}/approve`, {})).statusCode).toBe(200);
  ids.submitted = (await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '质检员', submit: true }))).json().id;
  ids.draft = (await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: '仓管员' }))).json().id;
  expect(await board('停业测试')).toEqual(['装配工']);
  expect((await officer.post(`/api/enterprises/${enterpriseId}/deactivate`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a deactivated enterprise posts nothing new', () => {
  it('its submitted posting is not approved, its draft not submitted (409 enterprise_inactive), nothing changes', async () => {
    for (const [id, step] of [[ids.submitted, 'approve'], [ids.draft, 'submit']] as const) {
      const res = await officer.post(`/api/job-postings/${id}/${step}`, step === 'approve' ? {} : undefined);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details).toMatchObject({ reason: 'enterprise_inactive' });
    }
    expect((await officer.get(`/api/job-postings/${ids.submitted}`)).json().status).toBe('submitted');
    expect((await officer.get(`/api/job-postings/${ids.draft}`)).json().status).toBe('draft');
  });

  it('its published postings leave the public board, the list and the page, and come back when it is activated again', async () => {
    expect(await board('停业测试')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/jobs/${ids.published}` })).statusCode).toBe(404);
    expect((await boardPage(ids.published)).statusCode).toBe(404);
    expect((await officer.post(`/api/enterprises/${enterpriseId}/activate`)).statusCode).toBe(200);
    expect(await board('停业测试')).toEqual(['装配工']);
    expect((await boardPage(ids.published)).statusCode).toBe(200);
    expect((await officer.post(`/api/job-postings/${ids.submitted}/approve`, {})).statusCode).toBe(200);
  });
});
