import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { FiveClear, maskIdForNotice, type CampaignRules } from '../../../contracts/campaigns.js';
import type { CreateHouseholdInput, MemberInput } from '../../../contracts/households.js';
import type { Tx } from '../../db/client.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import { aidFollowUps, applicationEvents, campaignApplications, campaignGrants, householdAid, householdEvents, householdIdClaims, householdMembers, households } from '../../db/schema/index.js';
import { addDays, addYears } from '../../platform/dates.js';
import type { Secrets } from '../../platform/secrets.js';
import { protectIdNumber, protectPhone } from '../households/household-pii.js';
import { formatCaseNo, householdColumns, memberRows, workerIdColumns } from '../households/household-record.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { evaluateStudent } from '../campaigns/rules/evaluate-rules.js';
import { chinaTime, type DemoUser } from './demo-actors.js';
import { JIAOZUO_REGIONS, MAJORS, peopleFactory, SCHOOLS, seededRandom, type Random } from './demo-people.js';
import { planGoldenAutumn2021, type PlannedApplication } from './golden-autumn-2021-plan.js';

/** Who acted on a participant's applications in 2021: the maker and the verifier (per org), the district's approver, the city and the payer. */
export interface Actors2021 {
  makerFor(orgCode: string, participant: string): DemoUser;
  verifierFor(orgCode: string, participant: string): DemoUser;
  approverFor(participant: string): DemoUser;
  city: DemoUser;
  finance: DemoUser;
}

type Stage = PlannedApplication['stage'];
const BORN: Record<Stage, [number, number]> = {
  preschool: [2017, 2018], primary: [2014, 2015], junior: [2008, 2009], senior: [2005, 2006],
  vocational: [2005, 2006], college: [2002, 2003], undergraduate: [2002, 2003], postgraduate: [1997, 1998],
};
const EMPLOYERS = ['焦作煤业集团', '多氟多新材料股份有限公司', '风神轮胎股份有限公司', '中原内配集团', '焦作市人民医院', '河南省焦作市第一中学', '焦作万方铝业', '郑州宇通客车', '比亚迪郑州工厂', '中国建设银行焦作分行', '河南中烟焦作卷烟厂', '焦作市政建设集团'];
const HARDSHIP = ['父亲突发脑梗住院，医疗费用负担重', '母亲患乳腺癌长期化疗，家庭临时困难', '2021年7月暴雨致住房受损，家庭收入骤减', '父亲所在企业停产，收入大幅减少', '父母离异，母亲独自抚养两个孩子', '父亲工伤致残，丧失劳动能力', '家中老人长期卧病，开支大'];
const AID_RECEIVED = ['2020年获春节送温暖慰问金500元', '未获其他帮扶', '2020年获特别慰问金1000元', '享受城市低保'];

const fen = (yuan: number) => yuan * 100;
const yuanText = (f: number) => String(f / 100);

function tuitionFor(p: PlannedApplication, r: Random): { tuitionFen: number; otherFeesFen: number; major: string | null } {
  if (p.tuitionCapFen !== undefined) return { tuitionFen: p.tuitionCapFen, otherFeesFen: fen(1200), major: r.pick(MAJORS.undergraduate) };
  switch (p.stage) {
    case 'undergraduate':
      return { tuitionFen: fen(r.pick([5000, 5200, 5500, 5800, 6000, 6500])), otherFeesFen: fen(r.pick([800, 1000, 1200])), major: r.pick(MAJORS.undergraduate) };
    case 'postgraduate':
      return { tuitionFen: fen(8000), otherFeesFen: fen(1200), major: r.pick(MAJORS.postgraduate) };
    case 'college':
      return { tuitionFen: fen(r.pick([4000, 4500, 5000, 5500])), otherFeesFen: fen(r.pick([600, 800, 1000])), major: r.pick(MAJORS.college) };
    case 'senior':
      return { tuitionFen: fen(r.pick([1200, 1600])), otherFeesFen: fen(r.pick([600, 800])), major: null };
    case 'vocational':
      return { tuitionFen: 0, otherFeesFen: fen(r.pick([600, 800])), major: null };
    case 'preschool':
      return { tuitionFen: fen(r.pick([2400, 3000, 3600])), otherFeesFen: 0, major: null };
    default:
      return { tuitionFen: 0, otherFeesFen: fen(r.pick([300, 500])), major: null };
  }
}

