import { parseYuanToFen } from '../../platform/money.js';

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
