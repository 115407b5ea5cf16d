import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';

const REASONS: Record<string, 'usccTaken' | 'stale' | 'status' | 'enterpriseInactive'> = {
  uscc_taken: 'usccTaken',
  stale: 'stale',
  status: 'status',
  enterprise_inactive: 'enterpriseInactive',
};

/** The enterprises' own refusals in words; the rest as every page says them. */
export function enterpriseErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const reason = err.details.reason;
    if (typeof reason === 'string' && Object.hasOwn(REASONS, reason)) return t(`enterprises.errors.${REASONS[reason]}`);
    if (err.code === 'NOT_FOUND') return t('enterprises.errors.notFound');
  }
  return errorMessage(t, err);
}
