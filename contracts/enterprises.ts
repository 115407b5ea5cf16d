import { z } from 'zod';
import { normalizeIdInput, REGION_PREFIXES, validateCnMobile, validateUscc } from './cn-ids.js';
import { EnterpriseSize, Industry } from './employment.js';
import { listQuery } from './pagination.js';
import { text } from './text.js';
import { Username } from './users.js';

/**
 * 用人单位: the enterprises of the job board and their HR accounts (server/modules/employment/enterprises).
 * The coded fields (industry, size) are in contracts/employment.ts.
 */

/** At most this many enterprises in one imported workbook. */
export const ENTERPRISE_IMPORT_MAX_ROWS = 2000;

/** Why a unified social credit code (统一社会信用代码, GB 32100) is refused, in Chinese and English. */
export const USCC_PROBLEM_MESSAGES = {
  length: '统一社会信用代码应为18位 (must have 18 characters)',
  format: '统一社会信用代码含有非法字符：只能是数字和除 I、O、Z、S、V 以外的大写字母 (digits and capital letters other than I, O, Z, S, V only)',
  check_digit: '统一社会信用代码校验位错误 (check character wrong)',
} as const;

/** A unified social credit code: full-width characters and spaces normalised, the check character verified. */
export const Uscc = z
  .string()
  .max(40, USCC_PROBLEM_MESSAGES.length)
  .transform((raw, ctx) => {
    const r = validateUscc(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: USCC_PROBLEM_MESSAGES[r.problem] });
      return z.NEVER;
    }
    return r.value;
  });

/** A landline with its area code (0391-1234567, 0391 1234567, 03911234567), an extension allowed. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** Area codes of three digits: Beijing (010) and the 02x cities; the rest have four (0391 焦作). */
const areaCodeLength = (digits: string) => (/^0(10|2\d)/.test(digits) ? 3 : 4);

/**
 * Mainland mobile (13803910001) or a landline with its area code (0391-1234567): the kind of number an
 * HR office answers. Full-width digits and spaces are normalised; a landline is kept as 0391-1234567.
 */
export function validateContactPhone(raw: string): { ok: true; value: string } | { ok: false } {
  const mobile = validateCnMobile(raw);
  if (mobile.ok) return mobile;
  const landline = normalizeIdInput(raw).replace(/[\u2010-\u2015]/g, '-');
  if (!LANDLINE.test(landline)) return { ok: false };
  if (landline.includes('-')) return { ok: true, value: landline };
  const cut = areaCodeLength(landline);
  return { ok: true, value: `${landline.slice(0, cut)}-${landline.slice(cut)}` };
}

export const CONTACT_PHONE_MESSAGE = '应为手机号（如 13803910001）或带区号的固定电话（如 0391-1234567）(a mobile or a landline with its area code)';

export const ContactPhone = z
  .string()
  .max(30, CONTACT_PHONE_MESSAGE)
  .transform((raw, ctx) => {
    const r = validateContactPhone(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: CONTACT_PHONE_MESSAGE });
      return z.NEVER;
    }
    return r.value;
  });

export const REGION_CODE_MESSAGE = '行政区划代码应为6位数字，前两位为省级代码 (six digits, GB/T 2260)';

/** A 6-digit region code (GB/T 2260) whose first two digits name a province. */
export const RegionCode = z.string().refine((v) => /^\d{6}$/.test(v) && v.slice(0, 2) in REGION_PREFIXES, REGION_CODE_MESSAGE);

const enterpriseFields = {
  orgId: z.uuid(),
  name: text().min(2).max(100),
  uscc: Uscc,
  industry: Industry.schema,
  size: EnterpriseSize.schema,
  address: text().max(200).optional().nullable(),
  regionCode: RegionCode,
  contactName: text().min(1).max(50),
  contactPhone: ContactPhone,
  priorityPledge: z.boolean().default(false),
};

export const RegisterEnterpriseInput = z.strictObject(enterpriseFields);
export type RegisterEnterpriseInput = z.input<typeof RegisterEnterpriseInput>;

/**
 * A correction names what changes and the version it read (optimistic lock). The org is not moved here:
 * an enterprise's postings and HR accounts belong to its org. An HR account may not change the code.
 */
export const UpdateEnterpriseInput = z.strictObject({
  name: enterpriseFields.name.optional(),
  uscc: Uscc.optional(),
  industry: Industry.schema.optional(),
  size: EnterpriseSize.schema.optional(),
  address: enterpriseFields.address,
  regionCode: RegionCode.optional(),
  contactName: enterpriseFields.contactName.optional(),
  contactPhone: ContactPhone.optional(),
  priorityPledge: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateEnterpriseInput = z.input<typeof UpdateEnterpriseInput>;

export const EnterpriseStatus = z.enum(['active', 'inactive']);

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const EnterpriseListQuery = listQuery(['name', 'createdAt', 'uscc'], 'createdAt').extend({
  /** Part of the name, or the start of the code. */
  q: text().max(50).optional(),
  industry: Industry.schema.optional(),
  size: EnterpriseSize.schema.optional(),
  pledged: flag.optional(),
  status: EnterpriseStatus.optional(),
  /** Only enterprises of this org's subtree (inside the actor's). */
  orgId: z.uuid().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type EnterpriseListQuery = z.input<typeof EnterpriseListQuery>;

/** An HR account for an enterprise: its username and the HR contact's name; the password is a one-time one. */
export const CreateHrAccountInput = z.strictObject({
  username: Username,
  displayName: text().min(1).max(50),
});
export type CreateHrAccountInput = z.infer<typeof CreateHrAccountInput>;

export interface EnterpriseDto {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  uscc: string;
  industry: (typeof Industry.keys)[number];
  size: (typeof EnterpriseSize.keys)[number];
  address: string | null;
  regionCode: string;
  contactName: string;
  contactPhone: string;
  priorityPledge: boolean;
  status: 'active' | 'inactive';
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HrAccountDto {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** A cell of an imported workbook in error (the report is in Chinese). */
export interface EnterpriseImportError {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface EnterpriseImportResult {
  ok: boolean;
  /** Rows read (the example row and blank rows aside). */
  rows: number;
  imported: number;
  errorCount: number;
  /** The first 500 errors; the report holds them all. */
  errors: EnterpriseImportError[];
  /** When refused: the error report (one line per bad cell, in Chinese) as an .xlsx file, base64. */
  reportXlsx?: string;
}
