import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.js';
import type { TFunction } from 'i18next';
import { applyFormErrors, errorMessage, issueField } from './errors.js';

/**
 * Shows an API error: field problems beside the form fields when a form is given, the rest as a
 * message. A 401 shows nothing here: the session handler already sends the user to the sign-in page.
 * `describe` turns the error into the message line (a feature may pass its own, e.g. householdErrorMessage).
 */
export function useReportError(describe: (t: TFunction, err: unknown) => string = errorMessage) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: { instance: FormInstance; fields: readonly string[] }) => {
      if (isApiError(err) && err.status === 401) return;
      if (form && applyFormErrors(t, form.instance, form.fields, err)) return;
      let text = describe(t, err);
      if (isApiError(err) && err.code === 'VALIDATION' && err.details.issues?.length)
        text = t('errors.withDetail', {
          summary: t('errors.code.VALIDATION'),
          detail: err.details.issues.map((i) => `${issueField(i)}: ${i.message}`).join('; '),
        });
      void message.error(text);
    },
    [t, message, describe],
  );
}
