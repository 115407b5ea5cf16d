import { Input, type FormRule, type InputProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../shared/money.js';

/** An amount typed in 元 as text (turned into fen on its digits: shared/money.ts). */
export function YuanInput(props: Omit<InputProps, 'suffix'>) {
  const { t } = useTranslation();
  return <Input inputMode="decimal" autoComplete="off" maxLength={20} placeholder="0.00" suffix={t('funds.yuan')} {...props} />;
}

/** A required positive amount of at most two decimals and 1 亿元. */
export function useYuanRule(): FormRule {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      required: true,
      validator: async (_: unknown, value: string | undefined) => {
        const r = parseYuan(value, { positive: true });
        if ('problem' in r) throw new Error(t(`funds.amount.${r.problem}`));
      },
    }),
    [t],
  );
}

/** Fen of a field the rule above passed. */
export function fenOf(value: string | undefined): number {
  const r = parseYuan(value, { positive: true });
  if ('problem' in r) throw new Error(`not an amount: ${value}`);
  return r.fen;
}
