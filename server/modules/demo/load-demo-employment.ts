import { eq } from 'drizzle-orm';
import { makeUscc } from '../../../contracts/cn-ids.js';
import { EnterpriseSize, Industry, JobCategory } from '../../../contracts/employment.js';
import type { Tx } from '../../db/client.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import { enterprises, jobPostings, users } from '../../db/schema/index.js';
import { derivedColumns } from '../employment/postings/posting-record.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, type DemoUser } from './demo-actors.js';
import { seededRandom, type Random } from './demo-people.js';

/** The seed's job board since August 2021 (domain.md): enterprises, positions, about 12,000 openings. */
export const BOARD_2021 = { enterprises: 346, positions: 2241, openingsAbout: 12_000, from: '2021-08-01', to: '2021-09-30' };

type CategoryKey = (typeof JobCategory.keys)[number];
type IndustryKey = (typeof Industry.keys)[number];

/** Titles a Jiaozuo board carries, by category, with a typical monthly pay (元) and minimum education. */
const TITLES: Record<CategoryKey, Array<[title: string, payYuan: number, education: string]>> = {
  production: [['普工', 3800, 'none'], ['操作工', 4200, 'junior'], ['包装工', 3500, 'none'], ['质检员', 4500, 'senior'], ['装配工', 4300, 'junior'], ['铝电解工', 5200, 'senior']],
  skilled_trade: [['电焊工', 6500, 'junior'], ['数控车工', 6000, 'senior'], ['钳工', 5800, 'senior'], ['维修电工', 6200, 'senior'], ['叉车司机', 5000, 'junior'], ['采煤机司机', 8000, 'senior'], ['井下电钳工', 7500, 'senior']],
  engineering: [['机械工程师', 8000, 'bachelor'], ['电气工程师', 8500, 'bachelor'], ['安全员', 5500, 'college'], ['工艺技术员', 6000, 'college'], ['CAD制图员', 5000, 'college']],
  it: [['软件开发工程师', 9000, 'bachelor'], ['网络管理员', 5500, 'college'], ['运维工程师', 7000, 'college']],
  sales: [['销售代表', 5000, 'senior'], ['客服专员', 3800, 'senior'], ['电商运营', 5200, 'college'], ['导购员', 3500, 'junior']],
  admin: [['行政文员', 3500, 'college'], ['人事专员', 4200, 'college'], ['前台接待', 3200, 'senior']],
  finance: [['会计', 4800, 'college'], ['出纳', 3800, 'college'], ['成本核算员', 5000, 'bachelor']],
  logistics: [['货车司机', 6500, 'junior'], ['仓库管理员', 4000, 'senior'], ['快递员', 5500, 'junior'], ['配送员', 5000, 'none']],
  catering: [['厨师', 5000, 'none'], ['服务员', 3300, 'none'], ['面点师', 4500, 'none'], ['收银员', 3200, 'senior']],
  health: [['护士', 4500, 'college'], ['护工', 3800, 'none'], ['药剂师', 5000, 'college'], ['康复治疗师', 5200, 'bachelor']],
  education: [['幼儿教师', 3800, 'college'], ['培训讲师', 5000, 'bachelor'], ['保育员', 3200, 'senior']],
  security: [['保安员', 3200, 'none'], ['保洁员', 2600, 'none'], ['物业管理员', 3800, 'senior'], ['绿化工', 2800, 'none']],
  public_interest: [['社区公益性岗位协管员', 2200, 'senior'], ['道路保洁公益性岗位', 2100, 'none'], ['公共就业服务协理员', 2300, 'college']],
  other: [['学徒工', 3000, 'junior'], ['储备干部', 4500, 'bachelor']],
};

const INDUSTRY_CATEGORIES: Record<IndustryKey, CategoryKey[]> = {
  mining: ['skilled_trade', 'production', 'engineering', 'security'],
  manufacturing: ['production', 'skilled_trade', 'engineering', 'sales', 'admin', 'logistics'],
  energy: ['skilled_trade', 'engineering', 'production', 'admin'],
  construction: ['skilled_trade', 'engineering', 'production', 'admin'],
  trade: ['sales', 'logistics', 'admin', 'finance'],
  logistics: ['logistics', 'admin', 'sales'],
  hospitality: ['catering', 'sales', 'security'],
  it: ['it', 'sales', 'admin'],
  finance: ['finance', 'sales', 'admin'],
  services: ['admin', 'sales', 'security'],
  resident_services: ['security', 'catering', 'other'],
  education: ['education', 'admin'],
  health: ['health', 'admin', 'security'],
  culture: ['sales', 'admin', 'other'],
  public: ['public_interest', 'admin'],
  agriculture: ['production', 'logistics', 'other'],
};

