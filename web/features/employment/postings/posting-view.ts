import i18next, { type TFunction } from 'i18next';
import { JIAOZUO_COUNTIES } from '../../../../contracts/cn-ids.js';
import { PostingStatus } from '../../../../contracts/employment.js';
import { isApiError } from '../../../shared/api.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { errorMessage } from '../../../shared/errors.js';
import jobsEn from '../../../shared/locales/employment/jobs.en.js';
import type { PostingDto, PostingStatusKey } from './postings.api.js';

/** Whole yuan with separators, and fen when there are any: 4,000 or 4,000.50. */
export function monthlyYuan(fen: number): string {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fen % 100 ? `${whole}.${String(fen % 100).padStart(2, '0')}` : whole;
}

/** "4,000–6,000 元/月", one figure when both ends agree, 面议 when no salary is given. */
export function salaryText(t: TFunction, minFen: number, maxFen: number): string {
  if (maxFen === 0) return t('jobs.salaryNegotiable');
  const range = minFen === maxFen ? monthlyYuan(maxFen) : `${monthlyYuan(minFen)}–${monthlyYuan(maxFen)}`;
  return t('jobs.salaryPerMonth', { range });
}

const ENGLISH_REGIONS: Record<string, string> = jobsEn.board.regions;

/** 中站区 (Zhongzhan District in English) for 410803; a code outside Jiaozuo as it is. */
export const regionLabel = (code: string, lang?: string) => (lang === 'en' ? ENGLISH_REGIONS[code] : undefined) ?? JIAOZUO_COUNTIES[code] ?? code;
export const regionOptions = (lang?: string) => Object.keys(JIAOZUO_COUNTIES).map((value) => ({ value, label: `${regionLabel(value, lang)}（${value}）` }));

/** What a status allows, as the server decides it (posting-rules.ts). */
export const canEdit = (s: PostingStatusKey) => s === 'draft' || s === 'returned';
export const canClose = (s: PostingStatusKey) => s === 'draft' || s === 'submitted' || s === 'returned' || s === 'published';

export const STATUS_COLORS: Record<PostingStatusKey, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  published: 'success',
  closed: 'default',
  expired: 'default',
};

/** Today in China (valid-until is a China date). */
export { chinaTodayYmd as chinaToday } from '../../../shared/china-today.js';

/** The posting's own refusals in words (a duplicate title, a stale version, a lapsed date); the rest as every page says them. */
export function postingErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const reason = err.details.reason;
    if (reason === 'duplicate_posting') return t('jobs.form.duplicate');
    if (reason === 'version') return t('jobs.form.changedMeanwhile');
    if (reason === 'valid_until_passed') return t('jobs.detail.lapsed');
    if (reason === 'status' && typeof err.details.status === 'string') return t('jobs.detail.statusChanged', { status: codeLabel(PostingStatus, err.details.status, i18next.language) });
  }
  return errorMessage(t, err);
}

/** The fields the form sends, from a posting on file (for editing). */
export function formValuesOf(p: PostingDto) {
  return {
    enterpriseId: p.enterpriseId,
    title: p.title,
    category: p.category,
    kind: p.kind,
    openings: p.openings,
    salaryMinYuan: p.salaryMinFen / 100,
    salaryMaxYuan: p.salaryMaxFen / 100,
    education: p.education,
    experience: p.experience,
    regionCode: p.regionCode,
    description: p.description,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    validUntil: p.validUntil,
  };
}

/** Whole yuan from the form as fen (the form takes whole yuan; 0 for 面议). */
export const yuanToFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);
