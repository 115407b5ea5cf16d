import { maskBankCard, maskCnId, maskMobile } from '../../../../contracts/cn-ids.js';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS, type ColumnKind, type ExcelColumn } from './households-excel-columns.js';
import type { ImportError } from './import-reasons.js';

const MASK_BY_KIND: Partial<Record<ColumnKind['kind'], (value: string) => string>> = { id: maskCnId, mobile: maskMobile, card: maskBankCard };

/**
 * The masking of an import's error report, for a template's columns: every column holding an ID,
 * phone or card number is masked like everywhere (410803********1234), other cells kept as typed.
 * The report is stored and handed out as a workbook: no full number may stay in it. Masking is
 * idempotent, so a last pass before storing is safe over lines already masked where they were built.
 */
export function importErrorMasker(columns: ExcelColumn[]) {
  const maskByHeader = new Map(
    columns.flatMap((c) => {
      const mask = MASK_BY_KIND[c.type.kind];
      return mask ? [[c.header, mask] as const] : [];
    }),
  );
  const maskValue = (column: string, value: string): string => {
    const mask = maskByHeader.get(column);
    return mask ? mask(value.trim()) : value;
  };
  return {
    maskValue,
    maskErrors: (errors: ImportError[]): ImportError[] => errors.map((e) => (maskByHeader.has(e.column) ? { ...e, value: maskValue(e.column, e.value) } : e)),
  };
}

const householdMasker = importErrorMasker([...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS]);

/** A cell's value of the household template as the error report may keep it. */
export const maskImportValue = householdMasker.maskValue;

/** The household import's error report, masked (household_imports.errors). */
export const maskImportErrors = householdMasker.maskErrors;
