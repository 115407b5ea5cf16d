import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DONATION_COLUMNS, DONATION_SHEET, parseDonationSheet } from './donation-sheet.js';

async function sheet(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DONATION_SHEET);
  ws.addRow(DONATION_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the collective-donation sheet’s report', () => {
  it('says every refusal in Chinese with the cell as typed, in the order of the sheet', async () => {
    const { rows, errors } = parseDonationSheet(
      await sheet([
        ['张一', '办公室', 100],
        ['张二', '', 0],
        ['张三', '', '100000000.01'],
        ['410802199001011234', '', 50],
        ['张五', '6222021234567890123', 50],
        ['张六', '', 0.1 + 0.2],
        ['', '办公室', 'abc'],
      ]),
    );
    expect(rows).toEqual([
      { row: 2, donorName: '张一', donorUnit: '办公室', amountFen: 10_000 },
      { row: 7, donorName: '张六', donorUnit: null, amountFen: 30 },
    ]);
    expect(errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual([
      [3, '金额(元)', '0', '金额应大于 0'],
      [4, '金额(元)', '100000000.01', '金额不能超过 100,000,000.00 元（1 亿元）'],
      [5, '姓名', '410802199001011234', '像是身份证号或银行卡号：名单只填姓名和部门'],
      [6, '部门或单位', '6222021234567890123', '像是身份证号或银行卡号：名单只填姓名和部门'],
      [8, '姓名', '', '必填项为空'],
      [8, '金额(元)', 'abc', expect.stringContaining('金额格式错误')],
    ]);
    for (const e of errors) expect(e.reason).not.toMatch(/[a-z]{3}/i);
  });
});
