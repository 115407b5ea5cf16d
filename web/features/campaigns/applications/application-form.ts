// The application form's values and the request bodies made from them. Amounts are typed in 元 as
// text and parsed on their digits by shared/money.ts (never through floating point); the server takes integer fen.
import { FiveClear, type FiveClearKey, type FiveClearsInput } from '../../../../contracts/campaigns.js';
import { fenToYuanInput, parseYuan as parseYuanText } from '../../../shared/money.js';
import type { ApplicationDetail, CreateApplicationBody, UpdateApplicationBody } from './applications.api.js';

/** '1,800.50' → 180050 (full-width digits and separators allowed); '' → null; not an amount (or over 1 亿元) → undefined. */
export function parseYuan(raw: string | number | null | undefined): number | null | undefined {
  const r = parseYuanText(raw);
  if ('fen' in r) return r.fen;
  return r.problem === 'empty' ? null : undefined;
}

/** 180050 → '1800.50', 180000 → '1800' (to prefill an input). */
export const fenToYuanText = fenToYuanInput;

const fenOf = (raw: string | undefined) => parseYuan(raw) ?? 0;
const text = (s: string | null | undefined) => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};

export interface ClearValue {
  checked?: boolean;
  note?: string | null;
}

export interface ApplicationFormValues {
  campaignId?: string;
  orgId?: string;
  filed: boolean;
  householdId?: string;
  memberId?: string;
  unfiled?: {
    name?: string;
    idNumber?: string;
    phone?: string;
    employerName?: string;
    householdSize?: number;
    incomePerHeadMonthlyYuan?: string;
    regionCode?: string;
    hardship?: string;
  };
  student?: { name?: string; idNumber?: string };
  schoolName?: string;
  schoolStage?: string;
  schoolKind: string;
  admissionYear?: number;
  major?: string;
  tuitionYuan?: string;
  otherFeesYuan?: string;
  nationalAid: string[];
  governmentAided: boolean;
  fiveClears: Record<FiveClearKey, ClearValue>;
  /** All three or none: 'YYYY-MM-DD', who went, what they found. */
  homeVisit?: { visitDate?: string | null; visitors?: string; findings?: string };
  wish?: string;
  /** Edit only (the rules propose the amount when the draft is saved). */
  amountYuan?: string;
  amountReason?: string;
}

export function emptyClears(): Record<FiveClearKey, ClearValue> {
  return Object.fromEntries(FiveClear.keys.map((k) => [k, { checked: false, note: '' }])) as Record<FiveClearKey, ClearValue>;
}

export function clearsBody(v: Record<FiveClearKey, ClearValue> | undefined): FiveClearsInput {
  return Object.fromEntries(FiveClear.keys.map((k) => [k, { checked: !!v?.[k]?.checked, note: text(v?.[k]?.note) }])) as FiveClearsInput;
}

/** Whether any of the home visit's three fields is filled (then all three are required). */
export function homeVisitStarted(h: ApplicationFormValues['homeVisit']): boolean {
  return !!(h?.visitDate || text(h?.visitors) || text(h?.findings));
}

function homeVisitBody(h: ApplicationFormValues['homeVisit']) {
  if (!homeVisitStarted(h)) return null;
  return { visitDate: h!.visitDate!, visitors: text(h!.visitors)!, findings: text(h!.findings)! };
}

function schoolBody(v: ApplicationFormValues) {
  return {
    schoolName: text(v.schoolName)!,
    schoolStage: v.schoolStage as CreateApplicationBody['schoolStage'],
    schoolKind: v.schoolKind as CreateApplicationBody['schoolKind'],
    admissionYear: v.admissionYear!,
    major: text(v.major),
    tuitionFen: fenOf(v.tuitionYuan),
    otherFeesFen: fenOf(v.otherFeesYuan),
    nationalAid: v.nationalAid as CreateApplicationBody['nationalAid'],
    governmentAided: !!v.governmentAided,
    fiveClears: clearsBody(v.fiveClears),
    homeVisit: homeVisitBody(v.homeVisit),
    wish: text(v.wish),
  };
}

