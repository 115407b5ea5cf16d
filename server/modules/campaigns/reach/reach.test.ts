import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { campaignContacts, households, notifications } from '../../../db/schema/index.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { reachHousehold } from '../../../test-support/reach-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let admin: Session; // org admin at A, the organiser
let cwE: Session;
let cwD: Session;
let cwG: Session; // another subtree: C takes no part
let reviewerB: Session; // reads campaigns, reaches no one
let campaignId: string;
const hh: Record<string, Awaited<ReturnType<typeof reachHousehold>>> = {};

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('cw-e', 'E', ['caseworker']);
  await t.createUser('cw-d', 'D', ['caseworker']);
  await t.createUser('cw-g', 'G', ['caseworker']);
  await t.createUser('rev-b', 'B', ['reviewer']);
  [admin, cwE, cwD, cwG, reviewerB] = await Promise.all(['admin-a', 'cw-e', 'cw-d', 'cw-g', 'rev-b'].map((u) => t.signIn(u)));
  campaignId = (await makeCampaign(t, admin, { orgName: 'A', participants: ['B'] })).campaignId;
  hh['王一'] = await reachHousehold(t, admin, { orgName: 'E', child: { name: '王一', stage: 'college', enrolmentYear: 2026 } });
  hh['王二'] = await reachHousehold(t, admin, { orgName: 'E', phone: null, child: { name: '王二', stage: 'college', enrolmentYear: 2026 } });
  hh['王三'] = await reachHousehold(t, admin, { orgName: 'D', child: { name: '王三', stage: 'senior', enrolmentYear: 2026 } });
});
afterAll(() => t.close());

