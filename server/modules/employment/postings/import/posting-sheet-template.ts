import ExcelJS from 'exceljs';
import { MAX_VALID_DAYS, POSTING_IMPORT_MAX_ROWS } from '../../../../../contracts/jobs.js';
import { POSTING_COLUMNS, POSTING_SHEET } from './posting-sheet.js';

const CODES_SHEET = '代码表';
const GUIDE = [
  '每行一个岗位；带 * 的列必须填写。',
  '企业用营业执照上的18位统一社会信用代码指明，导入时核对校验位；企业须已在平台登记、属于本单位辖区。',
  '岗位类别、岗位性质、学历要求、经验要求请从下拉列表中选择；岗位性质不填视为“普通岗位”。',
  '月薪以元为单位，填每月的下限和上限，如 4000 和 6000；面议请都填 0。',
  '工作地点填6位行政区划代码，如 410803（中站区）、410811（山阳区）。',
  `有效期至写成 2026-12-31 的格式，不早于今天，最长一年（${MAX_VALID_DAYS} 天）；过了这一天岗位自动下架。`,
  '同一企业在同一地区不能有两个同名的在用岗位（草稿、审核中或已发布）。',
  `一个文件最多 ${POSTING_IMPORT_MAX_ROWS} 个岗位。导入为全部成功或全部不导入：有任何错误时不写入任何岗位，请下载错误报告，修正后重新导入。导入的岗位为“待审核”，审核通过后发布。`,
  '请删除示例行后再导入。',
];

/** The posting import template: Chinese headers (required ones marked *), an example row, drop-downs for coded fields, instructions. */
export async function buildPostingTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  const ws = wb.addWorksheet(POSTING_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = POSTING_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  ws.addRow(POSTING_COLUMNS.map((c) => c.example));
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  let listCount = 0;
  POSTING_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    if (['uscc', 'regionCode', 'contactPhone', 'validUntil'].includes(c.field)) column.numFmt = '@'; // kept as typed, never as a number or a date
    if (c.type.kind !== 'code') return;
    const { keys, labels } = c.type.codes;
    listCount++;
    const letter = String.fromCharCode(64 + listCount);
    codes.getCell(1, listCount).value = c.header;
    keys.forEach((k, r) => (codes.getCell(r + 2, listCount).value = labels[k][0]));
    const range = `'${CODES_SHEET}'!$${letter}$2:$${letter}$${keys.length + 1}`;
    for (let row = 2; row <= POSTING_IMPORT_MAX_ROWS + 1; row++)
      ws.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [range], showErrorMessage: true, errorTitle: c.header, error: '请从下拉列表中选择' };
  });
  const guide = wb.addWorksheet('填写说明');
  guide.getColumn(1).width = 100;
  guide.addRow(['填写说明']).font = { bold: true, size: 13 };
  GUIDE.forEach((line, i) => (guide.addRow([`${i + 1}. ${line}`]).alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
