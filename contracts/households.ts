import { z } from 'zod';
import { validateCnId, validateCnMobile } from './cn-ids.js';
import { text as safeText } from './text.js';

/** Coded fields with their Chinese and English labels (shared by the Excel template, the server and the web). */
export function codes<const K extends string>(map: Record<K, [zh: string, en: string]>) {
  const keys = Object.keys(map) as [K, ...K[]];
  return { keys, labels: map, schema: z.enum(keys) };
}

export const HardshipCategory = codes({
  deep: ['深度困难', 'Deep hardship'],
  relative: ['相对困难', 'Relative hardship'],
  accident: ['意外致困', 'Hardship by accident'],
});

/** The ten national causes of hardship (致困原因). */
export const HardshipCause = codes({
  no_work_capacity: ['丧失劳动能力', 'No capacity to work'],
  unemployed: ['有劳动能力但失业', 'Unemployed though able'],
  laid_off: ['下岗', 'Laid off'],
  no_social_insurance: ['未参加社会保险', 'No social insurance'],
  insurance_not_delivered: ['社会保险待遇未落实', 'Insurance not delivered'],
  serious_illness: ['本人或家人患大病', 'Serious illness'],
  natural_disaster: ['遭受自然灾害', 'Natural disaster'],
  accident: ['遭受意外事故', 'Accident'],
  children_schooling: ['子女教育费用负担重', "Children's schooling"],
  other: ['其他', 'Other'],
});

export const EmploymentForm = codes({ worker: ['职工', 'Worker'], migrant: ['农民工', 'Migrant worker'] });
export const Sex = codes({ M: ['男', 'Male'], F: ['女', 'Female'] });
export const WorkStatus = codes({
  employed: ['在岗', 'Employed'],
  unemployed: ['失业', 'Unemployed'],
  retired: ['退休', 'Retired'],
  sick_leave: ['病休', 'On sick leave'],
  other: ['其他', 'Other'],
});
export const HealthStatus = codes({
  healthy: ['健康', 'Healthy'],
  chronic: ['慢性病', 'Chronic illness'],
  serious: ['大病', 'Serious illness'],
  disabled: ['残疾', 'Disabled'],
});
export const DisabilityType = codes({
  none: ['无', 'None'],
  visual: ['视力残疾', 'Visual'],
  hearing: ['听力残疾', 'Hearing'],
  speech: ['言语残疾', 'Speech'],
  physical: ['肢体残疾', 'Physical'],
  intellectual: ['智力残疾', 'Intellectual'],
  mental: ['精神残疾', 'Mental'],
  multiple: ['多重残疾', 'Multiple'],
});
export const Housing = codes({
  own: ['自有住房', 'Own home'],
  rented: ['租房', 'Rented'],
  public: ['公租房', 'Public rental'],
  dormitory: ['单位宿舍', 'Dormitory'],
  none: ['无固定住所', 'No fixed home'],
});
export const HukouType = codes({ urban: ['城镇', 'Urban'], rural: ['农村', 'Rural'] });
export const MaritalStatus = codes({
  single: ['未婚', 'Single'],
  married: ['已婚', 'Married'],
  divorced: ['离异', 'Divorced'],
  widowed: ['丧偶', 'Widowed'],
});
export const MedicalInsurance = codes({
  employee: ['职工医保', 'Employee insurance'],
  resident: ['城乡居民医保', 'Resident insurance'],
  none: ['未参保', 'None'],
});
export const PoliticalStatus = codes({
  masses: ['群众', 'None'],
  cpc: ['中共党员', 'CPC member'],
  league: ['共青团员', 'CYL member'],
  other: ['其他', 'Other'],
});
export const Relation = codes({
  spouse: ['配偶', 'Spouse'],
  child: ['子女', 'Child'],
  parent: ['父母', 'Parent'],
  parent_in_law: ['岳父母/公婆', 'Parent-in-law'],
  grandchild: ['孙子女', 'Grandchild'],
  sibling: ['兄弟姐妹', 'Sibling'],
  other: ['其他', 'Other'],
});
export const SchoolStage = codes({
  preschool: ['学前', 'Pre-school'],
  primary: ['小学', 'Primary'],
  junior: ['初中', 'Junior high'],
  senior: ['高中', 'Senior high'],
  vocational: ['中职', 'Vocational'],
  college: ['大专', 'College'],
  undergraduate: ['本科', 'Undergraduate'],
  postgraduate: ['研究生', 'Postgraduate'],
});
export const MemberStatus = codes({
  working: ['在业', 'Working'],
  studying: ['在学', 'Studying'],
  unemployed: ['无业', 'Unemployed'],
  retired: ['退休', 'Retired'],
  preschool_child: ['学龄前', 'Pre-school child'],
  other: ['其他', 'Other'],
});

