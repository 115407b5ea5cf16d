import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Education, JobCategory } from '../../../contracts/employment.js';
import type { Tx } from '../../db/client.js';
import { campaignApplications, householdMembers, households, jobPostings, orgs } from '../../db/schema/index.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import type { Ctx } from '../../platform/context.js';
import type { Secrets } from '../../platform/secrets.js';
import { matchesForSeeker } from '../employment/seekers/find-matches.js';
import { recordReferralOutcome } from '../employment/seekers/record-referral-outcome.js';
import { referSeeker } from '../employment/seekers/refer-seeker.js';
import { registerSeeker } from '../employment/seekers/register-seeker.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, demoCtx, type DemoUser } from './demo-actors.js';
import { peopleFactory, seededRandom } from './demo-people.js';

type CategoryKey = (typeof JobCategory.keys)[number];
type EducationKey = (typeof Education.keys)[number];

/** The work a graduate of each of the demo's majors looks for. */
const MAJOR_CATEGORY: Record<string, CategoryKey> = {
  机电一体化技术: 'engineering', 学前教育: 'education', 护理: 'health', 会计: 'finance', 计算机应用技术: 'it', 铁道交通运营管理: 'logistics',
  汽车检测与维修技术: 'skilled_trade', 采矿工程: 'engineering', 土木工程: 'engineering', 临床医学: 'health', 汉语言文学: 'education',
  计算机科学与技术: 'it', 会计学: 'finance', 机械设计制造及其自动化: 'engineering', 电气工程及其自动化: 'engineering', 护理学: 'health',
  英语: 'education', 安全工程: 'engineering', 水利水电工程: 'engineering',
};
const GRADUATE_YEARS: Record<string, number> = { college: 3, undergraduate: 4 };

/** Seekers entered by hand: people who came to a union's service desk. */
const WALK_INS: Array<{ orgCode: string; born: [number, number]; education: EducationKey; major?: string; skills: string; wishedCategory: CategoryKey; salaryYuan: number; hardship: boolean }> = [
  { orgCode: 'JZ-SY', born: [1991, 1995], education: 'college', major: '机电一体化技术', skills: '电工证 PLC 维修', wishedCategory: 'skilled_trade', salaryYuan: 5000, hardship: false },
  { orgCode: 'JZ-JF', born: [1972, 1975], education: 'junior', skills: '保洁 绿化', wishedCategory: 'public_interest', salaryYuan: 2200, hardship: true },
  { orgCode: 'JZ-MC', born: [1985, 1990], education: 'senior', skills: '叉车证 C1驾照', wishedCategory: 'logistics', salaryYuan: 5000, hardship: false },
  { orgCode: 'JZ', born: [1999, 2002], education: 'bachelor', major: '计算机科学与技术', skills: 'Java SQL', wishedCategory: 'it', salaryYuan: 7000, hardship: false },
  { orgCode: 'JZ-WZ', born: [1980, 1984], education: 'senior', skills: '电焊 气割', wishedCategory: 'skilled_trade', salaryYuan: 6000, hardship: true },
  { orgCode: 'JZ-ZZ', born: [1996, 1999], education: 'college', major: '护理', skills: '护士资格证', wishedCategory: 'health', salaryYuan: 4500, hardship: false },
];

/** What happened to a seeker, in days before today: registered, referred to the best match then on the board, the outcome. */
interface Step {
  registered: number;
  referred?: number;
  outcome?: { kind: 'placed' | 'declined'; daysAgo: number };
}

/**
 * 求职登记 and 推荐: job seekers registered through the module's verbs from the 2021 campaign's aided
 * students (graduates by now), from archived households' workers and grown children, and by hand;
 * some referred to the best match on the living board at the time, two aided students and a worker
 * placed (the students' journeys get their employment link), a few declined. Only this year's
 * postings are referred to: the 2021 board's figures stay what the seed reports.
 */
