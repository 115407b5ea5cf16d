import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { backgroundJobs, campaignGrants, households, lumpSumBatches, lumpSumLines } from '../../../db/schema/index.js';
import { enqueueJob } from '../../../platform/jobs/job-queries.js';
import { fileArchivedHouseholds } from '../../../test-support/archived-household-fixtures.js';
import { lumpSumRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { LUMP_SUM_BUILD_JOB, LUMP_SUM_CONFIRM_JOB } from './lump-sum-jobs.js';

let t: TestApp;
let organiser: Session; // org admin at A: organises the campaigns
let checkerA: Session; // another org admin at A
let builderB: Session; // org admin at B
let checkerB: Session; // another org admin at B
let adminC: Session; // org admin at C: another subtree
let caseworkerB: Session; // reads campaigns, manages none
let caseworkerE: Session;
const h: Record<string, string> = {};

async function signInAll() {
  [organiser, checkerA, builderB, checkerB, adminC, caseworkerB, caseworkerE] = await Promise.all(['admin-a', 'admin-a2', 'admin-b', 'admin-b2', 'admin-c', 'cw-b', 'cw-e'].map((u) => t.signIn(u)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('admin-a2', 'A', ['org_admin']);
  await t.createUser('admin-b', 'B', ['org_admin']);
  await t.createUser('admin-b2', 'B', ['org_admin']);
  await t.createUser('admin-c', 'C', ['org_admin']);
  await t.createUser('cw-b', 'B', ['caseworker']);
  await t.createUser('cw-e', 'E', ['caseworker']);
  const ids = await fileArchivedHouseholds(t, [
    { orgName: 'D', household: { name: '赵德', category: 'deep' } },
    { orgName: 'E', household: { name: '钱二', category: 'relative' } },
    { orgName: 'E', household: { name: '孙三', category: 'accident' } },
    { orgName: 'E', household: { name: '李四', category: 'deep', monthlyIncomeFen: 900000 } },
    { orgName: 'F', household: { name: '周五', category: 'deep' } },
    { orgName: 'G', household: { name: '吴六', category: 'deep' } },
  ]);
  [h.d, h.eRelative, h.eAccident, h.eRich, h.f, h.g] = ids;
  await signInAll();
});
afterAll(() => t.close());

/** 1000 元 to archived deep or relative households under 1000 元 a head a month. */
const rules = () => lumpSumRules({ categories: ['deep', 'relative'], incomeThreshold: { defaultMonthlyFen: 100000, regions: [] } });
const lumpSumCampaign = async (opts: { participants?: string[]; open?: boolean } = {}) =>
  (await makeCampaign(t, organiser, { orgName: 'A', participants: opts.participants ?? ['D', 'E', 'G'], kind: 'per_household', rules: rules(), open: opts.open })).campaignId;

async function build(s: Session, campaignId: string, body: object = {}) {
  const res = await s.post(`/api/campaigns/${campaignId}/lump-sum-batches`, body);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return res.json() as { batchId: string; jobId: string };
}

const linesOf = async (s: Session, batchId: string, query = '') => (await s.get(`/api/lump-sum-batches/${batchId}/lines?pageSize=200${query}`)).json();
const byHousehold = (items: Array<{ householdId: string; exclusion: string | null }>) => Object.fromEntries(items.map((l) => [l.householdId, l.exclusion]));

describe('building a lump-sum batch', () => {
  it('writes one line per household of the participants in the builder’s subtree, with the reason for each one left out', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId, jobId } = await build(builderB, campaignId);
    const batch = (await builderB.get(`/api/lump-sum-batches/${batchId}`)).json();
    expect(batch).toMatchObject({ status: 'previewed', orgName: '组织B', householdCount: 2, excludedCount: 2, totalFen: 200000, jobId, jobState: 'succeeded', builtByMe: true });
    expect(batch.exclusions).toEqual({ category: 1, income_over_threshold: 1 });
    const lines = await linesOf(builderB, batchId);
    // D and E only: F takes no part, G is outside B.
    expect(byHousehold(lines.items)).toEqual({ [h.d]: null, [h.eRelative]: null, [h.eAccident]: 'category', [h.eRich]: 'income_over_threshold' });
    for (const line of lines.items) {
      expect(line.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(line.amountFen).toBe(line.exclusion ? 0 : 100000);
      expect(Object.keys(line).filter((k) => /income/i.test(k))).toEqual([]);
    }
    const [audit] = await auditRows(t, 'lump_sum.build', batchId);
    expect(audit.details).toMatchObject({ campaignId, jobId, rulesVersion: 1 });
  });

  it('filters the lines: qualifying, excluded, by reason, paged', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(organiser, campaignId);
    expect((await linesOf(organiser, batchId)).items).toHaveLength(5); // D, E ×3, G
    expect((await linesOf(organiser, batchId, '&show=qualifying')).items.map((l: { householdId: string }) => l.householdId).sort()).toEqual([h.d, h.eRelative, h.g].sort());
    expect((await linesOf(organiser, batchId, '&show=excluded')).items).toHaveLength(2);
    expect((await linesOf(organiser, batchId, '&exclusion=category')).items.map((l: { recipientName: string }) => l.recipientName)).toEqual(['孙三']);
    const first = (await organiser.get(`/api/lump-sum-batches/${batchId}/lines?pageSize=2`)).json();
    const second = (await organiser.get(`/api/lump-sum-batches/${batchId}/lines?pageSize=2&page=2`)).json();
    expect(first.hasMore).toBe(true);
    expect(new Set([...first.items, ...second.items].map((l: { householdId: string }) => l.householdId)).size).toBe(4);
    expect((await organiser.get(`/api/lump-sum-batches/${batchId}/lines?show=all`)).statusCode).toBe(400);
  });

  it('limits a batch to an org’s subtree in scope; an org of another subtree answers 404', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId, { orgId: t.orgs.E.id });
    expect(Object.keys(byHousehold((await linesOf(builderB, batchId)).items)).sort()).toEqual([h.eRelative, h.eAccident, h.eRich].sort());
    expect((await builderB.post(`/api/campaigns/${campaignId}/lump-sum-batches`, { orgId: t.orgs.G.id })).statusCode).toBe(404);
  });

  it('refuses a per-student campaign, a campaign not open, a second open batch of one org, and an org without participants', async () => {
    const perStudent = (await makeCampaign(t, organiser, { orgName: 'A', participants: ['B'] })).campaignId;
    expect((await builderB.post(`/api/campaigns/${perStudent}/lump-sum-batches`, {})).json().error.details.reason).toBe('program_kind');
    const draft = await lumpSumCampaign({ open: false });
    expect((await builderB.post(`/api/campaigns/${draft}/lump-sum-batches`, {})).json().error.details.reason).toBe('campaign_not_open');
    const campaignId = await lumpSumCampaign();
    await build(builderB, campaignId);
    const again = await checkerB.post(`/api/campaigns/${campaignId}/lump-sum-batches`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('batch_open');
    const onlyG = await lumpSumCampaign({ participants: ['G'] });
    const none = await organiser.post(`/api/campaigns/${onlyG}/lump-sum-batches`, { orgId: t.orgs.B.id });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.details.reason).toBe('not_participating');
  });

  it('answers 404 for a campaign the actor cannot see, and 403 without campaign.manage', async () => {
    const onlyG = await lumpSumCampaign({ participants: ['G'] });
    const cOwn = (await makeCampaign(t, adminC, { orgName: 'C', participants: ['G'], kind: 'per_household', rules: rules() })).campaignId;
    expect((await builderB.post(`/api/campaigns/${cOwn}/lump-sum-batches`, {})).statusCode).toBe(404);
    expect((await builderB.get(`/api/campaigns/${cOwn}/lump-sum-batches`)).statusCode).toBe(404);
    const denied = await caseworkerB.post(`/api/campaigns/${onlyG}/lump-sum-batches`, {});
    expect(denied.statusCode).toBe(403);
    expect((await auditRows(t, 'authz.deny')).some((r) => (r.details as { permission?: string }).permission === 'campaign.manage')).toBe(true);
  });

  it('shows batches only within the reader’s subtree', async () => {
    const campaignId = await lumpSumCampaign();
    const cityBatch = await build(organiser, campaignId);
    const eBatch = await build(builderB, campaignId, { orgId: t.orgs.E.id });
    expect((await builderB.get(`/api/lump-sum-batches/${cityBatch.batchId}`)).statusCode).toBe(404);
    expect((await builderB.get(`/api/lump-sum-batches/${cityBatch.batchId}/lines`)).statusCode).toBe(404);
    expect((await adminC.get(`/api/lump-sum-batches/${eBatch.batchId}`)).statusCode).toBe(404);
    expect((await caseworkerE.get(`/api/lump-sum-batches/${eBatch.batchId}`)).statusCode).toBe(200);
    const listed = (await builderB.get(`/api/campaigns/${campaignId}/lump-sum-batches`)).json().items.map((b: { id: string }) => b.id);
    expect(listed).toEqual([eBatch.batchId]);
    const all = (await organiser.get(`/api/campaigns/${campaignId}/lump-sum-batches`)).json().items.map((b: { id: string }) => b.id);
    expect(all.sort()).toEqual([cityBatch.batchId, eBatch.batchId].sort());
  });
});

