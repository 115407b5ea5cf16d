import type { TFunction } from 'i18next';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../../contracts/households.js';
import zhCN from '../../shared/locales/zh-CN.js';

export { codeLabel, codeOptions, type CodeSet } from '../../shared/code-labels.js';

export function isHouseholdStatus(value: unknown): value is HouseholdStatus {
  return typeof value === 'string' && (HOUSEHOLD_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(t: TFunction, status: string | null | undefined): string {
  if (!status) return '';
  return isHouseholdStatus(status) ? t(`households.status.${status}`) : status;
}

/** Tag colours by stage: blue while in the filing workflow, green archived, grey when out of it. */
export const STATUS_COLOR: Record<HouseholdStatus, string> = {
  applied: 'blue',
  checked: 'cyan',
  visited: 'geekblue',
  in_notice: 'gold',
  archived: 'green',
  returned: 'orange',
  rejected: 'red',
  lifted: 'purple',
  closed: 'default',
};

type HistoryAction = keyof typeof zhCN.households.history.actions;

/** The history entry's action in words; unknown actions are shown as they are. */
export function historyActionLabel(t: TFunction, action: string): string {
  return Object.hasOwn(zhCN.households.history.actions, action) ? t(`households.history.actions.${action as HistoryAction}`) : action;
}

type FieldKey = keyof typeof zhCN.households.fields;

/** A field name the server reports (e.g. in a history entry's changedFields) in words. */
export function fieldLabel(t: TFunction, field: string): string {
  const key = field.replace(/Fen$/, '');
  return Object.hasOwn(zhCN.households.fields, key) ? t(`households.fields.${key as FieldKey}`) : field;
}
