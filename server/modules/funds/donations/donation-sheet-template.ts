import ExcelJS from 'exceljs';
import { DONATION_BATCH_MAX_ROWS } from '../../../../contracts/donations.js';
import { DONATION_COLUMNS, DONATION_SHEET, EXAMPLE_NAME } from './donation-sheet.js';

const GUIDE = [
  '每行一名捐款人：填写姓名、部门或单位（可不填）和捐款金额。',
  '金额以元为单位，最多两位小数，如 200 或 200.50。',
  `一次最多 ${DONATION_BATCH_MAX_ROWS} 人。导入后先在页面上核对名单和错误，确认无误再提交；提交时全部录入，每人一张捐赠收据。`,
  '请删除示例行后再导入。',
];

/** The collective-donation template: the 捐款名单 sheet with one example row, and a sheet of instructions. */
export async function buildDonationSheetTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  const ws = wb.addWorksheet(DONATION_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = DONATION_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  ws.addRow([EXAMPLE_NAME, '机关办公室', '200.00']);
  ws.getColumn(3).numFmt = '0.00';
  const guide = wb.addWorksheet('填写说明');
  guide.getColumn(1).width = 100;
  guide.addRow(['填写说明']).font = { bold: true, size: 13 };
  GUIDE.forEach((line, i) => (guide.addRow([`${i + 1}. ${line}`]).alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
