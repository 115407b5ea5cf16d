interface CodeSet {
  labels: Record<string, readonly [string, string]>;
  keys: readonly string[];
}

/** The label of a coded value (contracts/campaigns.ts, contracts/households.ts) in the page's language. */
export function codeLabel(codes: CodeSet, key: string | null | undefined, language: string): string {
  if (key === null || key === undefined || key === '') return '';
  const pair = Object.hasOwn(codes.labels, key) ? codes.labels[key] : undefined;
  return pair ? pair[language === 'en' ? 1 : 0] : key;
}

/** Select options for a coded field, in the contract's order. */
export function codeOptions(codes: CodeSet, language: string) {
  return codes.keys.map((k) => ({ value: k, label: codeLabel(codes, k, language) }));
}

/** Whole 元 typed in a form → fen (integers only, so no floating point ever reaches an amount). */
export const yuanToFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan) * 100);
export const fenToWholeYuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : Math.floor(fen / 100));
