import { maskBankCard, maskCnId, maskMobile } from '../../../../contracts/cn-ids.js';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, type ColumnKind } from './households-excel-columns.js';
import type { ImportError } from './import-reasons.js';

const MASK_BY_KIND: Partial<Record<ColumnKind['kind'], (value: string) => string>> = { id: maskCnId, mobile: maskMobile, card: maskBankCard };

/** Header → mask, for every column of the template holding an ID, phone or card number. */
const MASK_BY_HEADER = new Map(
  [...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS].flatMap((c) => {
    const mask = MASK_BY_KIND[c.type.kind];
    return mask ? [[c.header, mask] as const] : [];
  }),
);

/** A cell's value as the error report may keep it: numbers masked like everywhere (410803********1234), other cells as typed. */
export function maskImportValue(column: string, value: string): string {
  const mask = MASK_BY_HEADER.get(column);
  return mask ? mask(value.trim()) : value;
}

/**
 * The error report is stored (household_imports.errors) and handed out as a workbook: no full ID,
 * phone or card number may stay in it. Masking is idempotent, so this last pass before storing is
 * safe over lines already masked where they were built.
 */
export function maskImportErrors(errors: ImportError[]): ImportError[] {
  return errors.map((e) => (MASK_BY_HEADER.has(e.column) ? { ...e, value: maskImportValue(e.column, e.value) } : e));
}
