import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { households } from '../../../db/schema/index.js';
import { goldenAutumnRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { setOrgRegion } from '../../../test-support/archived-household-fixtures.js';
import { applyFor, insertGrant, reachHousehold, type ReachHouseholdSpec } from '../../../test-support/reach-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { evaluateStudent, incomeThresholdFen } from '../rules/evaluate-rules.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { computeWorklist } from './compute-worklist.js';
import { loadActiveActor } from '../../users/load-actor.js';

/**
 * The done-when line: "the no one left out report lists exactly the eligible students without an
 * application, checked against a hand-built fixture". Campaign 2026 of a program, organised at A with
 * participants B and C; C's region (410803) has its own income line (620 元 × 200% = 1240 元), B's
 * subtree uses the default line (1500 元). Each household below exercises one rule.
 */
let t: TestApp;
let admin: Session;
let adminId: string;
let campaignId: string;
let programId: string;
const hh: Record<string, Awaited<ReturnType<typeof reachHousehold>>> = {};

const FIXTURE: Array<ReachHouseholdSpec & { why: string; listed: boolean; reason?: 'transition' | 'follow_up' }> = [
  { why: 'entering senior high this year', orgName: 'E', child: { name: '张一', stage: 'senior', enrolmentYear: 2026 }, listed: true, reason: 'transition' },
  { why: 'sitting the college entrance exam (senior, entered 2023), relative hardship', orgName: 'E', category: 'relative', child: { name: '张二', stage: 'senior', enrolmentYear: 2023 }, listed: true, reason: 'transition' },
  { why: 'mid-course undergraduate, never aided: no transition', orgName: 'E', child: { name: '张三', stage: 'undergraduate', enrolmentYear: 2024 }, listed: false },
  { why: 'entering junior high: stage not covered', orgName: 'E', child: { name: '张四', stage: 'junior', enrolmentYear: 2026 }, listed: false },
  { why: 'income per head over the default line', orgName: 'E', incomePerHeadFen: 150001, child: { name: '张五', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'income under the default line but over the regional one', orgName: 'G', incomePerHeadFen: 130000, child: { name: '张六', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'income under the regional line', orgName: 'G', incomePerHeadFen: 124000, child: { name: '张七', stage: 'college', enrolmentYear: 2026 }, listed: true, reason: 'transition' },
  { why: 'hardship by accident: category not covered', orgName: 'E', category: 'accident', child: { name: '张八', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'still being filed (applied): status not covered', orgName: 'E', status: 'applied', child: { name: '张九', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'lifted out of hardship: status not covered', orgName: 'E', status: 'lifted', child: { name: '张十', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'aided by last year’s campaign of the program: follow-up', orgName: 'D', child: { name: '李一', stage: 'undergraduate', enrolmentYear: 2024 }, listed: true, reason: 'follow_up' },
  { why: 'already applied (a draft holds the place)', orgName: 'E', child: { name: '李二', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'applied and was rejected: listed again', orgName: 'E', child: { name: '李三', stage: 'college', enrolmentYear: 2026 }, listed: true, reason: 'transition' },
  { why: 'vocational school exam year', orgName: 'D', child: { name: '李四', stage: 'vocational', enrolmentYear: 2023 }, listed: true, reason: 'transition' },
  { why: 'filed at the organiser A, which does not take part', orgName: 'A', child: { name: '李五', stage: 'college', enrolmentYear: 2026 }, listed: false },
  { why: 'undergraduate entered three years ago: no exam year for that stage', orgName: 'E', child: { name: '李六', stage: 'undergraduate', enrolmentYear: 2023 }, listed: false },
  { why: 'income exactly on the default line (not over it)', orgName: 'E', incomePerHeadFen: 150000, child: { name: '李七', stage: 'college', enrolmentYear: 2026 }, listed: true, reason: 'transition' },
  { why: 'aided by an earlier campaign of another program: not a follow-up', orgName: 'E', child: { name: '李八', stage: 'undergraduate', enrolmentYear: 2024 }, listed: false },
  { why: 'applied and withdrew: listed again', orgName: 'E', child: { name: '李九', stage: 'college', enrolmentYear: 2026 }, listed: true, reason: 'transition' },
  { why: 'aided last year, but now over the income line: the rules still apply', orgName: 'E', incomePerHeadFen: 200000, child: { name: '李十', stage: 'undergraduate', enrolmentYear: 2024 }, listed: false },
];
const APPLIED = '李二';
const ELIGIBLE = FIXTURE.filter((f) => f.listed || f.child.name === APPLIED).map((f) => f.child.name).sort();
const NOT_APPLIED = FIXTURE.filter((f) => f.listed).map((f) => f.child.name).sort();

const names = (items: Array<{ studentName: string }>) => items.map((i) => i.studentName).sort();

async function buildAs(session: Session) {
  const res = await session.post(`/api/campaigns/${campaignId}/worklist/build`);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  const job = (await session.get(`/api/background-jobs/${res.json().jobId}`)).json();
  expect(job.state, JSON.stringify(job)).toBe('succeeded');
  return job;
}

beforeAll(async () => {
  t = await createTestApp();
  adminId = await t.createUser('admin-a', 'A', ['org_admin']);
  admin = await t.signIn('admin-a');
  await setOrgRegion(t, 'C', '410803');
  ({ campaignId, programId } = await makeCampaign(t, admin, { orgName: 'A', participants: ['B', 'C'], rules: goldenAutumnRules() }));
  const lastYear = await admin.post('/api/campaigns', {
    programId, orgId: t.orgs.A.id, name: '2025年金秋助学', year: 2025, applyFrom: '2025-01-01', applyTo: '2025-12-31',
    rules: goldenAutumnRules(), participants: [{ orgId: t.orgs.B.id, budgetFen: 100_000_000 }],
  });
  expect(lastYear.statusCode, lastYear.body).toBe(201);
  const otherProgram = await makeCampaign(t, admin, { orgName: 'A', participants: ['B'], year: 2025 });
  for (const spec of FIXTURE) hh[spec.child.name] = await reachHousehold(t, admin, spec);
  for (const name of ['李一', '李十']) await insertGrant(t, { campaignId: lastYear.json().id, recipientKey: hh[name].idHash, orgName: name === '李一' ? 'D' : 'E', householdId: hh[name].householdId, name });
  await insertGrant(t, { campaignId: otherProgram.campaignId, recipientKey: hh['李八'].idHash, orgName: 'E', householdId: hh['李八'].householdId, name: '李八' });
  const apply = (name: string, endAs?: 'rejected' | 'withdrawn') => applyFor(t, admin, { campaignId, orgName: 'E', householdId: hh[name].householdId, memberId: hh[name].memberId, stage: 'college', endAs });
  await apply('李二');
  await apply('李三', 'rejected');
  await apply('李九', 'withdrawn');
  await buildAs(admin);
});
afterAll(() => t.close());

describe('the no one left out report (应助尽助), against a hand-built fixture', () => {
  it('lists exactly the eligible students without an application', async () => {
    const res = await admin.get(`/api/campaigns/${campaignId}/reach-report/not-applied?pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res.json().items)).toEqual(NOT_APPLIED);
    expect(res.json().total).toBe(NOT_APPLIED.length);
    for (const item of res.json().items) expect(item.studentIdMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('puts exactly the eligible students on the worklist, each with its reason', async () => {
    const items = (await admin.get(`/api/campaigns/${campaignId}/worklist?pageSize=200`)).json().items as Array<{ studentName: string; reason: string; applied: boolean }>;
    expect(names(items)).toEqual(ELIGIBLE);
    for (const f of FIXTURE.filter((x) => x.listed)) expect(items.find((i) => i.studentName === f.child.name)?.reason, f.why).toBe(f.reason);
    expect(items.filter((i) => i.applied).map((i) => i.studentName)).toEqual([APPLIED]);
  });

  it('agrees with the rules as evaluateStudent applies them, member by member', async () => {
    const rules = goldenAutumnRules();
    const region = (org: string) => (['C', 'F', 'G'].includes(org) ? '410803' : null);
    const aided = new Set(['李一', '李十']);
    const expected = FIXTURE.filter((row) => {
      const qualifies = evaluateStudent(rules, {
        filed: true,
        householdStatus: row.status ?? 'archived',
        category: row.category ?? 'deep',
        incomePerHeadMonthlyFen: row.incomePerHeadFen ?? 100000,
        regionCode: region(row.orgName),
        schoolStage: row.child.stage,
      }).eligible;
      const { stage, enrolmentYear } = row.child;
      const transition = enrolmentYear === 2026 || (['senior', 'vocational'].includes(stage!) && enrolmentYear === 2023);
      return qualifies && (transition || aided.has(row.child.name)) && row.orgName !== 'A';
    }).map((row) => row.child.name);
    expect(expected.sort()).toEqual(ELIGIBLE);
    expect(incomeThresholdFen(rules, '410803')).toBe(124000);
  });

  it('counts per participant, and drills down into an org’s children', async () => {
    const top = (await admin.get(`/api/campaigns/${campaignId}/reach-report`)).json();
    expect(top.rows.map((r: { orgName: string }) => r.orgName)).toEqual(['组织B', '组织C']);
    const b = top.rows[0];
    const inB = FIXTURE.filter((f) => ['B', 'D', 'E'].includes(f.orgName));
    expect(b).toMatchObject({ eligible: ELIGIBLE.length - 1, applied: 1, notApplied: ELIGIBLE.length - 2, reached: 0, notReached: ELIGIBLE.length - 1, hasChildren: true });
    expect(inB.length).toBeGreaterThan(0);
    expect(top.rows[1]).toMatchObject({ orgName: '组织C', eligible: 1, notApplied: 1 });
    expect(top.totals).toMatchObject({ eligible: ELIGIBLE.length, applied: 1, notApplied: NOT_APPLIED.length });
    const drilled = (await admin.get(`/api/campaigns/${campaignId}/reach-report?orgId=${t.orgs.B.id}`)).json();
    expect(drilled.org).toMatchObject({ id: t.orgs.B.id, name: '组织B' });
    expect(drilled.rows.map((r: { orgName: string; eligible: number; notApplied: number }) => [r.orgName, r.eligible, r.notApplied])).toEqual([
      ['组织D', 2, 2],
      ['组织E', 6, 5],
    ]);
    const leaf = (await admin.get(`/api/campaigns/${campaignId}/reach-report?orgId=${t.orgs.E.id}`)).json();
    expect(leaf.rows).toMatchObject([{ orgName: '组织E', direct: false, hasChildren: false, eligible: 6 }]);
  });

  it('exports the same not-applied list in the workbook (masked), audited', async () => {
    const res = await admin.get(`/api/campaigns/${campaignId}/reach-report/export`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const list = wb.getWorksheet('未申请名单')!;
    const listed: string[] = [];
    list.eachRow((row, i) => {
      if (i > 1) listed.push(String(row.getCell(2).value));
      if (i > 1) expect(String(row.getCell(3).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    });
    expect(listed.sort()).toEqual(NOT_APPLIED);
    const summary = wb.getWorksheet('应助尽助汇总')!;
    expect(summary.getRow(summary.rowCount).values).toEqual([undefined, '合计', ELIGIBLE.length, 0, ELIGIBLE.length, 1, NOT_APPLIED.length]);
    const [logged] = await auditRows(t, 'campaign.export_reach', campaignId);
    expect(logged.details).toMatchObject({ count: NOT_APPLIED.length });
  });

  it('builds the same list in small batches as in one', async () => {
    const actor = (await loadActiveActor(t.database.db, adminId))!;
    const ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor, requestId: 'test' };
    const campaign = await getCampaignInScope(t.database.db, actor, campaignId);
    const result = await computeWorklist(ctx, campaign, { batchSize: 2 });
    expect(result).toMatchObject({ entries: ELIGIBLE.length, followUp: 1, transition: ELIGIBLE.length - 1 });
    const items = (await admin.get(`/api/campaigns/${campaignId}/worklist?pageSize=200`)).json().items;
    expect(names(items)).toEqual(ELIGIBLE);
  });

  it('drops a student who no longer qualifies at the next build', async () => {
    await t.database.db.update(households).set({ status: 'lifted' }).where(eq(households.id, hh['张一'].householdId));
    await buildAs(admin);
    const items = (await admin.get(`/api/campaigns/${campaignId}/reach-report/not-applied?pageSize=200`)).json().items;
    expect(names(items)).toEqual(NOT_APPLIED.filter((n) => n !== '张一'));
    await t.database.db.update(households).set({ status: 'archived' }).where(eq(households.id, hh['张一'].householdId));
  });
});
