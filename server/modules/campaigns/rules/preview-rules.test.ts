import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { RulePreview, type CampaignRules } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { householdImports, householdMembers, households, orgs } from '../../../db/schema/index.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { setOrgRegion } from '../../../test-support/archived-household-fixtures.js';
import { goldenAutumnRules, lumpSumRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { insertHouseholdsWithMembers, type HouseholdWithMembersSpec, type Stage } from '../../../test-support/preview-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { participantFor, type Participant } from '../campaigns.queries.js';
import { evaluateHousehold, evaluateStudent } from './evaluate-rules.js';
import { orgRegionCodes } from './org-regions.js';

/**
 * The preview counts the rules in SQL; evaluate-rules.ts is their one definition. Over a varied archive
 * (every org of the fixture tree with its own, an inherited or no region; statuses, categories,
 * incomes on and around each line; households without students, with one, with two at one stage, with
 * students and others) the preview must equal, number for number, the evaluation run member by member.
 */
let t: TestApp;
let adminA: Session;
let caseworkerB: Session;
let adminC: Session;
let auditorA: Session;
let hidden: string;

const ORGS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const STATUSES = ['archived', 'archived', 'lifted', 'applied', 'in_notice', 'closed'];
const CATEGORIES = ['deep', 'relative', 'accident'];
const INCOMES = [0, 104999, 105000, 105001, 124000, 124001, 150000, 150001, 180000, 180001];
const MEMBERS: Array<Array<Stage | null>> = [[], [null], ['senior'], ['primary'], ['undergraduate', 'undergraduate'], ['senior', null], ['junior', 'college', null], ['postgraduate'], ['vocational', 'preschool']];
const PARTICIPANTS = ['B', 'D', 'C'];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('cw-b', 'B', ['caseworker']);
  await t.createUser('admin-c', 'C', ['org_admin']);
  await t.createUser('auditor-a', 'A', ['auditor']);
  [adminA, caseworkerB, adminC, auditorA] = await Promise.all(['admin-a', 'cw-b', 'admin-c', 'auditor-a'].map((u) => t.signIn(u)));
  // D and F have their own regions, E inherits B's, C and G have none (the default line).
  await setOrgRegion(t, 'B', '410811');
  await setOrgRegion(t, 'D', '410803');
  await setOrgRegion(t, 'F', '410882');
  let seed = 20260302;
  const pick = <T,>(of: T[]) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return of[seed % of.length];
  };
  const specs: HouseholdWithMembersSpec[] = [];
  for (let i = 0; i < 700; i++)
    specs.push({ orgId: t.orgs[ORGS[i % ORGS.length]].id, status: pick(STATUSES), category: pick(CATEGORIES), incomePerHeadMonthlyFen: pick(INCOMES), members: pick(MEMBERS) });
  await insertHouseholdsWithMembers(t, specs);
  // A qualifying household of an import still writing: invisible, so counted nowhere.
  const [user] = (await t.database.db.execute(sql`select id from users limit 1`) as unknown as { rows: Array<{ id: string }> }).rows;
  const [imp] = await t.database.db.insert(householdImports).values({ orgId: t.orgs.E.id, filename: 'x.xlsx', status: 'writing', createdBy: user.id, createdAt: t.clock.now() }).returning();
  [hidden] = await insertHouseholdsWithMembers(t, [{ orgId: t.orgs.E.id, status: 'archived', category: 'deep', incomePerHeadMonthlyFen: 0, members: ['senior', 'undergraduate'] }]);
  await t.database.db.update(households).set({ importId: imp.id }).where(eq(households.id, hidden));
});
afterAll(() => t.close());

