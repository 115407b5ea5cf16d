import { describe, expect, it } from 'vitest';
import { checkRows, emptyRows, rowErrorsFromIssues, rowsFromPaste, rowsFromSheet, type BatchRow } from './batch-rows.js';

const row = (name: string, unit: string, amount: string, key = name || amount): BatchRow => ({ key, name, unit, amount });

describe('the collective-entry rows', () => {
  it('sends the filled rows in integer fen, skips blank ones, and names every problem by row and field', () => {
    const checked = checkRows([row('张三', '财务科', '200', 'a'), ...emptyRows(2), row('李四', '', '100.50', 'b'), row('', '后勤', '50', 'c'), row('王五', '', '0.1.2', 'd'), row('赵六', '', '0', 'e')]);
    expect(checked.rows).toEqual([
      { key: 'a', donorName: '张三', donorUnit: '财务科', amountFen: 20_000 },
      { key: 'b', donorName: '李四', donorUnit: null, amountFen: 10_050 },
    ]);
    expect(checked.totalFen).toBe(30_050);
    expect(Object.fromEntries(checked.errors)).toEqual({
      c: [{ field: 'name', problem: 'nameRequired' }],
      d: [{ field: 'amount', problem: 'amountInvalid' }],
      e: [{ field: 'amount', problem: 'amountInvalid' }],
    });
  });

  it('adds 0.1 and 0.2 to exactly 30 fen (no floating point)', () => {
    expect(checkRows([row('甲', '', '0.1', 'x'), row('乙', '', '0.2', 'y')]).totalFen).toBe(30);
  });

  it('puts the server’s refusals back on the rows that were sent', () => {
    const errors = rowErrorsFromIssues(
      [
        { field: 'body.rows.1.amountFen', message: 'more than 0' },
        { field: 'body.rows.0.donorName', message: 'too long' },
        { field: 'body.channel', message: 'x' },
      ],
      ['k0', 'k1'],
    );
    expect(Object.fromEntries(errors)).toEqual({ k1: [{ field: 'amount', message: 'more than 0' }], k0: [{ field: 'name', message: 'too long' }] });
  });

  it('fills the table from a sheet and from pasted cells', () => {
    expect(rowsFromSheet([{ donorName: '张三', donorUnit: null, amountFen: 10_005 }]).map(({ name, unit, amount }) => [name, unit, amount])).toEqual([['张三', '', '100.05']]);
    expect(rowsFromPaste('张三\t财务科\t200\r\n李四\t50\n\n').map(({ name, unit, amount }) => [name, unit, amount])).toEqual([
      ['张三', '财务科', '200'],
      ['李四', '', '50'],
    ]);
  });
});