/** The student's member record as it stands now (2026), five years after the grant. */
function memberNow(stage: Stage, r: Random): Pick<MemberInput, 'status' | 'schoolStage' | 'enrolmentYear' | 'schoolOrEmployer'> {
  const studying = (s: Stage, year: number) => ({ status: 'studying' as const, schoolStage: s, enrolmentYear: year, schoolOrEmployer: r.pick(SCHOOLS[s]) });
  const working = () => ({ status: 'working' as const, schoolStage: null, enrolmentYear: null, schoolOrEmployer: r.pick(EMPLOYERS) });
  switch (stage) {
    case 'preschool': return studying('primary', 2024);
    case 'primary': return studying('primary', 2021);
    case 'junior': return studying('senior', 2024);
    case 'senior': return studying(r.chance(0.7) ? 'undergraduate' : 'college', 2024);
    case 'undergraduate': return r.chance(0.15) ? studying('postgraduate', 2025) : working();
    default: return working();
  }
}

/** Follow-ups (回访) of some older students, each September after the grant. */
function followUpsFor(stage: Stage, r: Random): Array<{ year: number; status: 'studying' | 'internship' | 'employed'; employer: string | null; note: string }> {
  const employer = r.pick(EMPLOYERS);
  if (stage === 'undergraduate' && r.chance(0.6))
    return [
      { year: 2022, status: 'studying', employer: null, note: '学习成绩良好，获校三等奖学金' },
      { year: 2023, status: 'studying', employer: null, note: '在校表现良好，参加勤工俭学' },
      { year: 2024, status: 'internship', employer, note: '大四实习' },
      { year: 2025, status: 'employed', employer, note: '毕业后签约就业' },
    ];
  if (stage === 'college' && r.chance(0.6))
    return [
      { year: 2022, status: 'studying', employer: null, note: '在校学习正常' },
      { year: 2023, status: 'internship', employer, note: '顶岗实习' },
      { year: 2024, status: 'employed', employer, note: '毕业后留用' },
    ];
  if (stage === 'senior' && r.chance(0.4))
    return [
      { year: 2022, status: 'studying', employer: null, note: '高二在读' },
      { year: 2023, status: 'studying', employer: null, note: '高三在读，备战高考' },
      { year: 2024, status: 'studying', employer: null, note: '已考入大学，推荐参加当年金秋助学' },
    ];
  return [];
}

/** The region (GB/T 2260) of an org: its own county-level federation's; none for the city's industry unions. */
function regionOfCode(byCode: Map<string, OrgRow>, code: string): string | null {
  const parts = code.split('-');
  for (let n = parts.length; n >= 1; n--) {
    const region = byCode.get(parts.slice(0, n).join('-'))?.regionCode;
    if (region && region !== '410800') return region;
  }
  return null;
}

/**
 * The 2021 campaign's records, written in bulk (one statement per table) with the columns and history the
 * verbs write: archived households for the students on file (a member each), unfiled applicants' own
 * data, each application taken through create → submit → verify → district → city → notice → release →
 * paid (application_events with the actor and the day), its grant (paid), the household's aid ledger
 * (cash and the suitcase, as markGrantPaid books them) and the later follow-ups. Returns what it wrote.
 */
