import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobSeekers } from '../../../db/schema/index.js';
import { auditRows, withAuditWriteRefused } from '../../../test-support/db-probes.js';
import { archivedHousehold } from '../../../test-support/campaign-fixtures.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { insertEnterprise, insertPosting, sampleSeeker } from '../../../test-support/seeker-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

/** Correcting a seeker, revealing their numbers, and 停止求职 / 恢复求职. */
let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, string, Parameters<TestApp['createUser']>[2]]> = [
  ['jobs-b', 'B', ['jobs_officer']],
  ['jobs-g', 'G', ['jobs_officer']],
  ['admin-a', 'A', ['org_admin']],
  ['reviewer-b', 'B', ['reviewer']],
  ['cw-e', 'E', ['caseworker']],
];

let posting: Awaited<ReturnType<typeof insertPosting>>;
let household: Awaited<ReturnType<typeof archivedHousehold>>;

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of USERS) await t.createUser(u, org, roles);
  for (const [u] of USERS) s[u] = await t.signIn(u);
  household = await archivedHousehold(t, s['admin-a'], 'E');
  posting = await insertPosting(t, await insertEnterprise(t, 'E'), { title: '电焊工' });
}, 120_000);
afterAll(() => t.close());

async function newSeeker(over: Record<string, unknown> = {}) {
  const body = sampleSeeker(t, 'E', over);
  const res = await s['jobs-b'].post('/api/job-seekers', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return { id: res.json().id as string, body };
}
const row = async (id: string) => (await t.database.db.select().from(jobSeekers).where(eq(jobSeekers.id, id)))[0];
const fieldsOf = (res: { json(): { error: { details: { issues: Array<{ field: string }> } } } }) => res.json().error.details.issues.map((i) => i.field);

describe('correcting a seeker (PATCH with the version read)', () => {
  it('changes only the fields sent, bumps the version, and audits the fields changed without their values', async () => {
    const { id, body } = await newSeeker();
    const res = await s['jobs-b'].patch(`/api/job-seekers/${id}`, {
      version: 1,
      education: 'bachelor',
      skills: '电焊、CAD',
      wishedCategory: 'engineering',
      wishedRegion: '410882',
      wishedSalaryFen: 500000,
      phone: '13903910009',
      hardship: true,
      major: body.major,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, education: 'bachelor', skills: '电焊、CAD', wishedCategory: 'engineering', wishedRegion: '410882', wishedSalaryFen: 500000, hardship: true, phoneMasked: '139****0009' });
    expect(res.body).not.toContain('13903910009');
    const stored = await row(id);
    expect(stored).toMatchObject({ version: 2, name: '刘振华', major: '机电一体化', graduationYear: 2020, phoneMasked: '139****0009' });
    expect(JSON.stringify(stored)).not.toContain('13903910009');
    const [audit] = await auditRows(t, 'job_seeker.update', id);
    expect(audit).toMatchObject({ orgId: t.orgs.E.id, outcome: 'success' });
    expect((audit.details as { changed: string[] }).changed.sort()).toEqual(['education', 'hardship', 'phone', 'skills', 'wishedCategory', 'wishedRegion', 'wishedSalaryFen']);
    expect(JSON.stringify(audit.details)).not.toMatch(/1390391|电焊|500000/);
    // The page reads the correction; clearing a field sent as null.
    const cleared = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 2, phone: null, skills: null, wishedSalaryFen: null });
    expect(cleared.json()).toMatchObject({ version: 3, phoneMasked: null, skills: null, wishedSalaryFen: null });
    expect(await row(id)).toMatchObject({ phoneEnc: null, phoneMasked: null });
  });

  it('refuses a stale version with 409, changing nothing', async () => {
    const { id } = await newSeeker();
    expect((await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, skills: '叉车证' })).statusCode).toBe(200);
    const stale = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, skills: '电工证' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ reason: 'stale', version: 2 });
    expect(await row(id)).toMatchObject({ skills: '叉车证', version: 2 });
    expect(await auditRows(t, 'job_seeker.update', id)).toHaveLength(1);
  });

  it('writes nothing and bumps nothing when nothing changes', async () => {
    const { id, body } = await newSeeker();
    const res = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, skills: body.skills, education: body.education });
    expect(res.json().version).toBe(1);
    expect(await auditRows(t, 'job_seeker.update', id)).toHaveLength(0);
  });

  it('corrects the name and ID number of a seeker entered by hand, one seeker per person still (409 naming body.idNumber)', async () => {
    const { id, body } = await newSeeker();
    const other = await newSeeker();
    const taken = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, idNumber: other.body.idNumber });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toMatchObject({ reason: 'seeker_registered', field: 'body.idNumber', seekerId: other.id });
    const idNumber = uniqueIdNumber(1997);
    const res = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, name: '刘振中', idNumber });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '刘振中', idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` });
    const [audit] = await auditRows(t, 'job_seeker.update', id);
    expect((audit.details as { changed: string[] }).changed.sort()).toEqual(['idNumber', 'name']);
    expect(JSON.stringify(audit.details)).not.toContain(idNumber);
    expect(JSON.stringify(await row(id))).not.toContain(idNumber);
    // The new number is held, the old one free again.
    expect((await s['jobs-b'].post('/api/job-seekers', sampleSeeker(t, 'E', { idNumber }))).statusCode).toBe(409);
    expect((await s['jobs-b'].post('/api/job-seekers', sampleSeeker(t, 'E', { idNumber: body.idNumber }))).statusCode).toBe(201);
  });

  it('keeps the identity of a seeker registered from an archived household, and their hardship, naming the fields', async () => {
    const reg = await s['jobs-b'].post('/api/job-seekers', { householdId: household.id, wishedCategory: 'production', wishedRegion: '410803' });
    const id = reg.json().id;
    const res = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, name: '王建设', idNumber: uniqueIdNumber(1970), hardship: false });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.name', 'body.idNumber', 'body.hardship']);
    const ok = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, education: 'senior', skills: '钳工', phone: '13903910010' });
    expect(ok.json()).toMatchObject({ name: '王建国', hardship: true, education: 'senior', skills: '钳工', version: 2 });
  });

  it('names the field of bad input, and refuses unknown fields (the org and status change elsewhere)', async () => {
    const { id } = await newSeeker();
    const bad = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, wishedRegion: '4108', education: 'phd', phone: '12345', graduationYear: 1800 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['body.wishedRegion', 'body.education', 'body.phone', 'body.graduationYear']));
    const unknown = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, status: 'placed', orgId: t.orgs.D.id });
    expect(fieldsOf(unknown)).toEqual(expect.arrayContaining(['body.status', 'body.orgId']));
    const noVersion = await s['jobs-b'].patch(`/api/job-seekers/${id}`, { skills: 'x' });
    expect(fieldsOf(noVersion)).toEqual(['body.version']);
    expect(await row(id)).toMatchObject({ version: 1 });
  });

  it('answers 404 outside the actor’s subtree and 403 without job.match, writing nothing', async () => {
    const { id } = await newSeeker();
    expect((await s['jobs-g'].patch(`/api/job-seekers/${id}`, { version: 1, skills: '越权' })).statusCode).toBe(404);
    expect((await s['cw-e'].patch(`/api/job-seekers/${id}`, { version: 1, skills: '越权' })).statusCode).toBe(403);
    expect(await row(id)).toMatchObject({ version: 1, skills: '电焊、叉车证' });
    expect(await auditRows(t, 'job_seeker.update', id)).toHaveLength(0);
  });

  it('commits the correction and its audit row together', async () => {
    const { id } = await newSeeker();
    const res = await withAuditWriteRefused(t, 'job_seeker.update', () => s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 1, skills: '不应保存' }));
    expect(res.statusCode).toBe(500);
    expect(await row(id)).toMatchObject({ version: 1, skills: '电焊、叉车证' });
  });
});

describe('revealing a seeker’s ID number and phone (seeker.reveal)', () => {
  it('shows the full value to a holder of seeker.reveal with a reason, audited with who, what and why', async () => {
    const { id, body } = await newSeeker();
    const res = await s['jobs-b'].post(`/api/job-seekers/${id}/reveal`, { field: 'idNumber', reason: '电话通知面试前核对身份' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ field: 'idNumber', value: body.idNumber });
    const phone = await s['admin-a'].post(`/api/job-seekers/${id}/reveal`, { field: 'phone', reason: '通知面试' });
    expect(phone.json()).toEqual({ field: 'phone', value: body.phone });
    const audits = await auditRows(t, 'job_seeker.reveal', id);
    expect(audits.map((a) => a.details)).toEqual([
      { field: 'idNumber', reason: '电话通知面试前核对身份' },
      { field: 'phone', reason: '通知面试' },
    ]);
    expect(audits[0]).toMatchObject({ orgId: t.orgs.E.id, outcome: 'success' });
    // Everywhere else the numbers are masked.
    for (const url of [`/api/job-seekers/${id}`, '/api/job-seekers?pageSize=100', `/api/job-postings/${posting.id}/matches`]) {
      const read = await s['jobs-b'].get(url);
      expect(read.body, url).not.toContain(body.idNumber);
      expect(read.body, url).not.toContain(body.phone);
    }
  });

  it('refuses without seeker.reveal (a reviewer holding household.reveal too), without a reason, and outside the subtree', async () => {
    const { id } = await newSeeker();
    const before = (await auditRows(t, 'job_seeker.reveal')).length;
    const reviewer = await s['reviewer-b'].post(`/api/job-seekers/${id}/reveal`, { field: 'idNumber', reason: '核对身份' });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json().error.details.permission).toBe('seeker.reveal');
    expect((await s['cw-e'].post(`/api/job-seekers/${id}/reveal`, { field: 'phone', reason: '核对身份' })).statusCode).toBe(403);
    const noReason = await s['jobs-b'].post(`/api/job-seekers/${id}/reveal`, { field: 'idNumber', reason: ' ' });
    expect(fieldsOf(noReason)).toEqual(['body.reason']);
    const badField = await s['jobs-b'].post(`/api/job-seekers/${id}/reveal`, { field: 'bankCard', reason: '核对身份' });
    expect(fieldsOf(badField)).toEqual(['body.field']);
    expect((await s['jobs-g'].post(`/api/job-seekers/${id}/reveal`, { field: 'idNumber', reason: '核对身份' })).statusCode).toBe(404);
    expect(await auditRows(t, 'job_seeker.reveal')).toHaveLength(before);
  });

  it('answers 404 for a phone the seeker has not given', async () => {
    const { id } = await newSeeker({ phone: null });
    const res = await s['jobs-b'].post(`/api/job-seekers/${id}/reveal`, { field: 'phone', reason: '通知面试' });
    expect(res.statusCode).toBe(404);
  });
});

describe('停止求职 and 恢复求职', () => {
  it('sets a seeker inactive with the reason, shown on the page and audited; left out of a posting’s matches, not referred', async () => {
    const { id } = await newSeeker({ name: '孙停止' });
    const listed = async () => (await s['jobs-b'].get(`/api/job-postings/${posting.id}/matches`)).json().items.map((i: { id: string }) => i.id);
    expect(await listed()).toContain(id);
    const res = await s['jobs-b'].post(`/api/job-seekers/${id}/deactivate`, { reason: '本人已外出务工，暂不求职' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'inactive', version: 2 });
    const detail = (await s['jobs-b'].get(`/api/job-seekers/${id}`)).json();
    expect(detail.inactive).toEqual({ reason: '本人已外出务工，暂不求职', since: t.clock.now().toISOString() });
    const [audit] = await auditRows(t, 'job_seeker.deactivate', id);
    expect(audit.details).toEqual({ from: 'seeking', to: 'inactive', reason: '本人已外出务工，暂不求职' });
    expect(await listed()).not.toContain(id);
    const refer = await s['jobs-b'].post(`/api/job-seekers/${id}/referrals`, { postingId: posting.id });
    expect(refer.statusCode).toBe(409);
    expect(refer.json().error.details).toMatchObject({ reason: 'seeker_inactive', status: 'inactive' });
    expect((await s['jobs-b'].get('/api/job-seekers?status=inactive')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    const again = await s['jobs-b'].post(`/api/job-seekers/${id}/deactivate`, { reason: '重复操作' });
    expect(again.json().error.details).toMatchObject({ reason: 'seeker_status', status: 'inactive' });
    // Still correctable while inactive.
    expect((await s['jobs-b'].patch(`/api/job-seekers/${id}`, { version: 2, skills: '电工证' })).json().version).toBe(3);
  });

  it('reactivates with a reason: seeking, matched and referred again, the reason cleared', async () => {
    const { id } = await newSeeker({ name: '周恢复' });
    await s['jobs-b'].post(`/api/job-seekers/${id}/deactivate`, { reason: '联系不上' });
    const res = await s['jobs-b'].post(`/api/job-seekers/${id}/reactivate`, { reason: '本人回来登记，重新求职' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'seeking', version: 3 });
    expect(await row(id)).toMatchObject({ inactiveReason: null, inactiveSince: null });
    expect((await s['jobs-b'].get(`/api/job-seekers/${id}`)).json().inactive).toBeNull();
    const [audit] = await auditRows(t, 'job_seeker.reactivate', id);
    expect(audit.details).toEqual({ from: 'inactive', to: 'seeking', reason: '本人回来登记，重新求职' });
    expect((await s['jobs-b'].post(`/api/job-seekers/${id}/referrals`, { postingId: posting.id })).statusCode).toBe(201);
    const twice = await s['jobs-b'].post(`/api/job-seekers/${id}/reactivate`, { reason: '再来一次' });
    expect(twice.json().error.details).toMatchObject({ reason: 'seeker_status', status: 'seeking' });
  });

  it('does not place an inactive seeker through an earlier referral (409 naming why) but records a decline', async () => {
    const { id } = await newSeeker({ name: '吴旧推荐' });
    const first = (await s['jobs-b'].post(`/api/job-seekers/${id}/referrals`, { postingId: posting.id })).json().id;
    const other = await insertPosting(t, await insertEnterprise(t, 'E'), { title: '焊工学徒' });
    const second = (await s['jobs-b'].post(`/api/job-seekers/${id}/referrals`, { postingId: other.id })).json().id;
    await s['jobs-b'].post(`/api/job-seekers/${id}/deactivate`, { reason: '暂停求职' });
    const placed = await s['jobs-b'].post(`/api/job-referrals/${first}/outcome`, { outcome: 'placed', placedOn: '2026-03-02' });
    expect(placed.statusCode).toBe(409);
    expect(placed.json().error.details.reason).toBe('seeker_inactive');
    expect((await s['jobs-b'].post(`/api/job-referrals/${second}/outcome`, { outcome: 'declined' })).json().status).toBe('declined');
    expect(await row(id)).toMatchObject({ status: 'inactive' });
  });

  it('does not set a placed seeker inactive, refuses a missing reason naming it, 404 outside the subtree, 403 without job.match', async () => {
    const { id } = await newSeeker({ name: '郑已就业' });
    const referral = (await s['jobs-b'].post(`/api/job-seekers/${id}/referrals`, { postingId: posting.id })).json().id;
    await s['jobs-b'].post(`/api/job-referrals/${referral}/outcome`, { outcome: 'placed', placedOn: '2026-03-02' });
    const placed = await s['jobs-b'].post(`/api/job-seekers/${id}/deactivate`, { reason: '已就业' });
    expect(placed.statusCode).toBe(409);
    expect(placed.json().error.details).toMatchObject({ reason: 'seeker_status', status: 'placed' });
    const other = await newSeeker();
    expect(fieldsOf(await s['jobs-b'].post(`/api/job-seekers/${other.id}/deactivate`, {}))).toEqual(['body.reason']);
    expect(fieldsOf(await s['jobs-b'].post(`/api/job-seekers/${other.id}/deactivate`, { reason: 'x' }))).toEqual(['body.reason']);
    expect((await s['jobs-g'].post(`/api/job-seekers/${other.id}/deactivate`, { reason: '越权操作' })).statusCode).toBe(404);
    expect((await s['cw-e'].post(`/api/job-seekers/${other.id}/deactivate`, { reason: '越权操作' })).statusCode).toBe(403);
    expect(await row(other.id)).toMatchObject({ status: 'seeking', version: 1 });
    expect(await auditRows(t, 'job_seeker.deactivate', other.id)).toHaveLength(0);
  });

  it('holds the reason with the inactive status in the database', async () => {
    const { id } = await newSeeker();
    await expect(t.database.db.update(jobSeekers).set({ status: 'inactive' }).where(eq(jobSeekers.id, id))).rejects.toThrow();
    await expect(t.database.db.update(jobSeekers).set({ inactiveReason: '无故' }).where(eq(jobSeekers.id, id))).rejects.toThrow();
  });
});
