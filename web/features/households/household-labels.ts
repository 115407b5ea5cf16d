import type { TFunction } from 'i18next';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../../contracts/households.js';
import zhCN from '../../shared/locales/zh-CN.js';

/** A coded field's definition from contracts/households.ts: keys with [Chinese, English] labels. */
export interface CodeSet<K extends string = string> {
  keys: readonly K[];
  labels: Record<K, readonly [string, string]>;
}

/** The label of a code in the interface language; unknown codes (a newer server) are shown as they are. */
export function codeLabel(codes: CodeSet, key: string | null | undefined, language: string): string {
  if (key === null || key === undefined || key === '') return '';
  const pair = Object.hasOwn(codes.labels, key) ? codes.labels[key] : undefined;
  return pair ? pair[language === 'en' ? 1 : 0] : key;
}

/** Select options for a coded field, in the contract's order. */
export function codeOptions<K extends string>(codes: CodeSet<K>, language: string): Array<{ value: K; label: string }> {
  return codes.keys.map((k) => ({ value: k, label: codes.labels[k][language === 'en' ? 1 : 0] }));
}

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
