import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { validateCnId, validateCnMobile } from '../../../contracts/cn-ids.js';
import { CreateHouseholdInput, type MemberInput } from '../../../contracts/households.js';
import { parseYuanToFen } from '../../platform/money.js';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET, type ExcelColumn } from './households-excel-columns.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import { EXAMPLE_WORKER_ID } from './households-template.js';

export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ParsedHousehold {
  row: number;
  input: Omit<CreateHouseholdInput, 'orgId'>;
  memberRows: number[];
}

type RawRow = { row: number; values: Record<string, unknown>; cells: Record<string, string> };

/** A cell as the text a person sees; long numbers typed without the text format are flagged by the caller. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  return String(value).trim();
}

const headerKey = (h: string) => h.replace(/[*＊\s]/g, '');

/** Converts one cell by its column's kind; returns the value or the Chinese reason it is wrong. */
function convert(col: ExcelColumn, text: string, raw: ExcelJS.CellValue): { value?: unknown; error?: string } {
  if (text === '') return col.required ? { error: R.required } : {};
  switch (col.type.kind) {
    case 'text':
      return { value: text };
    case 'id': {
      if (typeof raw === 'number' && text.length > 15) return { error: R.idAsNumber };
      const r = validateCnId(text);
      return r.ok ? { value: r.value } : { error: R.id[r.problem] };
    }
    case 'mobile': {
      const r = validateCnMobile(text);
      return r.ok ? { value: r.value } : { error: R.mobile };
    }
    case 'card': {
      const digits = text.replace(/[\s\u3000-]/g, '');
      return /^\d{12,19}$/.test(digits) ? { value: digits } : { error: R.card };
    }
    case 'yuan': {
      const fen = parseYuanToFen(text);
      return fen === null ? { error: R.yuan } : { value: fen };
    }
    case 'int':
      return /^\d{1,4}$/.test(text) ? { value: Number(text) } : { error: R.int };
    case 'yesno':
      if (['是', 'Y', 'y', '1', 'TRUE', 'true'].includes(text)) return { value: true };
      if (['否', 'N', 'n', '0', 'FALSE', 'false'].includes(text)) return { value: false };
      return { error: R.yesno };
    case 'code': {
      const { keys, labels } = col.type.codes;
      const key = keys.find((k) => labels[k][0] === text || k === text || labels[k][1].toLowerCase() === text.toLowerCase());
      return key ? { value: key } : { error: R.code };
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, index] = path.split('.');
  if (index === undefined) target[head] = value;
  else ((target[head] ??= []) as unknown[])[Number(index)] = value;
}

async function readSheets(buffer: Buffer, onRow: () => void) {
  const sheets = new Map<string, { headers: Map<number, string>; rows: RawRow[] }>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    if (name !== HOUSEHOLD_SHEET && name !== MEMBER_SHEET) continue;
    const sheet = { headers: new Map<number, string>(), rows: [] as RawRow[] };
    sheets.set(name, sheet);
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number === 1) {
        row.eachCell((cell, col) => sheet.headers.set(col, headerKey(cellText(cell.value))));
        continue;
      }
      const values: Record<string, unknown> = {};
      const cells: Record<string, string> = {};
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const header = sheet.headers.get(col);
        if (!header) return;
        const text = cellText(cell.value);
        if (text !== '') any = true;
        values[header] = cell.value;
        cells[header] = text;
      });
      if (any) sheet.rows.push({ row: row.number, values, cells });
      onRow();
    }
  }
  return sheets;
}

/**
 * Reads a filled-in template and validates every cell. Returns the households with their members,
 * or every error found (sheet, row, column, value, reason in Chinese); never stops at the first.
 */
