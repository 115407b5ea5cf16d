import { describe, expect, it } from 'vitest';
import { MAX_FEN, parseYuan } from './yuan.js';

describe('parseYuan', () => {
  it('turns 元 text into integer fen on its digits, without floating point', () => {
    expect(parseYuan('1800.5')).toEqual({ fen: 180050 });
    expect(parseYuan('0.29')).toEqual({ fen: 29 });
    expect(parseYuan('0.07')).toEqual({ fen: 7 });
    expect(parseYuan('1.1')).toEqual({ fen: 110 });
    expect(parseYuan('2500.05')).toEqual({ fen: 250005 });
    // Every two-decimal amount below 100 元 comes out exact (0.01 … 99.99), where a float would slip.
    for (let fen = 1; fen < 10_000; fen++) expect(parseYuan(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`)).toEqual({ fen });
  });

  it('takes separators, full-width digits, spaces and a ¥ as people type them', () => {
    expect(parseYuan('1,000,000.00')).toEqual({ fen: 100_000_000 });
    expect(parseYuan('１２３．４５')).toEqual({ fen: 12345 });
    expect(parseYuan(' ¥ 3，000 ')).toEqual({ fen: 300000 });
    expect(parseYuan('12.')).toEqual({ problem: 'format' });
  });

  it('refuses more than two decimals, signs, words, zero and more than 1 亿元', () => {
    expect(parseYuan('')).toEqual({ problem: 'empty' });
    expect(parseYuan(undefined)).toEqual({ problem: 'empty' });
    expect(parseYuan('1.234')).toEqual({ problem: 'decimals' });
    expect(parseYuan('-5')).toEqual({ problem: 'format' });
    expect(parseYuan('1e3')).toEqual({ problem: 'format' });
    expect(parseYuan('五百')).toEqual({ problem: 'format' });
    expect(parseYuan('0.00')).toEqual({ problem: 'zero' });
    expect(parseYuan('100000000')).toEqual({ fen: MAX_FEN });
    expect(parseYuan('100000000.01')).toEqual({ problem: 'too_large' });
    expect(parseYuan('999999999999.99')).toEqual({ problem: 'too_large' });
  });
});
