import { describe, expect, it } from 'vitest';
import { repeatedEntry, SHEET_HEAD, SHEET_TAIL, textEntry, workbookOf } from '../../../test-support/xlsx-bombs.js';
import { parseHouseholdWorkbook } from './parse-household-workbook.js';

describe('parseHouseholdWorkbook on a refused file', () => {
  it('reports the limit the file passed, in Chinese, instead of "not a valid .xlsx"', async () => {
    const rowUnit = '<row><c><v>1</v></c></row>';
    const rows = workbookOf([repeatedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, rowUnit, 510_000 * rowUnit.length, SHEET_TAIL)]);
    expect((await parseHouseholdWorkbook(rows)).errors.map((e) => e.reason)).toEqual(['工作表超过 500,000 行上限']);
    const nul = workbookOf([textEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row><c t="inlineStr"><is><t>张&#0;三</t></is></c></row>${SHEET_TAIL}`)]);
    expect((await parseHouseholdWorkbook(nul)).errors.map((e) => e.reason)).toEqual(['单元格含有空字符（NUL，&#0;），不予接受']);
    expect((await parseHouseholdWorkbook(Buffer.from('not a workbook'))).errors.map((e) => e.reason)).toEqual(['文件不是有效的 .xlsx 工作簿（不是 zip 压缩包）']);
  });
});
