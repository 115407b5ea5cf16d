import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { validateCnId, validateCnMobile } from '../../../contracts/cn-ids.js';
import { BankCard } from '../../../contracts/households.js';

/** Resident ID rule (GB 11643: length, region, birth date, check digit), with the problem in words. */
export function useIdNumberRule(opts: { required?: boolean } = {}): FormRule {
  const { t } = useTranslation();
  const required = opts.required ?? true;
  return useMemo(
    () => ({
      validator: async (_: unknown, value: string | undefined) => {
        if (!value?.trim()) {
          if (required) throw new Error(t('common.required', { field: t('households.fields.idNumber') }));
          return;
        }
        const r = validateCnId(value);
        if (!r.ok) throw new Error(t(`households.idProblem.${r.problem}`));
      },
    }),
    [t, required],
  );
}

export function useMobileRule(): FormRule {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      validator: async (_: unknown, value: string | undefined) => {
        if (value?.trim() && !validateCnMobile(value).ok) throw new Error(t('households.form.phoneInvalid'));
      },
    }),
    [t],
  );
}

export function useBankCardRule(): FormRule {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      validator: async (_: unknown, value: string | undefined) => {
        if (value?.trim() && !BankCard.safeParse(value).success) throw new Error(t('households.form.bankCardInvalid'));
      },
    }),
    [t],
  );
}

/** What a valid ID number tells (birth date, sex, age today), for the line under the field. */
export function describeIdNumber(raw: string | undefined): { birthDate: string; sex: 'M' | 'F'; age: number } | null {
  if (!raw) return null;
  const r = validateCnId(raw);
  if (!r.ok) return null;
  const now = new Date();
  const [y, m, d] = r.birthDate.split('-').map(Number);
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return { birthDate: r.birthDate, sex: r.sex, age };
}