const NAME_WORDS = ['鑫源', '宏达', '恒通', '瑞丰', '中原', '怀川', '太行', '云台', '山阳', '月山', '德隆', '华晟', '金泰', '永盛', '博远', '汇丰', '兴业', '佳和', '嘉禾', '润泽', '天成', '福源', '东方', '盛世', '鸿运', '新材', '远航', '振兴', '丰泽', '和顺'];
const SUFFIX: Record<IndustryKey, string[]> = {
  mining: ['煤业有限公司', '矿业有限公司'],
  manufacturing: ['机械制造有限公司', '新材料股份有限公司', '汽车零部件有限公司', '铝业有限公司', '化工有限公司', '食品有限公司'],
  energy: ['热电有限公司', '燃气有限公司', '新能源有限公司'],
  construction: ['建筑工程有限公司', '建设集团有限公司'],
  trade: ['商贸有限公司', '百货有限公司', '超市连锁有限公司'],
  logistics: ['物流有限公司', '运输有限公司', '快递服务有限公司'],
  hospitality: ['酒店管理有限公司', '餐饮管理有限公司'],
  it: ['信息技术有限公司', '软件科技有限公司'],
  finance: ['财务咨询有限公司', '保险代理有限公司'],
  services: ['人力资源服务有限公司', '商务服务有限公司'],
  resident_services: ['物业服务有限公司', '家政服务有限公司', '汽车维修有限公司'],
  education: ['教育咨询有限公司', '职业培训学校'],
  health: ['医院', '康复中心', '医药连锁有限公司'],
  culture: ['文化传媒有限公司', '旅游开发有限公司'],
  public: ['社区服务中心'],
  agriculture: ['农业科技有限公司', '怀药种植专业合作社'],
};

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(r: Random, regionCode: string) {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_CHARS[r.int(0, USCC_CHARS.length - 1)];
  return makeUscc(`91${regionCode}${org}`);
}

const addDays = (iso: string, n: number) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86400_000);

/**
 * The demo's job board: 346 enterprises of Jiaozuo's districts and industry unions, the 2,241 postings
 * with their openings they published in August and September 2021 (closed or expired since), and this
 * year's living board: postings published in the last weeks, some awaiting review. Written in bulk with
 * the columns the verbs write (search terms, the duplicate key), so the board's figures are counted
 * from postings like any other period's.
 */