/** A new draft: a filed household's member, or an unfiled applicant with the student's own name and ID. */
export function createBody(v: ApplicationFormValues): CreateApplicationBody {
  const who = v.filed
    ? { householdId: v.householdId!, memberId: v.memberId! }
    : {
        unfiled: {
          name: text(v.unfiled?.name)!,
          idNumber: text(v.unfiled?.idNumber)!.toUpperCase(),
          phone: text(v.unfiled?.phone),
          employerName: text(v.unfiled?.employerName),
          householdSize: v.unfiled?.householdSize ?? 1,
          incomePerHeadMonthlyFen: fenOf(v.unfiled?.incomePerHeadMonthlyYuan),
          regionCode: text(v.unfiled?.regionCode)!,
          hardship: text(v.unfiled?.hardship)!,
        },
        student: { name: text(v.student?.name)!, idNumber: text(v.student?.idNumber)!.toUpperCase() },
      };
  return { campaignId: v.campaignId!, orgId: v.orgId!, ...who, ...schoolBody(v) };
}

/**
 * A draft's correction (PATCH with the version read). The amount goes only when it moves off the
 * saved proposal (with its reason), or back onto it from an amount asked before.
 */
export function updateBody(v: ApplicationFormValues, saved: Pick<ApplicationDetail, 'version' | 'proposedAmountFen' | 'amountFen'>): UpdateApplicationBody {
  const body: UpdateApplicationBody = { ...schoolBody(v), version: saved.version };
  const asked = parseYuan(v.amountYuan);
  if (typeof asked === 'number' && asked !== saved.proposedAmountFen) Object.assign(body, { amountFen: asked, amountReason: text(v.amountReason) });
  else if (saved.amountFen !== saved.proposedAmountFen) Object.assign(body, { amountFen: saved.proposedAmountFen, amountReason: null });
  return body;
}

/** A saved draft back in the form (its applicant and student are fixed once made). */
export function detailToForm(a: ApplicationDetail): ApplicationFormValues {
  const clears = emptyClears();
  for (const k of FiveClear.keys) clears[k] = { checked: !!a.fiveClears?.[k]?.checked, note: a.fiveClears?.[k]?.note ?? '' };
  return {
    campaignId: a.campaignId,
    orgId: a.orgId,
    filed: a.filed,
    householdId: a.householdId ?? undefined,
    memberId: a.memberId ?? undefined,
    schoolName: a.schoolName,
    schoolStage: a.schoolStage,
    schoolKind: a.schoolKind,
    admissionYear: a.admissionYear,
    major: a.major ?? '',
    tuitionYuan: fenToYuanText(a.tuitionFen),
    otherFeesYuan: fenToYuanText(a.otherFeesFen),
    nationalAid: a.nationalAid,
    governmentAided: a.governmentAided,
    fiveClears: clears,
    homeVisit: a.homeVisit ?? { visitDate: null, visitors: '', findings: '' },
    wish: a.wish ?? '',
    amountYuan: fenToYuanText(a.amountFen),
    amountReason: a.amountReason ?? '',
  };
}

type NamePath = Array<string | number>;

/**
 * Where a field the server names ('body.unfiled.incomePerHeadMonthlyFen', or 'student' in a 409)
 * sits in the form (['unfiled', 'incomePerHeadMonthlyYuan']): amounts are typed in 元 under *Yuan names.
 */
export function toFormPath(serverField: string, filed: boolean): NamePath {
  const field = serverField.replace(/^(body|query|params)\./, '');
  if (field === 'student') return filed ? ['memberId'] : ['student', 'idNumber'];
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/Fen$/, 'Yuan')));
}

/** The fields the form shows, as dotted paths (server problems elsewhere are reported as a message). */
export const FORM_FIELDS = new Set([
  'campaignId',
  'orgId',
  'householdId',
  'memberId',
  ...['name', 'idNumber', 'phone', 'employerName', 'householdSize', 'incomePerHeadMonthlyYuan', 'regionCode', 'hardship'].map((f) => `unfiled.${f}`),
  'student.name',
  'student.idNumber',
  'schoolName',
  'schoolStage',
  'schoolKind',
  'admissionYear',
  'major',
  'tuitionYuan',
  'otherFeesYuan',
  'nationalAid',
  'governmentAided',
  ...FiveClear.keys.flatMap((k) => [`fiveClears.${k}.checked`, `fiveClears.${k}.note`]),
  'homeVisit.visitDate',
  'homeVisit.visitors',
  'homeVisit.findings',
  'wish',
  'amountYuan',
  'amountReason',
]);
