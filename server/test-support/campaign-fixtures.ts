import { eq } from 'drizzle-orm';
import type { CampaignRules } from '../../contracts/campaigns.js';
import type { CreateHouseholdInput } from '../../contracts/households.js';
import { householdMembers, households } from '../db/schema/index.js';
import { sampleHousehold } from './household-fixtures.js';
import type { Session, TestApp } from './test-app.js';

/** 金秋助学-style rules: archived deep/relative households, a 低保-multiple line, amounts by stage. */
export function goldenAutumnRules(overrides: Partial<CampaignRules> = {}): CampaignRules {
  return {
    householdStatuses: ['archived'],
    categories: ['deep', 'relative'],
    allowUnfiled: true,
    incomeThreshold: { defaultMonthlyFen: 150000, regions: [{ regionCode: '410803', dibaoMonthlyFen: 62000, multiplePercent: 200 }] },
    stages: ['senior', 'vocational', 'college', 'undergraduate', 'postgraduate'],
    amounts: [
      { stage: 'senior', filedFen: 300000, unfiledFen: 200000 },
      { stage: 'vocational', filedFen: 300000, unfiledFen: 200000 },
      { stage: 'college', filedFen: 500000, unfiledFen: 400000 },
      { stage: 'undergraduate', filedFen: 500000, unfiledFen: 400000 },
      { stage: 'postgraduate', filedFen: 500000, unfiledFen: 400000 },
    ],
    householdAmountFen: null,
    inKindItems: [{ item: '行李箱', quantity: 1, stages: ['college', 'undergraduate'] }],
    exclusions: { governmentAided: true, militaryAcademy: true, freeNormal: true },
    ...overrides,
  };
}

/** 特别慰问金-style rules: 1000 元 to every archived household in hardship. */
export function lumpSumRules(overrides: Partial<CampaignRules> = {}): CampaignRules {
  return {
    householdStatuses: ['archived'],
    categories: ['deep', 'relative', 'accident'],
    allowUnfiled: false,
    incomeThreshold: { defaultMonthlyFen: null, regions: [] },
    stages: [],
    amounts: [],
    householdAmountFen: 100000,
    inKindItems: [],
    exclusions: { governmentAided: false, militaryAcademy: false, freeNormal: false },
    ...overrides,
  };
}

let programSeq = 0;

/**
 * A program and an open campaign organised at `orgName`, with the given participants (default: the
 * organiser itself), made through the API by `session` (who needs campaign.manage there).
 */
export async function makeCampaign(
  t: TestApp,
  session: Session,
  opts: { orgName: string; participants?: string[]; kind?: 'per_student' | 'per_household'; rules?: CampaignRules; year?: number; open?: boolean; budgetFen?: number },
): Promise<{ programId: string; campaignId: string }> {
  programSeq += 1;
  const kind = opts.kind ?? 'per_student';
  const program = await session.post('/api/programs', { code: `P-${process.pid % 1000}-${programSeq}`, name: kind === 'per_student' ? '金秋助学' : '特别慰问金', kind });
  if (program.statusCode !== 201) throw new Error(`program: ${program.body}`);
  const year = opts.year ?? 2026;
  const campaign = await session.post('/api/campaigns', {
    programId: program.json().id,
    orgId: t.orgs[opts.orgName].id,
    name: `${year}年${kind === 'per_student' ? '金秋助学' : '特别慰问金'}`,
    year,
    applyFrom: `${year}-01-01`,
    applyTo: `${year}-12-31`,
    noticeDays: 5,
    rules: opts.rules ?? (kind === 'per_student' ? goldenAutumnRules() : lumpSumRules()),
    participants: (opts.participants ?? [opts.orgName]).map((name) => ({ orgId: t.orgs[name].id, budgetFen: opts.budgetFen ?? 100_000_000 })),
  });
  if (campaign.statusCode !== 201) throw new Error(`campaign: ${campaign.body}`);
  const campaignId = campaign.json().id;
  if (opts.open !== false) {
    const opened = await session.post(`/api/campaigns/${campaignId}/status`, { status: 'open' });
    if (opened.statusCode !== 200) throw new Error(`open: ${opened.body}`);
  }
  return { programId: program.json().id, campaignId };
}

/**
 * A household filed through the API and then put straight into the archive (status 'archived') — a
 * setup shortcut for campaign tests; the filing workflow itself is tested in the households module.
 * Returns its id and its members (id, name, stage) as filed.
 */
export async function archivedHousehold(t: TestApp, session: Session, orgName: string, overrides: Partial<CreateHouseholdInput> = {}) {
  const res = await session.post('/api/households', sampleHousehold(t.orgs[orgName].id, overrides));
  if (res.statusCode !== 201) throw new Error(`household: ${res.body}`);
  const id = res.json().id as string;
  await t.database.db.update(households).set({ status: 'archived', archivedAt: new Date() }).where(eq(households.id, id));
  const members = await t.database.db
    .select({ id: householdMembers.id, name: householdMembers.name, schoolStage: householdMembers.schoolStage, idHash: householdMembers.idHash })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, id))
    .orderBy(householdMembers.position);
  return { id, members };
}
