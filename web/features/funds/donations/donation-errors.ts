import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';

const REASONS: Record<string, string> = {
  drive_closed: 'donations.errors.driveClosed',
  already_refunded: 'donations.errors.alreadyRefunded',
  name_taken: 'donations.errors.nameTaken',
  insufficient_funds: 'donations.errors.insufficientFunds',
};

/** The donations' own refusals in words; the rest as every page says them. */
export function donationErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const key = typeof err.details.reason === 'string' ? REASONS[err.details.reason] : undefined;
    if (key) return t(key as never);
    if (err.code === 'NOT_FOUND') return t('donations.errors.notFound');
  }
  return errorMessage(t, err);
}

/** The server names a field as the API does (`amountFen`); a form may hold it under another name. */
export function renameFields(err: unknown, names: Record<string, string>): unknown {
  if (!isApiError(err) || !err.details.issues) return err;
  const issues = err.details.issues.map((i) => {
    const field = i.field.replace(/^body\./, '');
    return names[field] ? { ...i, field: `body.${names[field]}` } : i;
  });
  return new ApiError(err.status, err.code, err.message, { ...err.details, issues }, err.requestId);
}
