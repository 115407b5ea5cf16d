import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  JIAOZUO_COUNTIES,
  REGION_PREFIXES,
  idCheckChar,
  isValidCnId,
  makeCnId,
  makeUscc,
  maskBankCard,
  maskCnId,
  maskMobile,
  maskName,
  normalizeIdInput,
  normalizeMobile,
  uscCheckChar,
  validateCnId,
  validateCnMobile,
  validateUscc,
} from './cn-ids';

const TODAY = new Date(2024, 5, 15); // 2024-06-15 local
const USC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Full-width form of an ASCII string (U+0021..U+007E → U+FF01..U+FF5E). */
const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('normalizeIdInput', () => {
  it('converts full-width digits and x, strips all kinds of whitespace, uppercases x', () => {
    expect(normalizeIdInput('１１０１０５ １９４９１２３１ ００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdInput(' 110105\u3000194912\u00a031002x\t')).toBe('11010519491231002X');
    expect(normalizeIdInput('ＡＢＣｘ')).toBe('ABCX');
  });
});

describe('validateCnId: valid examples', () => {
  it('accepts the GB 11643 standard example', () => {
    expect(validateCnId('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
  });

  it('accepts hand-verified literal IDs', () => {
    // 4*7+1*9+0+8*5+0+2*4+1*2+9*1+9*6+0+0+1*9+0+1*5+1*8+2*4+3*2 = 186; 186 % 11 = 10 → '2'
    expect(validateCnId('410802199001011232')).toMatchObject({
      ok: true,
      birthDate: '1990-01-01',
      sex: 'M',
      regionCode: '410802',
    });
    // weighted sum 223; 223 % 11 = 3 → '9'
    expect(validateCnId('410823198511200049')).toMatchObject({
      ok: true,
      birthDate: '1985-11-20',
      sex: 'F',
      regionCode: '410823',
    });
    expect(isValidCnId('410802199001011232')).toBe(true);
  });

  it('accepts IDs built with makeCnId, including a leap day', () => {
    const id = makeCnId('410882', '20000229', '017');
    expect(id).toHaveLength(18);
    expect(validateCnId(id)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'M' });
    expect(idCheckChar(id.slice(0, 17))).toBe(id[17]);
  });

  it('accepts lowercase x', () => {
    expect(validateCnId('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts and normalizes full-width digits and embedded spaces', () => {
    expect(validateCnId('４１０８０２ １９９００１０１ １２３２')).toMatchObject({
      ok: true,
      value: '410802199001011232',
    });
    expect(validateCnId(' 410802\u30001990 0101 123２ ')).toMatchObject({
      ok: true,
      value: '410802199001011232',
    });
  });

  it('accepts a birth date equal to today and 1900-01-01', () => {
    expect(validateCnId(makeCnId('410811', '20240615', '002'), { today: TODAY }).ok).toBe(true);
    expect(validateCnId(makeCnId('410811', '19000101', '002'), { today: TODAY }).ok).toBe(true);
  });
});

describe('validateCnId: problems', () => {
  it('reports wrong length', () => {
    expect(validateCnId('11010519491231002')).toEqual({ ok: false, problem: 'length' });
    expect(validateCnId('11010519491231002X1')).toEqual({ ok: false, problem: 'length' });
    expect(validateCnId('')).toEqual({ ok: false, problem: 'length' });
  });

  it('reports letters in the middle as format', () => {
    expect(validateCnId('1101051949A231002X')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnId('X10105194912310021')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnId('11010519491231002Y')).toEqual({ ok: false, problem: 'format' });
  });

  it('reports an unknown province', () => {
    expect(validateCnId(makeCnId('990105', '19491231', '002'))).toEqual({ ok: false, problem: 'region' });
    expect(validateCnId(makeCnId('000000', '19491231', '002'))).toEqual({ ok: false, problem: 'region' });
  });

  it('reports impossible dates', () => {
    for (const date of ['20230230', '20230229', '19901301', '19900001', '19900100', '19000229', '19900431']) {
      expect(validateCnId(makeCnId('410802', date, '123')), date).toEqual({ ok: false, problem: 'birth_date' });
    }
  });

  it('reports dates before 1900', () => {
    expect(validateCnId(makeCnId('410802', '18991231', '123'))).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('reports a future birth date relative to opts.today', () => {
    const id = makeCnId('410802', '20240616', '123');
    expect(validateCnId(id, { today: TODAY })).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateCnId(id, { today: new Date(2024, 5, 16) }).ok).toBe(true);
  });

  it('reports a wrong check digit', () => {
    expect(validateCnId('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
    expect(validateCnId('410802199001011233')).toEqual({ ok: false, problem: 'check_digit' });
    expect(isValidCnId('410802199001011233')).toBe(false);
  });
});

describe('validateCnId: properties', () => {
  const regionArb = fc.constantFrom(...Object.keys(JIAOZUO_COUNTIES));
  const dateArb = fc
    .date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2020, 11, 31)), noInvalidDate: true })
    .map((d) => `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`);
  const seqArb = fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3));
  const validIdArb = fc.tuple(regionArb, dateArb, seqArb).map(([r, d, s]) => makeCnId(r, d, s));

  it('makeCnId output validates with the right birth date and sex', () => {
    fc.assert(
      fc.property(regionArb, dateArb, seqArb, (region, date, seq) => {
        const r = validateCnId(makeCnId(region, date, seq));
        expect(r).toEqual({
          ok: true,
          value: makeCnId(region, date, seq),
          birthDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
          sex: Number(seq[2]) % 2 === 1 ? 'M' : 'F',
          regionCode: region,
        });
      }),
    );
  });

  it('changing any single digit of the first 17 makes the ID invalid', () => {
    fc.assert(
      fc.property(
        validIdArb,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, pos, delta) => {
          const digit = String((Number(id[pos]) + delta) % 10);
          const mutated = id.slice(0, pos) + digit + id.slice(pos + 1);
          const r = validateCnId(mutated);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(['check_digit', 'birth_date', 'region']).toContain(r.problem);
        },
      ),
    );
  });

  it('maskCnId hides the middle 8 characters and keeps length 18', () => {
    fc.assert(
      fc.property(validIdArb, (id) => {
        const masked = maskCnId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked.includes(id.slice(6, 14))).toBe(false);
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(14)).toBe(id.slice(14));
      }),
    );
  });

  it('normalization is idempotent', () => {
    const chars = fc.constantFrom(
      ...'0123456789xXaZ -+'.split(''),
      ...'０１２３４５６７８９ｘＸ'.split(''),
      '\u3000',
      '\u00a0',
      '\t',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars })), (s) => {
        const once = normalizeIdInput(s);
        expect(normalizeIdInput(once)).toBe(once);
        const mobile = normalizeMobile(s);
        expect(normalizeMobile(mobile)).toBe(mobile);
      }),
    );
  });
});

