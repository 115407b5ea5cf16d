import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ID_PROBLEM_MESSAGES } from '../../../contracts/households.js';
import { isApiError, type FieldIssue } from '../../shared/api.js';
import { errorMessage, issueField } from '../../shared/errors.js';
import { useReportError } from '../../shared/useReportError.js';

type NamePath = (string | number)[];

function holdingOrgName(details: Record<string, unknown>): string | undefined {
  const org = details.holdingOrg as { name?: unknown } | undefined;
  return typeof org?.name === 'string' ? org.name : undefined;
}

/** One line for the user, with the household refusals that carry more than a reason (a date, an org). */
export function householdErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const { reason } = err.details;
    if (reason === 'notice_running' && typeof err.details.noticeEndsOn === 'string')
      return t('households.errors.noticeRunning', { date: err.details.noticeEndsOn });
    if (reason === 'duplicate_id') {
      const org = holdingOrgName(err.details);
      return org ? t('households.errors.duplicateId', { org }) : t('errors.reason.duplicate_id');
    }
    // A malformed id in the address is, to the user, a household that does not exist.
    if (err.code === 'NOT_FOUND' || (err.code === 'VALIDATION' && err.details.issues?.some((i) => i.field.startsWith('params.'))))
      return t('households.errors.notFound');
  }
  return errorMessage(t, err);
}

/** One line for a refused decision: the importer deciding on their own import, or one decided meanwhile. */
export function importDecisionErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    if (err.code === 'FORBIDDEN' && err.details.reason === 'maker_checker') return t('households.importApprovals.makerChecker');
    if (err.code === 'CONFLICT' && err.details.reason === 'import_not_awaiting_approval') return t('households.importApprovals.notAwaiting');
    if (err.code === 'NOT_FOUND') return t('households.import.notFound');
  }
  return householdErrorMessage(t, err);
}

const ID_PROBLEMS = Object.entries(ID_PROBLEM_MESSAGES) as Array<[keyof typeof ID_PROBLEM_MESSAGES, string]>;

/** The server's field messages are English; the ones a household form can meet are said in the interface language. */
export function issueMessage(t: TFunction, issue: FieldIssue): string {
  const problem = ID_PROBLEMS.find(([, m]) => m === issue.message);
  if (problem) return t(`households.idProblem.${problem[0]}`);
  const same = /^same ID number as (idNumber|members\.(\d+)\.idNumber)$/.exec(issue.message);
  if (same) return same[2] === undefined ? t('households.form.idSameAsWorker') : t('households.form.idSameAsMember', { n: Number(same[2]) + 1 });
  return issue.message;
}

/**
 * Where a server field ('body.members.1.monthlyIncomeFen') sits in a household form
 * (['members', 1, 'monthlyIncomeYuan']): amounts are typed in 元 under *Yuan names.
 */
export function toFormPath(serverField: string): NamePath {
  return issueField({ field: serverField, message: '' })
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/Fen$/, 'Yuan')));
}

/**
 * Puts the server's field problems beside the form's fields: VALIDATION issues, and the field a
 * 409 names (a duplicate ID number, naming the holding org). Returns true when all found a field.
 */
export function applyHouseholdFormErrors(t: TFunction, form: FormInstance, err: unknown, isField: (path: NamePath) => boolean): boolean {
  if (!isApiError(err)) return false;
  if (err.code === 'VALIDATION' && Array.isArray(err.details.issues) && err.details.issues.length > 0) {
    const byField = new Map<string, { name: NamePath; errors: string[] }>();
    let unplaced = 0;
    for (const issue of err.details.issues) {
      const name = toFormPath(issue.field);
      if (!isField(name)) {
        unplaced++;
        continue;
      }
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(issueMessage(t, issue));
      byField.set(key, entry);
    }
    form.setFields([...byField.values()]);
    if (byField.size) form.scrollToField(byField.values().next().value!.name, { block: 'center' });
    return unplaced === 0;
  }
  const field = err.details.field;
  if (typeof field === 'string') {
    const name = toFormPath(field);
    if (isField(name)) {
      form.setFields([{ name, errors: [householdErrorMessage(t, err)] }]);
      form.scrollToField(name, { block: 'center' });
      return true;
    }
  }
  return false;
}

/** Like useReportError, with the household refusals translated and fields found in nested forms. */
export function useReportHouseholdError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError(householdErrorMessage);
  return useCallback(
    (err: unknown, form?: { instance: FormInstance; isField: (path: NamePath) => boolean }) => {
      if (isApiError(err) && err.status === 401) return;
      if (form && applyHouseholdFormErrors(t, form.instance, err, form.isField)) {
        void message.error(t('households.errors.checkFields'));
        return;
      }
      report(err);
    },
    [t, message, report],
  );
}
