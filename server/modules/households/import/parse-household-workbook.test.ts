import { describe, expect, it } from 'vitest';
import { repeatedEntry, SHEET_HEAD, SHEET_TAIL, textEntry, workbookOf } from '../../../test-support/xlsx-bombs.js';
import { convertCell, parseHouseholdWorkbook } from './parse-household-workbook.js';

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

describe('a 元 cell of any import (the archive, applications, postings)', () => {
  it('reads the long double Excel writes for a typed amount as Excel shows it, and still refuses three decimals', () => {
    const yuan = { header: '月收入(元)', field: 'incomeFen', required: true, type: { kind: 'yuan' as const } } as Parameters<typeof convertCell>[0];
    expect(convertCell(yuan, '1234.5599999999999', undefined)).toEqual({ value: 123456 });
    expect(convertCell(yuan, '1.005', undefined).error).toBeDefined();
  });
});
