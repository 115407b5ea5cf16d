import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import zhReach from '../../../shared/locales/campaigns/reach.zh-CN.js';

type ReachReason = keyof typeof zhReach.errors;
const isReachReason = (r: unknown): r is ReachReason => typeof r === 'string' && Object.hasOwn(zhReach.errors, r);

/** One line for the user, with the reach refusals (no phone, not on the list, closed campaign) in plain words. */
export function reachErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && isReachReason(err.details.reason)) return t(`reach.errors.${err.details.reason}`);
  return errorMessage(t, err);
}
