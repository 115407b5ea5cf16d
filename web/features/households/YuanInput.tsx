import { Input, type FormRule, type InputProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../shared/money.js';

/** An amount typed in 元 as text (parsed to fen without floating point: shared/money.ts). */
export function YuanInput(props: Omit<InputProps, 'suffix'>) {
  const { t } = useTranslation();
  return <Input inputMode="decimal" autoComplete="off" maxLength={16} placeholder="0.00" suffix={t('households.form.yuan')} {...props} />;
}

export function useYuanRule(opts: { required?: boolean; label?: string } = {}): FormRule {
  const { t } = useTranslation();
  const { required, label } = opts;
  return useMemo(
    () => ({
      validator: async (_: unknown, value: string | undefined) => {
        const r = parseYuan(value);
        if (!('problem' in r)) return;
        if (r.problem === 'empty') {
          if (required) throw new Error(t('common.required', { field: label ?? '' }));
          return;
        }
        throw new Error(t(r.problem === 'too_large' ? 'households.form.yuanTooLarge' : 'households.form.yuanInvalid'));
      },
    }),
    [t, required, label],
  );
}
