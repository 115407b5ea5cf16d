import { eq } from 'drizzle-orm';
import { DEFAULT_STEP_ACTORS, type CampaignRules } from '../../../contracts/campaigns.js';
import type { Tx } from '../../db/client.js';
import { campaigns, userRoles, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { createCampaign } from '../campaigns/create-campaign.js';
import { createProgram } from '../campaigns/create-program.js';
import { setCampaignStatus } from '../campaigns/update-campaign.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, demoCtx, type DemoUser } from './demo-actors.js';
import { GOLDEN_AUTUMN_2021_RULES, PARTICIPANTS_2021, planGoldenAutumn2021 } from './golden-autumn-2021-plan.js';
import { loadGoldenAutumn2021 } from './load-golden-autumn-2021.js';
import { loadGoldenAutumnCurrent } from './load-golden-autumn-current.js';

/** This year's amounts: the 2021 table, with the 低保 lines of today. */
function currentRules(): CampaignRules {
  return {
    ...GOLDEN_AUTUMN_2021_RULES,
    incomeThreshold: {
      defaultMonthlyFen: 140_000,
      regions: GOLDEN_AUTUMN_2021_RULES.incomeThreshold.regions.map((r) => ({ ...r, dibaoMonthlyFen: r.dibaoMonthlyFen + 12_000 })),
    },
  };
}

/**
 * The aid programs and their campaigns: 金秋助学 (per student) with the 2021 campaign as the city
 * reported it (every student paid, some followed up since) and this year's open for applications;
 * 特别慰问金 (per household). Programs, campaigns and this year's applications go through the real
 * verbs as the demo accounts; the 2021 records are written in bulk (see load-golden-autumn-2021.ts).
 * The 2021 staff of the participants without demo accounts are disabled accounts (they act in the history only).
 */
export async function loadDemoCampaigns(
  tx: Tx,
  env: { clock: Clock; secrets: Secrets; passwordHash: string },
  byCode: Map<string, OrgRow>,
  accounts: Map<string, DemoUser>,
) {
  const { secrets } = env;
  const account = (username: string) => {
    const u = accounts.get(username);
    if (!u) throw new Error(`the demo needs the account ${username}`);
    return u;
  };
  const admin = account('city.admin');
  const asAdmin = (at: Date) => demoCtx(tx, secrets, admin, at);
  const staff = await insertStaff2021(tx, env.passwordHash, byCode);

  const golden = await createProgram({ ctx: asAdmin(chinaTime('2021-05-10')), input: { code: 'JQZX', name: '金秋助学', kind: 'per_student', description: '困难职工家庭子女助学：入学救助、在校扶助、就业援助，覆盖学前至研究生' } });
  await createProgram({ ctx: asAdmin(chinaTime('2020-02-10')), input: { code: 'TBWWJ', name: '特别慰问金', kind: 'per_household', description: '疫情期间向每户在档困难职工发放一次性特别慰问金' } });

  // 2021: organised by the city with every county-level federation and the industry unions, budgets a little over what each paid.
  const plan = planGoldenAutumn2021();
  const participants = PARTICIPANTS_2021.map((p) => {
    const paidFen = plan.filter((a) => a.participant === p.code).reduce((n, a) => n + a.amountFen, 0);
    return { orgId: byCode.get(p.code)!.id, budgetFen: Math.ceil(paidFen / 1_000_000) * 1_000_000 + 1_000_000 };
  });
  const c2021 = await createCampaign({
    ctx: asAdmin(chinaTime('2021-05-20')),
    input: { programId: golden.id, orgId: admin.orgId, name: '2021年金秋助学', year: 2021, applyFrom: '2021-06-01', applyTo: '2021-09-30', noticeDays: 5, rules: GOLDEN_AUTUMN_2021_RULES, stepActors: DEFAULT_STEP_ACTORS, participants },
  });
  await setCampaignStatus({ ctx: asAdmin(chinaTime('2021-06-01', '08:30')), id: c2021.id, input: { status: 'open' } });
  const city = account('city.reviewer');
  const approverFor = (participant: string) => (participant === 'JZ-ZZ' ? account('zz.reviewer') : participant === 'JZ-JM' ? account('jm.reviewer') : staff.get(participant)!.reviewer!);
  const written2021 = await loadGoldenAutumn2021(tx, secrets, {
    campaignId: c2021.id,
    campaignName: c2021.name,
    rules: GOLDEN_AUTUMN_2021_RULES,
    noticeDays: 5,
    byCode,
    actors: {
      makerFor: (orgCode, participant) =>
        orgCode === 'JZ-JM-ZG2' ? account('zg2.caseworker') : orgCode.startsWith('JZ-ZZ-FC') ? account('fc.caseworker') : participant === 'JZ-ZZ' ? account('zz.caseworker') : staff.get(participant)!.caseworker,
      verifierFor: (orgCode, participant) => (orgCode === 'JZ-JM-ZG2' ? account('zg2.reviewer') : approverFor(participant)),
      approverFor,
      city,
      finance: account('finance'),
    },
  });
  await setCampaignStatus({ ctx: asAdmin(chinaTime('2021-10-08', '17:00')), id: c2021.id, input: { status: 'closed' } });

  // This year's, open for applications from March (or a month ago, early in the year) to the end of the year.
  const now = env.clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const applyFrom = [`${year}-03-01`, addDays(today, -30)].sort()[0];
  const opened = new Date(Math.min(now.getTime() - 25 * 86400_000, chinaTime(applyFrom).getTime()));
  const current = await createCampaign({
    ctx: asAdmin(new Date(opened.getTime() - 7 * 86400_000)),
    input: {
      programId: golden.id,
      orgId: admin.orgId,
      name: `${year}年金秋助学`,
      year,
      applyFrom,
      applyTo: `${year}-12-31`,
      noticeDays: 5,
      rules: currentRules(),
      stepActors: DEFAULT_STEP_ACTORS,
      participants: participants.map((p) => ({ orgId: p.orgId, budgetFen: p.budgetFen + 1_000_000 })),
    },
  });
  await setCampaignStatus({ ctx: asAdmin(opened), id: current.id, input: { status: 'open' } });
  const currentApplications = await loadGoldenAutumnCurrent(tx, secrets, { campaignId: current.id, year, now, byCode, accounts });
  const [open] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, current.id));

  return {
    programs: 2,
    campaign2021: { id: c2021.id, ...written2021 },
    campaignCurrent: { id: current.id, year, status: open.status, applications: currentApplications.length },
    staff2021: [...staff.values()].reduce((n, s) => n + (s.reviewer ? 2 : 1), 0),
  };
}

