import { z } from 'zod';
import { ORG_TYPES } from './orgs.js';
import { CnIdNumber, CnMobile, codes, HardshipCategory, SchoolStage } from './households.js';
import { text as safeText } from './text.js';

/**
 * Aid programs (帮扶项目) and their yearly campaigns (e.g. 金秋助学 2021): the rules are data, kept
 * with the campaign and versioned, so changing a threshold or an amount changes previews and new
 * proposals but never an amount already approved (docs/decisions/010-campaign-rules-as-data.md).
 */

const fen = z.number().int().min(0).max(100_000_000_00);
const text = (max: number) => safeText().max(max);
const optionalText = (max: number) => text(max).optional().nullable();
const prose = (max: number) => safeText({ multiline: true }).max(max);
const optionalProse = (max: number) => prose(max).optional().nullable();

/** Per-student grant (金秋助学) or one lump sum per household (特别慰问金, 送温暖). */
export const ProgramKind = codes({
  per_student: ['按学生助学', 'Grant per student'],
  per_household: ['按户一次性慰问', 'Lump sum per household'],
});

export const CampaignStatus = codes({
  draft: ['筹备中', 'In preparation'],
  open: ['受理中', 'Open for applications'],
  closed: ['已结束', 'Closed'],
});

/** The archive statuses a campaign may take households from. */
export const ELIGIBLE_HOUSEHOLD_STATUSES = ['archived', 'lifted'] as const;

/** National student aid already held (奖、助、贷、勤、减、免). */
export const NationalAid = codes({
  scholarship: ['奖学金', 'Scholarship'],
  grant: ['助学金', 'State grant'],
  loan: ['助学贷款', 'Student loan'],
  work_study: ['勤工俭学', 'Work-study'],
  fee_reduction: ['学费减免', 'Fee reduction'],
  fee_waiver: ['学费免除', 'Fee waiver'],
});

/** 学校类别: military academies and free normal-school places are excluded by default. */
export const SchoolKind = codes({
  regular: ['普通学校', 'Regular school'],
  military: ['军事院校', 'Military academy'],
  free_normal: ['公费师范生', 'Free normal-school place'],
});

/** The five clears (五清), each a checked item with a note. */
export const FiveClear = codes({
  household: ['家庭状况清', 'Household situation'],
  aid_received: ['帮扶情况清', 'Aid already received'],
  schooling: ['子女就学情况清', "Child's schooling"],
  school_fees: ['学校学费清', "School's fees"],
  wish: ['助学愿望清', "Family's wish"],
});
export type FiveClearKey = (typeof FiveClear.keys)[number];

/** Income per head against a threshold per region: a multiple (in percent) of the local 低保 line. */
export const RegionThreshold = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)'),
  dibaoMonthlyFen: fen.min(1),
  multiplePercent: z.number().int().min(50).max(1000),
});

export const StageAmount = z.strictObject({
  stage: SchoolStage.schema,
  filedFen: fen,
  unfiledFen: fen,
});

export const InKindItem = z.strictObject({
  item: text(50).min(1),
  quantity: z.number().int().min(1).max(100),
  /** The stages that receive it; empty means every stage. */
  stages: z.array(SchoolStage.schema).max(8).default([]),
});

