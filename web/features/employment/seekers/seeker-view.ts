import type { TFunction } from 'i18next';
import { JIAOZUO_COUNTIES } from '../../../../contracts/cn-ids.js';
import { ApiError, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import { regionLabel } from '../postings/posting-view.js';

/** Whole yuan of a monthly amount in fen, grouped by thousands: 450000 → '4,500'. */
export function monthlyYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  const whole = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents ? `${whole}.${String(cents).padStart(2, '0')}` : whole;
}

/** A posting's monthly salary range: '4,000–6,000' (one figure when both ends agree). */
export function salaryRange(minFen: number, maxFen: number): string {
  return minFen === maxFen ? monthlyYuan(minFen) : `${monthlyYuan(minFen)}–${monthlyYuan(maxFen)}`;
}

/** 中站区 (Zhongzhan District in English) for 410803; a code outside Jiaozuo as it is. */
export { regionLabel };
export const regionOptions = (lang?: string) => Object.keys(JIAOZUO_COUNTIES).map((value) => ({ value, label: regionLabel(value, lang) }));

/** Where a seeker was registered from. */
export const seekerSource = (s: { householdId: string | null; applicationId: string | null }) => (s.applicationId ? 'application' : s.householdId ? 'household' : 'manual');

const REASONS: Record<string, 'alreadyReferred' | 'alreadyPlaced' | 'postingStatus' | 'seekerStatus' | 'referralStatus' | 'householdStatus' | 'applicationStatus' | 'stale' | 'seekerInactive'> = {
  already_referred: 'alreadyReferred',
  already_placed: 'alreadyPlaced',
  posting_status: 'postingStatus',
  seeker_status: 'seekerStatus',
  referral_status: 'referralStatus',
  household_status: 'householdStatus',
  application_status: 'applicationStatus',
  stale: 'stale',
  seeker_inactive: 'seekerInactive',
};

/** The seekers' own refusals in words; the rest as every page says them. */
export function seekerErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const reason = err.details.reason;
    if (reason === 'seeker_registered') return t('seekers.errors.seekerRegistered', { org: (err.details.holdingOrg as { name?: string } | undefined)?.name ?? '' });
    if (typeof reason === 'string' && REASONS[reason]) return t(`seekers.errors.${REASONS[reason]}`);
    if (err.code === 'NOT_FOUND') return t('seekers.errors.notFound');
  }
  return errorMessage(t, err);
}

/** The server's field names as the form's (the salary in fen is the form's 元, the member its person). */
export function renameFields(err: unknown, names: Record<string, string>): unknown {
  if (!isApiError(err) || !err.details.issues) return err;
  const issues = err.details.issues.map((i) => (names[i.field] ? { ...i, field: names[i.field] } : i));
  return new ApiError(err.status, err.code, err.message, { ...err.details, issues }, err.requestId);
}