async function confirm(s: Session, batchId: string, body: object = {}) {
  const res = await s.post(`/api/lump-sum-batches/${batchId}/confirm`, body);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return res.json() as { batchId: string; jobId: string };
}
const grantsOf = (campaignId: string) =>
  t.database.db
    .select({ grant: campaignGrants, idHash: households.idHash })
    .from(campaignGrants)
    .innerJoin(households, eq(households.id, campaignGrants.householdId))
    .where(eq(campaignGrants.campaignId, campaignId));

describe('confirming and discarding', () => {
  it('lets a second person confirm: one ready grant per qualifying household, keyed by the worker’s ID; never the builder', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    const own = await builderB.post(`/api/lump-sum-batches/${batchId}/confirm`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('maker_checker');
    expect(await auditRows(t, 'lump_sum.confirm', batchId)).toHaveLength(0);
    const { jobId } = await confirm(checkerB, batchId, { note: '经核对无误' });
    const grants = await grantsOf(campaignId);
    expect(grants.map((g) => g.grant.householdId).sort()).toEqual([h.d, h.eRelative].sort());
    for (const { grant, idHash } of grants) expect(grant).toMatchObject({ recipientKey: idHash, status: 'ready', amountFen: 100000, lumpSumBatchId: batchId, applicationId: null });
    const [audit] = await auditRows(t, 'lump_sum.confirm', batchId);
    expect(audit).toMatchObject({ outcome: 'success', details: { households: 2, totalFen: 200000, jobId } });
    expect((await checkerB.get(`/api/lump-sum-batches/${batchId}`)).json()).toMatchObject({ status: 'confirmed', confirming: false, note: '经核对无误', confirmJobId: jobId, confirmJobState: 'succeeded', error: null });
    expect((await checkerB.post(`/api/lump-sum-batches/${batchId}/confirm`, {})).json().error.details.reason).toBe('status');
    // The next batch of the campaign shows those households as granted already.
    const next = await build(organiser, campaignId);
    expect(byHousehold((await linesOf(organiser, next.batchId)).items)).toMatchObject({ [h.d]: 'already_granted', [h.eRelative]: 'already_granted', [h.g]: null });
    expect((await organiser.get(`/api/lump-sum-batches/${next.batchId}`)).json()).toMatchObject({ householdCount: 1, totalFen: 100000, exclusions: { already_granted: 2 } });
    await confirm(checkerA, next.batchId);
    expect((await grantsOf(campaignId)).map((g) => g.grant.householdId).sort()).toEqual([h.d, h.eRelative, h.g].sort());
  });

  it('discards a previewed batch, audited; the org may build again; a discarded batch is never confirmed', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    expect((await adminC.post(`/api/lump-sum-batches/${batchId}/discard`, {})).statusCode).toBe(404);
    expect((await caseworkerB.post(`/api/lump-sum-batches/${batchId}/discard`, {})).statusCode).toBe(403);
    const res = await builderB.post(`/api/lump-sum-batches/${batchId}/discard`, { note: '名单有误' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await auditRows(t, 'lump_sum.discard', batchId))[0].details).toMatchObject({ note: '名单有误' });
    expect((await checkerB.post(`/api/lump-sum-batches/${batchId}/confirm`, {})).json().error.details.reason).toBe('status');
    expect((await builderB.post(`/api/lump-sum-batches/${batchId}/discard`, {})).statusCode).toBe(409);
    await build(builderB, campaignId);
  });

  it('answers 404 to confirm a batch of another subtree, and 403 without campaign.manage', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    expect((await adminC.post(`/api/lump-sum-batches/${batchId}/confirm`, {})).statusCode).toBe(404);
    expect((await caseworkerB.post(`/api/lump-sum-batches/${batchId}/confirm`, {})).statusCode).toBe(403);
  });

  it('refuses to confirm a batch built under rules changed since', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    const c = (await organiser.get(`/api/campaigns/${campaignId}`)).json();
    expect((await organiser.put(`/api/campaigns/${campaignId}/rules`, { rules: lumpSumRules({ householdAmountFen: 150000 }), version: c.version })).statusCode).toBe(200);
    const res = await checkerB.post(`/api/lump-sum-batches/${batchId}/confirm`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('rules_changed');
  });

  it('gives each household one grant when confirms of overlapping batches race: one is refused at once (409), the other written', async () => {
    for (let round = 0; round < 3; round++) {
      const campaignId = await lumpSumCampaign();
      const city = await build(organiser, campaignId);
      const district = await build(builderB, campaignId);
      const [a, b] = await Promise.all([
        checkerA.post(`/api/lump-sum-batches/${city.batchId}/confirm`, {}),
        checkerB.post(`/api/lump-sum-batches/${district.batchId}/confirm`, {}),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([202, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.json().error.details.reason).toBe('already_granted');
      await t.app.jobs.settled();
      const winner = a.statusCode === 202 ? city.batchId : district.batchId;
      const loser = winner === city.batchId ? district.batchId : city.batchId;
      const grants = (await grantsOf(campaignId)).map((g) => g.grant);
      expect(grants.every((g) => g.lumpSumBatchId === winner)).toBe(true);
      expect(new Set(grants.map((g) => g.householdId)).size).toBe(grants.length);
      expect(grants.length).toBe(winner === city.batchId ? 3 : 2);
      expect((await organiser.get(`/api/lump-sum-batches/${loser}`)).json()).toMatchObject({ status: 'previewed', confirming: false });
      expect(await auditRows(t, 'lump_sum.confirm', loser)).toHaveLength(0);
      // The refused batch stays refused (its preview is stale): discarded, then built again it shows them granted.
      expect((await checkerA.post(`/api/lump-sum-batches/${loser}/confirm`, {})).statusCode).toBe(409);
    }
  });

  it('lets the recipient index refuse a household granted by any other path: the confirm fails whole, writing no grant', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    const [d] = await t.database.db.select().from(households).where(eq(households.id, h.d));
    await t.database.db.insert(campaignGrants).values({ campaignId, recipientKey: d.idHash, orgId: d.orgId, householdId: d.id, recipientName: d.name, amountFen: 100000, status: 'ready', readyAt: t.clock.now() });
    const { jobId } = await confirm(checkerB, batchId);
    const batch = (await checkerB.get(`/api/lump-sum-batches/${batchId}`)).json();
    expect(batch).toMatchObject({ status: 'previewed', confirming: false, confirmJobId: jobId, confirmJobState: 'failed' });
    expect(batch.error).toContain('其他批次或申请');
    const grants = (await grantsOf(campaignId)).map((g) => g.grant);
    expect(grants).toHaveLength(1);
    expect(grants[0].lumpSumBatchId).toBeNull();
    const audits = await auditRows(t, 'lump_sum.confirm', batchId);
    expect(audits.map((r) => r.outcome)).toEqual(['success', 'failure']);
    // Discarded and built again, the batch leaves that household out.
    expect((await builderB.post(`/api/lump-sum-batches/${batchId}/discard`, {})).statusCode).toBe(200);
    const again = await build(builderB, campaignId);
    expect(byHousehold((await linesOf(builderB, again.batchId)).items)[h.d]).toBe('already_granted');
  });

  it('refuses to discard or confirm again a batch being confirmed', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    await t.database.db.update(lumpSumBatches).set({ confirmedBy: (await t.database.db.execute(sql`select id from users where username = 'admin-b2'`) as unknown as { rows: Array<{ id: string }> }).rows[0].id, confirmedAt: t.clock.now() }).where(eq(lumpSumBatches.id, batchId));
    expect((await builderB.post(`/api/lump-sum-batches/${batchId}/discard`, {})).json().error.details.reason).toBe('confirming');
    expect((await checkerB.post(`/api/lump-sum-batches/${batchId}/confirm`, {})).json().error.details.reason).toBe('confirming');
    expect((await checkerB.get(`/api/lump-sum-batches/${batchId}`)).json()).toMatchObject({ status: 'previewed', confirming: true });
  });
});

