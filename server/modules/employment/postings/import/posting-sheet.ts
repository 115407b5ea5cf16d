import { makeUscc, validateUscc } from '../../../../../contracts/cn-ids.js';
import { Education, Experience, JobCategory, PostingKind } from '../../../../../contracts/employment.js';
import { USCC_PROBLEM_MESSAGES } from '../../../../../contracts/enterprises.js';
import { POSTING_IMPORT_MAX_ROWS, PostingRowInput } from '../../../../../contracts/jobs.js';
import type { ImportError } from '../../../../../contracts/households.js';
import type { ExcelColumn } from '../../../households/import/households-excel-columns.js';
import { IMPORT_REASONS as R } from '../../../households/import/import-reasons.js';
import { readTemplateSheet } from '../../../households/import/parse-household-workbook.js';
import { usccCellReason } from '../../enterprises/import/enterprise-sheet.js';

/**
 * The list of postings union offices collect (岗位信息表): one row per posting, its enterprise named
 * by the unified social credit code, coded fields by their Chinese labels, salaries in yuan a month.
 * Reasons are Chinese, as in every import report.
 */
export const POSTING_SHEET = '岗位信息';
export const EXAMPLE_USCC = makeUscc('91410800MA3X5R7T0');
export const EXAMPLE_TITLE = '（示例）电焊工';

const code = (codes: { keys: readonly string[]; labels: Record<string, [string, string]> }) => ({ kind: 'code' as const, codes });

export const POSTING_COLUMNS: ExcelColumn[] = [
  { header: '企业统一社会信用代码', field: 'uscc', required: true, type: { kind: 'text' }, example: EXAMPLE_USCC, width: 24 },
  { header: '岗位名称', field: 'title', required: true, type: { kind: 'text' }, example: EXAMPLE_TITLE, width: 18 },
  { header: '岗位类别', field: 'category', required: true, type: code(JobCategory), example: JobCategory.labels.skilled_trade[0], width: 14 },
  { header: '岗位性质', field: 'kind', type: code(PostingKind), example: PostingKind.labels.regular[0], width: 14 },
  { header: '招聘人数', field: 'openings', required: true, type: { kind: 'int' }, example: '5', width: 10 },
  { header: '月薪下限(元)', field: 'salaryMinFen', required: true, type: { kind: 'yuan' }, example: '4000', width: 12 },
  { header: '月薪上限(元)', field: 'salaryMaxFen', required: true, type: { kind: 'yuan' }, example: '6000', width: 12 },
  { header: '学历要求', field: 'education', required: true, type: code(Education), example: Education.labels.senior[0], width: 16 },
  { header: '经验要求', field: 'experience', required: true, type: code(Experience), example: Experience.labels.one_year[0], width: 12 },
  { header: '工作地点行政区划代码', field: 'regionCode', required: true, type: { kind: 'text' }, example: '410803', width: 20 },
  { header: '岗位描述', field: 'description', required: true, type: { kind: 'text' }, example: '持焊工证，熟悉二氧化碳保护焊；八小时工作制，缴纳五险。', width: 40 },
  { header: '联系人', field: 'contactName', required: true, type: { kind: 'text' }, example: '李明', width: 10 },
  { header: '联系电话', field: 'contactPhone', required: true, type: { kind: 'text' }, example: '0391-3561234', width: 16 },
  { header: '有效期至', field: 'validUntil', required: true, type: { kind: 'text' }, example: '2026-12-31', width: 14 },
];

const headerOf = (field: PropertyKey) => POSTING_COLUMNS.find((c) => c.field === field)?.header ?? String(field);

export const POSTING_SHEET_REASONS = {
  missingSheet: `缺少“${POSTING_SHEET}”工作表，请使用岗位导入模板`,
  tooManyRows: `一个文件最多 ${POSTING_IMPORT_MAX_ROWS} 个岗位，请分成几个文件导入`,
  noRows: '文件中没有岗位',
  uscc: USCC_PROBLEM_MESSAGES,
  date: '日期应写成 2026-12-31 的格式',
  code: (labels: string[]) => `不在代码表中，请从下拉列表选择：${labels.join('、')}`,
  salaryOrder: '月薪上限低于月薪下限',
  enterpriseUnknown: '没有这个统一社会信用代码的企业，或企业不在本单位辖区、已停用；请先登记企业',
  validUntilPast: (today: string) => `有效期不能早于今天（${today}）`,
  validUntilFar: (last: string) => `有效期最长一年（不晚于 ${last}）`,
  duplicateInFile: (row: number) => `文件内重复：与第${row}行是同一企业、同一地区的同名岗位`,
  duplicateLive: '该企业在同一地区已有同名岗位（草稿、审核中或已发布），不能重复导入',
};

