import { App, type FormInstance } from 'antd';
import i18next, { type TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FiveClear } from '../../../../contracts/campaigns.js';
import { ID_PROBLEM_MESSAGES } from '../../../../contracts/households.js';
import { isApiError, type FieldIssue } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import zhCN from '../../../shared/locales/campaigns/applications.zh-CN.js';
import zhShared from '../../../shared/locales/zh-CN.js';
import { codeLabel } from '../campaign-labels.js';
import { FORM_FIELDS, toFormPath } from './application-form.js';
import { ineligibleLabel } from './application-labels.js';

type Reason = keyof typeof zhCN.errors.reason;
const zhOrgTypes = zhShared.orgTypes;
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A refusal's reason (an error's details.reason, or a bulk row's) in the interface language, with what it names. */
export function reasonMessage(t: TFunction, reason: unknown, details: Record<string, unknown> = {}): string | null {
  if (typeof reason !== 'string' || !Object.hasOwn(zhCN.errors.reason, reason)) return null;
  // A bulk row's refusal carries its reason only.
  if (reason === 'over_budget' && typeof details.budgetFen !== 'number') return t('applications.errors.overBudgetPlain');
  if (reason === 'step_actor' && !Array.isArray(details.allowed)) return t('applications.errors.stepActorPlain');
  const org = (details.holdingOrg as { name?: string } | undefined)?.name ?? (typeof details.org === 'string' ? details.org : '');
  const left = typeof details.budgetFen === 'number' && typeof details.usedFen === 'number' ? formatYuan(details.budgetFen - details.usedFen) : '';
  return t(`applications.errors.reason.${reason as Reason}`, {
    org,
    left,
    from: String(details.applyFrom ?? ''),
    to: String(details.applyTo ?? ''),
    reasons: strings(details.reasons).map((r) => ineligibleLabel(t, r)).join('、'),
    allowed: strings(details.allowed)
      .map((o) => (Object.hasOwn(zhOrgTypes, o) ? t(`orgTypes.${o as keyof typeof zhOrgTypes}`) : o))
      .join('、'),
    missing: strings(details.missing).map((k) => codeLabel(FiveClear, k, i18next.language)).join('、'),
  });
}

/** One line for the user: the application refusals in words, a missing record as not found, the rest as the shared errors. */
export function applicationErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const known = reasonMessage(t, err.details.reason, err.details);
    if (known) return known;
    if (err.code === 'NOT_FOUND' || (err.code === 'VALIDATION' && err.details.issues?.some((i) => i.field.startsWith('params.')))) return t('applications.errors.notFound');
  }
  return errorMessage(t, err);
}

const ID_PROBLEMS = Object.entries(ID_PROBLEM_MESSAGES) as Array<[keyof typeof ID_PROBLEM_MESSAGES, string]>;

/** The server's field messages are English; those the form can meet are said in the interface language. */
export function issueMessage(t: TFunction, issue: FieldIssue): string {
  const problem = ID_PROBLEMS.find(([, m]) => m === issue.message);
  if (problem) return t(`households.idProblem.${problem[0]}`);
  if (/amountReason$/.test(issue.field)) return t('applications.form.amountReasonRequired');
  if (/reason$/.test(issue.field)) return t('applications.step.reasonRequired');
  return issue.message;
}

/** Puts the server's field problems beside the form's fields; true when every one found its field. */
export function applyApplicationFormErrors(t: TFunction, form: FormInstance, err: unknown, filed: boolean, fields: ReadonlySet<string> = FORM_FIELDS): boolean {
  if (!isApiError(err)) return false;
  if (err.code === 'VALIDATION' && err.details.issues?.length) {
    const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
    let unplaced = 0;
    for (const issue of err.details.issues) {
      const name = toFormPath(issue.field, filed);
      const key = name.join('.');
      if (!fields.has(key)) {
        unplaced++;
        continue;
      }
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(issueMessage(t, issue));
      byField.set(key, entry);
    }
    form.setFields([...byField.values()]);
    if (byField.size) form.scrollToField(byField.values().next().value!.name, { block: 'center' });
    return unplaced === 0;
  }
  if (typeof err.details.field === 'string') {
    const name = toFormPath(err.details.field, filed);
    if (fields.has(name.join('.'))) {
      form.setFields([{ name, errors: [applicationErrorMessage(t, err)] }]);
      form.scrollToField(name, { block: 'center' });
      return true;
    }
  }
  return false;
}

/** Like useReportError, with the application refusals translated and the form's nested fields found. */
export function useReportApplicationError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError(applicationErrorMessage);
  return useCallback(
    (err: unknown, form?: { instance: FormInstance; filed?: boolean; fields?: ReadonlySet<string> }) => {
      if (isApiError(err) && err.status === 401) return;
      if (form && applyApplicationFormErrors(t, form.instance, err, form.filed ?? true, form.fields)) {
        void message.error(t('applications.errors.checkFields'));
        return;
      }
      report(err);
    },
    [t, message, report],
  );
}
