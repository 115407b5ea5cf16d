// Form values of the household form and their translation to the API's bodies (amounts in 元 → fen).
import type { CreateHouseholdInput, MemberInput, UpdateHouseholdInput, UpdateMemberInput } from '../../../contracts/households.js';
import type { HouseholdDetail, HouseholdMember } from './households.api.js';
import { fenToYuanInput, yuanToFen } from '../../shared/money.js';

export interface MemberFormValues {
  /**
   * The member's id when the row came from the saved record (edit): the row is sent with it, and an
   * empty ID number then keeps the number on file (the page only knows its mask).
   */
  savedId?: string;
  relation?: string;
  name?: string;
  idNumber?: string;
  health?: string;
  medicalInsurance?: string | null;
  monthlyIncomeYuan?: string;
  status?: string | null;
  schoolOrEmployer?: string;
  schoolStage?: string | null;
  enrolmentYear?: number | null;
}

export interface HouseholdFormValues {
  orgId?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  politicalStatus?: string | null;
  employerName?: string;
  employmentForm?: string;
  workStatus?: string | null;
  modelWorkerTitle?: string;
  health?: string;
  disabilityType?: string;
  disabilityGrade?: number | null;
  housing?: string | null;
  hukouType?: string | null;
  hukouRegion?: string;
  maritalStatus?: string | null;
  singleParent?: boolean;
  medicalInsurance?: string | null;
  bankName?: string;
  bankBranch?: string;
  bankCard?: string;
  monthlyIncomeYuan?: string;
  otherAnnualIncomeYuan?: string;
  category?: string;
  mainCause?: string;
  secondaryCauses?: string[];
  priorityGroup?: string;
  exitMeasures?: string;
  members?: MemberFormValues[];
}

/** Every top-level field of the form (for placing server errors). */
export const HOUSEHOLD_FORM_FIELDS = new Set<string>([
  'orgId', 'name', 'idNumber', 'phone', 'ethnicity', 'politicalStatus', 'employerName', 'employmentForm', 'workStatus',
  'modelWorkerTitle', 'health', 'disabilityType', 'disabilityGrade', 'housing', 'hukouType', 'hukouRegion', 'maritalStatus',
  'singleParent', 'medicalInsurance', 'bankName', 'bankBranch', 'bankCard', 'monthlyIncomeYuan', 'otherAnnualIncomeYuan',
  'category', 'mainCause', 'secondaryCauses', 'priorityGroup', 'exitMeasures', 'members',
]);

export const MEMBER_FORM_FIELDS = new Set<string>([
  'relation', 'name', 'idNumber', 'health', 'medicalInsurance', 'monthlyIncomeYuan', 'status', 'schoolOrEmployer', 'schoolStage', 'enrolmentYear',
]);

const text = (v: string | undefined | null): string | null => {
  const s = v?.trim();
  return s ? s : null;
};
const code = <T extends string>(v: string | null | undefined): T | null => (v ? (v as T) : null);

export function memberBody(m: MemberFormValues): MemberInput {
  return {
    relation: m.relation as MemberInput['relation'],
    name: (m.name ?? '').trim(),
    idNumber: (m.idNumber ?? '').trim(),
    health: (m.health ?? 'healthy') as MemberInput['health'],
    medicalInsurance: code(m.medicalInsurance) as MemberInput['medicalInsurance'],
    monthlyIncomeFen: yuanToFen(m.monthlyIncomeYuan),
    status: code(m.status) as MemberInput['status'],
    schoolOrEmployer: text(m.schoolOrEmployer),
    schoolStage: code(m.schoolStage) as MemberInput['schoolStage'],
    enrolmentYear: m.enrolmentYear ?? null,
  };
}

type EditableBody = Required<Omit<UpdateHouseholdInput, 'members' | 'phone' | 'bankCard'>>;

/** The correctable fields as the API takes them; empty inputs are null (cleared). */
function editableBody(v: HouseholdFormValues): EditableBody {
  const disabilityType = (v.disabilityType ?? 'none') as EditableBody['disabilityType'];
  return {
    name: (v.name ?? '').trim(),
    ethnicity: text(v.ethnicity),
    politicalStatus: code(v.politicalStatus),
    employerName: text(v.employerName),
    employmentForm: v.employmentForm as EditableBody['employmentForm'],
    workStatus: code(v.workStatus),
    modelWorkerTitle: text(v.modelWorkerTitle),
    health: (v.health ?? 'healthy') as EditableBody['health'],
    disabilityType,
    disabilityGrade: disabilityType === 'none' ? null : (v.disabilityGrade ?? null),
    housing: code(v.housing),
    hukouType: code(v.hukouType),
    hukouRegion: text(v.hukouRegion),
    maritalStatus: code(v.maritalStatus),
    singleParent: !!v.singleParent,
    medicalInsurance: code(v.medicalInsurance),
    bankName: text(v.bankName),
    bankBranch: text(v.bankBranch),
    monthlyIncomeFen: yuanToFen(v.monthlyIncomeYuan),
    otherAnnualIncomeFen: yuanToFen(v.otherAnnualIncomeYuan),
    category: v.category as EditableBody['category'],
    mainCause: v.mainCause as EditableBody['mainCause'],
    secondaryCauses: ((v.secondaryCauses ?? []) as EditableBody['secondaryCauses']).filter((c) => c !== v.mainCause),
    priorityGroup: text(v.priorityGroup),
    exitMeasures: text(v.exitMeasures),
  };
}

