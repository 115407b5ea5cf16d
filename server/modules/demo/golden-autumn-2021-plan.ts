import type { CampaignRules } from '../../../contracts/campaigns.js';
import { JIAOZUO_ORG_TREE, type DemoOrgNode } from './jiaozuo-org-tree.js';

/**
 * The 2021 金秋助学 of 焦作市总工会 as the demo records it, shaped so that the records add up to the
 * figures the city's newspaper reported (docs/domain.md): 813 students and 214.9136 万元 city-wide,
 * 赵固二矿 72 students and 11.25 万元 (paid 25 August), 古汉山矿 20 and 4.4 万元, 中站区 7 students at
 * 3000 元 each with a suitcase (paid 6 September). Pure data: the loader writes it, the dashboard
 * counts it, and the demo test checks the counts against the seed.
 */

export const SEED_2021 = {
  students: 813,
  approvedFen: 214_913_600,
  zhaogu2: { students: 72, approvedFen: 11_250_000 },
  guhanshan: { students: 20, approvedFen: 4_400_000 },
  zhongzhan: { students: 7, eachFen: 300_000, suitcases: 7 },
} as const;

const stage = (s: string, filedYuan: number, unfiledYuan: number) => ({ stage: s, filedFen: filedYuan * 100, unfiledFen: unfiledYuan * 100 }) as CampaignRules['amounts'][number];

/** 2021 amounts: university 5000 元 on file (4000 not on file), high school and college 3000 (2000), junior 1500 (1000), younger 1000 (800). */
export const GOLDEN_AUTUMN_2021_RULES: CampaignRules = {
  householdStatuses: ['archived'],
  categories: ['deep', 'relative', 'accident'],
  allowUnfiled: true,
  incomeThreshold: {
    // 2021 urban 低保 lines of the districts and counties, twice over; orgs without a region (industry unions) use the default.
    defaultMonthlyFen: 120_000,
    regions: [
      ...['410802', '410803', '410804', '410811'].map((regionCode) => ({ regionCode, dibaoMonthlyFen: 62_000, multiplePercent: 200 })),
      ...['410821', '410822', '410823', '410825', '410882', '410883'].map((regionCode) => ({ regionCode, dibaoMonthlyFen: 58_000, multiplePercent: 200 })),
    ],
  },
  stages: ['preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'undergraduate', 'postgraduate'],
  amounts: [
    stage('preschool', 1000, 800),
    stage('primary', 1000, 800),
    stage('junior', 1500, 1000),
    stage('senior', 3000, 2000),
    stage('vocational', 3000, 2000),
    stage('college', 3000, 2000),
    stage('undergraduate', 5000, 4000),
    stage('postgraduate', 5000, 4000),
  ],
  householdAmountFen: null,
  // Students leaving home for college or university get a suitcase (中站区 handed them out on 6 September).
  inKindItems: [{ item: '行李箱', quantity: 1, stages: ['college', 'undergraduate'] }],
  exclusions: { governmentAided: true, militaryAcademy: true, freeNormal: true },
};

type Stage = 'preschool' | 'primary' | 'junior' | 'senior' | 'vocational' | 'college' | 'undergraduate' | 'postgraduate';
/** A stage and whether the household is on file: `undergraduate` (on file) or `undergraduate/u` (not on file). */
type Slot = `${Stage}` | `${Stage}/u`;
type Mix = Partial<Record<Slot, number>>;

/** 赵固二矿: 72 students, 112,500 元 at the standard amounts (many of the miners' children are young). */
const ZHAOGU2_MIX: Mix = {
  undergraduate: 3, 'undergraduate/u': 1, college: 2, senior: 5, 'senior/u': 2, vocational: 3,
  junior: 13, 'junior/u': 3, primary: 19, 'primary/u': 10, preschool: 6, 'preschool/u': 5,
};
/** 古汉山矿: 20 students, 44,000 元. */
const GUHANSHAN_MIX: Mix = { undergraduate: 2, 'undergraduate/u': 1, college: 1, senior: 2, 'senior/u': 1, vocational: 2, junior: 4, 'junior/u': 1, primary: 5, preschool: 1 };
/** 中站区: 7 college freshmen on file, 3000 元 and a suitcase each. */
const ZHONGZHAN_MIX: Mix = { college: 7 };
/** Everyone else, in this order round and round (55,300 元 per 20 students). */
const CYCLE: Slot[] = [
  'undergraduate', 'junior', 'senior', 'undergraduate/u', 'college', 'primary', 'undergraduate', 'vocational', 'junior/u', 'senior/u',
  'undergraduate', 'college/u', 'junior', 'preschool', 'undergraduate/u', 'senior', 'primary/u', 'college', 'undergraduate', 'junior',
];

export interface Participant2021 {
  code: string;
  paidOn: string;
  /** Where its students' applications were made: org code → how many (a mix, or so many of the cycle). */
  orgs: Array<{ code: string; mix?: Mix; count?: number }>;
}

/** Spreads `count` over the first grassroots unions and aid stations of a participant (its aid centre files for them). */
function spread(code: string, count: number, among = 6): Participant2021['orgs'] {
  const node = findNode(JIAOZUO_ORG_TREE, code)!;
  const children = (node.children ?? []).filter((c) => !c.code.endsWith('-AID')).slice(0, among);
  return children.map((c, i) => ({ code: c.code, count: Math.floor(count / children.length) + (i < count % children.length ? 1 : 0) })).filter((o) => o.count > 0);
}

function findNode(node: DemoOrgNode, code: string): DemoOrgNode | null {
  if (node.code === code) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, code);
    if (found) return found;
  }
  return null;
}