export const CampaignRules = z
  .strictObject({
    householdStatuses: z.array(z.enum(ELIGIBLE_HOUSEHOLD_STATUSES)).min(1).max(2),
    categories: z.array(HardshipCategory.schema).min(1).max(3),
    /** Whether households not on file, in temporary hardship, may apply (unfiled applications). */
    allowUnfiled: z.boolean(),
    incomeThreshold: z.strictObject({
      /** Used where no region below matches; null means no income test outside the listed regions. */
      defaultMonthlyFen: fen.nullable(),
      regions: z.array(RegionThreshold).max(50).default([]),
    }),
    /** Per-student programs: the school stages covered (pre-school to postgraduate). */
    stages: z.array(SchoolStage.schema).max(8).default([]),
    amounts: z.array(StageAmount).max(8).default([]),
    /** Per-household programs: the one amount every qualifying household gets. */
    householdAmountFen: fen.nullable().default(null),
    inKindItems: z.array(InKindItem).max(10).default([]),
    exclusions: z.strictObject({
      governmentAided: z.boolean(),
      militaryAcademy: z.boolean(),
      freeNormal: z.boolean(),
    }),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.incomeThreshold.regions.forEach((region, i) => {
      if (seen.has(region.regionCode)) ctx.addIssue({ code: 'custom', path: ['incomeThreshold', 'regions', i, 'regionCode'], message: 'region listed twice' });
      seen.add(region.regionCode);
    });
    const amountStages = new Set<string>();
    r.amounts.forEach((a, i) => {
      if (amountStages.has(a.stage)) ctx.addIssue({ code: 'custom', path: ['amounts', i, 'stage'], message: 'stage listed twice' });
      amountStages.add(a.stage);
      if (!r.stages.includes(a.stage)) ctx.addIssue({ code: 'custom', path: ['amounts', i, 'stage'], message: 'amount for a stage the campaign does not cover' });
    });
    for (const stage of r.stages) {
      if (!amountStages.has(stage)) ctx.addIssue({ code: 'custom', path: ['amounts'], message: `no amount for stage ${stage}` });
    }
  });
export type CampaignRules = z.infer<typeof CampaignRules>;

/** The workflow of an application, in order (draft → … → followed up), then the two ends. */
export const APPLICATION_STATUSES = [
  'draft', // 草稿/退回修改
  'submitted', // 基层已提交，待核实
  'verified', // 已核实，待县区审批
  'district_approved', // 县区已审批，待市总审批
  'city_approved', // 市总已审批，待公示
  'in_notice', // 公示中
  'ready', // 待发放
  'paid', // 已发放
  'followed_up', // 已回访
  'rejected', // 不予资助
  'withdrawn', // 已撤回
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** A student holds the campaign's one place while an application is in one of these. */
export const LIVE_APPLICATION_STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'verified', 'district_approved', 'city_approved', 'in_notice', 'ready', 'paid', 'followed_up'];

/** Steps whose actor each campaign configures (org types allowed to act); submit is always the applying org. */
export const CONFIGURABLE_STEPS = ['verify', 'approve_district', 'approve_city', 'notice'] as const;
export type ConfigurableStep = (typeof CONFIGURABLE_STEPS)[number];
export const StepActors = z.strictObject(
  Object.fromEntries(CONFIGURABLE_STEPS.map((s) => [s, z.array(z.enum(ORG_TYPES)).min(1).max(ORG_TYPES.length)])) as Record<
    ConfigurableStep,
    z.ZodArray<z.ZodEnum<{ [K in (typeof ORG_TYPES)[number]]: K }>>
  >,
);
export type StepActors = z.infer<typeof StepActors>;
export const DEFAULT_STEP_ACTORS: StepActors = {
  verify: ['grassroots_union', 'aid_station', 'aid_centre', 'industry_union', 'district_federation'],
  approve_district: ['district_federation', 'industry_union'],
  approve_city: ['city_federation'],
  notice: ['city_federation'],
};

export const CreateProgramInput = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,32}$/, 'use 2-32 letters, digits or hyphens'),
  name: text(50).min(1),
  kind: ProgramKind.schema,
  description: optionalProse(1000),
});

export const CampaignOrgBudget = z.strictObject({ orgId: z.uuid(), budgetFen: fen });

