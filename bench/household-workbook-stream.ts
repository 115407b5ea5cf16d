import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { makeCnId } from '../contracts/cn-ids.js';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET, MEMBER_COLUMNS, MEMBER_SHEET } from '../server/modules/households/import/households-excel-columns.js';

const REGIONS = ['410802', '410803', '410804', '410811', '410821', '410822', '410823', '410825', '410882', '410883'];

/** Deterministic distinct ID numbers: region × birth date × sequence covers millions without repeats. */
export function syntheticId(i: number, role: number): string {
  const region = REGIONS[i % REGIONS.length];
  const j = Math.floor(i / REGIONS.length) * 4 + role; // distinct per (household, role) within a region
  const year = (role >= 2 ? 2000 : 1960) + (j % 20);
  const dayOfYear = Math.floor(j / 20) % 336;
  const month = String(1 + Math.floor(dayOfYear / 28)).padStart(2, '0');
  const day = String(1 + (dayOfYear % 28)).padStart(2, '0');
  const seq = String(Math.floor(j / 6720)).padStart(3, '0');
  return makeCnId(region, `${year}${month}${day}`, seq);
}

/**
 * Writes an import file of `households` households with 2 or 3 members each (2.5 on average), by
 * streaming, so a 100,000-household file costs little memory.
 */
export async function writeHouseholdWorkbook(path: string, households: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: fs.createWriteStream(path), useSharedStrings: true, useStyles: false });
  const hs = wb.addWorksheet(HOUSEHOLD_SHEET);
  hs.addRow(HOUSEHOLD_COLUMNS.map((c) => c.header)).commit();
  const ms = wb.addWorksheet(MEMBER_SHEET);
  ms.addRow(MEMBER_COLUMNS.map((c) => c.header)).commit();
  let members = 0;
  for (let i = 0; i < households; i++) {
    const workerId = syntheticId(i, 0);
    hs.addRow(['职工' + i, workerId, '139' + String(i).padStart(8, '0'), '汉族', '群众', '焦作市某企业', i % 3 ? '职工' : '农民工', '在岗', '', '健康', '无', '', '租房', '城镇', '410803', '已婚', '否', '职工医保', '中国工商银行', '焦作分行', '6222' + String(i).padStart(15, '0'), '1800', '0', i % 4 ? '相对困难' : '深度困难', '本人或家人患大病', '', '', '', '', '']).commit();
    const count = i % 2 ? 3 : 2;
    for (let r = 1; r <= count; r++) {
      ms.addRow([workerId, r === 1 ? '配偶' : '子女', `成员${i}-${r}`, syntheticId(i, r === 1 ? 1 : r === 2 ? 2 : 3), '健康', '', r === 1 ? '1200' : '0', r === 1 ? '在业' : '在学', '', r === 1 ? '' : '初中', '']).commit();
      members++;
    }
  }
  hs.commit();
  ms.commit();
  await wb.commit();
  return { households, members };
}