/** POST /api/households. */
export function createBody(v: HouseholdFormValues): CreateHouseholdInput {
  return {
    ...editableBody(v),
    orgId: v.orgId!,
    idNumber: (v.idNumber ?? '').trim(),
    phone: text(v.phone),
    bankCard: text(v.bankCard),
    members: (v.members ?? []).map(memberBody),
  };
}

/** A member row of a correction: a member on file goes by its id, with the ID number only when retyped. */
export function updateMemberBody(m: MemberFormValues): UpdateMemberInput {
  const { idNumber, ...rest } = memberBody(m);
  return { ...(m.savedId ? { id: m.savedId } : {}), ...rest, ...(idNumber || !m.savedId ? { idNumber } : {}) };
}

/** Whether the members differ from the saved ones: another order, one added or removed, a field changed, a number retyped. */
export function membersChanged(now: MemberFormValues[], saved: MemberFormValues[]): boolean {
  if (now.length !== saved.length) return true;
  return now.some((m, i) => m.savedId !== saved[i].savedId || JSON.stringify(updateMemberBody(m)) !== JSON.stringify(updateMemberBody(saved[i])));
}

/**
 * PATCH /api/households/:id: only what changed (the server keeps every field a correction leaves
 * out). Phone and card are stored encrypted and shown masked, so they are sent only when retyped;
 * members only when the list changed, as the whole list, members on file by id.
 */
export function updateBody(v: HouseholdFormValues, saved: HouseholdFormValues): UpdateHouseholdInput {
  const now = editableBody(v);
  const before = editableBody(saved);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(now) as Array<keyof EditableBody>)
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) body[key] = now[key];
  if (text(v.phone)) body.phone = text(v.phone);
  if (text(v.bankCard)) body.bankCard = text(v.bankCard);
  const members = v.members ?? [];
  if (membersChanged(members, saved.members ?? [])) body.members = members.map(updateMemberBody);
  return body as UpdateHouseholdInput;
}

/** Whether the user changed anything. */
export function hasChanges(v: HouseholdFormValues, saved: HouseholdFormValues): boolean {
  return Object.keys(updateBody(v, saved)).length > 0;
}

/** A saved member as an editable row; the full ID number is not known to the page: empty keeps it. */
export function memberToForm(m: HouseholdMember): MemberFormValues {
  return {
    savedId: m.id,
    relation: m.relation,
    name: m.name,
    idNumber: '',
    health: m.health,
    medicalInsurance: m.medicalInsurance,
    monthlyIncomeYuan: fenToYuanInput(m.monthlyIncomeFen),
    status: m.status,
    schoolOrEmployer: m.schoolOrEmployer ?? '',
    schoolStage: m.schoolStage,
    enrolmentYear: m.enrolmentYear,
  };
}

/** The saved record as form values (edit). */
export function detailToForm(h: HouseholdDetail): HouseholdFormValues {
  return {
    orgId: h.orgId,
    name: h.name,
    idNumber: '',
    phone: '',
    ethnicity: h.ethnicity ?? '',
    politicalStatus: h.politicalStatus,
    employerName: h.employerName ?? '',
    employmentForm: h.employmentForm,
    workStatus: h.workStatus,
    modelWorkerTitle: h.modelWorkerTitle ?? '',
    health: h.health,
    disabilityType: h.disabilityType,
    disabilityGrade: h.disabilityGrade,
    housing: h.housing,
    hukouType: h.hukouType,
    hukouRegion: h.hukouRegion ?? '',
    maritalStatus: h.maritalStatus,
    singleParent: h.singleParent,
    medicalInsurance: h.medicalInsurance,
    bankName: h.bankName ?? '',
    bankBranch: h.bankBranch ?? '',
    bankCard: '',
    monthlyIncomeYuan: fenToYuanInput(h.monthlyIncomeFen),
    otherAnnualIncomeYuan: fenToYuanInput(h.otherAnnualIncomeFen),
    category: h.category,
    mainCause: h.mainCause,
    secondaryCauses: h.secondaryCauses,
    priorityGroup: h.priorityGroup ?? '',
    exitMeasures: h.exitMeasures ?? '',
    members: h.members.map(memberToForm),
  };
}

/** Household income as the server computes it (household-income.ts), in integer fen. */
export function householdIncome(workerMonthlyFen: number, otherAnnualFen: number, memberMonthlyFen: number[]) {
  const monthly = workerMonthlyFen + memberMonthlyFen.reduce((s, f) => s + f, 0);
  const annualIncomeFen = monthly * 12 + otherAnnualFen;
  const householdSize = memberMonthlyFen.length + 1;
  return { annualIncomeFen, householdSize, incomePerHeadMonthlyFen: Math.floor(annualIncomeFen / 12 / householdSize) };
}
