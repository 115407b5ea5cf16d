import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertPosting, sampleSeeker } from '../../../test-support/seeker-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

// A deactivated enterprise's postings leave the public board; they must leave a seeker's matches and referrals too.
let t: TestApp;
let jobs: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  jobs = await t.signIn('jobs-b');
}, 120_000);
afterAll(() => t.close());

describe('a seeker and the postings of a deactivated enterprise', () => {
  it('no longer matches them and cannot be referred to them; reactivated, both again', async () => {
    const enterprise = await insertEnterprise(t, 'E');
    const enterpriseId = enterprise.id;
    const posting = await insertPosting(t, enterprise, { title: '数控电焊工' });
    const created = await jobs.post('/api/job-seekers', sampleSeeker(t, 'E', { skills: '电焊' }));
    expect(created.statusCode, created.body).toBe(201);
    const seekerId = created.json().id as string;
    const matched = async () => (await jobs.get(`/api/job-seekers/${seekerId}/matches`)).json().items.map((i: { postingId?: string; id?: string }) => i.postingId ?? i.id);
    expect(await matched()).toContain(posting.id);

    const off = await jobs.post(`/api/enterprises/${enterpriseId}/deactivate`, {});
    expect(off.statusCode, off.body).toBeLessThan(300);
    expect(await matched()).not.toContain(posting.id);
    const refer = await jobs.post(`/api/job-seekers/${seekerId}/referrals`, { postingId: posting.id });
    expect(refer.statusCode).toBe(409);
    expect(refer.json().error.details).toMatchObject({ reason: 'enterprise_inactive', field: 'body.postingId' });

    expect((await jobs.post(`/api/enterprises/${enterpriseId}/activate`, {})).statusCode).toBeLessThan(300);
    expect(await matched()).toContain(posting.id);
    expect((await jobs.post(`/api/job-seekers/${seekerId}/referrals`, { postingId: posting.id })).statusCode).toBe(201);
  });
});
