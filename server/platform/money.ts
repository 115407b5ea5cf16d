/**
 * Money is integer fen everywhere (security.md). These turn the 元 text people type or keep in
 * spreadsheets into fen without ever passing through a floating-point number.
 */
export function parseYuanToFen(text: string): number | null {
  const s = text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 123456 → "1234.56" (for spreadsheets; the web formats its own display). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a spreadsheet cell of 元 (a number Excel formats as #,##0.00); null stays empty. */
export const fenToYuanCell = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * A spreadsheet cell of 元 to fen. Excel keeps a typed 19.99 as a double and writes it into the file
 * with up to 17 significant digits ("19.989999999999998"), a sum as "0.30000000000000004": such a
 * number is read as Excel shows it (15 significant digits) before its digits are taken. What a person
 * types with three decimals ("1.005") is still refused; null when it is not an amount.
 */
export function sheetYuanToFen(text: string): number | null {
  const significant = text.replace(/\D/g, '').replace(/^0+/, '').length;
  const asShown = /^\d+\.\d{3,}$/.test(text) && significant >= 16 ? String(Number(Number(text).toPrecision(15))) : text;
  return parseYuanToFen(asShown);
}