export interface ParsedPostingRow {
  row: number;
  uscc: string;
  input: PostingRowInput;
}

export interface ParsedPostingSheet {
  /** Rows read (blank rows aside), the example row included. */
  rowsRead: number;
  rows: ParsedPostingRow[];
  errors: ImportError[];
}

/** Days between Excel's epoch (1899-12-30, with its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/** 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, or a date cell (a serial day number), as YYYY-MM-DD. */
export function sheetDate(text: string): string | null {
  if (/^\d{5}$/.test(text)) return new Date((Number(text) - EXCEL_EPOCH_DAYS) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Reads a filled-in list with the project's bounded reader and checks every cell (the code's check
 * character, the codes by their labels, the salary order, dates, phones, lengths); it never stops at
 * the first error. Which enterprise a code names, and duplicates, are the importer's checks.
 */
export function parsePostingSheet(buffer: Buffer): ParsedPostingSheet {
  const reading = readTemplateSheet(buffer, POSTING_SHEET, POSTING_COLUMNS, POSTING_SHEET_REASONS.missingSheet);
  const fileError = (reason: string): ParsedPostingSheet => ({ rowsRead: 0, rows: [], errors: [{ sheet: POSTING_SHEET, row: 0, column: '', value: '', reason }] });
  if ('refused' in reading) return fileError(reading.refused);
  if (reading.rows.length > POSTING_IMPORT_MAX_ROWS + 1) return fileError(POSTING_SHEET_REASONS.tooManyRows);
  // The reader names a coded cell's fault generically; here it names the labels to choose from.
  const errors: ImportError[] = reading.errors.map((e) => {
    const column = POSTING_COLUMNS.find((c) => c.header === e.column);
    if (column?.type.kind !== 'code' || e.reason !== R.code) return e;
    const { keys, labels } = column.type.codes;
    return { ...e, reason: POSTING_SHEET_REASONS.code(keys.map((k) => labels[k][0])) };
  });
  const cellError = (row: number, field: string, value: unknown, reason: string) => errors.push({ sheet: POSTING_SHEET, row, column: headerOf(field), value: String(value ?? ''), reason });
  const rows: ParsedPostingRow[] = [];
  let dataRows = 0;
  for (const { row, obj, ok } of reading.rows) {
    if (obj.title === EXAMPLE_TITLE || obj.uscc === EXAMPLE_USCC) {
      cellError(row, 'title', obj.title, R.exampleRow);
      continue;
    }
    dataRows++;
    let rowOk = ok;
    const { uscc: usccText, ...fields } = obj;
    let uscc = '';
    if (typeof usccText === 'string') {
      const r = validateUscc(usccText);
      if (r.ok) uscc = r.value;
      else {
        cellError(row, 'uscc', usccText, usccCellReason(POSTING_SHEET_REASONS.uscc[r.problem], usccText));
        rowOk = false;
      }
    }
    if (typeof fields.validUntil === 'string') {
      const iso = sheetDate(fields.validUntil);
      if (iso) fields.validUntil = iso;
      else {
        cellError(row, 'validUntil', fields.validUntil, POSTING_SHEET_REASONS.date);
        rowOk = false;
      }
    }
    if (!rowOk) continue;
    const parsed = PostingRowInput.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        cellError(row, field, obj[field], issue.message === 'the highest salary is below the lowest' ? POSTING_SHEET_REASONS.salaryOrder : R.invalid(issue.message));
      }
      continue;
    }
    rows.push({ row, uscc, input: parsed.data });
  }
  if (dataRows > POSTING_IMPORT_MAX_ROWS) return fileError(POSTING_SHEET_REASONS.tooManyRows);
  if (!dataRows && !errors.length) errors.push({ sheet: POSTING_SHEET, row: 0, column: '', value: '', reason: POSTING_SHEET_REASONS.noRows });
  return { rowsRead: dataRows, rows, errors };
}