/** A caseworker and a reviewer of 2021 at each participant without demo accounts (焦煤集团 has its reviewer), disabled since. */
async function insertStaff2021(tx: Tx, passwordHash: string, byCode: Map<string, OrgRow>) {
  const out = new Map<string, { caseworker: DemoUser; reviewer?: DemoUser }>();
  for (const p of PARTICIPANTS_2021) {
    if (p.code === 'JZ-ZZ') continue;
    const org = byCode.get(p.code)!;
    const key = p.code.slice(3).toLowerCase();
    const make = async (role: 'caseworker' | 'reviewer', title: string): Promise<DemoUser> => {
      const [u] = await tx
        .insert(users)
        .values({ orgId: org.id, username: `${key}.${role}2021`, displayName: `${org.name.replace(/工会$/, '')}${title}（2021年，已调离）`, passwordHash, active: false, createdAt: chinaTime('2021-03-01'), updatedAt: chinaTime('2022-03-01') })
        .returning({ id: users.id, username: users.username });
      await tx.insert(userRoles).values({ userId: u.id, roleKey: role });
      return { id: u.id, username: u.username, orgId: org.id, orgPath: org.path, roles: [role] };
    };
    const caseworker = await make('caseworker', '帮扶专干');
    out.set(p.code, { caseworker, reviewer: p.code === 'JZ-JM' ? undefined : await make('reviewer', '审核员') });
  }
  return out;
}