export async function loadGoldenAutumn2021(
  tx: Tx,
  secrets: Secrets,
  c: { campaignId: string; campaignName: string; rules: CampaignRules; noticeDays: number; byCode: Map<string, OrgRow>; actors: Actors2021 },
) {
  const plan = planGoldenAutumn2021();
  const random = seededRandom(20210901);
  const people = peopleFactory(random);
  const nextvals = async (sequence: 'application_no_seq' | 'household_case_seq', n: number) =>
    ((await tx.execute(sql`select nextval(${sequence}::regclass)::int as seq from generate_series(1, ${n})`)) as unknown as { rows: Array<{ seq: number }> }).rows.map((r) => r.seq);
  const applicationNos = await nextvals('application_no_seq', plan.length);
  const caseNos = await nextvals('household_case_seq', plan.filter((p) => p.filed).length);

  const rows = {
    households: [] as Array<typeof households.$inferInsert>,
    members: [] as Array<typeof householdMembers.$inferInsert>,
    claims: [] as Array<typeof householdIdClaims.$inferInsert>,
    householdEvents: [] as Array<typeof householdEvents.$inferInsert>,
    applications: [] as Array<typeof campaignApplications.$inferInsert>,
    events: [] as Array<typeof applicationEvents.$inferInsert>,
    grants: [] as Array<typeof campaignGrants.$inferInsert>,
    aid: [] as Array<typeof householdAid.$inferInsert>,
    followUps: [] as Array<typeof aidFollowUps.$inferInsert>,
  };
  const noticeStartsOn = '2021-08-12';
  const noticeEndsOn = addDays(noticeStartsOn, c.noticeDays - 1);
  const releasedAt = chinaTime(addDays(noticeEndsOn, 1), '10:00');

  plan.forEach((p, i) => {
    const org = c.byCode.get(p.orgCode)!;
    const region = regionOfCode(c.byCode, p.orgCode) ?? JIAOZUO_REGIONS[i % JIAOZUO_REGIONS.length];
    const maker = c.actors.makerFor(p.orgCode, p.participant);
    const verifier = c.actors.verifierFor(p.orgCode, p.participant);
    const approver = c.actors.approverFor(p.participant);
    const surname = people.surname();
    const student = people.person({ surname, born: BORN[p.stage], region, generation: 'child' });
    const parentBorn = Number(student.birthDate.slice(0, 4));
    const parent = people.person({ surname, sex: random.chance(0.7) ? 'M' : 'F', born: [parentBorn - 32, parentBorn - 24], region, generation: 'parent' });
    const school = random.pick(SCHOOLS[p.stage]);
    const fees = tuitionFor(p, random);

    // The days of the workflow: made in June or July, checked and approved up the hierarchy, the city in August.
    const createdOn = addDays('2021-06-07', (i * 7) % 43);
    const submittedOn = addDays(createdOn, 1 + (i % 2));
    const verifiedOn = addDays(submittedOn, 2 + (i % 4));
    const districtOn = addDays(verifiedOn, 2 + (i % 5));
    const cityOn = addDays('2021-08-09', i % 3);
    const at = (date: string, minute: number) => chinaTime(date, `${String(9 + (minute % 8)).padStart(2, '0')}:${String((minute * 7) % 60).padStart(2, '0')}`);

    const applicationId = crypto.randomUUID();
    let applicant: Pick<typeof campaignApplications.$inferInsert, 'applicantName' | 'applicantIdEnc' | 'applicantIdHash' | 'applicantIdMasked' | 'applicantPhoneEnc' | 'applicantPhoneMasked' | 'unfiledDetails'>;
    let householdId: string | null = null;
    let memberId: string | null = null;
    let facts: { householdStatus: string | null; category: string | null; incomePerHeadMonthlyFen: number };
    const studentId = protectIdNumber(secrets, student.idNumber);

    if (p.filed) {
      householdId = crypto.randomUUID();
      const singleParent = random.chance(0.12);
      const spouse = singleParent ? null : people.person({ surname: people.surname(), sex: parent.sex === 'M' ? 'F' : 'M', born: [parentBorn - 32, parentBorn - 24], region, generation: 'parent' });
      const category = random.chance(0.1) ? 'accident' : random.chance(0.45) ? 'deep' : 'relative';
      const mainCause = category === 'accident' ? 'accident' : random.pick(['serious_illness', 'children_schooling', 'laid_off', 'no_work_capacity', 'unemployed'] as const);
      const members: MemberInput[] = [
        ...(spouse ? [{ relation: 'spouse' as const, name: spouse.name, idNumber: spouse.idNumber, health: random.pick(['healthy', 'chronic', 'serious'] as const), monthlyIncomeFen: random.chance(0.4) ? 0 : fen(random.int(5, 8) * 100), status: 'working' as const }] : []),
        { relation: 'child', name: student.name, idNumber: student.idNumber, health: 'healthy', monthlyIncomeFen: 0, ...memberNow(p.stage, random) },
      ];
      // Built whole (the defaults the contract would add are spelled out): parsing 575 households cost ~0.2 s of start-up.
      const input: CreateHouseholdInput = {
        orgId: org.id,
        name: parent.name,
        idNumber: parent.idNumber,
        phone: people.phone(),
        employerName: org.type === 'grassroots_union' ? org.name.replace(/工会$/, '') : null,
        employmentForm: random.chance(0.2) ? 'migrant' : 'worker',
        workStatus: mainCause === 'laid_off' || mainCause === 'unemployed' ? 'unemployed' : 'employed',
        health: mainCause === 'serious_illness' ? 'serious' : random.pick(['healthy', 'chronic'] as const),
        hukouType: random.chance(0.3) ? 'rural' : 'urban',
        hukouRegion: region,
        maritalStatus: singleParent ? random.pick(['divorced', 'widowed'] as const) : 'married',
        singleParent,
        bankName: random.pick(['中国工商银行', '中国农业银行', '焦作中旅银行', '中国邮政储蓄银行']),
        bankCard: `62${String(1021000000000000 + i * 7919).padStart(16, '0')}`,
        monthlyIncomeFen: mainCause === 'laid_off' || mainCause === 'unemployed' ? fen(random.int(8, 12) * 100) : fen(random.int(15, 22) * 100),
        category,
        mainCause,
        secondaryCauses: mainCause === 'children_schooling' ? [] : ['children_schooling'],
        disabilityType: 'none',
        otherAnnualIncomeFen: 0,
        members,
      };
      const worker = protectIdNumber(secrets, input.idNumber);
      const columns = householdColumns(secrets, input);
      const memberValues = memberRows(secrets, householdId, input.members).map((m) => ({ ...m, id: crypto.randomUUID() }));
      memberId = memberValues.find((m) => m.relation === 'child')!.id;
      const archivedOn = addDays('2020-03-02', (i * 11) % 420);
      const verifiedLastOn = addDays('2025-09-15', i % 90);
      rows.households.push({
        ...columns,
        id: householdId,
        name: input.name,
        caseNo: formatCaseNo(archivedOn.slice(0, 4), caseNos[rows.households.length]),
        orgId: org.id,
        status: 'archived',
        ...workerIdColumns(worker),
        createdBy: maker.id,
        submittedBy: maker.id,
        createdAt: chinaTime(addDays(archivedOn, -30)),
        updatedAt: chinaTime(verifiedLastOn, '16:00'),
        archivedAt: chinaTime(archivedOn, '15:00'),
        lastVerifiedOn: verifiedLastOn,
        nextVerificationDue: addYears(verifiedLastOn, 1),
      });
      rows.members.push(...memberValues);
      rows.claims.push({ idHash: worker.hash, householdId, role: 'worker' }, ...memberValues.map((m) => ({ idHash: m.idHash, householdId: householdId!, role: 'member' })));
      rows.householdEvents.push({ householdId, at: chinaTime(archivedOn, '15:00'), actorUserId: maker.id, actorName: maker.username, actorOrgId: maker.orgId, action: 'import', toStatus: 'archived', details: { demo: true } });
      applicant = {
        applicantName: input.name, applicantIdEnc: worker.enc, applicantIdHash: worker.hash, applicantIdMasked: worker.masked,
        applicantPhoneEnc: columns.phoneEnc, applicantPhoneMasked: columns.phoneMasked, unfiledDetails: null,
      };
      facts = { householdStatus: 'archived', category, incomePerHeadMonthlyFen: columns.incomePerHeadMonthlyFen };
    } else {
      const parentId = protectIdNumber(secrets, parent.idNumber);
      const phone = protectPhone(secrets, people.phone());
      const householdSize = random.int(3, 5);
      applicant = {
        applicantName: parent.name, applicantIdEnc: parentId.enc, applicantIdHash: parentId.hash, applicantIdMasked: parentId.masked,
        applicantPhoneEnc: phone.phoneEnc, applicantPhoneMasked: phone.phoneMasked,
        unfiledDetails: { employerName: org.type === 'grassroots_union' ? org.name.replace(/工会$/, '') : null, householdSize, regionCode: region, hardship: random.pick(HARDSHIP) },
      };
      facts = { householdStatus: null, category: null, incomePerHeadMonthlyFen: fen(random.int(60, 105) * 10) };
    }

    const proposal = evaluateStudent(c.rules, { filed: p.filed, ...facts, regionCode: region, schoolStage: p.stage, schoolKind: 'regular', governmentAided: false });
    if (!proposal.eligible || proposal.amountFen !== p.standardFen) throw new Error(`demo 2021 application ${i} does not fit the rules: ${proposal.reasons.join(', ')}`);
    const amountReason = p.tuitionCapFen !== undefined ? `实际学费${yuanText(p.tuitionCapFen)}元，助学金按实际学费核定` : null;
    const paidAt = chinaTime(p.paidOn, '15:00');
    const paymentRef = `JQZX2021-${p.paidOn.replaceAll('-', '').slice(4)}-${String(i + 1).padStart(4, '0')}`;
    const followUps = followUpsFor(p.stage, random);
    const steps: Array<[action: string, from: string | null, to: string, by: DemoUser, when: Date, details: Record<string, unknown>]> = [
      ['create', null, 'draft', maker, at(createdOn, i), { proposedAmountFen: p.standardFen, amountFen: p.amountFen, rulesVersion: 1 }],
      ['submit', 'draft', 'submitted', maker, at(submittedOn, i + 1), {}],
      ['verify', 'submitted', 'verified', verifier, at(verifiedOn, i + 2), {}],
      ['approve_district', 'verified', 'district_approved', approver, at(districtOn, i + 3), {}],
      ['approve_city', 'district_approved', 'city_approved', c.actors.city, at(cityOn, i), { approvedAmountFen: p.amountFen }],
      ['start_notice', 'city_approved', 'in_notice', c.actors.city, chinaTime(noticeStartsOn, '09:30'), { noticeStartsOn, noticeEndsOn }],
      ['release', 'in_notice', 'ready', c.actors.city, releasedAt, { amountFen: p.amountFen }],
      ['paid', 'ready', 'paid', c.actors.finance, paidAt, { amountFen: p.amountFen, paidOn: p.paidOn, paymentRef }],
    ];
    followUps.forEach((f, n) => {
      const contactedOn = `${f.year}-09-${String(10 + (i % 15)).padStart(2, '0')}`;
      rows.followUps.push({ applicationId, year: f.year, status: f.status, employer: f.employer, note: f.note, contactedOn, recordedBy: maker.id, recordedAt: chinaTime(contactedOn, '16:00') });
      steps.push(['follow_up', n === 0 ? 'paid' : null, n === 0 ? 'followed_up' : '', maker, chinaTime(contactedOn, '16:00'), { year: f.year, status: f.status, employer: f.employer }]);
    });
    for (const [action, from, to, by, when, details] of steps)
      rows.events.push({ applicationId, at: when, actorUserId: by.id, actorName: by.username, actorOrgId: by.orgId, action, fromStatus: from, toStatus: to || null, reason: null, details });

    const visitOn = addDays(createdOn, -3);
    rows.applications.push({
      ...applicant,
      id: applicationId,
      applicationNo: `SQ2021${String(applicationNos[i]).padStart(6, '0')}`,
      campaignId: c.campaignId,
      orgId: org.id,
      householdId,
      memberId,
      filed: p.filed,
      incomePerHeadMonthlyFen: facts.incomePerHeadMonthlyFen,
      studentName: student.name,
      studentIdEnc: studentId.enc,
      studentIdHash: studentId.hash,
      studentIdMasked: studentId.masked,
      studentIdNoticeMasked: maskIdForNotice(student.idNumber),
      schoolName: school,
      schoolStage: p.stage,
      schoolKind: 'regular',
      admissionYear: 2021,
      major: fees.major,
      tuitionFen: fees.tuitionFen,
      otherFeesFen: fees.otherFeesFen,
      nationalAid: p.stage === 'undergraduate' || p.stage === 'college' ? (random.chance(0.4) ? ['loan'] : []) : [],
      governmentAided: false,
      fiveClears: Object.fromEntries(FiveClear.keys.map((k) => [k, { checked: true, note: fiveClearNote(k, { school, tuitionFen: fees.tuitionFen, filed: p.filed, random }) }])) as never,
      homeVisit: { visitDate: visitOn, visitors: `${org.name.replace(/帮扶工作站$/, '')}帮扶干部二人`, findings: p.filed ? '家庭情况与档案一致，子女已收到录取通知' : random.pick(HARDSHIP) + '，情况属实' },
      wish: '希望得到资助，减轻入学费用负担',
      proposedAmountFen: p.standardFen,
      amountFen: p.amountFen,
      amountReason,
      rulesVersion: 1,
      inKindItems: proposal.inKindItems,
      status: followUps.length ? 'followed_up' : 'paid',
      approvedAmountFen: p.amountFen,
      submittedBy: maker.id,
      submittedAt: at(submittedOn, i + 1),
      noticeStartsOn,
      noticeEndsOn,
      readyAt: releasedAt,
      paidAt,
      paymentRef,
      createdBy: maker.id,
      createdAt: at(createdOn, i),
      updatedAt: steps[steps.length - 1][4],
      version: steps.length,
    });

    const grantId = crypto.randomUUID();
    rows.grants.push({
      id: grantId, campaignId: c.campaignId, recipientKey: studentId.hash, orgId: org.id, householdId, applicationId, recipientName: student.name,
      amountFen: p.amountFen, inKindItems: proposal.inKindItems, status: 'paid', readyAt: releasedAt, paidAt, paidOn: p.paidOn, paymentRef,
    });
    if (householdId) {
      const finance = c.actors.finance;
      const ledger = (aidType: 'cash' | 'in_kind', amountFen: number, item: string | null, sourceRef: string) => {
        rows.aid.push({ householdId, program: c.campaignName, aidType, amountFen, item, aidedOn: p.paidOn, note: student.name, sourceModule: 'campaigns', sourceRef, recordedBy: finance.id, recordedAt: paidAt });
        rows.householdEvents.push({ householdId, at: paidAt, actorUserId: finance.id, actorName: finance.username, actorOrgId: finance.orgId, action: 'aid', details: { program: c.campaignName, aidType, amountFen, aidedOn: p.paidOn } });
      };
      ledger('cash', p.amountFen, null, `grant:${grantId}`);
      for (const item of proposal.inKindItems) ledger('in_kind', 0, `${item.item} × ${item.quantity}`, `grant:${grantId}:${item.item}`);
    }
  });

  await bulkInsert(tx, households, rows.households);
  await bulkInsert(tx, householdMembers, rows.members);
  await bulkInsert(tx, householdIdClaims, rows.claims);
  await bulkInsert(tx, householdEvents, rows.householdEvents);
  await bulkInsert(tx, campaignApplications, rows.applications);
  await bulkInsert(tx, applicationEvents, rows.events);
  await bulkInsert(tx, campaignGrants, rows.grants);
  await bulkInsert(tx, householdAid, rows.aid);
  await bulkInsert(tx, aidFollowUps, rows.followUps);
  return { applications: rows.applications.length, households: rows.households.length, events: rows.events.length, followUps: rows.followUps.length };
}

function fiveClearNote(key: string, f: { school: string; tuitionFen: number; filed: boolean; random: Random }): string {
  switch (key) {
    case 'household': return f.filed ? '已建档困难职工家庭，家庭人口与收入已核实' : '临时困难家庭，已入户核实收入';
    case 'aid_received': return f.random.pick(AID_RECEIVED);
    case 'schooling': return `2021年入学${f.school}`;
    case 'school_fees': return f.tuitionFen > 0 ? `学费${yuanText(f.tuitionFen)}元/年，已核对缴费通知` : '免学费，已核对杂费';
    default: return '家长与学生本人申请助学';
  }
}

