import ExcelJS from 'exceljs';
import type { ImportError } from '../../contracts/households.js';

/**
 * An import's error report as a workbook, in Chinese: one line per bad cell (sheet, row, column, value
 * as masked when stored, reason), and a last line when more errors were found than were kept.
 */
export async function importErrorReportXlsx(errors: ImportError[], errorCount: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '工作表', key: 'sheet', width: 12 },
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 18 },
    { header: '填写内容', key: 'value', width: 24 },
    { header: '错误原因', key: 'reason', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of errors) ws.addRow(e);
  if (errorCount > errors.length) ws.addRow({ reason: `另有 ${errorCount - errors.length} 处错误未列出，请先修正以上错误后重新导入` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
