import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { CreateApplicationInput, type FiveClearKey } from '../../../contracts/campaigns.js';
import { makeCnId } from '../../../contracts/cn-ids.js';
import type { Tx } from '../../db/client.js';
import { householdMembers, households } from '../../db/schema/index.js';
import { chinaDate } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { insertApplication } from '../campaigns/applications/create-application.js';
import { getApplicationInScope } from '../campaigns/applications/applications.queries.js';
import { applyApplicationStep } from '../campaigns/applications/run-application-step.js';
import { releaseFromNotice, startCampaignNotice } from '../campaigns/applications/notice.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { demoActor, demoCtx, type DemoUser } from './demo-actors.js';

const CLEARS: Record<FiveClearKey, string> = {
  household: '已建档困难职工家庭，家庭人口与收入已核实',
  aid_received: '去年获春节送温暖慰问金',
  schooling: '已收到录取通知书',
  school_fees: '已核对学校缴费通知',
  wish: '家长与学生本人申请助学',
};
const fiveClears = (missing?: FiveClearKey) =>
  Object.fromEntries(Object.entries(CLEARS).map(([k, note]) => [k, k === missing ? { checked: false, note: null } : { checked: true, note }]));

const SCHOOL: Record<string, string> = {
  primary: '中站区实验小学',
  junior: '焦作市第十二中学',
  senior: '焦作市第一中学',
  vocational: '焦作市职业技术学校',
  college: '焦作大学',
  undergraduate: '河南理工大学',
};

type Target = 'draft_incomplete' | 'draft' | 'submitted' | 'verified' | 'district_approved' | 'city_approved' | 'ready';
const STEPS_TO: Record<Exclude<Target, 'ready'>, Array<'submit' | 'verify' | 'approve_district' | 'approve_city'>> = {
  draft_incomplete: [],
  draft: [],
  submitted: ['submit'],
  verified: ['submit', 'verify'],
  district_approved: ['submit', 'verify', 'approve_district'],
  city_approved: ['submit', 'verify', 'approve_district', 'approve_city'],
};

/**
 * This year's open 金秋助学: a few applications at each step, made and moved by the demo accounts
 * through the real verbs (so their history and audit are what a newcomer's own steps will write).
 * 府城街道's families go up the line fc.caseworker → zz.reviewer → city.reviewer; 赵固二矿's
 * zg2.caseworker → zg2.reviewer (the mine's chair verifies) → jm.reviewer (焦煤集团 approves) → city.reviewer.
 */
