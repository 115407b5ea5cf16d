import { makeUscc, validateUscc } from '../../../../../contracts/cn-ids.js';
import { EnterpriseSize, Industry } from '../../../../../contracts/employment.js';
import { ENTERPRISE_IMPORT_MAX_ROWS, RegionCode, RegisterEnterpriseInput, validateContactPhone, type EnterpriseImportError } from '../../../../../contracts/enterprises.js';
import type { ExcelColumn } from '../../../households/import/households-excel-columns.js';
import { IMPORT_REASONS as R } from '../../../households/import/import-reasons.js';
import { readTemplateSheet } from '../../../households/import/parse-household-workbook.js';

/**
 * The sheet of enterprises union offices collect (用人单位名单): one row per enterprise, its coded
 * fields by their Chinese labels. Reasons are Chinese, as in every import report.
 */
export const ENTERPRISE_SHEET = '用人单位';
export const EXAMPLE_NAME = '（示例）焦作市某机械制造有限公司';
export const EXAMPLE_USCC = makeUscc('91410800MA3X5R7T0');

const code = (codes: { keys: readonly string[]; labels: Record<string, [string, string]> }) => ({ kind: 'code' as const, codes });

export const ENTERPRISE_COLUMNS: ExcelColumn[] = [
  { header: '单位名称', field: 'name', required: true, type: { kind: 'text' }, example: EXAMPLE_NAME, width: 32 },
  { header: '统一社会信用代码', field: 'uscc', required: true, type: { kind: 'text' }, example: EXAMPLE_USCC, width: 24 },
  { header: '行业', field: 'industry', required: true, type: code(Industry), example: Industry.labels.manufacturing[0], width: 28 },
  { header: '企业规模', field: 'size', required: true, type: code(EnterpriseSize), example: EnterpriseSize.labels.medium[0], width: 10 },
  { header: '单位地址', field: 'address', type: { kind: 'text' }, example: '焦作市中站区冯封办事处工业路 18 号', width: 32 },
  { header: '所在地行政区划代码', field: 'regionCode', required: true, type: { kind: 'text' }, example: '410803', width: 20 },
  { header: '联系人', field: 'contactName', required: true, type: { kind: 'text' }, example: '李明', width: 10 },
  { header: '联系电话', field: 'contactPhone', required: true, type: { kind: 'text' }, example: '0391-3561234', width: 16 },
  { header: '优先招聘困难家庭毕业生', field: 'priorityPledge', type: { kind: 'yesno' }, example: '否', width: 22 },
];

const headerOf = (field: PropertyKey) => ENTERPRISE_COLUMNS.find((c) => c.field === field)?.header ?? String(field);

export const ENTERPRISE_SHEET_REASONS = {
  missingSheet: `缺少“${ENTERPRISE_SHEET}”工作表，请使用用人单位导入模板`,
  tooManyRows: `一个文件最多 ${ENTERPRISE_IMPORT_MAX_ROWS} 家单位，请分成几个文件导入`,
  noRows: '文件中没有用人单位',
  uscc: {
    length: '统一社会信用代码应为18位',
    format: '统一社会信用代码含有非法字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）',
    check_digit: '统一社会信用代码校验位错误，请核对营业执照',
  },
  duplicateInFile: (row: number) => `文件内重复：与第${row}行的统一社会信用代码相同`,
  onFile: '该统一社会信用代码已登记，不能重复导入',
  phone: '联系电话应为手机号（如 13803910001）或带区号的固定电话（如 0391-1234567）',
  region: '行政区划代码应为6位数字（如 410803），前两位为省级代码',
  code: (labels: string[]) => `不在代码表中，请从下拉列表选择：${labels.join('、')}`,
};

/**
 * Many codes are digits only (914108001735304115). Pasted into a cell formatted as a number, Excel
 * keeps 15 significant digits and the rest become zeros, so the check fails for a reason the
 * message must name: the check character alone would send the user to the licence, not the cell.
 */
export const USCC_AS_NUMBER_HINT = '。该代码全为数字：若单元格为数字格式，Excel 只保留前15位，后几位已变成0，请将单元格设为文本格式后重新填写';
export const usccCellReason = (reason: string, text: string) => (/^\d{16,}$/.test(text.trim()) ? reason + USCC_AS_NUMBER_HINT : reason);

const ROW_SCHEMA = RegisterEnterpriseInput.omit({ orgId: true });

