// Money on the pages: integer fen (1 元 = 100 fen) end to end. Amounts typed in 元 are turned into fen on
// the digits of the text, never through a floating-point number ('0.29' → 29, never 28.999…), and fen
// are shown with integer arithmetic only.

/** The most one amount may carry (the contracts' PositiveFen): 1 亿元. */
export const MAX_FEN = 100_000_000_00;

export type YuanProblem = 'empty' | 'format' | 'decimals' | 'zero' | 'too_large';

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

function normalize(raw: string): string {
  // Full-width digits and point as a Chinese IME types them, thousands separators, spaces, a leading ¥.
  return raw
    .replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '');
}

/**
 * 元 as typed ('1,800.50', '１２３．４５', '¥3，000') → { fen: 180050 }, or why not: empty, not an amount,
 * more than two decimals, more than 1 亿元, or zero where `positive` asks for more.
 */
export function parseYuan(raw: string | number | null | undefined, opts: { positive?: boolean } = {}): { fen: number } | { problem: YuanProblem } {
  const s = normalize(String(raw ?? ''));
  if (s === '') return { problem: 'empty' };
  if (/^\d+\.\d{3,}$/.test(s)) return { problem: 'decimals' };
  const m = YUAN.exec(s);
  if (!m) return { problem: 'format' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return { problem: 'too_large' };
  if (opts.positive && fen === 0) return { problem: 'zero' };
  return { fen };
}

/** Fen of a field already checked with parseYuan; an empty field is 0. */
export function yuanToFen(raw: string | null | undefined): number {
  const r = parseYuan(raw);
  return 'fen' in r ? r.fen : 0;
}

/** 180050 → '1800.50', 180000 → '1800', nothing → '' (to prefill an input). */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount in fen must be a safe integer, got ${fen}`);
}

/** 123456 fen → '¥1,234.56'; negative amounts → '-¥1,234.56'. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${groupThousands(String(yuan))}.${cents}`;
}

/**
 * Amount in 万元 with four decimals (exact to the yuan, fen rounded half up):
 * 214913600 fen → '214.9136 万元'. `unit: false` leaves the unit off for table cells with a 万元 header.
 */
export function formatWanYuan(fen: number, opts: { unit?: boolean } = {}): string {
  assertFen(fen);
  const yuan = Math.floor((Math.abs(fen) + 50) / 100);
  const sign = fen < 0 && yuan > 0 ? '-' : '';
  const wan = Math.floor(yuan / 10000);
  const rest = String(yuan % 10000).padStart(4, '0');
  const text = `${sign}${groupThousands(String(wan))}.${rest}`;
  return opts.unit === false ? text : `${text} 万元`;
}
