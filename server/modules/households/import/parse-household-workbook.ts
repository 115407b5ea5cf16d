import { validateCnId, validateCnMobile } from '../../../../contracts/cn-ids.js';
import { CreateHouseholdInput, MemberInput } from '../../../../contracts/households.js';
import { sheetYuanToFen } from '../../../platform/money.js';
import { readXlsxSheets, XlsxFormatError, type XlsxCell, type XlsxRow } from '../../../platform/xlsx-reader.js';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET, type ExcelColumn } from './households-excel-columns.js';
import { maskImportErrors } from './import-error-masking.js';
import type { ImportError } from './import-reasons.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import { EXAMPLE_WORKER_ID } from './households-template.js';

export type { ImportError } from './import-reasons.js';

export interface ParsedHousehold {
  row: number;
  input: Omit<CreateHouseholdInput, 'orgId'>;
  memberRows: number[];
}

// Built once: creating a zod schema per row costs more than parsing the row.
const HouseholdRowSchema = CreateHouseholdInput.omit({ orgId: true, members: true });

const headerKey = (h: string) => h.replace(/[*＊\s]/g, '');

/** Converts one cell by its column's kind; returns the value or the Chinese reason it is wrong. */
export function convertCell(col: ExcelColumn, text: string, cell: XlsxCell | undefined): { value?: unknown; error?: string } {
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
      const fen = sheetYuanToFen(text);
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

/** Sets `a` (a field), `a.0` (an item of a list) or `a.b` (a field of a nested object). */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, key] = path.split('.');
  if (key === undefined) target[head] = value;
  else if (/^\d+$/.test(key)) ((target[head] ??= []) as unknown[])[Number(key)] = value;
  else ((target[head] ??= {}) as Record<string, unknown>)[key] = value;
}

/** One sheet of the template with every cell converted by its column, and the errors found. */
export interface TemplateSheet {
  rows: Array<{ row: number; obj: Record<string, unknown>; ok: boolean }>;
  errors: ImportError[];
}

/** Reading a sheet either gives its rows or the Chinese reason the file was refused (not a workbook, or over a limit). */
export type SheetReading = TemplateSheet | { refused: string };

const SHEET_COLUMNS: Record<string, ExcelColumn[]> = { [HOUSEHOLD_SHEET]: HOUSEHOLD_COLUMNS, [MEMBER_SHEET]: MEMBER_COLUMNS };

/**
 * Reads one sheet and converts each cell by its column (rows keyed by the header text of row 1).
 * The two sheets are independent until they are joined, so the member sheet can be read in another
 * thread at the same time as the household sheet. Other templates (the campaigns' application
 * import) pass their own columns and the reason a missing sheet is reported with.
 */
export function readTemplateSheet(
  buffer: Buffer,
  sheetName: string,
  columns: ExcelColumn[] = SHEET_COLUMNS[sheetName],
  missingSheetReason: string | undefined = sheetName === HOUSEHOLD_SHEET ? R.missingSheet : undefined,
): SheetReading {
  let rows: XlsxRow[] | undefined;
  try {
    rows = readXlsxSheets(buffer, [sheetName]).get(sheetName);
  } catch (err) {
    // A limit or a named defect has its own reason (e.g. 工作表超过 500,000 行上限); anything else is "not a workbook".
    if (err instanceof XlsxFormatError) return { refused: err.reason === 'malformed' ? R.notXlsx : err.chinese };
    throw err;
  }
  const errors: ImportError[] = [];
  if (!rows) {
    if (missingSheetReason) errors.push({ sheet: sheetName, row: 0, column: '', value: '', reason: missingSheetReason });
    return { rows: [], errors };
  }
  const columnAt = new Map<number, ExcelColumn>();
  const headers = new Set<string>();
  rows.find((r) => r.number === 1)?.cells.forEach((cell, col) => {
    const header = headerKey(cell.text);
    headers.add(header);
    const column = columns.find((c) => c.header === header);
    if (column) columnAt.set(col, column);
  });
  for (const col of columns)
    if (col.required && !headers.has(col.header)) errors.push({ sheet: sheetName, row: 1, column: col.header, value: '', reason: R.missingColumn });
  const converted: TemplateSheet['rows'] = [];
  for (const { number: row, cells } of rows) {
    if (row === 1) continue;
    const texts = new Map<ExcelColumn, XlsxCell>();
    let any = false;
    cells.forEach((cell, col) => {
      const column = columnAt.get(col);
      if (!column) return;
      const text = cell.text.trim();
      if (text !== '') any = true;
      texts.set(column, text === cell.text ? cell : { text, isNumber: cell.isNumber });
    });
    if (!any) continue;
    const obj: Record<string, unknown> = {};
    let ok = true;
    for (const col of columns) {
      const cell = texts.get(col);
      const text = cell?.text ?? '';
      const { value, error } = convertCell(col, text, cell);
      if (error) {
        ok = false;
        errors.push({ sheet: sheetName, row, column: col.header, value: text, reason: error });
      } else if (value !== undefined) setPath(obj, col.field, value);
    }
    if (Array.isArray(obj.secondaryCauses)) obj.secondaryCauses = (obj.secondaryCauses as unknown[]).filter(Boolean);
    converted.push({ row, obj, ok });
  }
  return { rows: converted, errors };
}

/**
 * Reads a filled-in template and validates every cell. Returns the households with their members,
 * or every error found (sheet, row, column, value, reason in Chinese); never stops at the first.
 * `readMemberSheet` lets the caller read the member sheet elsewhere (another thread) meanwhile.
 */
export async function parseHouseholdWorkbook(
  buffer: Buffer,
  onProgress: (rowsRead: number) => void = () => {},
  readMemberSheet: () => Promise<SheetReading> = async () => readTemplateSheet(buffer, MEMBER_SHEET),
) {
  const memberReading = readMemberSheet();
  const householdSheet = readTemplateSheet(buffer, HOUSEHOLD_SHEET);
  if (!('refused' in householdSheet)) onProgress(householdSheet.rows.length);
  const memberSheet = await memberReading;
  if ('refused' in householdSheet || 'refused' in memberSheet) {
    const reason = 'refused' in householdSheet ? householdSheet.refused : (memberSheet as { refused: string }).refused;
    return { households: [], errors: [{ sheet: '', row: 0, column: '', value: '', reason }], rowsRead: 0 };
  }
  const errors: ImportError[] = [...householdSheet.errors, ...memberSheet.errors];
  const rowsRead = householdSheet.rows.length + memberSheet.rows.length;
  onProgress(rowsRead);

  const householdRows = householdSheet.rows;
  const memberRowsRaw = memberSheet.rows;
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
  return { households: [...households.values()], errors: maskImportErrors(errors), rowsRead };
}
