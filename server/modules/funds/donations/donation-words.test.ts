import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToChineseCapital, formatReceiptNo, maskDonorName, parseYuanInput, publicDonorName } from '../../../../contracts/donations.js';

describe('fenToChineseCapital (大写金额)', () => {
  it.each([
    [559_200, '伍仟伍佰玖拾贰元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_500, '壹拾伍元整'],
    [100_050, '壹仟元伍角'],
    [100_005, '壹仟元零伍分'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [100_100, '壹仟零壹元整'],
    [1_000_500, '壹万零伍元整'],
    [10_000_000, '壹拾万元整'],
    [100_100_000, '壹佰万壹仟元整'],
    [100_010_000, '壹佰万零壹佰元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_010_000_000, '壹亿零壹拾万元整'],
    [123_456_789_012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
  ])('%i fen → %s', (fen, words) => {
    expect(fenToChineseCapital(fen)).toBe(words);
  });

  it('refuses fractions, negatives and amounts past 9,999 亿元', () => {
    for (const bad of [1.5, -1, 1e14, Number.NaN]) expect(() => fenToChineseCapital(bad)).toThrow(RangeError);
  });

  it('reads back to the same number for any amount (a property over random fen)', () => {
    const digit = Object.fromEntries([...'零壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, i]));
    const unit: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    // Parses the capitals back: sections of 亿 and 万, places within them, 角 and 分.
    const back = (words: string) => {
      const [yuanPart, rest] = words.includes('元') ? words.split('元') : ['', words];
      let total = 0;
      let section = 0;
      let pending = 0;
      for (const c of yuanPart) {
        if (c in digit) pending = digit[c];
        else if (c in unit) (section += pending * unit[c]), (pending = 0);
        else if (c === '万' || c === '亿') {
          section += pending;
          total = c === '亿' ? (total + section) * 100_000_000 : total + section * 10_000;
          section = 0;
          pending = 0;
        }
      }
      total += section + pending;
      let fen = total * 100;
      const jiao = /(.)角/.exec(rest);
      const cents = /(.)分/.exec(rest);
      if (jiao) fen += digit[jiao[1]] * 10;
      if (cents) fen += digit[cents[1]];
      return fen;
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999_99 }), (fen) => back(fenToChineseCapital(fen)) === fen));
  });
});

describe('donor names on the public list', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳修', '欧阳*'],
    ['司马光', '司马*'],
    ['李', '李'],
    ['𠮷野家', '𠮷**'],
    ['Alice', 'A****'],
  ])('%s → %s', (name, masked) => expect(maskDonorName(name)).toBe(masked));

  it('masks persons, names enterprises and platforms in full, leaves anonymous gifts unnamed', () => {
    expect(publicDonorName('person', '王五')).toBe('王*');
    expect(publicDonorName('enterprise', '焦煤集团')).toBe('焦煤集团');
    expect(publicDonorName('platform_match', '腾讯公益')).toBe('腾讯公益');
    expect(publicDonorName('anonymous', '不留名')).toBeNull();
  });
});

describe('receipt numbers and amounts typed in 元', () => {
  it('formats a receipt number from the prefix, the year received and the running number', () => {
    expect(formatReceiptNo('JZ', '2021-09-09', 123)).toBe('JZ-2021-000123');
    expect(formatReceiptNo('JZ', '2022-01-01', 1_234_567)).toBe('JZ-2022-1234567');
  });

  it.each([
    ['5592', 559_200],
    ['5,592.5', 559_250],
    ['￥5592.00', 559_200],
    ['0.01', 1],
    ['12.', 1_200],
    ['1.234', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ])('%s → %s fen', (text, fen) => expect(parseYuanInput(text)).toBe(fen));
});
