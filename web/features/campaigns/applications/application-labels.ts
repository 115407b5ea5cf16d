import type { TFunction } from 'i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../contracts/campaigns.js';
import zhCN from '../../../shared/locales/campaigns/applications.zh-CN.js';

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(t: TFunction, status: string | null | undefined): string {
  if (!status) return '';
  return isApplicationStatus(status) ? t(`applications.status.${status}`) : status;
}

/** Tag colours: blue up the hierarchy, gold in the notice, green once granted, grey or red when out of it. */
export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  verified: 'cyan',
  district_approved: 'geekblue',
  city_approved: 'purple',
  in_notice: 'gold',
  ready: 'green',
  paid: 'green',
  followed_up: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

type HistoryAction = keyof typeof zhCN.history.actions;

/** A history entry's action in words; unknown actions are shown as they are. */
export function historyActionLabel(t: TFunction, action: string): string {
  return Object.hasOwn(zhCN.history.actions, action) ? t(`applications.history.actions.${action as HistoryAction}`) : action;
}

type IneligibleReason = keyof typeof zhCN.ineligible;

/** Why the rules refuse a student, in words (evaluate-rules.ts INELIGIBILITY_REASONS). */
export function ineligibleLabel(t: TFunction, reason: string): string {
  return Object.hasOwn(zhCN.ineligible, reason) ? t(`applications.ineligible.${reason as IneligibleReason}`) : reason;
}
