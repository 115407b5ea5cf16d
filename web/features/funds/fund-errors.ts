import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../shared/api.js';
import { errorMessage } from '../../shared/errors.js';
import { useReportError } from '../../shared/useReportError.js';

/** The funds' own refusals in words; the rest as every page says them. */
export function fundErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && err.details.reason === 'insufficient_funds') return t('funds.errors.insufficientFunds');
  if (isApiError(err) && err.code === 'NOT_FOUND') return t('funds.errors.notFound');
  return errorMessage(t, err);
}

/** The server names the amount `amountFen`; the form's field is the 元 text beside it. */
function withFormFieldNames(err: unknown): unknown {
  if (!isApiError(err) || !err.details.issues) return err;
  const issues = err.details.issues.map((i) => (i.field === 'body.amountFen' ? { ...i, field: 'body.amountYuan' } : i));
  return new ApiError(err.status, err.code, err.message, { ...err.details, issues }, err.requestId);
}

/** Reports a money form's failure: field problems (and "not enough in the fund") at the fields, the rest as a message. */
export function useReportFundError() {
  const { t } = useTranslation();
  const report = useReportError(fundErrorMessage);
  return useCallback(
    (err: unknown, form: { instance: FormInstance; fields: readonly string[] }) => {
      if (isApiError(err) && err.details.reason === 'insufficient_funds' && form.fields.includes('amountYuan')) {
        form.instance.setFields([{ name: 'amountYuan', errors: [t('funds.errors.insufficientFunds')] }]);
        return;
      }
      report(withFormFieldNames(err), form);
    },
    [t, report],
  );
}