export async function loadDemoSeekers(tx: Tx, c: { secrets: Secrets; now: Date; byCode: Map<string, OrgRow>; jobs: DemoUser; zzAdmin: DemoUser; campaign2021Id: string }) {
  const today = chinaDate(c.now);
  const year = Number(today.slice(0, 4));
  const zz = c.byCode.get('JZ-ZZ')!.path;
  const staffFor = (orgPath: string) => (orgPath.startsWith(zz) ? c.zzAdmin : c.jobs);
  const at = (daysAgo: number, time: string) => new Date(Math.min(chinaTime(addDays(today, -daysAgo), time).getTime(), c.now.getTime()));
  const regionOf = (path: string) => [...c.byCode.values()].filter((o) => path.startsWith(o.path) && o.regionCode && o.regionCode !== '410800').sort((a, b) => b.depth - a.depth)[0]?.regionCode ?? '410800';
  /** One per county-level union or industry union: the demo spreads over the city. */
  const onePerArea = <T extends { orgPath: string }>(rows: T[], n: number) => {
    const seen = new Set<string>();
    return rows.filter((r) => {
      const area = r.orgPath.split('/').slice(0, 3).join('/');
      if (seen.has(area)) return false;
      seen.add(area);
      return true;
    }).slice(0, n);
  };

  const aided = onePerArea(
    await tx
      .select({ id: campaignApplications.id, stage: campaignApplications.schoolStage, major: campaignApplications.major, orgPath: orgs.path })
      .from(campaignApplications)
      .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
      .where(and(eq(campaignApplications.campaignId, c.campaign2021Id), eq(campaignApplications.status, 'paid'), inArray(campaignApplications.schoolStage, ['college', 'undergraduate'])))
      .orderBy(asc(campaignApplications.applicationNo)),
    7,
  );
  const workers = onePerArea(
    await tx
      .select({ id: households.id, orgPath: orgs.path })
      .from(households)
      .innerJoin(orgs, eq(orgs.id, households.orgId))
      .where(and(eq(households.status, 'archived'), inArray(households.mainCause, ['laid_off', 'unemployed'])))
      .orderBy(asc(households.caseNo)),
    4,
  );
  const grownChildren = (
    await tx
      .select({ householdId: householdMembers.householdId, memberId: householdMembers.id, stage: householdMembers.schoolStage, orgPath: orgs.path })
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .innerJoin(orgs, eq(orgs.id, households.orgId))
      // The demo archive's own households (their children are nobody's aided student).
      .where(and(eq(households.status, 'archived'), like(households.caseNo, 'HH____D%'), inArray(householdMembers.schoolStage, ['college', 'undergraduate']), sql`${householdMembers.enrolmentYear} + case ${householdMembers.schoolStage} when 'college' then 3 else 4 end <= ${year}`))
      .orderBy(asc(households.caseNo), asc(householdMembers.position))
  ).slice(0, 2);

  const people = peopleFactory(seededRandom(20261120));
  type Registration = { orgPath: string; input: Record<string, unknown>; step: Step; note?: string };
  const plan: Registration[] = [
    ...aided.map((a, i) => ({
      orgPath: a.orgPath,
      input: { applicationId: a.id, wishedCategory: (a.major && MAJOR_CATEGORY[a.major]) || 'admin', wishedRegion: regionOf(a.orgPath), wishedSalaryFen: (a.stage === 'undergraduate' ? 5000 : 4000) * 100, graduationYear: 2021 + GRADUATE_YEARS[a.stage] },
      step: [
        { registered: 40, referred: 34, outcome: { kind: 'placed' as const, daysAgo: 22 } },
        { registered: 38, referred: 30, outcome: { kind: 'placed' as const, daysAgo: 16 } },
        { registered: 36, referred: 29, outcome: { kind: 'declined' as const, daysAgo: 21 } },
        { registered: 24, referred: 9 },
        { registered: 20 },
        { registered: 12 },
        { registered: 6 },
      ][i],
      note: '受助学生，困难家庭毕业生优先推荐',
    })),
    ...workers.map((h, i) => ({
      orgPath: h.orgPath,
      input: { householdId: h.id, education: (['senior', 'junior', 'senior', 'junior'] as const)[i], skills: ['钳工 维修', '操作工', '电焊', '驾驶 C1'][i], wishedCategory: (['production', 'security', 'skilled_trade', 'logistics'] as const)[i], wishedRegion: regionOf(h.orgPath), wishedSalaryFen: 350_000 },
      step: [{ registered: 33, referred: 28, outcome: { kind: 'placed' as const, daysAgo: 19 } }, { registered: 30, referred: 7 }, { registered: 18 }, { registered: 10 }][i],
      note: '在档困难职工，下岗失业',
    })),
    ...grownChildren.map((m, i) => ({
      orgPath: m.orgPath,
      input: { householdId: m.householdId, memberId: m.memberId, wishedCategory: m.stage === 'college' ? ('production' as const) : ('engineering' as const), wishedRegion: regionOf(m.orgPath), wishedSalaryFen: 400_000 },
      step: [{ registered: 27, referred: 21 }, { registered: 4 }][i],
      note: '困难职工家庭毕业生',
    })),
    ...WALK_INS.map((w, i) => {
      const org = c.byCode.get(w.orgCode)!;
      const person = people.person({ born: w.born, region: regionOf(org.path) === '410800' ? '410802' : regionOf(org.path), generation: w.born[0] >= 1990 ? 'child' : 'parent' });
      return {
        orgPath: org.path,
        input: {
          orgId: org.id, name: person.name, idNumber: person.idNumber, phone: people.phone(), education: w.education, major: w.major ?? null,
          graduationYear: w.major ? Number(person.birthDate.slice(0, 4)) + 21 : null, skills: w.skills, wishedCategory: w.wishedCategory,
          wishedRegion: regionOf(org.path), wishedSalaryFen: w.salaryYuan * 100, hardship: w.hardship,
        },
        step: [{ registered: 31, referred: 26, outcome: { kind: 'declined' as const, daysAgo: 15 } }, { registered: 25 }, { registered: 15, referred: 11 }, { registered: 14 }, { registered: 8, referred: 3 }, { registered: 2 }][i],
      };
    }),
  ];

  const counts = { registered: 0, fromApplications: aided.length, fromHouseholds: workers.length + grownChildren.length, referred: 0, placed: 0, declined: 0 };
  // Registered in the order they came, so the list reads newest first like a real one.
  const ordered = plan.map((p, i) => ({ ...p, i })).sort((a, b) => b.step.registered - a.step.registered || a.i - b.i);
  for (const p of ordered) {
    const staff = staffFor(p.orgPath);
    const { id: seekerId } = await registerSeeker({ ctx: demoCtx(tx, c.secrets, staff, at(p.step.registered, '10:20')), input: p.input });
    counts.registered++;
    if (p.step.referred === undefined) continue;
    const referredAt = at(p.step.referred, '14:40');
    const ctx = demoCtx(tx, c.secrets, staff, referredAt);
    const postingId = await bestPostingOnTheBoard(tx, ctx, seekerId, referredAt);
    if (!postingId) continue;
    const { id: referralId } = await referSeeker({ ctx, seekerId, input: { postingId, note: p.note ?? null } });
    counts.referred++;
    const outcome = p.step.outcome;
    if (!outcome) continue;
    const when = at(outcome.daysAgo, '16:00');
    await recordReferralOutcome({
      ctx: demoCtx(tx, c.secrets, staff, when),
      referralId,
      input: outcome.kind === 'placed' ? { outcome: 'placed', placedOn: chinaDate(when), note: '已签订劳动合同，按时到岗' } : { outcome: 'declined', note: '企业面试后未录用，继续推荐其他岗位' },
    });
    counts[outcome.kind]++;
  }
  return counts;
}

/** The best-ranked of the seeker's matches that was already on the board at the moment of the referral. */
async function bestPostingOnTheBoard(tx: Tx, ctx: Ctx, seekerId: string, at: Date): Promise<string | null> {
  const ranked = (await matchesForSeeker({ ctx, seekerId })).items.map((m) => m.postingId);
  if (ranked.length === 0) return null;
  const published = await tx.select({ id: jobPostings.id, publishedAt: jobPostings.publishedAt }).from(jobPostings).where(inArray(jobPostings.id, ranked));
  const before = new Set(published.filter((p) => p.publishedAt && p.publishedAt < at).map((p) => p.id));
  return ranked.find((id) => before.has(id)) ?? null;
}