export const CreateCampaignInput = z
  .strictObject({
    programId: z.uuid(),
    /** The organising org (its subtree is where the campaign can run). */
    orgId: z.uuid(),
    name: text(100).min(1),
    year: z.number().int().min(2000).max(2100),
    applyFrom: z.iso.date(),
    applyTo: z.iso.date(),
    noticeDays: z.number().int().min(1).max(30).default(5),
    rules: CampaignRules,
    stepActors: StepActors.default(DEFAULT_STEP_ACTORS),
    participants: z.array(CampaignOrgBudget).min(1).max(500),
  })
  .refine((c) => c.applyFrom <= c.applyTo, { path: ['applyTo'], message: 'the window ends before it starts' });

export const UpdateCampaignInput = z
  .strictObject({
    name: text(100).min(1).optional(),
    applyFrom: z.iso.date().optional(),
    applyTo: z.iso.date().optional(),
    noticeDays: z.number().int().min(1).max(30).optional(),
    stepActors: StepActors.optional(),
    participants: z.array(CampaignOrgBudget).min(1).max(500).optional(),
    /** Optimistic lock: the version the editor read. */
    version: z.number().int().min(1),
  })
  .refine((c) => !c.applyFrom || !c.applyTo || c.applyFrom <= c.applyTo, { path: ['applyTo'], message: 'the window ends before it starts' });

export const UpdateRulesInput = z.strictObject({ rules: CampaignRules, version: z.number().int().min(1) });
/** Preview of rules not yet saved (the editor's "试算"); the saved rules when `rules` is left out. */
export const PreviewRulesInput = z.strictObject({ rules: CampaignRules.optional() });
export const SetCampaignStatusInput = z.strictObject({ status: CampaignStatus.schema });

const clear = z.strictObject({ checked: z.boolean(), note: optionalProse(500) });
export const FiveClearsInput = z.strictObject({ household: clear, aid_received: clear, schooling: clear, school_fees: clear, wish: clear });
export type FiveClearsInput = z.infer<typeof FiveClearsInput>;

export const HomeVisitInput = z.strictObject({
  visitDate: z.iso.date(),
  visitors: text(200).min(1),
  findings: prose(2000).min(1),
});

/** An applicant household not on file, in temporary hardship (临时困难). */
export const UnfiledApplicantInput = z.strictObject({
  name: text(50).min(1),
  idNumber: CnIdNumber,
  phone: CnMobile.optional().nullable(),
  employerName: optionalText(100),
  householdSize: z.number().int().min(1).max(20),
  incomePerHeadMonthlyFen: fen,
  /** Its region (GB/T 2260), for the income threshold. */
  regionCode: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)'),
  hardship: prose(1000).min(1),
});

const applicationFields = {
  schoolName: text(100).min(1),
  schoolStage: SchoolStage.schema,
  schoolKind: SchoolKind.schema.default('regular'),
  admissionYear: z.number().int().min(2000).max(2100),
  major: optionalText(100),
  tuitionFen: fen.default(0),
  otherFeesFen: fen.default(0),
  nationalAid: z.array(NationalAid.schema).max(6).default([]),
  /** Already aided by a government scheme for the same year (民政、教育 等): an exclusion. */
  governmentAided: z.boolean().default(false),
  fiveClears: FiveClearsInput.optional().nullable(),
  homeVisit: HomeVisitInput.optional().nullable(),
  wish: optionalProse(500),
  /** Left out: the rules' proposal. A different amount needs `amountReason`. */
  amountFen: fen.optional(),
  amountReason: optionalProse(500),
};

export const CreateApplicationInput = z
  .strictObject({
    campaignId: z.uuid(),
    orgId: z.uuid(),
    /** A filed household and the member who studies; or `unfiled` with the student's own data. */
    householdId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    unfiled: UnfiledApplicantInput.optional(),
    student: z
      .strictObject({
        name: text(50).min(1),
        idNumber: CnIdNumber,
      })
      .optional(),
    ...applicationFields,
  })
  .superRefine((a, ctx) => {
    const filed = a.householdId !== undefined;
    if (filed && a.unfiled) ctx.addIssue({ code: 'custom', path: ['unfiled'], message: 'a filed household takes no unfiled applicant data' });
    if (filed && !a.memberId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'name the member who studies' });
    if (filed && a.student) ctx.addIssue({ code: 'custom', path: ['student'], message: 'the student of a filed household is its member' });
    if (!filed && !a.unfiled) ctx.addIssue({ code: 'custom', path: ['householdId'], message: 'name a filed household, or give unfiled applicant data' });
    if (!filed && !a.student) ctx.addIssue({ code: 'custom', path: ['student'], message: 'an unfiled application needs the student name and ID number' });
  });
