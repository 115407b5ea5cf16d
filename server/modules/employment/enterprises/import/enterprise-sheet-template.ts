import ExcelJS from 'exceljs';
import { ENTERPRISE_IMPORT_MAX_ROWS } from '../../../../../contracts/enterprises.js';
import { ENTERPRISE_COLUMNS, ENTERPRISE_SHEET } from './enterprise-sheet.js';

const CODES_SHEET = '代码表';
const GUIDE = [
  '每行一家用人单位；带 * 的列必须填写。',
  '统一社会信用代码为营业执照上的18位代码，导入时核对校验位；已登记的代码不能重复导入。',
  '行业、企业规模请从下拉列表中选择；“优先招聘困难家庭毕业生”填写“是”或“否”，不填视为“否”。',
  '所在地行政区划代码为6位数字，如 410803（中站区）、410811（山阳区）。',
  '联系电话可填手机号，或带区号的固定电话，如 0391-3561234。',
  `一个文件最多 ${ENTERPRISE_IMPORT_MAX_ROWS} 家单位。导入为全部成功或全部不导入：有任何错误时不写入任何单位，请下载错误报告，修正后重新导入。`,
  '请删除示例行后再导入。',
];

/** The enterprise import template: Chinese headers (required ones marked *), an example row, drop-downs for coded fields, instructions. */
export async function buildEnterpriseTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  const ws = wb.addWorksheet(ENTERPRISE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ENTERPRISE_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  ws.addRow(ENTERPRISE_COLUMNS.map((c) => c.example));
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  let listCount = 0;
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    if (c.field === 'uscc' || c.field === 'regionCode' || c.field === 'contactPhone') column.numFmt = '@'; // kept as typed, never as a number
    const labels = c.type.kind === 'code' ? c.type.codes.keys.map((k) => (c.type.kind === 'code' ? c.type.codes.labels[k][0] : k)) : c.type.kind === 'yesno' ? ['是', '否'] : null;
    if (!labels) return;
    listCount++;
    const letter = String.fromCharCode(64 + listCount);
    codes.getCell(1, listCount).value = c.header;
    labels.forEach((label, r) => (codes.getCell(r + 2, listCount).value = label));
    const range = `'${CODES_SHEET}'!$${letter}$2:$${letter}$${labels.length + 1}`;
    for (let row = 2; row <= ENTERPRISE_IMPORT_MAX_ROWS + 1; row++)
      ws.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [range], showErrorMessage: true, errorTitle: c.header, error: '请从下拉列表中选择' };
  });
  const guide = wb.addWorksheet('填写说明');
  guide.getColumn(1).width = 100;
  guide.addRow(['填写说明']).font = { bold: true, size: 13 };
  GUIDE.forEach((line, i) => (guide.addRow([`${i + 1}. ${line}`]).alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