/** 附件类别: what a document attached to a household proves. */
export const AttachmentKind = codes({
  id_proof: ['身份证明', 'Proof of identity'],
  income_proof: ['收入证明', 'Proof of income'],
  medical_record: ['病历', 'Medical records'],
  home_visit_photo: ['入户照片', 'Home-visit photo'],
  other: ['其他', 'Other'],
});

/** Largest attachment accepted (10 MiB), checked on the server; the web checks it first. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Kept attachments per household (deleted ones do not count). */
export const ATTACHMENT_MAX_PER_HOUSEHOLD = 100;
/** What an attachment may be, by its content (the name and the declared type are not trusted). */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;

/** `POST /api/households/:id/attachments?kind=…&fileName=…` with the file as the raw body. */
export const AttachmentUploadQuery = z.strictObject({
  kind: AttachmentKind.schema,
  fileName: safeText().min(1).max(255),
});

export const HOUSEHOLD_STATUSES = [
  'applied', // 已申请，待基层初审
  'checked', // 初审通过，待入户核查
  'visited', // 已入户核查，待上级审核
  'in_notice', // 公示中
  'archived', // 已建档
  'returned', // 已退回
  'rejected', // 不予建档
  'lifted', // 已解困脱困
  'closed', // 已销档
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
/** A household holds its people's ID numbers against any second filing while in one of these. */
export const OPEN_STATUSES: HouseholdStatus[] = ['applied', 'checked', 'visited', 'in_notice', 'archived', 'returned', 'lifted'];

const fen = z.number().int().min(0).max(100_000_000_00); // up to 1亿元
/** One-line text (contracts/text.ts: no control characters, no lone surrogates). */
const text = (max: number) => safeText().max(max);
const optionalText = (max: number) => text(max).optional().nullable();
/** Prose that may run over several lines (reasons, findings, notes): also takes \n, \r and \t. */
const prose = (max: number) => safeText({ multiline: true }).max(max);
const optionalProse = (max: number) => prose(max).optional().nullable();

export const CnIdNumber = z.string().transform((raw, ctx) => {
  const r = validateCnId(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: ID_PROBLEM_MESSAGES[r.problem] });
    return z.NEVER;
  }
  return r.value;
});

export const ID_PROBLEM_MESSAGES = {
  length: 'ID number must have 18 characters',
  format: 'ID number has characters out of place',
  region: 'ID number starts with an unknown region code',
  birth_date: 'ID number holds an impossible birth date',
  check_digit: 'ID number check digit is wrong',
} as const;

export const CnMobile = z.string().transform((raw, ctx) => {
  const r = validateCnMobile(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: 'not a mainland mobile number (11 digits starting 13-19)' });
    return z.NEVER;
  }
  return r.value;
});

export const BankCard = z
  .string()
  .transform((v) => v.replace(/[\s\u3000-]/g, ''))
  .pipe(z.string().regex(/^\d{12,19}$/, 'bank card number has 12-19 digits'));

export const MemberInput = z.strictObject({
  relation: Relation.schema,
  name: text(50).min(1),
  idNumber: CnIdNumber,
  health: HealthStatus.schema.default('healthy'),
  medicalInsurance: MedicalInsurance.schema.optional().nullable(),
  monthlyIncomeFen: fen.default(0),
  status: MemberStatus.schema.optional().nullable(),
  schoolOrEmployer: optionalText(100),
  schoolStage: SchoolStage.schema.optional().nullable(),
  enrolmentYear: z.number().int().min(1950).max(2100).optional().nullable(),
});
export type MemberInput = z.infer<typeof MemberInput>;

