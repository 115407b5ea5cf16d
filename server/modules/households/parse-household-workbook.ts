import { validateCnId, validateCnMobile } from '../../../contracts/cn-ids.js';
import { CreateHouseholdInput, MemberInput } from '../../../contracts/households.js';
import { parseYuanToFen } from '../../platform/money.js';
import { readXlsxSheets, XlsxFormatError, type XlsxCell } from '../../platform/xlsx-reader.js';
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

// Built once: creating a zod schema per row costs more than parsing the row.
const HouseholdRowSchema = CreateHouseholdInput.omit({ orgId: true, members: true });

type RawRow = { row: number; cells: Record<string, XlsxCell> };

const headerKey = (h: string) => h.replace(/[*＊\s]/g, '');

/** Converts one cell by its column's kind; returns the value or the Chinese reason it is wrong. */
function convert(col: ExcelColumn, text: string, cell: XlsxCell | undefined): { value?: unknown; error?: string } {
  if (text === '') return col.required ? { error: R.required } : {};
  switch (col.type.kind) {
    case 'text':
      return { value: text };
    case 'id': {
      if (cell?.isNumber && (text.length > 15 || /e/i.test(text))) return { error: R.idAsNumber };
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

/** The two sheets of the template, rows keyed by header text (the first row). */
function readSheets(buffer: Buffer) {
  const sheets = new Map<string, { headers: Set<string>; rows: RawRow[] }>();
  for (const [name, rows] of readXlsxSheets(buffer, [HOUSEHOLD_SHEET, MEMBER_SHEET])) {
    const headerRow = rows.find((r) => r.number === 1);
    const headerAt = new Map<number, string>();
    headerRow?.cells.forEach((cell, col) => headerAt.set(col, headerKey(cell.text)));
    const sheet = { headers: new Set(headerAt.values()), rows: [] as RawRow[] };
    for (const row of rows) {
      if (row.number === 1) continue;
      const cells: Record<string, XlsxCell> = {};
      let any = false;
      row.cells.forEach((cell, col) => {
        const header = headerAt.get(col);
        if (!header) return;
        const text = cell.text.trim();
        if (text !== '') any = true;
        cells[header] = { text, isNumber: cell.isNumber };
      });
      if (any) sheet.rows.push({ row: row.number, cells });
    }
    sheets.set(name, sheet);
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
  let sheets: ReturnType<typeof readSheets>;
  try {
    sheets = readSheets(buffer);
  } catch (err) {
    if (!(err instanceof XlsxFormatError)) throw err;
    return { households: [], errors: [{ sheet: '', row: 0, column: '', value: '', reason: R.notXlsx }], rowsRead };
  }
  rowsRead = [...sheets.values()].reduce((n, sh) => n + sh.rows.length, 0);
  onProgress(rowsRead);

  const readRows = (sheetName: string, columns: ExcelColumn[]) => {
    const sheet = sheets.get(sheetName);
    if (!sheet) {
      if (sheetName === HOUSEHOLD_SHEET) errors.push({ sheet: sheetName, row: 0, column: '', value: '', reason: R.missingSheet });
      return [];
    }
    for (const col of columns)
      if (col.required && !sheet.headers.has(col.header)) errors.push({ sheet: sheetName, row: 1, column: col.header, value: '', reason: R.missingColumn });
    return sheet.rows.map(({ row, cells }) => {
      const obj: Record<string, unknown> = {};
      let ok = true;
      for (const col of columns) {
        const cell = cells[col.header];
        const text = cell?.text ?? '';
        const { value, error } = convert(col, text, cell);
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
    const parsed = HouseholdRowSchema.safeParse(obj);
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
    const parsedMember = MemberInput.safeParse(member);
    if (!parsedMember.success) {
      for (const issue of parsedMember.error.issues)
        errors.push({ sheet: MEMBER_SHEET, row, column: columnOf(MEMBER_COLUMNS, issue.path), value: String(member[String(issue.path[0])] ?? ''), reason: R.invalid(issue.message) });
      continue;
    }
    owner.input.members.push(parsedMember.data);
    owner.memberRows.push(row);
  }
  for (const h of households.values())
    if (h.input.members.length > 20) errors.push({ sheet: MEMBER_SHEET, row: h.memberRows[20], column: '户主身份证号', value: h.input.idNumber, reason: R.tooManyMembers });
  onProgress(rowsRead);
  return { households: [...households.values()], errors, rowsRead };
}