/** The 18 participants (the 11 county-level federations and the city's industry unions), their applicants and when they paid. */
export const PARTICIPANTS_2021: Participant2021[] = [
  {
    code: 'JZ-JM',
    paidOn: '2021-08-27',
    orgs: [
      { code: 'JZ-JM-ZG2', mix: ZHAOGU2_MIX },
      { code: 'JZ-JM-GHS', mix: GUHANSHAN_MIX },
      { code: 'JZ-JM-JLS', count: 25 },
      { code: 'JZ-JM-ZMC', count: 18 },
      { code: 'JZ-JM-ZG1', count: 22 },
      { code: 'JZ-JM-YMZ', count: 15 },
      { code: 'JZ-JM-HW', count: 12 },
      { code: 'JZ-JM-XZC', count: 4 },
      { code: 'JZ-JM-SL', count: 3 },
      { code: 'JZ-JM-ZYYY', count: 6 },
    ],
  },
  { code: 'JZ-ZZ', paidOn: '2021-09-06', orgs: [{ code: 'JZ-ZZ-FC', mix: { college: 3 } }, { code: 'JZ-ZZ-LF', mix: { college: 2 } }, { code: 'JZ-ZZ-U03', mix: { college: 2 } }] },
  { code: 'JZ-JF', paidOn: '2021-09-02', orgs: spread('JZ-JF', 68) },
  { code: 'JZ-SY', paidOn: '2021-09-02', orgs: spread('JZ-SY', 62) },
  { code: 'JZ-MC', paidOn: '2021-09-03', orgs: spread('JZ-MC', 55) },
  { code: 'JZ-SF', paidOn: '2021-09-03', orgs: spread('JZ-SF', 30) },
  { code: 'JZ-XW', paidOn: '2021-09-07', orgs: spread('JZ-XW', 48) },
  { code: 'JZ-BA', paidOn: '2021-09-07', orgs: spread('JZ-BA', 52) },
  { code: 'JZ-WZ', paidOn: '2021-09-08', orgs: spread('JZ-WZ', 66) },
  { code: 'JZ-WX', paidOn: '2021-09-08', orgs: spread('JZ-WX', 50) },
  { code: 'JZ-QY', paidOn: '2021-09-09', orgs: spread('JZ-QY', 54) },
  { code: 'JZ-MZ', paidOn: '2021-09-09', orgs: spread('JZ-MZ', 46) },
  { code: 'JZ-JY', paidOn: '2021-08-31', orgs: spread('JZ-JY', 25) },
  { code: 'JZ-ZC', paidOn: '2021-09-01', orgs: spread('JZ-ZC', 12) },
  { code: 'JZ-EDU', paidOn: '2021-09-01', orgs: spread('JZ-EDU', 15) },
  { code: 'JZ-HLT', paidOn: '2021-09-01', orgs: spread('JZ-HLT', 10) },
  { code: 'JZ-TRN', paidOn: '2021-08-31', orgs: spread('JZ-TRN', 8) },
  { code: 'JZ-JG', paidOn: '2021-09-02', orgs: spread('JZ-JG', 8) },
];
/** 赵固二矿 and 古汉山矿 paid before the rest of 焦煤集团. */
export const PAID_ON_BY_ORG: Record<string, string> = { 'JZ-JM-ZG2': '2021-08-25', 'JZ-JM-GHS': '2021-08-26' };

