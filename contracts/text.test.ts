import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasLoneSurrogate, text } from './text.js';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('text()', () => {
  it('refuses lone surrogates, high or low, anywhere, and keeps pairs (emoji, CJK extension B)', () => {
    for (const bad of ['\ud800', 'a\udbff', '\udc00b', 'x\udfffy', '😀\ud83d']) expect(issuesOf(text(), bad), JSON.stringify(bad)).toHaveLength(1);
    for (const good of ['😀', '𠀀名', '王建国', 'Zhao Gu No. 2 Mine']) expect(text().parse(good)).toBe(good);
  });

  it('refuses C0 and C1 control characters; a multi-line field takes only \\n, \\r and \\t of them', () => {
    const oneLine = text();
    const prose = text({ multiline: true });
    for (let code = 0; code <= 0x9f; code++) {
      if (code >= 0x20 && code < 0x7f) continue;
      const value = `a${String.fromCharCode(code)}b`;
      expect(issuesOf(oneLine, value), `U+${code.toString(16)} in one line`).toHaveLength(1);
      expect(issuesOf(prose, value), `U+${code.toString(16)} in prose`).toHaveLength([0x09, 0x0a, 0x0d].includes(code) ? 0 : 1);
    }
  });

  it('trims before checking (a trailing line break in a one-line field is dropped), except with trim: false', () => {
    expect(text().parse('  名称\r\n')).toBe('名称');
    expect(text({ trim: false }).parse(' pass word ')).toBe(' pass word ');
    expect(issuesOf(text({ trim: false }), 'pass\n')).toHaveLength(1);
  });

  it('stays a ZodString: min and max chain and still apply', () => {
    const s = text().min(2).max(3);
    expect(s).toBeInstanceOf(z.ZodString);
    expect(issuesOf(s, 'a')).toHaveLength(1);
    expect(issuesOf(s, 'abcd')).toHaveLength(1);
    expect(s.parse(' ab ')).toBe('ab');
  });

  it('accepts exactly the strings without lone surrogates or control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const expected = !hasLoneSurrogate(value) && !/[\u0000-\u001f\u007f-\u009f]/.test(value.trim());
        expect(text().safeParse(value).success).toBe(expected);
      }),
    );
  });
});