/** The preview as evaluate-rules.ts gives it, household by household and member by member. */
async function reference(rules: CampaignRules, kind: 'per_student' | 'per_household', actorOrg: string, participantNames = PARTICIPANTS, rulesVersion: number | null = 1): Promise<RulePreview> {
  const db = t.database.db;
  const [all, members, orgRows, regions] = await Promise.all([db.select().from(households), db.select().from(householdMembers), db.select().from(orgs), orgRegionCodes(db)]);
  const pathOf = new Map(orgRows.map((o) => [o.id, o.path]));
  const actorPath = t.orgs[actorOrg].path;
  const parts: Participant[] = participantNames
    .map((n) => ({ orgId: t.orgs[n].id, orgName: t.orgs[n].name, orgPath: t.orgs[n].path, orgType: t.orgs[n].type, budgetFen: 0 }))
    .sort((a, b) => (a.orgPath < b.orgPath ? -1 : 1));
  const seen = parts.filter((p) => p.orgPath.startsWith(actorPath) || participantFor(parts, actorPath) === p);
  const zero = () => ({ inScope: 0, qualifying: 0 });
  const rows = new Map(seen.map((p) => [p.orgId, { orgId: p.orgId, orgName: p.orgName, households: zero(), students: kind === 'per_student' ? zero() : null, amountFen: 0 }]));
  const total = { households: zero(), students: zero(), amountFen: 0 };
  const byStage = new Map<string, { students: number; qualifying: number; amountFen: number }>();
  const reasons = new Map<string, number>();
  for (const h of all) {
    if (h.id === hidden) continue;
    const path = pathOf.get(h.orgId)!;
    const p = path.startsWith(actorPath) ? participantFor(parts, path) : null;
    if (!p) continue;
    const row = rows.get(p.orgId)!;
    const facts = { householdStatus: h.status, category: h.category, incomePerHeadMonthlyFen: h.incomePerHeadMonthlyFen, regionCode: regions.get(h.orgId) ?? null };
    row.households.inScope++;
    total.households.inScope++;
    let qualifies = false;
    if (kind === 'per_household') {
      const r = evaluateHousehold(rules, facts);
      qualifies = r.eligible;
      row.amountFen += r.amountFen;
      total.amountFen += r.amountFen;
      for (const reason of r.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    } else {
      for (const m of members.filter((m) => m.householdId === h.id && m.schoolStage !== null)) {
        const r = evaluateStudent(rules, { filed: true, ...facts, schoolStage: m.schoolStage });
        const stage = byStage.get(m.schoolStage!) ?? { students: 0, qualifying: 0, amountFen: 0 };
        byStage.set(m.schoolStage!, stage);
        stage.students++;
        row.students!.inScope++;
        total.students.inScope++;
        if (r.eligible) {
          qualifies = true;
          stage.qualifying++;
          row.students!.qualifying++;
          total.students.qualifying++;
        }
        stage.amountFen += r.amountFen;
        row.amountFen += r.amountFen;
        total.amountFen += r.amountFen;
        for (const reason of r.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    if (qualifies) {
      row.households.qualifying++;
      total.households.qualifying++;
    }
  }
  const perStudent = kind === 'per_student';
  const reasonList = perStudent ? ['household_status', 'category', 'income_over_threshold', 'stage_not_covered'] : ['household_status', 'category', 'income_over_threshold'];
  return {
    kind,
    rulesVersion,
    households: total.households,
    students: perStudent ? total.students : null,
    estimatedAmountFen: total.amountFen,
    byOrg: [...rows.values()],
    byStage: perStudent
      ? SchoolStage.keys.filter((s) => (rules.stages as string[]).includes(s) || byStage.has(s)).map((stage) => ({ stage, ...(byStage.get(stage) ?? { students: 0, qualifying: 0, amountFen: 0 }) }))
      : [],
    reasons: reasonList.map((reason) => ({ reason, [perStudent ? 'students' : 'households']: reasons.get(reason) ?? 0 })) as RulePreview['reasons'],
    exclusionsAtApplication: perStudent ? (['governmentAided', 'militaryAcademy', 'freeNormal'] as const).filter((e) => rules.exclusions[e]) : [],
  };
}

const STUDENT_VARIANTS: Array<[string, CampaignRules]> = [
  ['金秋助学: archived deep or relative, a regional line and a default', goldenAutumnRules()],
  [
    'archived or lifted, accident or deep, lines in two regions and none elsewhere, three stages, no exclusions',
    goldenAutumnRules({
      householdStatuses: ['archived', 'lifted'],
      categories: ['accident', 'deep'],
      incomeThreshold: { defaultMonthlyFen: null, regions: [{ regionCode: '410882', dibaoMonthlyFen: 60000, multiplePercent: 300 }, { regionCode: '410811', dibaoMonthlyFen: 70000, multiplePercent: 150 }] },
      stages: ['primary', 'junior', 'undergraduate'],
      amounts: [
        { stage: 'primary', filedFen: 100000, unfiledFen: 50000 },
        { stage: 'junior', filedFen: 150000, unfiledFen: 50000 },
        { stage: 'undergraduate', filedFen: 600000, unfiledFen: 50000 },
      ],
      exclusions: { governmentAided: false, militaryAcademy: false, freeNormal: true },
    }),
  ],
  [
    'every stage, every category, a zero line',
    goldenAutumnRules({
      categories: ['deep', 'relative', 'accident'],
      incomeThreshold: { defaultMonthlyFen: 0, regions: [] },
      stages: [...SchoolStage.keys],
      amounts: SchoolStage.keys.map((stage, i) => ({ stage, filedFen: 10000 * (i + 1), unfiledFen: 0 })),
    }),
  ],
];

const HOUSEHOLD_VARIANTS: Array<[string, CampaignRules]> = [
  ['特别慰问金: every archived household', lumpSumRules()],
  [
    'deep only, a line in B’s region and a default',
    lumpSumRules({ householdStatuses: ['archived', 'lifted'], categories: ['deep'], incomeThreshold: { defaultMonthlyFen: 124000, regions: [{ regionCode: '410811', dibaoMonthlyFen: 70000, multiplePercent: 150 }] }, householdAmountFen: 50000 }),
  ],
];

async function preview(session: Session, campaignId: string, body: object = {}) {
  const res = await session.post(`/api/campaigns/${campaignId}/preview`, body);
  expect(res.statusCode, res.body).toBe(200);
  return RulePreview.parse(res.json());
}

describe('the preview equals evaluate-rules.ts, member by member', () => {
  it.each(STUDENT_VARIANTS)('per student: %s', async (_name, rules) => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A', participants: PARTICIPANTS, rules });
    const city = await preview(adminA, campaignId);
    expect(city).toEqual(await reference(rules, 'per_student', 'A'));
    expect(city.students!.qualifying).toBeGreaterThan(0);
    expect(city.students!.qualifying).toBeLessThan(city.students!.inScope);
    expect(await preview(caseworkerB, campaignId)).toEqual(await reference(rules, 'per_student', 'B'));
  });

  it.each(HOUSEHOLD_VARIANTS)('per household: %s', async (_name, rules) => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A', participants: PARTICIPANTS, kind: 'per_household', rules });
    const city = await preview(adminA, campaignId);
    expect(city).toEqual(await reference(rules, 'per_household', 'A'));
    expect(city.households.qualifying).toBeGreaterThan(0);
    expect(await preview(caseworkerB, campaignId)).toEqual(await reference(rules, 'per_household', 'B'));
  });
});

describe('POST /api/campaigns/:id/preview', () => {
  it('counts only the actor’s subtree: a user at B sees B’s part of a city campaign, not C’s', async () => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A', participants: ['B', 'C'] });
    const city = await preview(adminA, campaignId);
    const district = await preview(caseworkerB, campaignId);
    expect(city.byOrg.map((r) => r.orgName)).toEqual(['组织B', '组织C']);
    expect(district.byOrg.map((r) => r.orgName)).toEqual(['组织B']);
    expect(district.byOrg[0]).toEqual(city.byOrg[0]);
    expect(district.households).toEqual(city.byOrg[0].households);
    expect(district.estimatedAmountFen).toBe(city.byOrg[0].amountFen);
    expect(city.households.inScope).toBe(city.byOrg[0].households.inScope + city.byOrg[1].households.inScope);
  });

  it('answers 404 for a campaign of another subtree, and for one that does not exist', async () => {
    const { campaignId } = await makeCampaign(t, adminC, { orgName: 'C' });
    expect((await caseworkerB.post(`/api/campaigns/${campaignId}/preview`, {})).statusCode).toBe(404);
    expect((await adminA.post(`/api/campaigns/${crypto.randomUUID()}/preview`, {})).statusCode).toBe(404);
    expect((await adminC.post(`/api/campaigns/${campaignId}/preview`, {})).statusCode).toBe(200);
  });

  it('refuses a user without campaign.read (403) and logs the refusal', async () => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A' });
    const res = await auditorA.post(`/api/campaigns/${campaignId}/preview`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.permission).toBe('campaign.read');
    expect((await auditRows(t, 'authz.deny')).length).toBeGreaterThan(0);
  });

  it('previews unsaved rules (no version), refuses rules that do not fit the program, and saves nothing', async () => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A', participants: PARTICIPANTS });
    const before = (await adminA.get(`/api/campaigns/${campaignId}`)).json();
    const edited = STUDENT_VARIANTS[1][1];
    expect(await preview(adminA, campaignId, { rules: edited })).toEqual(await reference(edited, 'per_student', 'A', PARTICIPANTS, null));
    const unfit = await adminA.post(`/api/campaigns/${campaignId}/preview`, { rules: lumpSumRules() });
    expect(unfit.statusCode).toBe(400);
    expect(unfit.json().error.details.issues[0].field).toBe('body.rules.stages');
    const after = (await adminA.get(`/api/campaigns/${campaignId}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.rules).toEqual(before.rules);
    expect((await preview(adminA, campaignId)).rulesVersion).toBe(1);
  });

  it('follows the saved rules: a lower income line or a higher amount changes the preview', async () => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A', participants: PARTICIPANTS });
    const first = await preview(adminA, campaignId);
    const saveRules = async (rules: CampaignRules) => {
      const c = (await adminA.get(`/api/campaigns/${campaignId}`)).json();
      expect((await adminA.put(`/api/campaigns/${campaignId}/rules`, { rules, version: c.version })).statusCode).toBe(200);
    };
    const lower = goldenAutumnRules({ incomeThreshold: { defaultMonthlyFen: 104999, regions: [] } });
    await saveRules(lower);
    const second = await preview(adminA, campaignId);
    expect(second.rulesVersion).toBe(2);
    expect(second.students!.qualifying).toBeLessThan(first.students!.qualifying);
    expect(second.reasons.find((r) => r.reason === 'income_over_threshold')!.students).toBeGreaterThan(first.reasons.find((r) => r.reason === 'income_over_threshold')!.students!);
    expect(second).toEqual(await reference(lower, 'per_student', 'A', PARTICIPANTS, 2));

    const richer = goldenAutumnRules({ incomeThreshold: lower.incomeThreshold, amounts: lower.amounts.map((a) => ({ ...a, filedFen: a.filedFen * 2 })) });
    await saveRules(richer);
    const third = await preview(adminA, campaignId);
    expect(third.rulesVersion).toBe(3);
    expect(third.students).toEqual(second.students);
    expect(third.estimatedAmountFen).toBe(second.estimatedAmountFen * 2);
  });

  it('says which exclusions only the applications can apply', async () => {
    const { campaignId } = await makeCampaign(t, adminA, { orgName: 'A' });
    expect((await preview(adminA, campaignId)).exclusionsAtApplication).toEqual(['governmentAided', 'militaryAcademy', 'freeNormal']);
    const none = goldenAutumnRules({ exclusions: { governmentAided: false, militaryAcademy: true, freeNormal: false } });
    expect((await preview(adminA, campaignId, { rules: none })).exclusionsAtApplication).toEqual(['militaryAcademy']);
  });
});
