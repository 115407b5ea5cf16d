export { codeLabel, codeOptions } from '../../shared/code-labels.js';

/** Whole 元 typed in a form → fen (integers only, so no floating point ever reaches an amount). */
export const yuanToFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan) * 100);
export const fenToWholeYuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : Math.floor(fen / 100));
