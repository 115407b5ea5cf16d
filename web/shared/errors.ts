import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError, type FieldIssue } from './api.js';
import zhCN from './locales/zh-CN.js';

type Reason = keyof typeof zhCN.errors.reason;
type Code = keyof typeof zhCN.errors.code;

function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.hasOwn(zhCN.errors.reason, value);
}

function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.hasOwn(zhCN.errors.code, value);
}

/**
 * One line for the user: the translated domain reason when we know it, otherwise the translated
 * error kind with the server's own message beside it.
 */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!isApiError(err)) return t('errors.code.INTERNAL');
  if (err.code === 'NETWORK') return t('errors.network');
  const { reason } = err.details;
  if (isReason(reason)) return t(`errors.reason.${reason}`, { count: Number(err.details.count ?? 0) });
  if (err.code === 'UNAUTHENTICATED') return t('errors.code.UNAUTHENTICATED');
  if (err.code === 'INTERNAL') return `${t('errors.code.INTERNAL')} ${t('errors.requestId', { id: err.requestId ?? '-' })}`;
  if (isCode(err.code)) return t('errors.withDetail', { summary: t(`errors.code.${err.code}`), detail: err.message });
  return err.message;
}

/** 'body.code' → 'code': the server names fields by where they were in the request. */
export function issueField(issue: FieldIssue): string {
  return issue.field.replace(/^(body|query|params)\./, '');
}

/**
 * Puts the server's field problems next to the matching form fields: VALIDATION issues, and the
 * field a CONFLICT names (e.g. a taken username). Returns true when every problem found a field.
 */
export function applyFormErrors(t: TFunction, form: FormInstance, fields: readonly string[], err: unknown): boolean {
  if (!isApiError(err)) return false;
  const known = new Set(fields);
  if (err.code === 'VALIDATION' && Array.isArray(err.details.issues) && err.details.issues.length > 0) {
    const byField = new Map<string, string[]>();
    let unplaced = 0;
    for (const issue of err.details.issues) {
      const field = issueField(issue);
      if (known.has(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      else unplaced++;
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    return unplaced === 0;
  }
  const field = err.details.field;
  if (typeof field === 'string' && known.has(field)) {
    form.setFields([{ name: field, errors: [errorMessage(t, err)] }]);
    return true;
  }
  return false;
}