export async function parseHouseholdWorkbook(buffer: Buffer, onProgress: (rowsRead: number) => void = () => {}) {
  const errors: ImportError[] = [];
  let rowsRead = 0;
  let sheets: Awaited<ReturnType<typeof readSheets>>;
  try {
    sheets = await readSheets(buffer, () => {
      rowsRead += 1;
      if (rowsRead % 5000 === 0) onProgress(rowsRead);
    });
  } catch {
    return { households: [], errors: [{ sheet: '', row: 0, column: '', value: '', reason: R.notXlsx }], rowsRead };
  }

  const readRows = (sheetName: string, columns: ExcelColumn[]) => {
    const sheet = sheets.get(sheetName);
    if (!sheet) {
      if (sheetName === HOUSEHOLD_SHEET) errors.push({ sheet: sheetName, row: 0, column: '', value: '', reason: R.missingSheet });
      return [];
    }
    const present = new Set(sheet.headers.values());
    for (const col of columns)
      if (col.required && !present.has(col.header)) errors.push({ sheet: sheetName, row: 1, column: col.header, value: '', reason: R.missingColumn });
    return sheet.rows.map(({ row, values, cells }) => {
      const obj: Record<string, unknown> = {};
      let ok = true;
      for (const col of columns) {
        const text = cells[col.header] ?? '';
        const { value, error } = convert(col, text, values[col.header] as ExcelJS.CellValue);
        if (error) {
          ok = false;
          errors.push({ sheet: sheetName, row, column: col.header, value: text, reason: error });
        } else if (value !== undefined) setPath(obj, col.field, value);
      }
      if (Array.isArray(obj.secondaryCauses)) obj.secondaryCauses = (obj.secondaryCauses as unknown[]).filter(Boolean);
      return { row, obj, ok };
    });
  };

  const householdRows = readRows(HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
  const memberRowsRaw = readRows(MEMBER_SHEET, MEMBER_COLUMNS);
  const columnOf = (columns: ExcelColumn[], path: PropertyKey[]) => {
    const field = path.join('.');
    return columns.find((c) => c.field === field || field.startsWith(c.field + '.'))?.header ?? field;
  };

  // The same person twice in the file, in any role.
  const firstSeen = new Map<string, string>();
  const seeOnce = (idNumber: unknown, where: string, sheet: string, row: number, column: string) => {
    if (typeof idNumber !== 'string') return true;
    const earlier = firstSeen.get(idNumber);
    if (earlier) {
      errors.push({ sheet, row, column, value: idNumber, reason: R.duplicateInFile(earlier) });
      return false;
    }
    firstSeen.set(idNumber, where);
    return true;
  };

  const households = new Map<string, ParsedHousehold>();
  const workerRowsInFile = new Set(householdRows.map((r) => r.obj.idNumber as string));
  for (const { row, obj, ok } of householdRows) {
    if (obj.idNumber === EXAMPLE_WORKER_ID) {
      errors.push({ sheet: HOUSEHOLD_SHEET, row, column: '身份证号', value: EXAMPLE_WORKER_ID, reason: R.exampleRow });
      continue;
    }
    const unique = seeOnce(obj.idNumber, `${HOUSEHOLD_SHEET}第${row}行`, HOUSEHOLD_SHEET, row, '身份证号');
    if (!ok || !unique) continue;
    const parsed = CreateHouseholdInput.omit({ orgId: true, members: true }).safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ sheet: HOUSEHOLD_SHEET, row, column: columnOf(HOUSEHOLD_COLUMNS, issue.path), value: String(obj[String(issue.path[0])] ?? ''), reason: R.invalid(issue.message) });
      continue;
    }
    households.set(parsed.data.idNumber, { row, input: { ...parsed.data, members: [] }, memberRows: [] });
  }
  for (const { row, obj, ok } of memberRowsRaw) {
    if (obj.workerIdNumber === EXAMPLE_WORKER_ID) {
      errors.push({ sheet: MEMBER_SHEET, row, column: '户主身份证号', value: EXAMPLE_WORKER_ID, reason: R.exampleRow });
      continue;
    }
    const unique = seeOnce(obj.idNumber, `${MEMBER_SHEET}第${row}行`, MEMBER_SHEET, row, '身份证号');
    if (!ok || !unique) continue;
    const owner = households.get(obj.workerIdNumber as string);
    if (!owner) {
      // A member of a household row that had its own errors is not reported again.
      if (!workerRowsInFile.has(obj.workerIdNumber as string))
        errors.push({ sheet: MEMBER_SHEET, row, column: '户主身份证号', value: String(obj.workerIdNumber ?? ''), reason: R.noSuchWorker });
      continue;
    }
    const { workerIdNumber: _w, ...member } = obj;
    owner.input.members.push(member as unknown as MemberInput);
    owner.memberRows.push(row);
  }
  for (const h of households.values()) {
    if (h.input.members.length > 20) errors.push({ sheet: MEMBER_SHEET, row: h.memberRows[20], column: '户主身份证号', value: h.input.idNumber, reason: R.tooManyMembers });
    // Defaults the schema would give a member (health, income) are filled here for rows that left them blank.
    h.input.members = h.input.members.map((m) => ({ health: 'healthy', monthlyIncomeFen: 0, ...(m as object) }) as MemberInput);
  }
  onProgress(rowsRead);
  return { households: [...households.values()], errors, rowsRead };
}
