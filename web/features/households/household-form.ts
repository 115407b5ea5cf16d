// Form values of the household form and their translation to the API's bodies (amounts in 元 → fen).
import type { CreateHouseholdInput, MemberInput, UpdateHouseholdInput } from '../../../contracts/households.js';
import type { HouseholdDetail, HouseholdMember } from './households.api.js';
import { fenToYuanInput, yuanToFen } from './money.js';

export interface MemberFormValues {
  /** The member's id when the row came from the saved record (edit): only for showing the old mask. */
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

/**
 * Fields the server fills with their create-time default when a PATCH leaves them out
 * (contracts/households.ts builds UpdateHouseholdInput from fields with .default(), and zod applies
 * defaults inside .partial()): a PATCH without `members` would empty the household. So these are
 * always sent with their current values, whether changed or not.
 */
const DEFAULTED_ON_UPDATE = ['health', 'disabilityType', 'singleParent', 'monthlyIncomeFen', 'otherAnnualIncomeFen', 'secondaryCauses'] as const;

/**
 * PATCH /api/households/:id: what changed, plus the fields above. Phone and card are stored encrypted
 * and shown masked, so they are sent only when retyped; members always go as the whole list.
 */
export function updateBody(v: HouseholdFormValues, saved: HouseholdFormValues): UpdateHouseholdInput {
  const now = editableBody(v);
  const before = editableBody(saved);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(now) as Array<keyof EditableBody>)
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) body[key] = now[key];
  if (text(v.phone)) body.phone = text(v.phone);
  if (text(v.bankCard)) body.bankCard = text(v.bankCard);
  for (const key of DEFAULTED_ON_UPDATE) body[key] = now[key];
  body.members = (v.members ?? []).map(memberBody);
  return body as UpdateHouseholdInput;
}

/** Whether the user changed anything (the body always carries the fields the server would reset). */
export function hasChanges(v: HouseholdFormValues, saved: HouseholdFormValues, savedMembers: HouseholdMember[]): boolean {
  const now = editableBody(v);
  const before = editableBody(saved);
  if ((Object.keys(now) as Array<keyof EditableBody>).some((k) => JSON.stringify(now[k]) !== JSON.stringify(before[k]))) return true;
  if (text(v.phone) || text(v.bankCard)) return true;
  // Members are always saved as a retyped whole list, so a household with members always has something to save.
  return (v.members ?? []).length > 0 || savedMembers.length > 0;
}

/** A saved member as an editable row; the full ID number is not known to the page and must be retyped. */
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
