import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';

/** The policy pages' own refusals in words; the rest as every page says them. */
export function policyErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    if (err.details.reason === 'stale') return t('policies.errors.stale');
    if (err.details.reason === 'status') return t('policies.errors.status');
    if (err.details.reason === 'file_type') return t('policies.attachments.badType', { name: '' });
    if (err.details.reason === 'attachment_limit') return t('policies.attachments.limit');
    if (err.code === 'NOT_FOUND') return t('policies.errors.notFound');
  }
  return errorMessage(t, err);
}