export async function loadGoldenAutumnCurrent(
  tx: Tx,
  secrets: Secrets,
  c: { campaignId: string; year: number; now: Date; byCode: Map<string, OrgRow>; accounts: Map<string, DemoUser> },
) {
  const user = (username: string) => c.accounts.get(username)!;
  const daysAgo = (days: number) => new Date(c.now.getTime() - days * 86400_000);
  const plan: Array<{ org: string; maker: string; target: Target }> = [
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'draft_incomplete' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'draft' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'submitted' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'verified' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'district_approved' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'district_approved' },
    { org: 'JZ-ZZ-FC', maker: 'fc.caseworker', target: 'city_approved' },
    { org: 'JZ-JM-ZG2', maker: 'zg2.caseworker', target: 'draft' },
    { org: 'JZ-JM-ZG2', maker: 'zg2.caseworker', target: 'submitted' },
    { org: 'JZ-JM-ZG2', maker: 'zg2.caseworker', target: 'verified' },
    { org: 'JZ-JM-ZG2', maker: 'zg2.caseworker', target: 'district_approved' },
  ];
  // Who takes each step after the maker's submit: the mine's chair verifies and 焦煤集团 approves; in 中站区 its reviewer does both.
  const checkers: Record<string, { verify: string; approve_district: string }> = {
    'JZ-ZZ-FC': { verify: 'zz.reviewer', approve_district: 'zz.reviewer' },
    'JZ-JM-ZG2': { verify: 'zg2.reviewer', approve_district: 'jm.reviewer' },
  };
  const students = new Map<string, Array<{ householdId: string; memberId: string; stage: string }>>();
  for (const code of new Set(plan.map((p) => p.org))) {
    const rows = await tx
      .select({ householdId: households.id, memberId: householdMembers.id, stage: householdMembers.schoolStage })
      .from(households)
      .innerJoin(householdMembers, eq(householdMembers.householdId, households.id))
      .where(and(eq(households.orgId, c.byCode.get(code)!.id), eq(households.status, 'archived'), isNotNull(householdMembers.schoolStage)))
      .orderBy(asc(households.caseNo), asc(householdMembers.position));
    students.set(code, rows.map((r) => ({ ...r, stage: r.stage! })));
  }

  const made: Array<{ id: string; status: string }> = [];
  /** Files one application and takes it to its target; steps follow its making at `stepDays` apart. */
  async function make(p: { org: string; maker: string; target: Target }, i: number, createdAgo: number, stepDays: number) {
    const student = students.get(p.org)!.shift();
    if (!student) return null;
    const maker = user(p.maker);
    const data = CreateApplicationInput.parse({
      campaignId: c.campaignId,
      orgId: c.byCode.get(p.org)!.id,
      householdId: student.householdId,
      memberId: student.memberId,
      schoolName: SCHOOL[student.stage] ?? '河南理工大学',
      schoolStage: student.stage,
      admissionYear: c.year,
      tuitionFen: student.stage === 'undergraduate' ? 520_000 : student.stage === 'college' ? 450_000 : 0,
      fiveClears: fiveClears(p.target === 'draft_incomplete' ? 'school_fees' : undefined),
      homeVisit: { visitDate: chinaDate(daysAgo(createdAgo + 4)), visitors: '府城街道帮扶专干、社区网格员', findings: '家庭情况与档案一致，子女已被录取' },
      wish: '希望得到资助，减轻入学费用负担',
    });
    const created = await insertApplication(tx, demoCtx(tx, secrets, maker, daysAgo(createdAgo)), data);
    const steps = STEPS_TO[p.target === 'ready' ? 'city_approved' : p.target];
    for (const [n, step] of steps.entries()) {
      const by = step === 'submit' ? maker : step === 'approve_city' ? user('city.reviewer') : user(checkers[p.org][step]);
      const ctx = demoCtx(tx, secrets, by, daysAgo(createdAgo - stepDays * (n + 1)));
      const a = await getApplicationInScope(tx, demoActor(by), created.id, { forUpdate: true });
      await applyApplicationStep(tx, ctx, a, step);
    }
    made.push({ id: created.id, status: p.target.startsWith('draft') ? 'draft' : p.target });
    void i;
    return created.id;
  }

  // Three families of 赵固二矿 went through the whole line early: published (公示) and released, their
  // grants are ready for payment (待发放) from this year's fund.
  const readyIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await make({ org: 'JZ-JM-ZG2', maker: 'zg2.caseworker', target: 'ready' }, i, 24 - i * 0.1, 1);
    if (id) readyIds.push(id);
  }
  if (readyIds.length) {
    const city = user('city.reviewer');
    await startCampaignNotice({ ctx: demoCtx(tx, secrets, city, daysAgo(19)), id: c.campaignId, input: { ids: readyIds } });
    await releaseFromNotice({ ctx: demoCtx(tx, secrets, city, daysAgo(12)), id: c.campaignId });
  }
  for (const [i, p] of plan.entries()) if (!(await make(p, i, 20 - i, 2))) break;

  // One unfiled family in temporary hardship, made at the district (焦作电厂's worker), awaiting verification.
  const zz = user('zz.caseworker');
  const unfiled = CreateApplicationInput.parse({
    campaignId: c.campaignId,
    orgId: c.byCode.get('JZ-ZZ-U03')!.id,
    unfiled: { name: '冯建设', idNumber: makeCnId('410803', '19780412', '191'), phone: '13839107766', employerName: '焦作电厂', householdSize: 4, incomePerHeadMonthlyFen: 98_000, regionCode: '410803', hardship: '妻子今年确诊尿毒症，长期透析，家庭临时困难' },
    student: { name: '冯雨桐', idNumber: makeCnId('410803', `${c.year - 18}0916`, '192') },
    schoolName: '郑州大学',
    schoolStage: 'undergraduate',
    admissionYear: c.year,
    tuitionFen: 550_000,
    fiveClears: fiveClears(),
    homeVisit: { visitDate: chinaDate(daysAgo(9)), visitors: '中站区帮扶专干、焦作电厂工会主席', findings: '妻子透析票据属实，家中仅丈夫一人收入' },
    wish: '希望资助学费',
  });
  const created = await insertApplication(tx, demoCtx(tx, secrets, zz, daysAgo(8)), unfiled);
  await applyApplicationStep(tx, demoCtx(tx, secrets, zz, daysAgo(7)), await getApplicationInScope(tx, demoActor(zz), created.id, { forUpdate: true }), 'submit');
  made.push({ id: created.id, status: 'submitted' });
  return made;
}
