import ExcelJS from 'exceljs';
import { makeCnId } from '../../../../contracts/cn-ids.js';
import { CODES_SHEET, HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET, type ExcelColumn } from './households-excel-columns.js';

export const EXAMPLE_WORKER_ID = makeCnId('410803', '19780515', '001');
const EXAMPLE_CHILD_ID = makeCnId('410803', '20070315', '001');

function exampleFor(col: ExcelColumn, sheet: 'household' | 'member'): string {
  if (col.field === 'workerIdNumber' || (sheet === 'household' && col.field === 'idNumber')) return EXAMPLE_WORKER_ID;
  if (sheet === 'member' && col.field === 'idNumber') return EXAMPLE_CHILD_ID;
  return col.example;
}

/** The import template: Chinese headers (required ones marked *), an example row, drop-downs for coded fields. */
export async function buildHouseholdTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  // One column of labels per code set on a hidden sheet; the drop-downs point at those ranges.
  const codeLists: Array<{ title: string; labels: string[] }> = [];
  const rangeOf = new Map<string, string>();
  const listRange = (title: string, labels: string[]) => {
    if (!rangeOf.has(title)) {
      codeLists.push({ title, labels });
      const letter = String.fromCharCode(64 + codeLists.length);
      rangeOf.set(title, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${labels.length + 1}`);
    }
    return rangeOf.get(title)!;
  };
  const dropDownFor = (c: ExcelColumn) => {
    if (c.type.kind === 'code') {
      const codes = c.type.codes;
      return listRange(c.header.replace(/\d$/, ''), codes.keys.map((k) => codes.labels[k][0]));
    }
    return c.type.kind === 'yesno' ? listRange('是否', ['是', '否']) : undefined;
  };

  const addSheet = (name: string, columns: ExcelColumn[], kind: 'household' | 'member') => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    ws.addRow(columns.map((c) => exampleFor(c, kind)));
    columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      if (c.type.kind === 'id' || c.type.kind === 'card' || c.type.kind === 'mobile') column.numFmt = '@'; // keep long numbers as text
      const list = dropDownFor(c);
      if (!list) return;
      for (let row = 2; row <= 2000; row++)
        ws.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [list], showErrorMessage: true, errorTitle: c.header, error: '请从下拉列表中选择' };
    });
  };
  addSheet(HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS, 'household');
  addSheet(MEMBER_SHEET, MEMBER_COLUMNS, 'member');
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  codeLists.forEach(({ title, labels }, i) => {
    codes.getCell(1, i + 1).value = title;
    labels.forEach((label, r) => (codes.getCell(r + 2, i + 1).value = label));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