export async function loadDemoEmployment(tx: Tx, c: { byCode: Map<string, OrgRow>; jobs: DemoUser; hr: DemoUser; now: Date }) {
  const r = seededRandom(20210801);
  const unions = [...c.byCode.values()].filter((o) => o.type === 'district_federation' && o.regionCode);
  const industryUnions = ['JZ-JM'].map((code) => c.byCode.get(code)).filter((o): o is OrgRow => !!o);
  const industries = Industry.keys.filter((k) => k !== 'public');
  const createdAt = chinaTime('2021-07-20');

  const companies: Array<typeof enterprises.$inferInsert & { industry: IndustryKey }> = [];
  const names = new Set<string>();
  while (companies.length < BOARD_2021.enterprises) {
    const mine = companies.length < 12 && industryUnions.length;
    const org = mine ? industryUnions[0] : r.pick(unions);
    const industry: IndustryKey = mine ? 'mining' : r.pick(industries);
    const regionCode = org.regionCode ?? '410800';
    const name = `焦作${r.pick(NAME_WORDS)}${r.pick(SUFFIX[industry])}`;
    if (names.has(name)) continue;
    names.add(name);
    companies.push({
      id: crypto.randomUUID(),
      orgId: org.id,
      name,
      uscc: uscc(r, regionCode),
      industry,
      size: r.pick(EnterpriseSize.keys),
      address: `焦作市${org.name.replace(/总工会$/, '')}${r.pick(['人民路', '建设路', '解放路', '山阳路', '塔南路', '丰收路', '焦东路'])}${r.int(1, 999)}号`,
      regionCode,
      contactName: `${r.pick(['王', '李', '张', '刘', '陈', '赵'])}${r.pick(['经理', '主管', '女士', '先生'])}`,
      contactPhone: `0391-${r.int(2000000, 8999999)}`,
      priorityPledge: r.chance(0.3),
      status: 'active',
      createdBy: c.jobs.id,
      createdAt,
      updatedAt: createdAt,
    });
  }

  const postings: Array<typeof jobPostings.$inferInsert> = [];
  const titlesUsed = new Set<string>();
  const posting = (e: (typeof companies)[number], day: string, status: 'published' | 'closed' | 'expired' | 'submitted', validDays: number, openings: number) => {
    const category = r.pick(INDUSTRY_CATEGORIES[e.industry]);
    let [title, payYuan, education] = r.pick(TITLES[category]);
    // One live posting per enterprise, title and region: a second of the same title gets its shift or site.
    for (let n = 2; titlesUsed.has(`${e.id}|${title}`); n++) title = `${title.replace(/（.*）$/, '')}（${['白班', '夜班', '二车间', '三车间', '新厂区', '储备'][n % 6]}）`;
    titlesUsed.add(`${e.id}|${title}`);
    const minFen = Math.round(payYuan * (0.85 + r.next() * 0.1)) * 100;
    const maxFen = minFen + r.int(5, 25) * 10_000;
    const published = chinaTime(day, `${String(r.int(8, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`);
    const kind = category === 'public_interest' ? 'public_interest' : e.industry === 'education' && r.chance(0.3) ? 'work_study' : 'regular';
    const description = `岗位职责：从事${title}相关工作，服从生产（工作）安排。任职要求：身体健康，吃苦耐劳${education === 'none' ? '' : '，具备相应学历'}。待遇：缴纳五险，${r.pick(['包吃住', '提供午餐', '有班车', '节日福利'])}。`;
    postings.push({
      id: crypto.randomUUID(),
      enterpriseId: e.id!,
      orgId: e.orgId,
      title,
      category,
      kind,
      openings,
      salaryMinFen: minFen,
      salaryMaxFen: maxFen,
      education,
      experience: r.pick(['none', 'none', 'graduate', 'one_year', 'three_years']),
      regionCode: e.regionCode,
      description,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      validUntil: addDays(day, validDays),
      status,
      submittedAt: published,
      reviewedBy: status === 'submitted' ? null : c.jobs.id,
      reviewedAt: status === 'submitted' ? null : published,
      publishedAt: status === 'submitted' ? null : published,
      closedAt: status === 'closed' ? chinaTime(addDays(day, validDays - r.int(1, 10))) : status === 'expired' ? chinaTime(addDays(day, validDays + 1), '00:10') : null,
      ...derivedColumns({ enterpriseId: e.id!, title, description, category, regionCode: e.regionCode }, e.name),
      createdBy: c.jobs.id,
      createdAt: published,
      updatedAt: published,
    });
  };

  // August–September 2021: every enterprise posts at least once; 2,241 positions, openings about 12,000.
  const span = daysBetween(BOARD_2021.from, BOARD_2021.to);
  const dayOf = () => addDays(BOARD_2021.from, r.int(0, span));
  const openingsOf = () => r.pick([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 8, 10, 12, 15]);
  for (let i = 0; i < BOARD_2021.positions; i++) {
    const e = i < companies.length ? companies[i] : r.pick(companies);
    posting(e, dayOf(), r.chance(0.35) ? 'closed' : 'expired', r.int(30, 90), openingsOf());
  }

  // This year's board: published in the last six weeks and still valid, a few awaiting review.
  const today = new Date(c.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const current = companies.filter((_, i) => i % 7 === 0);
  for (let i = 0; i < 160; i++) posting(r.pick(current), addDays(today, -r.int(1, 42)), 'published', r.int(50, 120), openingsOf());
  // Submitted on one of the last three days, never today: a time of day drawn for today could still be to come.
  for (let i = 0; i < 6; i++) posting(r.pick(current), addDays(today, -r.int(1, 3)), 'submitted', 60, openingsOf());

  await bulkInsert(tx, enterprises, companies);
  await bulkInsert(tx, jobPostings, postings);
  // The demo HR account acts for the first enterprise of 焦煤集团 (its org).
  await tx.update(users).set({ enterpriseId: companies[0].id! }).where(eq(users.id, c.hr.id));
  const in2021 = postings.filter((p) => p.publishedAt && p.publishedAt < chinaTime('2021-10-01'));
  return { enterprises: companies.length, postings2021: in2021.length, openings2021: in2021.reduce((s, p) => s + p.openings!, 0), current: postings.length - in2021.length };
}
