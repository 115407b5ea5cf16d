import { z } from 'zod';
import { Education, JobCategory, SeekerStatus } from './employment.js';
import { CnIdNumber, CnMobile, codes, SchoolStage } from './households.js';
import { text as safeText } from './text.js';

/**
 * Job seekers (求职登记), matching, referrals and placements (推荐与安置). A seeker is entered by hand,
 * or from an archived household's member (or its worker) or a student a campaign aided: then name,
 * ID number and schooling come from that record and the seeker is marked as of a hardship family.
 */

const text = (max: number) => safeText().max(max);
const optionalText = (max: number) => text(max).optional().nullable();
const optionalProse = (max: number) => safeText({ multiline: true }).max(max).optional().nullable();
/** A monthly salary in fen, up to 10万元. */
const monthlyFen = z.number().int().min(0).max(10_000_000);
export const RegionCode = z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260)');

/** What a seeker's registration names as its source record (picked on the form). */
export const SeekerSource = codes({
  manual: ['直接登记', 'Entered directly'],
  household: ['困难职工档案', 'Archived household'],
  application: ['受助学生', 'Aided student'],
});

/** What a seeker is registered and corrected with, each optional (registration requires some, by source). */
const seekerFields = {
  name: text(50).min(1).optional(),
  idNumber: CnIdNumber.optional(),
  /** null clears the phone. */
  phone: CnMobile.optional().nullable(),
  education: Education.schema.optional(),
  major: optionalText(50),
  graduationYear: z.number().int().min(1950).max(2100).optional().nullable(),
  /** Skills in a few words (电焊, CAD, 叉车证), separated by commas or spaces. */
  skills: optionalText(200),
  wishedCategory: JobCategory.schema.optional(),
  wishedRegion: RegionCode.optional(),
  wishedSalaryFen: monthlyFen.optional().nullable(),
  /** Of a hardship family; always true when registered from a household or an aided student. */
  hardship: z.boolean().optional(),
};

export const RegisterSeekerInput = z
  .strictObject({
    /** The org the seeker is registered at; left out, the source record's org (or the actor's). */
    orgId: z.uuid().optional(),
    /** An archived household in scope, and its member (left out: the worker the household is filed for). */
    householdId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    /** An aided (paid or followed-up) application in scope: its student. */
    applicationId: z.uuid().optional(),
    ...seekerFields,
    wishedCategory: JobCategory.schema,
    wishedRegion: RegionCode,
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.householdId && v.applicationId) issue('applicationId', 'register from a household or from an aided student, not both');
    if (v.memberId && !v.householdId) issue('memberId', 'a member is named with its householdId');
    const fromRecord = !!(v.householdId || v.applicationId);
    if (fromRecord) {
      if (v.name !== undefined) issue('name', 'the name is taken from the record');
      if (v.idNumber !== undefined) issue('idNumber', 'the ID number is taken from the record');
    } else {
      if (v.name === undefined) issue('name', 'required');
      if (v.idNumber === undefined) issue('idNumber', 'required');
      if (v.education === undefined) issue('education', 'required');
    }
  });
export type RegisterSeekerInput = z.infer<typeof RegisterSeekerInput>;

/**
 * A correction of a seeker, made on the version the editor read (a stale one is a 409). The name and
 * ID number can be corrected only on a seeker entered by hand: from a record they are the archive's
 * or the application's and are corrected there. A seeker from a record stays of a hardship family.
 * The org is not changed here, nor the status (deactivate / reactivate).
 */
export const UpdateSeekerInput = z.strictObject({ ...seekerFields, version: z.number().int().min(1) });
export type UpdateSeekerInput = z.infer<typeof UpdateSeekerInput>;

/** 查看完整号码: the field and why (audited). */
export const RevealSeekerInput = z.strictObject({
  field: z.enum(['idNumber', 'phone']),
  reason: safeText({ multiline: true }).max(200).min(2),
});

/** 停止求职 / 恢复求职: why (kept on the seeker while inactive, and audited). */
export const SeekerStatusInput = z.strictObject({
  reason: safeText({ multiline: true }).max(500).min(2),
});

export const SeekerListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: SeekerStatus.schema.optional(),
  hardship: z.enum(['true', 'false']).optional(),
  education: Education.schema.optional(),
  /** The start of a name. */
  q: text(50).optional(),
});

/** The pickers of the registration form: archived households, or aided students, in the actor's subtree. */
export const SeekerCandidatesQuery = z.strictObject({
  kind: z.enum(['household', 'application']).default('household'),
  /** The start of a name, or a case or application number. */
  q: text(50).optional(),
});

export const ReferInput = z.strictObject({
  postingId: z.uuid(),
  note: optionalProse(500),
});

export const ReferralOutcome = z.enum(['placed', 'declined']);
export const ReferralOutcomeInput = z
  .strictObject({
    outcome: ReferralOutcome,
    /** The day the seeker started work (placed only). */
    placedOn: z.iso.date().optional(),
    note: optionalProse(500),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'placed' && !v.placedOn) ctx.addIssue({ code: 'custom', path: ['placedOn'], message: 'the day the seeker started work' });
    if (v.outcome === 'declined' && v.placedOn) ctx.addIssue({ code: 'custom', path: ['placedOn'], message: 'only a placement has a start day' });
  });

/**
 * Why a match was made. The first are the posting's fit with the seeker's wishes and schooling;
 * work_study (勤工俭学) fits a student still at school, public_interest (公益性岗位) a seeker of a
 * hardship family, and priority_pledge an enterprise pledged to hire hardship graduates first.
 */
export const MatchCriterion = codes({
  category: ['岗位类别', 'Category'],
  region: ['工作地点', 'Region'],
  region_nearby: ['同市就近', 'Same city'],
  education: ['学历要求', 'Education'],
  salary: ['薪资', 'Salary'],
  skills: ['技能', 'Skills'],
  work_study: ['勤工俭学', 'Work-study'],
  public_interest: ['公益性岗位', 'Public-interest post'],
  priority_pledge: ['优先招聘困难家庭', 'Pledged to hire hardship first'],
});
export type MatchCriterion = (typeof MatchCriterion.keys)[number];

/** The level of schooling a stage leads to, and how many years it lasts (for the graduation year). */
export const STAGE_EDUCATION: Record<(typeof SchoolStage.keys)[number], { education: (typeof Education.keys)[number]; years: number }> = {
  preschool: { education: 'none', years: 0 },
  primary: { education: 'none', years: 6 },
  junior: { education: 'junior', years: 3 },
  senior: { education: 'senior', years: 3 },
  vocational: { education: 'senior', years: 3 },
  college: { education: 'college', years: 3 },
  undergraduate: { education: 'bachelor', years: 4 },
  postgraduate: { education: 'master', years: 3 },
};
