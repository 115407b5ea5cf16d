import { ageOn } from '../../platform/dates.js';
import type { loadHouseholdParts, HouseholdWithOrg, MemberRow } from './households.queries.js';

/** List rows: masked ID and phone; no income, health or birth dates (security.md: masked in every list). */
export function presentHouseholdListItem(h: HouseholdWithOrg) {
  return {
    id: h.id,
    caseNo: h.caseNo,
    orgId: h.orgId,
    orgName: h.orgName,
    status: h.status,
    category: h.category,
    mainCause: h.mainCause,
    name: h.name,
    sex: h.sex,
    idNumberMasked: h.idMasked,
    phoneMasked: h.phoneMasked,
    employmentForm: h.employmentForm,
    employerName: h.employerName,
    householdSize: h.householdSize,
    memberSchoolStages: h.memberSchoolStages,
    nextVerificationDue: h.nextVerificationDue,
    relapsed: h.relapsed,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

function presentMember(m: MemberRow, today: string) {
  return {
    id: m.id,
    relation: m.relation,
    name: m.name,
    idNumberMasked: m.idMasked,
    sex: m.sex,
    age: ageOn(m.birthDate, today),
    health: m.health,
    medicalInsurance: m.medicalInsurance,
    monthlyIncomeFen: m.monthlyIncomeFen,
    status: m.status,
    schoolOrEmployer: m.schoolOrEmployer,
    schoolStage: m.schoolStage,
    enrolmentYear: m.enrolmentYear,
  };
}

/** The household page: everything the caseworker needs; ID, phone and card stay masked until revealed. */
export function presentHouseholdDetail(h: HouseholdWithOrg, parts: Awaited<ReturnType<typeof loadHouseholdParts>>, today: string) {
  const aidByYear: Record<string, { count: number; amountFen: number }> = {};
  for (const a of parts.aid) {
    const year = a.aidedOn.slice(0, 4);
    aidByYear[year] ??= { count: 0, amountFen: 0 };
    aidByYear[year].count += 1;
    aidByYear[year].amountFen += a.amountFen;
  }
  return {
    ...presentHouseholdListItem(h),
    age: ageOn(h.birthDate, today),
    ethnicity: h.ethnicity,
    politicalStatus: h.politicalStatus,
    workStatus: h.workStatus,
    modelWorkerTitle: h.modelWorkerTitle,
    health: h.health,
    disabilityType: h.disabilityType,
    disabilityGrade: h.disabilityGrade,
    housing: h.housing,
    hukouType: h.hukouType,
    hukouRegion: h.hukouRegion,
    maritalStatus: h.maritalStatus,
    singleParent: h.singleParent,
    medicalInsurance: h.medicalInsurance,
    bankName: h.bankName,
    bankBranch: h.bankBranch,
    bankCardMasked: h.bankCardMasked,
    monthlyIncomeFen: h.monthlyIncomeFen,
    otherAnnualIncomeFen: h.otherAnnualIncomeFen,
    annualIncomeFen: h.annualIncomeFen,
    incomePerHeadMonthlyFen: h.incomePerHeadMonthlyFen,
    secondaryCauses: h.secondaryCauses,
    priorityGroup: h.priorityGroup,
    exitMeasures: h.exitMeasures,
    noticeStartsOn: h.noticeStartsOn,
    noticeEndsOn: h.noticeEndsOn,
    archivedAt: h.archivedAt?.toISOString() ?? null,
    lastVerifiedOn: h.lastVerifiedOn,
    liftedAt: h.liftedAt?.toISOString() ?? null,
    liftReason: h.liftReason,
    version: h.version,
    members: parts.members.map((m) => presentMember(m, today)),
    visits: parts.visits.map(({ recordedBy: _r, ...v }) => ({ ...v, recordedAt: v.recordedAt.toISOString() })),
    history: parts.events.map(({ actorUserId: _u, actorOrgId: _o, ...e }) => ({ ...e, at: e.at.toISOString() })),
    objections: parts.objections.map(({ recordedBy: _r, resolvedBy: _b, ...o }) => ({
      ...o,
      raisedAt: o.raisedAt.toISOString(),
      resolvedAt: o.resolvedAt?.toISOString() ?? null,
    })),
    transfers: parts.transfers.map(({ requestedBy: _r, decidedBy: _d, fromOrgId: _f, toOrgId: _t, ...t }) => ({
      ...t,
      requestedAt: t.requestedAt.toISOString(),
      decidedAt: t.decidedAt?.toISOString() ?? null,
    })),
    aidLedger: {
      entries: parts.aid.map(({ recordedBy: _r, ...a }) => ({ ...a, recordedAt: a.recordedAt.toISOString() })),
      byYear: Object.entries(aidByYear)
        .sort(([a], [b]) => b.localeCompare(a))
        .map(([year, v]) => ({ year, ...v })),
      totalFen: parts.aid.reduce((s, a) => s + a.amountFen, 0),
    },
  };
}
