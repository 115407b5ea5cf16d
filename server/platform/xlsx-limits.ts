import { megabytes } from './units.js';
/**
 * What an uploaded .xlsx may inflate to (docs/decisions/008-upload-bounds.md). The reader and the
 * upload-time check enforce the same numbers, on the bytes inflation actually produces.
 */
const MiB = 1024 * 1024;

export const XLSX_LIMITS = {
  /** One part (a sheet, the shared strings …) after inflating; the 100,000-household benchmark's largest is 105 MiB. */
  partBytes: 256 * MiB,
  /** The workbook part and the relationship parts, read whole before any sheet; real ones are a few KiB. */
  structureBytes: 16 * MiB,
  /** Every part of the workbook together, a part read twice counted twice; the benchmark's total is 233 MiB. */
  workbookBytes: 512 * MiB,
  /** Rows of one sheet; the benchmark's member sheet has 250,001. */
  rowsPerSheet: 500_000,
  /** Column index of any cell; the template has 30. */
  columns: 200,
  /** Cells of one sheet (each costs ~100 bytes once read); the benchmark's household sheet has 3,000,030. */
  cellsPerSheet: 6_000_000,
} as const;

/** Why a file that is not a readable workbook was refused; `malformed` covers every other defect. */
export type XlsxFormatReason = 'not_zip' | 'truncated' | 'duplicate_part' | 'shared_part' | 'entity_declaration' | 'nul_character' | 'malformed';

const FORMAT_MESSAGES: Record<XlsxFormatReason, string> = {
  not_zip: '文件不是有效的 .xlsx 工作簿（不是 zip 压缩包）',
  truncated: '文件不完整（压缩包被截断），请重新保存后再上传',
  duplicate_part: '文件中有同名的重复部件，不是有效的 .xlsx 工作簿',
  shared_part: '两个工作表指向同一个部件，不是有效的 .xlsx 工作簿',
  entity_declaration: '文件含有 XML 实体声明（DOCTYPE/ENTITY），不予接受',
  nul_character: '单元格含有空字符（NUL，&#0;），不予接受',
  malformed: '文件不是有效的 .xlsx 工作簿',
};

/** The file is not a readable .xlsx. `message` is for developers; `chinese` is the reason shown to the user. */
export class XlsxFormatError extends Error {
  readonly reason: XlsxFormatReason | XlsxLimitReason;
  readonly chinese: string;

  constructor(message: string, options?: { cause?: unknown; reason?: XlsxFormatReason }, limit?: { reason: XlsxLimitReason; chinese: string }) {
    super(message, options);
    this.name = 'XlsxFormatError';
    this.reason = limit?.reason ?? options?.reason ?? 'malformed';
    this.chinese = limit?.chinese ?? FORMAT_MESSAGES[options?.reason ?? 'malformed'];
  }
}

export type XlsxLimitReason = 'part_too_large' | 'workbook_too_large' | 'too_many_rows' | 'too_many_columns' | 'too_many_cells';

const count = (n: number) => n.toLocaleString('en-US');

/** What a person would call the part: sheets and the shared strings by their role, anything else by its name. */
const partLabel = (part: string) => (/worksheets\//i.test(part) ? '工作表' : /sharedStrings/i.test(part) ? '共享字符串表' : `部件 ${part} `);

const LIMIT_MESSAGES: Record<XlsxLimitReason, (limit: number, where: string) => string> = {
  part_too_large: (limit, part) => `${partLabel(part)}解压后超过 ${megabytes(limit)} 上限`,
  workbook_too_large: (limit) => `工作簿解压后合计超过 ${megabytes(limit)} 上限`,
  too_many_rows: (limit) => `工作表超过 ${count(limit)} 行上限`,
  too_many_columns: (limit) => `工作表超过 ${count(limit)} 列上限`,
  too_many_cells: (limit) => `工作表超过 ${count(limit)} 个单元格上限`,
};

/** A readable file over one of XLSX_LIMITS (refused with 413 at upload). */
export class XlsxLimitError extends XlsxFormatError {
  declare readonly reason: XlsxLimitReason;

  constructor(
    reason: XlsxLimitReason,
    readonly limit: number,
    where: string,
  ) {
    super(`${where}: over the ${reason} limit of ${limit}`, undefined, { reason, chinese: LIMIT_MESSAGES[reason](limit, where) });
    this.name = 'XlsxLimitError';
  }
}

/**
 * Refuses a part whose declared size is over what is left of the budget, before inflating it. The
 * caller then inflates no more than the declared size (a part producing more is corrupt), so the bytes
 * actually produced stay within the caps whatever the file declares.
 */
export function assertPartFits(name: string, declaredSize: number, inflatedSoFar: number, partCap: number = XLSX_LIMITS.partBytes): void {
  if (declaredSize > partCap) throw new XlsxLimitError('part_too_large', partCap, name);
  if (inflatedSoFar + declaredSize > XLSX_LIMITS.workbookBytes) throw new XlsxLimitError('workbook_too_large', XLSX_LIMITS.workbookBytes, name);
}