export interface PlannedApplication {
  participant: string;
  orgCode: string;
  stage: Stage;
  filed: boolean;
  /** The rules' amount for the stage. */
  standardFen: number;
  /** Asked (and approved): the standard, or less where the actual tuition was lower (with the tuition as the reason). */
  amountFen: number;
  /** Set when the amount is capped at the actual tuition (the reason the maker gives). */
  tuitionCapFen?: number;
  paidOn: string;
}

function standardFen(slotStage: Stage, filed: boolean) {
  const a = GOLDEN_AUTUMN_2021_RULES.amounts.find((x) => x.stage === slotStage)!;
  return filed ? a.filedFen : a.unfiledFen;
}

/**
 * Every application of the campaign. The standard amounts of the cycle come to slightly more than the
 * seed's total; the difference is the tuition cap of some undergraduates on file whose tuition was below
 * 5000 元 (the grant pays at most the tuition: an amount change with its reason, as the maker records it).
 */
export function planGoldenAutumn2021(): PlannedApplication[] {
  const out: PlannedApplication[] = [];
  let cycleAt = 0;
  for (const p of PARTICIPANTS_2021) {
    for (const o of p.orgs) {
      const slots: Slot[] = o.mix ? (Object.entries(o.mix) as Array<[Slot, number]>).flatMap(([slot, n]) => Array<Slot>(n).fill(slot)) : Array.from({ length: o.count! }, () => CYCLE[cycleAt++ % CYCLE.length]);
      for (const slot of slots) {
        const [s, u] = slot.split('/') as [Stage, string | undefined];
        const fen = standardFen(s, !u);
        out.push({ participant: p.code, orgCode: o.code, stage: s, filed: !u, standardFen: fen, amountFen: fen, paidOn: PAID_ON_BY_ORG[o.code] ?? p.paidOn });
      }
    }
  }
  const total = out.reduce((n, a) => n + a.amountFen, 0);
  let excess = total - SEED_2021.approvedFen;
  if (excess < 0 || excess % 100 !== 0) throw new Error(`the 2021 plan comes to ${total} fen against the seed's ${SEED_2021.approvedFen}`);
  // The tuition of the capped ones: what Henan's public universities charged in 2021 (the last one takes what is left).
  const cuts: number[] = [];
  for (let i = 0; excess > 0; i++) {
    const cut = Math.min(500_000 - TUITIONS_UNDER_STANDARD[i % TUITIONS_UNDER_STANDARD.length], excess);
    cuts.push(cut);
    excess -= cut;
  }
  const named = new Set(['JZ-JM-ZG2', 'JZ-JM-GHS']);
  const candidates = out.filter((a) => a.stage === 'undergraduate' && a.filed && a.participant !== 'JZ-ZZ' && !named.has(a.orgCode));
  if (cuts.length > candidates.length) throw new Error('not enough undergraduates to cap');
  const step = Math.floor(candidates.length / cuts.length);
  cuts.forEach((cut, i) => {
    const a = candidates[i * step];
    a.amountFen -= cut;
    a.tuitionCapFen = a.amountFen;
  });
  return out;
}

/** Tuition (fen) below the 5000 元 standard: 4400 for most programmes, 4000 and 3800 in the humanities, 4200 and 4620 in some. */
const TUITIONS_UNDER_STANDARD = [440_000, 400_000, 440_000, 420_000, 380_000, 440_000, 462_000];