async function build(s: Session, id = campaignId) {
  const res = await s.post(`/api/campaigns/${id}/worklist/build`);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return res.json() as { jobId: string };
}
const worklist = async (s: Session, query = '') => {
  const res = await s.get(`/api/campaigns/${campaignId}/worklist?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ studentName: string; studentIdHash: string; reached: boolean; lastContact: { method: string; outcome: string } | null; phoneMasked: string | null }>;
};
const names = (items: Array<{ studentName: string }>) => items.map((i) => i.studentName).sort();
const contact = (s: Session, body: Record<string, unknown>) => s.post(`/api/campaigns/${campaignId}/contacts`, { contactedOn: '2026-03-02', outcome: 'reached', ...body });

describe('building the worklist', () => {
  it('runs on the job runner for the builder’s scope, reports progress and is audited', async () => {
    const { jobId } = await build(cwE);
    expect(names(await worklist(admin))).toEqual(['王一', '王二']);
    const job = (await cwE.get(`/api/background-jobs/${jobId}`)).json();
    expect(job).toMatchObject({ kind: 'campaign_worklist', state: 'succeeded', progress: { phase: 'done', entries: 2, transition: 2, followUp: 0 } });
    await build(admin);
    expect(names(await worklist(admin))).toEqual(['王一', '王三', '王二']);
    expect(names(await worklist(cwE))).toEqual(['王一', '王二']);
    const audits = await auditRows(t, 'campaign.build_worklist', campaignId);
    expect(audits.map((a) => a.details.entries)).toEqual([2, 3]);
    expect((await admin.get(`/api/campaigns/${campaignId}`)).json().worklistBuiltAt).not.toBeNull();
  });

  it('replaces only the rows of the builder’s scope', async () => {
    await t.database.db.update(households).set({ status: 'lifted' }).where(eq(households.id, hh['王一'].householdId));
    await build(cwD);
    expect(names(await worklist(admin))).toContain('王一');
    await build(cwE);
    expect(names(await worklist(admin))).toEqual(['王三', '王二']);
    await t.database.db.update(households).set({ status: 'archived' }).where(eq(households.id, hh['王一'].householdId));
    await build(admin);
    expect(names(await worklist(admin))).toEqual(['王一', '王三', '王二']);
  });

  it('refuses another subtree (404), a missing permission (403), a lump-sum or closed campaign (422)', async () => {
    expect((await cwG.post(`/api/campaigns/${campaignId}/worklist/build`)).statusCode).toBe(404);
    expect((await reviewerB.post(`/api/campaigns/${campaignId}/worklist/build`)).statusCode).toBe(403);
    const lumpSum = (await makeCampaign(t, admin, { orgName: 'A', participants: ['B'], kind: 'per_household' })).campaignId;
    const refused = await admin.post(`/api/campaigns/${lumpSum}/worklist/build`);
    expect([refused.statusCode, refused.json().error.details.reason]).toEqual([422, 'not_per_student']);
    const closed = (await makeCampaign(t, admin, { orgName: 'A', participants: ['B'] })).campaignId;
    expect((await admin.post(`/api/campaigns/${closed}/status`, { status: 'closed' })).statusCode).toBe(200);
    expect((await admin.post(`/api/campaigns/${closed}/worklist/build`)).json().error.details.reason).toBe('campaign_closed');
  });
});

describe('reading the worklist', () => {
  it('filters by org subtree (404 outside), masks IDs and phones, and refuses without the permission', async () => {
    const underD = await worklist(admin, `&orgId=${t.orgs.D.id}`);
    expect(names(underD)).toEqual(['王三']);
    expect((await cwE.get(`/api/campaigns/${campaignId}/worklist?orgId=${t.orgs.D.id}`)).statusCode).toBe(404);
    expect((await cwG.get(`/api/campaigns/${campaignId}/worklist`)).statusCode).toBe(404);
    expect((await reviewerB.get(`/api/campaigns/${campaignId}/worklist`)).statusCode).toBe(403);
    const res = await admin.get(`/api/campaigns/${campaignId}/worklist`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    expect((await worklist(admin)).find((i) => i.studentName === '王一')?.phoneMasked).toBe('138****0001');
    expect(names(await worklist(admin, '&reason=follow_up'))).toEqual([]);
  });
});

describe('recording contacts', () => {
  it('records a phone call, marks the student reached and audits it', async () => {
    const res = await contact(cwE, { studentIdHash: hh['王一'].idHash, method: 'phone', note: '家长已知晓，将于下周提交申请' });
    expect(res.statusCode, res.body).toBe(201);
    const [audit] = await auditRows(t, 'campaign.record_contact', campaignId);
    expect(audit.details).toMatchObject({ contactId: res.json().id, method: 'phone', outcome: 'reached' });
    expect(audit.orgId).toBe(t.orgs.E.id);
    const row = (await worklist(cwE)).find((i) => i.studentName === '王一')!;
    expect(row).toMatchObject({ reached: true, lastContact: { method: 'phone', outcome: 'reached' } });
    expect(names(await worklist(admin, '&reached=yes'))).toEqual(['王一']);
    expect(names(await worklist(admin, '&reached=no'))).toEqual(['王三', '王二']);
    const report = (await admin.get(`/api/campaigns/${campaignId}/reach-report`)).json();
    expect(report.rows).toMatchObject([{ orgName: '组织B', eligible: 3, reached: 1, notReached: 2, applied: 0, notApplied: 3 }]);
  });

  it('sends an SMS through the outbox to the household’s phone, encrypted at rest, in the same transaction', async () => {
    t.clock.advance(60_000);
    const res = await contact(cwE, { studentIdHash: hh['王一'].idHash, method: 'sms', outcome: 'reached', message: '金秋助学开始受理，请于9月前到工会申请。' });
    expect(res.statusCode, res.body).toBe(201);
    const [n] = await t.database.db.select().from(notifications).where(eq(notifications.id, res.json().notificationId));
    expect(n).toMatchObject({ channel: 'sms', recipientMasked: '138****0001', sourceType: 'campaign_contact', sourceId: res.json().id, orgId: t.orgs.E.id });
    expect(n.recipientEnc).not.toContain('13803910001');
    expect(decryptPii(t.secrets, n.recipientEnc)).toBe('13803910001');
    await t.app.jobs.settled();
    const [sent] = await t.database.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    const contacts = (await cwE.get(`/api/campaigns/${campaignId}/worklist/${hh['王一'].idHash}/contacts`)).json().items;
    expect(contacts.map((c: { method: string; notificationStatus: string | null }) => [c.method, c.notificationStatus])).toEqual([
      ['sms', 'sent'],
      ['phone', null],
    ]);
  });

  it('refuses an SMS to a household without a phone (422 no_phone), writing nothing', async () => {
    const before = (await t.database.db.select().from(notifications)).length;
    const res = await contact(cwE, { studentIdHash: hh['王二'].idHash, method: 'sms', message: '请申请' });
    expect([res.statusCode, res.json().error.details.reason]).toEqual([422, 'no_phone']);
    expect((await t.database.db.select().from(notifications)).length).toBe(before);
    expect(await t.database.db.select().from(campaignContacts).where(and(eq(campaignContacts.campaignId, campaignId), eq(campaignContacts.studentIdHash, hh['王二'].idHash)))).toEqual([]);
  });

  it('answers alike (422 not_on_worklist) for a student outside the recorder’s subtree or on no list; 404 outside the campaign; 403 without the permission', async () => {
    const outside = await contact(cwD, { studentIdHash: hh['王一'].idHash, method: 'visit' });
    const nobody = await contact(cwE, { studentIdHash: 'A'.repeat(43), method: 'visit' });
    for (const res of [outside, nobody]) expect([res.statusCode, res.json().error.details.reason, res.json().error.message]).toEqual([422, 'not_on_worklist', 'the student is not on the worklist in your scope']);
    expect((await contact(cwG, { studentIdHash: hh['王一'].idHash, method: 'visit' })).statusCode).toBe(404);
    expect((await contact(reviewerB, { studentIdHash: hh['王一'].idHash, method: 'visit' })).statusCode).toBe(403);
    // Another subtree reads no contacts of the student (an empty list, as for a key that is no one's).
    expect((await cwD.get(`/api/campaigns/${campaignId}/worklist/${hh['王一'].idHash}/contacts`)).json().items).toEqual([]);
  });

  it('asks for the message of an SMS and refuses one on another method', async () => {
    const noMessage = await contact(cwE, { studentIdHash: hh['王一'].idHash, method: 'sms' });
    expect(noMessage.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.message']);
    const stray = await contact(cwE, { studentIdHash: hh['王一'].idHash, method: 'visit', message: '你好' });
    expect(stray.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.message']);
  });
});

describe('the report in each scope', () => {
  it('shows a caseworker under a participant its own subtree; another subtree gets 404; reading needs only campaign.read', async () => {
    const mine = (await cwE.get(`/api/campaigns/${campaignId}/reach-report`)).json();
    expect(mine.rows).toMatchObject([{ orgName: '组织E', eligible: 2, reached: 1 }]);
    expect(mine.totals).toMatchObject({ eligible: 2 });
    expect((await cwG.get(`/api/campaigns/${campaignId}/reach-report`)).statusCode).toBe(404);
    expect((await cwE.get(`/api/campaigns/${campaignId}/reach-report?orgId=${t.orgs.D.id}`)).statusCode).toBe(404);
    expect((await reviewerB.get(`/api/campaigns/${campaignId}/reach-report`)).statusCode).toBe(200);
    expect((await reviewerB.get(`/api/campaigns/${campaignId}/reach-report/not-applied`)).statusCode).toBe(403);
    expect((await reviewerB.get(`/api/campaigns/${campaignId}/reach-report/export`)).statusCode).toBe(403);
    expect((await cwG.get(`/api/campaigns/${campaignId}/reach-report/export`)).statusCode).toBe(404);
  });
});
