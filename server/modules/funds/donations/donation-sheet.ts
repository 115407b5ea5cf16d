import type { z } from 'zod';
import { DONATION_BATCH_MAX_ROWS, DonationBatchRow, ID_NUMBER_IN_NAME } from '../../../../contracts/donations.js';
import type { ImportError } from '../../../../contracts/households.js';
import type { ExcelColumn } from '../../households/import/households-excel-columns.js';
import { IMPORT_REASONS as R } from '../../households/import/import-reasons.js';
import { readTemplateSheet } from '../../households/import/parse-household-workbook.js';
import { sheetYuanToFen } from '../../../platform/money.js';

/**
 * The sheet of a collective donation (集体捐款名单): one row per person. The reasons are Chinese,
 * as in every import report (they are shown to union office staff as written).
 */
export const DONATION_SHEET = '捐款名单';
export const DONATION_COLUMNS: ExcelColumn[] = [
  { header: '姓名', field: 'donorName', required: true, type: { kind: 'text' }, example: '张三', width: 14 },
  { header: '部门或单位', field: 'donorUnit', type: { kind: 'text' }, example: '机关办公室', width: 24 },
  // Read as text and turned into fen here (sheetYuanToFen): Excel writes some typed amounts as long doubles.
  { header: '金额(元)', field: 'amountFen', required: true, type: { kind: 'text' }, example: '200.00', width: 14 },
];
export const EXAMPLE_NAME = '（示例）张三';

export const DONATION_SHEET_REASONS = {
  missingSheet: `缺少“${DONATION_SHEET}”工作表，请使用捐款名单模板`,
  tooManyRows: `一次最多录入 ${DONATION_BATCH_MAX_ROWS} 人，请分批导入`,
  exampleRow: R.exampleRow,
  noRows: '名单中没有捐款人',
  zero: '金额应大于 0',
  tooLarge: '金额不能超过 100,000,000.00 元（1 亿元）',
  idNumber: '像是身份证号或银行卡号：名单只填姓名和部门',
  tooLong: '不能超过 100 个字',
};

/** The row schema's refusals in the report's Chinese (the API's own messages are for developers). */
function sheetReason(issue: z.core.$ZodIssue): string {
  const reasons = DONATION_SHEET_REASONS;
  if (issue.message === ID_NUMBER_IN_NAME) return reasons.idNumber;
  if (issue.path[0] === 'amountFen' && issue.code === 'too_small') return reasons.zero;
  if (issue.path[0] === 'amountFen' && issue.code === 'too_big') return reasons.tooLarge;
  if (issue.code === 'too_big') return reasons.tooLong;
  return R.invalid(issue.message);
}

export interface ParsedDonationSheet {
  rows: Array<{ row: number; donorName: string; donorUnit: string | null; amountFen: number }>;
  errors: ImportError[];
}

/**
 * Reads a filled-in donation sheet with the project's bounded reader and checks every cell; never
 * stops at the first error. The page shows the rows and the errors before anything is entered.
 */
export function parseDonationSheet(buffer: Buffer): ParsedDonationSheet {
  const reading = readTemplateSheet(buffer, DONATION_SHEET, DONATION_COLUMNS, DONATION_SHEET_REASONS.missingSheet);
  const fileError = (reason: string): ParsedDonationSheet => ({ rows: [], errors: [{ sheet: DONATION_SHEET, row: 0, column: '', value: '', reason }] });
  if ('refused' in reading) return fileError(reading.refused);
  const errors = [...reading.errors];
  if (reading.rows.length > DONATION_BATCH_MAX_ROWS) return fileError(DONATION_SHEET_REASONS.tooManyRows);
  const rows: ParsedDonationSheet['rows'] = [];
  const headerOf = (field: PropertyKey) => DONATION_COLUMNS.find((c) => c.field === field)?.header ?? String(field);
  for (const { row, obj, ok } of reading.rows) {
    if (obj.donorName === EXAMPLE_NAME) {
      errors.push({ sheet: DONATION_SHEET, row, column: headerOf('donorName'), value: EXAMPLE_NAME, reason: DONATION_SHEET_REASONS.exampleRow });
      continue;
    }
    const typed = { ...obj };
    if (typeof obj.amountFen === 'string') {
      const fen = sheetYuanToFen(obj.amountFen);
      if (fen === null) errors.push({ sheet: DONATION_SHEET, row, column: headerOf('amountFen'), value: obj.amountFen, reason: R.yuan });
      else obj.amountFen = fen;
    }
    if (!ok || typeof obj.amountFen !== 'number') continue;
    const parsed = DonationBatchRow.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ sheet: DONATION_SHEET, row, column: headerOf(issue.path[0]), value: String(typed[String(issue.path[0])] ?? ''), reason: sheetReason(issue) });
      continue;
    }
    rows.push({ row, donorName: parsed.data.donorName, donorUnit: parsed.data.donorUnit ?? null, amountFen: parsed.data.amountFen });
  }
  if (!rows.length && !errors.length) errors.push({ sheet: DONATION_SHEET, row: 0, column: '', value: '', reason: DONATION_SHEET_REASONS.noRows });
  // In the sheet's order: the cells are read a column at a time, the row schema's refusals after them.
  errors.sort((a, b) => a.row - b.row || DONATION_COLUMNS.findIndex((c) => c.header === a.column) - DONATION_COLUMNS.findIndex((c) => c.header === b.column));
  return { rows, errors };
}