describe('mobile', () => {
  it('accepts valid mainland numbers in common notations', () => {
    expect(validateCnMobile('13800138000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateCnMobile('+86 138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateCnMobile('0086-138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateCnMobile('8613800138000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateCnMobile('１３８００１３８０００')).toEqual({ ok: true, value: '13800138000' });
    expect(validateCnMobile(toFullWidth('+86 19912345678'))).toEqual({ ok: true, value: '19912345678' });
  });

  it('rejects invalid numbers', () => {
    expect(validateCnMobile('12345678901')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnMobile('1380013800')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnMobile('138001380001')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnMobile('1380013800a')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnMobile('')).toEqual({ ok: false, problem: 'format' });
    expect(validateCnMobile('+8613800138')).toEqual({ ok: false, problem: 'format' });
    expect(normalizeMobile('+868613800138000')).toBe('+868613800138000');
  });
});

describe('unified social credit code', () => {
  it('accepts a known valid literal code and makeUscc output', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(uscCheckChar('91350100M000100Y4')).toBe('3');
    const code = makeUscc('91410800MA3XABCD1');
    expect(code).toHaveLength(18);
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalizes full-width characters, spaces and lowercase', () => {
    expect(validateUscc(' ９１３５０１００ｍ０００１００ｙ４３ ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('reports problems', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, problem: 'check_digit' });
    expect(validateUscc('91350100I000100Y43')).toEqual({ ok: false, problem: 'format' });
    expect(validateUscc('91350100O000100Y43')).toEqual({ ok: false, problem: 'format' });
    expect(validateUscc('91350100M000100Y4')).toEqual({ ok: false, problem: 'length' });
  });

  const first17Arb = fc
    .array(fc.constantFrom(...USC_ALPHABET.split('')), { minLength: 17, maxLength: 17 })
    .map((a) => a.join(''));

  it('any 17 alphabet chars plus computed check validates', () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        expect(validateUscc(first17 + uscCheckChar(first17))).toEqual({ ok: true, value: first17 + uscCheckChar(first17) });
      }),
    );
  });

  it('any other check char fails', () => {
    fc.assert(
      fc.property(first17Arb, fc.integer({ min: 1, max: 30 }), (first17, delta) => {
        const right = USC_ALPHABET.indexOf(uscCheckChar(first17));
        const wrong = USC_ALPHABET[(right + delta) % 31];
        expect(validateUscc(first17 + wrong)).toEqual({ ok: false, problem: 'check_digit' });
      }),
    );
  });
});

describe('masks', () => {
  it('maskCnId', () => {
    expect(maskCnId('410105199001011234')).toBe('410105********1234');
    expect(maskCnId('123456789')).toBe('*********');
    expect(maskCnId('')).toBe('');
  });

  it('maskMobile', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('123')).toBe('***');
  });

  it('maskBankCard', () => {
    expect(maskBankCard('6222021234561234')).toBe('6222****1234');
    expect(maskBankCard('6222 0212 3456 7890 123')).toBe('6222****0123');
    expect(maskBankCard('1234')).toBe('****');
  });

  it('maskName', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王');
    expect(maskName('')).toBe('');
    expect(maskName('𠀋小明')).toBe('𠀋**');
  });
});

describe('constants', () => {
  it('province table covers 31 mainland provinces plus 71/81/82', () => {
    expect(Object.keys(REGION_PREFIXES)).toHaveLength(34);
    expect(REGION_PREFIXES['41']).toBe('河南');
    expect(REGION_PREFIXES['82']).toBe('澳门');
  });

  it('all Jiaozuo codes are in Henan', () => {
    expect(Object.keys(JIAOZUO_COUNTIES)).toHaveLength(11);
    for (const code of Object.keys(JIAOZUO_COUNTIES)) expect(code.startsWith('4108')).toBe(true);
  });
});
