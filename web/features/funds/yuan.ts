// Amounts are typed in 元 and sent as integer fen: parsed on the digits of the text, never through a
// floating-point number ('0.29' → 29, never 28.999…).
import { PositiveFen } from '../../../contracts/funds.js';

/** The most one movement may carry (the contract's PositiveFen): 1 亿元. */
export const MAX_FEN = 100_000_000_00;

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

export type YuanProblem = 'empty' | 'format' | 'decimals' | 'zero' | 'too_large';

function normalize(raw: string): string {
  // Full-width digits and point as a Chinese IME types them, thousands separators, spaces, a leading ¥.
  return raw
    .replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '');
}

/** '1,800.50' → { fen: 180050 }; a positive amount of at most two decimals and 1 亿元, or why not. */
export function parseYuan(raw: string | null | undefined): { fen: number } | { problem: YuanProblem } {
  const s = normalize(raw ?? '');
  if (s === '') return { problem: 'empty' };
  if (/^\d+\.\d{3,}$/.test(s)) return { problem: 'decimals' };
  const m = YUAN.exec(s);
  if (!m) return { problem: 'format' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen === 0) return { problem: 'zero' };
  if (!PositiveFen.safeParse(fen).success) return { problem: 'too_large' };
  return { fen };
}