const householdFields = {
  orgId: z.uuid(),
  name: text(50).min(1),
  idNumber: CnIdNumber,
  phone: CnMobile.optional().nullable(),
  ethnicity: optionalText(20),
  politicalStatus: PoliticalStatus.schema.optional().nullable(),
  employerName: optionalText(100),
  employmentForm: EmploymentForm.schema,
  workStatus: WorkStatus.schema.optional().nullable(),
  modelWorkerTitle: optionalText(50),
  health: HealthStatus.schema.default('healthy'),
  disabilityType: DisabilityType.schema.default('none'),
  disabilityGrade: z.number().int().min(1).max(4).optional().nullable(),
  housing: Housing.schema.optional().nullable(),
  hukouType: HukouType.schema.optional().nullable(),
  hukouRegion: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)').optional().nullable(),
  maritalStatus: MaritalStatus.schema.optional().nullable(),
  singleParent: z.boolean().default(false),
  medicalInsurance: MedicalInsurance.schema.optional().nullable(),
  bankName: optionalText(50),
  bankBranch: optionalText(100),
  bankCard: BankCard.optional().nullable(),
  monthlyIncomeFen: fen.default(0),
  otherAnnualIncomeFen: fen.default(0),
  category: HardshipCategory.schema,
  mainCause: HardshipCause.schema,
  secondaryCauses: z.array(HardshipCause.schema).max(3).default([]),
  priorityGroup: optionalText(50),
  exitMeasures: optionalProse(500),
  members: z.array(MemberInput).max(20).default([]),
};

export const CreateHouseholdInput = z.strictObject(householdFields);
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdInput>;

/**
 * A member in a correction. A member already on file is named by `id` and keeps the ID number on
 * file unless a full new one is given (the page only knows the mask); a new member needs the number.
 */
export const UpdateMemberInput = MemberInput.extend({ id: z.uuid().optional(), idNumber: CnIdNumber.optional() }).refine((m) => m.id || m.idNumber, {
  path: ['idNumber'],
  message: 'a new member needs a full ID number',
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

/**
 * Everything but the org (a transfer) and the worker's ID number (a new filing) can be corrected.
 * `members`, when given, is the whole new list (members on file by `id`); left out, they stay.
 */
// Defaults are stripped first: a correction names only what changes, and a field it leaves out
// must keep its value rather than fall back to the filing's default (members would be emptied).
export const UpdateHouseholdInput = z.strictObject({
  ...Object.fromEntries(
    Object.entries(householdFields)
      .filter(([k]) => k !== 'orgId' && k !== 'idNumber' && k !== 'members')
      .map(([k, schema]) => [k, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
  ),
  members: z.array(UpdateMemberInput).max(20).optional(),
}) as unknown as z.ZodType<UpdateHouseholdInput>;
export type UpdateHouseholdInput = Partial<Omit<CreateHouseholdInput, 'orgId' | 'idNumber' | 'members'>> & { members?: UpdateMemberInput[] };

export const ReasonInput = z.strictObject({ reason: prose(500).min(1) });
export const VisitInput = z.strictObject({
  visitDate: z.iso.date(),
  visitors: text(200).min(1),
  findings: prose(2000).min(1),
  consentSigned: z.literal(true, 'the household must sign the consent form'),
});
export const StartNoticeInput = z.strictObject({ noticeDays: z.number().int().min(1).max(30).default(7), note: optionalProse(500) });
export const ObjectionInput = z.strictObject({ content: prose(1000).min(1), raisedBy: optionalText(50) });
export const ResolveObjectionInput = z.strictObject({ resolution: prose(1000).min(1), upheld: z.boolean() });
export const FollowUpInput = z.strictObject({ contactDate: z.iso.date(), method: text(50).min(1), notes: prose(2000).min(1) });
export const TransferInput = z.strictObject({ toOrgId: z.uuid(), reason: prose(500).min(1) });
export const RevealInput = z.strictObject({
  field: z.enum(['idNumber', 'phone', 'bankCard', 'memberIdNumber']),
  memberId: z.uuid().optional(),
  reason: prose(200).min(2),
});
export const LookupInput = z.strictObject({ idNumber: CnIdNumber });
export const AidEntryInput = z.strictObject({
  program: text(50).min(1),
  aidType: z.enum(['cash', 'in_kind', 'service']),
  amountFen: fen,
  item: optionalText(100),
  aidedOn: z.iso.date(),
  note: optionalProse(500),
});

/** An import's life: queued on the job runner, read and checked, written unseen, then visible (or awaiting a second person for an archive import). */
export const HOUSEHOLD_IMPORT_STATUSES = ['queued', 'validating', 'writing', 'awaiting_approval', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;
export type HouseholdImportStatus = (typeof HOUSEHOLD_IMPORT_STATUSES)[number];
/** Approving an archive import: a note is optional (rejecting takes ReasonInput). */
export const ImportApproveInput = z.strictObject({ reason: prose(500).optional() });

/** One line of an import's error report: where, what was there (ID, phone and card numbers masked), why. */
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}