export interface ParsedEnterpriseRow {
  row: number;
  input: Omit<RegisterEnterpriseInput, 'orgId'> & { uscc: string; priorityPledge: boolean };
}

export interface ParsedEnterpriseSheet {
  /** Rows read (blank rows aside), the example row included. */
  rowsRead: number;
  rows: ParsedEnterpriseRow[];
  errors: EnterpriseImportError[];
}

/**
 * Reads a filled-in sheet with the project's bounded reader and checks every cell (the code's check
 * character, the phone, the region, the codes by their labels, lengths) and the codes repeated in the
 * file; it never stops at the first error. Codes already on file are the importer's check.
 */
export function parseEnterpriseSheet(buffer: Buffer): ParsedEnterpriseSheet {
  const reading = readTemplateSheet(buffer, ENTERPRISE_SHEET, ENTERPRISE_COLUMNS, ENTERPRISE_SHEET_REASONS.missingSheet);
  const fileError = (reason: string): ParsedEnterpriseSheet => ({ rowsRead: 0, rows: [], errors: [{ sheet: ENTERPRISE_SHEET, row: 0, column: '', value: '', reason }] });
  if ('refused' in reading) return fileError(reading.refused);
  if (reading.rows.length > ENTERPRISE_IMPORT_MAX_ROWS + 1) return fileError(ENTERPRISE_SHEET_REASONS.tooManyRows);
  // The reader names a coded cell's fault generically; here it names the labels to choose from.
  const errors: EnterpriseImportError[] = reading.errors.map((e) => {
    const column = ENTERPRISE_COLUMNS.find((c) => c.header === e.column);
    if (column?.type.kind !== 'code' || e.reason !== R.code) return e;
    const { keys, labels } = column.type.codes;
    return { ...e, reason: ENTERPRISE_SHEET_REASONS.code(keys.map((k) => labels[k][0])) };
  });
  const cellError = (row: number, field: string, value: unknown, reason: string) => errors.push({ sheet: ENTERPRISE_SHEET, row, column: headerOf(field), value: String(value ?? ''), reason });
  const firstRowOf = new Map<string, number>();
  const rows: ParsedEnterpriseRow[] = [];
  let dataRows = 0;
  for (const { row, obj, ok } of reading.rows) {
    if (obj.name === EXAMPLE_NAME || obj.uscc === EXAMPLE_USCC) {
      cellError(row, 'name', obj.name, R.exampleRow);
      continue;
    }
    dataRows++;
    let rowOk = ok;
    if (typeof obj.uscc === 'string') {
      const uscc = validateUscc(obj.uscc);
      if (!uscc.ok) {
        cellError(row, 'uscc', obj.uscc, usccCellReason(ENTERPRISE_SHEET_REASONS.uscc[uscc.problem], obj.uscc));
        rowOk = false;
      } else {
        const earlier = firstRowOf.get(uscc.value);
        if (earlier !== undefined) {
          cellError(row, 'uscc', obj.uscc, ENTERPRISE_SHEET_REASONS.duplicateInFile(earlier));
          rowOk = false;
        } else firstRowOf.set(uscc.value, row);
      }
    }
    if (typeof obj.contactPhone === 'string' && !validateContactPhone(obj.contactPhone).ok) {
      cellError(row, 'contactPhone', obj.contactPhone, ENTERPRISE_SHEET_REASONS.phone);
      rowOk = false;
    }
    if (typeof obj.regionCode === 'string' && !RegionCode.safeParse(obj.regionCode).success) {
      cellError(row, 'regionCode', obj.regionCode, ENTERPRISE_SHEET_REASONS.region);
      rowOk = false;
    }
    if (!rowOk) continue;
    const parsed = ROW_SCHEMA.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) cellError(row, String(issue.path[0]), obj[String(issue.path[0])], R.invalid(issue.message));
      continue;
    }
    rows.push({ row, input: parsed.data });
  }
  if (dataRows > ENTERPRISE_IMPORT_MAX_ROWS) return fileError(ENTERPRISE_SHEET_REASONS.tooManyRows);
  if (!dataRows && !errors.length) errors.push({ sheet: ENTERPRISE_SHEET, row: 0, column: '', value: '', reason: ENTERPRISE_SHEET_REASONS.noRows });
  return { rowsRead: dataRows, rows, errors };
}
