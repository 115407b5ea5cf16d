import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';

/** Hours as staff read a wait: minutes under an hour, "5 小时" under two days (one decimal under ten), "3 天 4 小时" beyond. */
export function formatHours(t: TFunction, hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '-';
  if (hours < 1) return t('consultations.minutes', { minutes: Math.round(hours * 60) });
  if (hours < 48) return t('consultations.hours', { hours: hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours) });
  const days = Math.floor(hours / 24);
  return t('consultations.daysHours', { days, hours: Math.round(hours - days * 24) });
}

/** The consultation pages' own refusals in words; the rest as every page says them. */
export function consultationErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    if (err.details.reason === 'status') return t('consultations.errors.status');
    if (err.details.reason === 'same_org') return t('consultations.errors.sameOrg');
    if (err.details.reason === 'org_inactive') return t('consultations.errors.orgInactive');
    if (err.code === 'NOT_FOUND') return t('consultations.errors.notFound');
  }
  return errorMessage(t, err);
}

/** Minutes until a rate-limited public request may be sent again (at least one). */
export function retryMinutes(err: unknown): number {
  const seconds = isApiError(err) ? Number(err.details.retryAfterSeconds ?? 600) : 600;
  return Math.max(1, Math.ceil(seconds / 60));
}

export const TICKET_NO = /^ZX\d{13}$/;
