import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuanText, parseYuanToFen, sheetYuanToFen } from './money.js';

describe('money text', () => {
  it('parses 元 text to fen exactly', () => {
    expect(parseYuanToFen('1800')).toBe(180000);
    expect(parseYuanToFen('1800.5')).toBe(180050);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parseYuanToFen(' ¥2,149,136.00 ')).toBe(214913600);
    expect(parseYuanToFen('3000元')).toBe(300000);
  });
  it('refuses what is not an amount of 元', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e5', '12..3']) expect(parseYuanToFen(bad)).toBeNull();
  });
  it('round-trips every fen amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }) /* up to 10 digits of 元 */, (fen) => parseYuanToFen(fenToYuanText(fen)) === fen));
  });
});

describe('amounts in a spreadsheet', () => {
  it('reads the doubles Excel writes for typed amounts as Excel shows them, and still refuses three decimals', () => {
    expect(sheetYuanToFen('19.989999999999998')).toBe(1999);
    expect(sheetYuanToFen('0.30000000000000004')).toBe(30);
    expect(sheetYuanToFen('1234.5599999999999')).toBe(123456);
    expect(sheetYuanToFen('1,000.5')).toBe(100050);
    expect(sheetYuanToFen('1.005')).toBeNull();
    expect(sheetYuanToFen('1.234')).toBeNull();
    expect(sheetYuanToFen('-5')).toBeNull();
    expect(sheetYuanToFen('1e3')).toBeNull();
  });
});