export type CreateApplicationInput = z.infer<typeof CreateApplicationInput>;

export const UpdateApplicationInput = z.strictObject({
  ...Object.fromEntries(
    Object.entries(applicationFields).map(([k, schema]) => [k, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
  ),
  version: z.number().int().min(1),
}) as unknown as z.ZodType<Partial<Omit<CreateApplicationInput, 'campaignId' | 'orgId' | 'householdId' | 'memberId' | 'unfiled' | 'student'>> & { version: number }>;

export const APPLICATION_STEPS = ['submit', 'verify', 'approve_district', 'approve_city', 'return', 'reject', 'withdraw'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];
export const StepInput = z.strictObject({
  reason: optionalProse(500),
  /** An approver may change the amount, with a reason. */
  amountFen: fen.optional(),
  amountReason: optionalProse(500),
});
export const BulkStepInput = z.strictObject({
  step: z.enum(['verify', 'approve_district', 'approve_city']),
  ids: z.array(z.uuid()).min(1).max(500),
});
export const StartCampaignNoticeInput = z.strictObject({
  /** Applications to publish; all of the campaign's city-approved ones in scope when left out. */
  ids: z.array(z.uuid()).min(1).max(5000).optional(),
  noticeDays: z.number().int().min(1).max(30).optional(),
});
export const ApplicationObjectionInput = z.strictObject({ content: prose(1000).min(1), raisedBy: optionalText(50) });
export const ResolveApplicationObjectionInput = z.strictObject({ resolution: prose(1000).min(1), upheld: z.boolean() });

/** An application's documents (申请材料), kept in the encrypted file store like the archive's. */
export const ApplicationAttachmentKind = codes({
  admission_notice: ['录取通知书', 'Admission notice'],
  fee_receipt: ['缴费凭证', 'Fee receipt'],
  hardship_proof: ['困难证明', 'Proof of hardship'],
  home_visit_photo: ['入户照片', 'Home-visit photo'],
  other: ['其他', 'Other'],
});
/** Kept documents per application (deleted ones do not count). */
export const APPLICATION_ATTACHMENT_MAX = 100;
/** Documents may be added until the public notice ends; removed only from a draft. */
export const ATTACHABLE_APPLICATION_STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'verified', 'district_approved', 'city_approved', 'in_notice'];
/** `POST /api/applications/:id/attachments?kind=…&fileName=…` with the file as the raw body. */
export const ApplicationAttachmentUploadQuery = z.strictObject({
  kind: ApplicationAttachmentKind.schema,
  fileName: safeText().min(1).max(255),
});
export const DeleteApplicationAttachmentInput = z.strictObject({ reason: prose(500).min(1) });

/** `POST /api/application-imports?campaignId=…&orgId=…&filename=…` with the .xlsx file as the raw body. */
export const APPLICATION_IMPORT_STATUSES = ['queued', 'validating', 'succeeded', 'failed', 'cancelled'] as const;
export type ApplicationImportStatus = (typeof APPLICATION_IMPORT_STATUSES)[number];
/** An import as GET /api/application-imports/:id answers it; the errors are masked (sheet, row, column, value, reason in Chinese). */
export interface ApplicationImportDto {
  id: string;
  campaignId: string;
  orgId: string;
  orgName: string;
  filename: string;
  status: ApplicationImportStatus;
  jobId: string | null;
  jobState: string | null;
  queuePosition: number | null;
  progress: { phase: 'validating' | 'writing'; rowsRead: number; total?: number; written?: number } | null;
  totalRows: number;
  importedApplications: number;
  errorCount: number;
  errors: Array<{ sheet: string; row: number; column: string; value: string; reason: string }>;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Contact with a student's family during reach (宣传发动, 通知到人). */
export const ContactMethod = codes({
  sms: ['短信', 'SMS'],
  phone: ['电话', 'Phone call'],
  visit: ['入户', 'Home visit'],
});
/** A worklist entry's key: the student's ID number as its keyed hash (base64url of an HMAC-SHA256), never the number. */
export const StudentIdHash = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a worklist entry key');
export const ContactOutcome = codes({
  reached: ['已通知到', 'Reached'],
  unreachable: ['联系不上', 'Unreachable'],
  declined: ['明确不申请', 'Declined'],
});
export const RecordContactInput = z
  .strictObject({
    studentIdHash: StudentIdHash,
    method: ContactMethod.schema,
    contactedOn: z.iso.date(),
    outcome: ContactOutcome.schema,
    note: optionalProse(500),
    /** SMS only: the message sent through the notification outbox. */
    message: prose(300).min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.method === 'sms' && c.message === undefined) ctx.addIssue({ code: 'custom', path: ['message'], message: 'an SMS needs the message to send' });
    if (c.method !== 'sms' && c.message !== undefined) ctx.addIssue({ code: 'custom', path: ['message'], message: 'only an SMS carries a message' });
  });
export type RecordContactInput = z.infer<typeof RecordContactInput>;

export const FollowUpStatus = codes({
  studying: ['在读', 'Studying'],
  internship: ['实习', 'Internship'],
  employed: ['已就业', 'Employed'],
  left_school: ['离校', 'Left school'],
});
export const RecordFollowUpInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  status: FollowUpStatus.schema,
  employer: optionalText(100),
  note: optionalProse(1000),
  contactedOn: z.iso.date(),
});

