import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { householdImports, households, lumpSumLines } from '../../../db/schema/index.js';
import { insertHouseholdRows, setOrgRegion } from '../../../test-support/archived-household-fixtures.js';
import { lumpSumRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { evaluateHousehold } from '../rules/evaluate-rules.js';
import { orgRegionCodes } from '../rules/org-regions.js';
import { LINES_PER_CHUNK } from './write-lump-sum-lines.js';

/**
 * The build computes each household's exclusion in SQL; `evaluateHousehold` is the rules' one pure
 * definition. Every line of a city batch over households in every status, category and income around
 * each region's line must agree with it (after "already granted", which comes first).
 */
let t: TestApp;
let builder: Session;
let checker: Session;
let hidden: string;

const ORGS = ['B', 'C', 'D', 'E', 'F', 'G'];
const STATUSES = ['archived', 'lifted', 'applied', 'in_notice', 'returned', 'rejected', 'closed'];
const CATEGORIES = ['deep', 'relative', 'accident'];
const INCOMES = [0, 104999, 105000, 105001, 124000, 124001, 150000, 150001, 180000, 180001];
const COPIES = 3;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('builder', 'A', ['org_admin']);
  await t.createUser('checker', 'A', ['org_admin']);
  [builder, checker] = await Promise.all([t.signIn('builder'), t.signIn('checker')]);
  // D and F have their own regions, E inherits B's, C and G have none (the default line).
  await setOrgRegion(t, 'B', '410811');
  await setOrgRegion(t, 'D', '410803');
  await setOrgRegion(t, 'F', '410882');
  const specs = [];
  for (let copy = 0; copy < COPIES; copy++)
    for (const org of ORGS) for (const status of STATUSES) for (const category of CATEGORIES) for (const income of INCOMES) specs.push({ orgId: t.orgs[org].id, status, category, incomePerHeadMonthlyFen: income });
  await insertHouseholdRows(t, specs);
  // A household of an import still writing: invisible everywhere, so in no batch.
  const [imp] = await t.database.db.insert(householdImports).values({ orgId: t.orgs.E.id, filename: 'x.xlsx', status: 'writing', createdBy: (await t.database.db.execute(sql`select id from users limit 1`) as unknown as { rows: Array<{ id: string }> }).rows[0].id, createdAt: t.clock.now() }).returning();
  [hidden] = await insertHouseholdRows(t, [{ orgId: t.orgs.E.id, status: 'archived', category: 'deep', incomePerHeadMonthlyFen: 0 }]);
  await t.database.db.update(households).set({ importId: imp.id }).where(eq(households.id, hidden));
});
afterAll(() => t.close());

const VARIANTS: Array<[string, CampaignRules]> = [
  [
    'archived deep or relative, regional lines and a default',
    lumpSumRules({
      categories: ['deep', 'relative'],
      incomeThreshold: { defaultMonthlyFen: 150000, regions: [{ regionCode: '410803', dibaoMonthlyFen: 62000, multiplePercent: 200 }, { regionCode: '410811', dibaoMonthlyFen: 70000, multiplePercent: 150 }] },
    }),
  ],
  ['archived or lifted, accident only, a line in one region and none elsewhere', lumpSumRules({ householdStatuses: ['archived', 'lifted'], categories: ['accident'], incomeThreshold: { defaultMonthlyFen: null, regions: [{ regionCode: '410882', dibaoMonthlyFen: 60000, multiplePercent: 300 }] } })],
  ['every category, a zero line', lumpSumRules({ incomeThreshold: { defaultMonthlyFen: 0, regions: [] } })],
];

async function build(campaignId: string, orgId?: string) {
  const res = await builder.post(`/api/campaigns/${campaignId}/lump-sum-batches`, orgId ? { orgId } : {});
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return res.json().batchId as string;
}

describe('the build’s SQL exclusion agrees with evaluateHousehold', () => {
  it.each(VARIANTS)('%s', async (_name, rules) => {
    const { campaignId } = await makeCampaign(t, builder, { orgName: 'A', participants: ['A'], kind: 'per_household', rules });
    // D's qualifying households are granted first, by a confirmed batch of D.
    const dBatch = await build(campaignId, t.orgs.D.id);
    expect((await checker.post(`/api/lump-sum-batches/${dBatch}/confirm`, {})).statusCode).toBe(202);
    await t.app.jobs.settled();
    const granted = new Set((await t.database.db.select().from(lumpSumLines).where(eq(lumpSumLines.batchId, dBatch))).filter((l) => l.exclusion === null).map((l) => l.householdId));
    expect(granted.size).toBeGreaterThan(0);

    const batchId = await build(campaignId);
    const lines = await t.database.db.select().from(lumpSumLines).where(eq(lumpSumLines.batchId, batchId));
    const all = await t.database.db.select().from(households);
    const regions = await orgRegionCodes(t.database.db);
    const onFile = all.filter((h) => !['rejected', 'closed'].includes(h.status) && h.id !== hidden);
    expect(lines.length).toBe(onFile.length);
    expect(lines.length).toBeGreaterThan(LINES_PER_CHUNK); // written in more than one chunk
    const byId = new Map(all.map((h) => [h.id, h]));
    const reasons = new Map<string, number>();
    for (const line of lines) {
      const h = byId.get(line.householdId)!;
      const evaluated = evaluateHousehold(rules, { householdStatus: h.status, category: h.category, incomePerHeadMonthlyFen: h.incomePerHeadMonthlyFen, regionCode: regions.get(h.orgId) ?? null });
      const expected = granted.has(h.id) ? 'already_granted' : (evaluated.reasons[0] ?? null);
      expect(line.exclusion, `${h.status} ${h.category} ${h.incomePerHeadMonthlyFen} at ${regions.get(h.orgId)}`).toBe(expected);
      expect(line.amountFen).toBe(expected === null ? evaluated.amountFen : 0);
      reasons.set(String(expected), (reasons.get(String(expected)) ?? 0) + 1);
    }
    // The households cover every outcome, so the comparison says something.
    for (const reason of ['already_granted', 'household_status', 'null']) expect(reasons.get(reason), reason).toBeGreaterThan(0);
    if (rules.categories.length < CATEGORIES.length) expect(reasons.get('category')).toBeGreaterThan(0);
    if (rules.incomeThreshold.defaultMonthlyFen !== null || rules.incomeThreshold.regions.length) expect(reasons.get('income_over_threshold')).toBeGreaterThan(0);
    const batch = (await builder.get(`/api/lump-sum-batches/${batchId}`)).json();
    expect(batch.householdCount).toBe(reasons.get('null'));
    expect(batch.totalFen).toBe(reasons.get('null')! * 100000);
  });
});
