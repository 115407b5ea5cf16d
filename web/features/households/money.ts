// Amounts are typed in 元 and sent as integer fen. Parsing works on the digits of the string, never
// through floating point ('1800.5' → 180050, '0.29' → 29, never 28.999…).

/** The largest amount the server takes: 1 亿元. */
export const MAX_FEN = 100_000_000_00;

const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

function normalize(raw: string): string {
  // Full-width digits and point as typed by a Chinese IME, thousands separators, spaces.
  return raw
    .replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '');
}

export type YuanProblem = 'format' | 'too_large';

/** '1,800.50' → 180050; empty input → fen null (the caller decides what empty means). */
export function parseYuan(raw: string | null | undefined): { ok: true; fen: number | null } | { ok: false; problem: YuanProblem } {
  const s = normalize(raw ?? '');
  if (s === '') return { ok: true, fen: null };
  const m = YUAN.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, problem: 'too_large' };
  return { ok: true, fen };
}

/** Fen for a field already validated with parseYuan; empty is 0. */
export function yuanToFen(raw: string | null | undefined): number {
  const r = parseYuan(raw);
  return r.ok && r.fen !== null ? r.fen : 0;
}

/** 180050 → '1800.50', 180000 → '1800' (for prefilling an input). */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}