export const LumpSumBatchStatus = codes({
  building: ['生成中', 'Building'],
  previewed: ['待确认', 'Awaiting confirmation'],
  confirmed: ['已确认', 'Confirmed'],
  discarded: ['已作废', 'Discarded'],
  failed: ['生成失败', 'Failed'],
});
export const ConfirmLumpSumInput = z.strictObject({ note: optionalProse(500) });
/** A batch for the actor's own subtree, or for the subtree of an org in it. */
export const StartLumpSumBatchInput = z.strictObject({ orgId: z.uuid().optional() });
export const DiscardLumpSumInput = z.strictObject({ note: optionalProse(500) });
/** Why a household in a batch's scope gets nothing: granted already in this campaign, or a rule it fails (in that order). */
export const LUMP_SUM_EXCLUSIONS = ['already_granted', 'household_status', 'category', 'income_over_threshold'] as const;
export type LumpSumExclusion = (typeof LUMP_SUM_EXCLUSIONS)[number];

/** Masks a name for the public notice: 张*涛, 李*, 欧阳**. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Masks an ID number for the public notice: first 4 and last 2 shown (4108**********12). */
export function maskIdForNotice(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 6) + idNumber.slice(-2);
}

/** Why a student is on the reach worklist (通知到人名单). */
export const WorklistReason = codes({
  transition: ['升学或高考', 'Entering a school stage or sitting the college entrance exam'],
  follow_up: ['往年受助回访', 'Aided in an earlier year'],
});
export type WorklistReason = (typeof WorklistReason.keys)[number];

/** One student of the worklist as lists and exports show it: masked ID, the household's masked phone. */
export interface WorklistEntry {
  studentIdHash: string;
  studentName: string;
  studentIdMasked: string;
  schoolStage: string | null;
  reason: WorklistReason;
  householdId: string;
  householdName: string;
  caseNo: string;
  phoneMasked: string | null;
  orgId: string;
  orgName: string;
  reached: boolean;
  lastContact: { method: string; outcome: string; contactedOn: string; recordedAt: string } | null;
  applied: boolean;
}

