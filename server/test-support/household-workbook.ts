import ExcelJS from 'exceljs';
import { makeCnId } from '../../contracts/cn-ids.js';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET } from '../modules/households/import/households-excel-columns.js';

export type SheetRow = Record<string, string | number>;

/** Builds an .xlsx shaped like the import template from rows keyed by Chinese header. */
export async function buildHouseholdWorkbook(households: SheetRow[], members: SheetRow[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, columns, rows] of [
    [HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS, households],
    [MEMBER_SHEET, MEMBER_COLUMNS, members],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const row of rows) ws.addRow(columns.map((c) => row[c.header] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let n = 0;
/** A valid household row and its members, with fresh ID numbers. */
export function validHouseholdRows(region = '410803'): { household: SheetRow; members: SheetRow[] } {
  n += 1;
  const workerId = makeCnId(region, `19${60 + (n % 30)}0${1 + (n % 9)}1${n % 10}`, String(100 + (n % 900)));
  const spouseId = makeCnId(region, `19${62 + (n % 30)}0${1 + ((n + 3) % 9)}2${n % 10}`, String(100 + ((n * 7) % 900)));
  const childId = makeCnId(region, `20${10 + (n % 10)}0${1 + ((n + 5) % 9)}0${1 + (n % 9)}`, String(100 + ((n * 13) % 900)));
  return {
    household: {
      户主姓名: `职工${n}`, 身份证号: workerId, 手机号: `138${String(10000000 + n).slice(-8)}`, 就业形式: '职工', 健康状况: '慢性病',
      单亲家庭: '否', '本人月收入(元)': '1800.50', 困难类别: '深度困难', 主要致困原因: '本人或家人患大病', 次要致困原因1: '子女教育费用负担重',
      银行卡号: `6222${String(100000000000000 + n).slice(-15)}`,
    },
    members: [
      { 户主身份证号: workerId, 与户主关系: '配偶', 姓名: `配偶${n}`, 身份证号: spouseId, '月收入(元)': '1200' },
      { 户主身份证号: workerId, 与户主关系: '子女', 姓名: `子女${n}`, 身份证号: childId, 就学阶段: '初中', 状态: '在学' },
    ],
  };
}