describe('the build job', () => {
  it('fails a build whose starter lost the permission, writing no line', async () => {
    const campaignId = await lumpSumCampaign();
    const caseworkerId = (await t.database.db.execute(sql`select id from users where username = 'cw-b'`) as unknown as { rows: Array<{ id: string }> }).rows[0].id;
    const now = t.clock.now();
    const batchId = await t.database.db.transaction(async (tx) => {
      const [batch] = await tx.insert(lumpSumBatches).values({ campaignId, orgId: t.orgs.B.id, status: 'building', rulesVersion: 1, createdBy: caseworkerId, createdAt: now }).returning();
      const job = await enqueueJob(tx, { kind: LUMP_SUM_BUILD_JOB, orgId: t.orgs.B.id, createdBy: caseworkerId, createdAt: now, payload: { batchId: batch.id } });
      await tx.update(lumpSumBatches).set({ jobId: job.id }).where(eq(lumpSumBatches.id, batch.id));
      return batch.id;
    });
    t.app.jobs.kick();
    await t.app.jobs.settled();
    const batch = (await builderB.get(`/api/lump-sum-batches/${batchId}`)).json();
    expect(batch).toMatchObject({ status: 'failed', jobState: 'failed' });
    expect(batch.error).toContain('权限');
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(lumpSumLines).where(eq(lumpSumLines.batchId, batchId));
    expect(n).toBe(0);
  });

  it('undoes a confirm cut short by a stopped instance, leaving the batch previewed; a finished one stands', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId } = await build(builderB, campaignId);
    const { jobId } = await confirm(checkerB, batchId);
    const [job] = await t.database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, jobId));
    await t.app.jobs.handlerFor(LUMP_SUM_CONFIRM_JOB)!.recover!(job);
    expect(await grantsOf(campaignId)).toHaveLength(2);
    // Cut short before its last step: the batch was still previewed with its confirmer.
    await t.database.db.update(lumpSumBatches).set({ status: 'previewed' }).where(eq(lumpSumBatches.id, batchId));
    await t.app.jobs.handlerFor(LUMP_SUM_CONFIRM_JOB)!.recover!(job);
    expect(await grantsOf(campaignId)).toHaveLength(0);
    expect((await checkerB.get(`/api/lump-sum-batches/${batchId}`)).json()).toMatchObject({ status: 'previewed', confirming: false });
    await confirm(checkerB, batchId);
    expect(await grantsOf(campaignId)).toHaveLength(2);
  });

  it('undoes a build cut short by a stopped instance', async () => {
    const campaignId = await lumpSumCampaign();
    const { batchId, jobId } = await build(builderB, campaignId);
    await t.database.db.update(lumpSumBatches).set({ status: 'building' }).where(eq(lumpSumBatches.id, batchId));
    const [job] = await t.database.db.select().from(backgroundJobs).where(eq(backgroundJobs.id, jobId));
    await t.app.jobs.handlerFor(LUMP_SUM_BUILD_JOB)!.recover!(job);
    const [batch] = await t.database.db.select().from(lumpSumBatches).where(eq(lumpSumBatches.id, batchId));
    expect(batch.status).toBe('failed');
    const left = await t.database.db.select().from(lumpSumLines).where(and(eq(lumpSumLines.batchId, batchId)));
    expect(left).toHaveLength(0);
    // A failed batch holds no place: the org builds again.
    await build(builderB, campaignId);
  });
});