export interface CampaignContact {
  id: string;
  method: string;
  outcome: string;
  contactedOn: string;
  note: string | null;
  notificationStatus: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

/** The "no one left out" (应助尽助) counts of one org's subtree, or of its own households (`direct`). */
export interface ReachReportRow {
  orgId: string;
  orgName: string;
  /** Counts only the households filed directly at the org (when it also has children). */
  direct: boolean;
  hasChildren: boolean;
  eligible: number;
  reached: number;
  notReached: number;
  applied: number;
  notApplied: number;
}
export interface ReachReport {
  worklistBuiltAt: string | null;
  /** The org drilled into, or null at the top (the participants in the actor's view). */
  org: { id: string; name: string; parentId: string | null } | null;
  rows: ReachReportRow[];
  totals: Omit<ReachReportRow, 'orgId' | 'orgName' | 'direct' | 'hasChildren'>;
}

/**
 * Why a student (or a lump-sum household) does not qualify: the reasons of the rules' evaluation
 * (server/modules/campaigns/rules/evaluate-rules.ts; rules/preview-rules.ts checks that both lists agree).
 */
export const IneligibilityReason = codes({
  household_status: ['档案状态不符', 'Household status not covered'],
  category: ['困难类别不符', 'Hardship category not covered'],
  unfiled_not_allowed: ['未建档家庭不受理', 'Households not on file may not apply'],
  income_over_threshold: ['人均月收入超过标准', 'Income per head over the line'],
  stage_not_covered: ['就学阶段不在资助范围', 'School stage not covered'],
  government_aided: ['已获政府资助', 'Already aided by a government scheme'],
  military_academy: ['军事院校', 'Military academy'],
  free_normal: ['公费师范生', 'Free normal-school place'],
});

/** The exclusions of the rules that only an application can show (the archive knows no school). */
export const ApplicationExclusion = z.enum(['governmentAided', 'militaryAcademy', 'freeNormal']);

const PreviewCount = z.strictObject({ inScope: z.number().int().min(0), qualifying: z.number().int().min(0) });

/**
 * The rule preview (规则试算, POST /api/campaigns/:id/preview): the households (and, for a per-student
 * program, the students: members with a school stage) in the actor's view of the campaign's
 * participants, how many qualify under the rules, their amount, and why the others do not. Counted
 * from the archive, so the exclusions about schools are left to the applications (`exclusionsAtApplication`).
 */
export const RulePreview = z.strictObject({
  kind: ProgramKind.schema,
  /** The saved rules' version; null when rules sent with the request (not saved) were previewed. */
  rulesVersion: z.number().int().min(1).nullable(),
  households: PreviewCount,
  /** Null for a lump-sum program, which counts households only. */
  students: PreviewCount.nullable(),
  estimatedAmountFen: z.number().int().min(0),
  /** One row per participant the actor sees, counting the part of its subtree in the actor's; an org under two participants counts under the deeper one. */
  byOrg: z.array(z.strictObject({ orgId: z.uuid(), orgName: z.string(), households: PreviewCount, students: PreviewCount.nullable(), amountFen: z.number().int().min(0) })),
  /** Per-student programs: each stage the rules cover or a student in scope is at, in school order. */
  byStage: z.array(z.strictObject({ stage: SchoolStage.schema, students: z.number().int().min(0), qualifying: z.number().int().min(0), amountFen: z.number().int().min(0) })),
  /** Each reason the archive can tell, with the students (or lump-sum households) it holds back; one that fails several counts under each. */
  reasons: z.array(z.strictObject({ reason: IneligibilityReason.schema, students: z.number().int().min(0).optional(), households: z.number().int().min(0).optional() })),
  exclusionsAtApplication: z.array(ApplicationExclusion),
});
export type RulePreview = z.infer<typeof RulePreview>;
