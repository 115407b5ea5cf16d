import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatWanYuan, formatYuan, MAX_FEN, parseYuan, yuanToFen } from './money.js';

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
    expect(parseYuan('1,000.5')).toEqual({ fen: 100_050 });
    expect(parseYuan('１２３．４５')).toEqual({ fen: 12345 });
    expect(parseYuan('０.２９')).toEqual({ fen: 29 });
    expect(parseYuan(' ¥ 3，000 ')).toEqual({ fen: 300000 });
    expect(parseYuan('12.')).toEqual({ problem: 'format' });
  });

  it('refuses more than two decimals, signs, words and more than 1 亿元; zero only where an amount must be positive', () => {
    expect(parseYuan('')).toEqual({ problem: 'empty' });
    expect(parseYuan(undefined)).toEqual({ problem: 'empty' });
    expect(parseYuan('1.234')).toEqual({ problem: 'decimals' });
    expect(parseYuan('-5')).toEqual({ problem: 'format' });
    expect(parseYuan('1e3')).toEqual({ problem: 'format' });
    expect(parseYuan('五百')).toEqual({ problem: 'format' });
    expect(parseYuan('0.00')).toEqual({ fen: 0 });
    expect(parseYuan('0.00', { positive: true })).toEqual({ problem: 'zero' });
    expect(parseYuan('100000000')).toEqual({ fen: MAX_FEN });
    expect(parseYuan('100000000.01')).toEqual({ problem: 'too_large' });
    expect(parseYuan('1000000001')).toEqual({ problem: 'too_large' });
    expect(parseYuan('999999999999.99')).toEqual({ problem: 'too_large' });
    expect(parseYuan('9999999999999')).toEqual({ problem: 'format' });
  });

  it('gives fen of a checked field (empty is 0) and fen back as the text to prefill', () => {
    expect(yuanToFen('1,650')).toBe(165_000);
    expect(yuanToFen('')).toBe(0);
    expect(fenToYuanInput(180050)).toBe('1800.50');
    expect(fenToYuanInput(500000)).toBe('5000');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(fenToYuanInput(null)).toBe('');
  });
});

describe('showing fen', () => {
  it('as 元 with two decimals and thousands separators', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(7)).toBe('¥0.07');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-10_000_000_000)).toBe('-¥100,000,000.00');
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });

  it('as 万元 with four decimals on summaries, fen rounded half up', () => {
    expect(formatWanYuan(214_913_600)).toBe('214.9136 万元');
    expect(formatWanYuan(1_000_100)).toBe('1.0001 万元');
    expect(formatWanYuan(49)).toBe('0.0000 万元');
    expect(formatWanYuan(50)).toBe('0.0001 万元');
    expect(formatWanYuan(10_000_000_000, { unit: false })).toBe('10,000.0000');
    expect(formatWanYuan(-150)).toBe('-0.0002 万元');
  });
});
