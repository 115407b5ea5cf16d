/** A coded field's definition from contracts (households, campaigns): keys with [Chinese, English] labels. */
export interface CodeSet<K extends string = string> {
  keys: readonly K[];
  labels: Record<K, readonly [string, string]>;
}

/** The label of a code in the interface language; unknown codes (a newer server) are shown as they are. */
export function codeLabel(codes: CodeSet, key: string | null | undefined, language: string): string {
  if (key === null || key === undefined || key === '') return '';
  const pair = Object.hasOwn(codes.labels, key) ? codes.labels[key] : undefined;
  return pair ? pair[language === 'en' ? 1 : 0] : key;
}

/** Select options for a coded field, in the contract's order. */
export function codeOptions<K extends string>(codes: CodeSet<K>, language: string): Array<{ value: K; label: string }> {
  return codes.keys.map((k) => ({ value: k, label: codes.labels[k][language === 'en' ? 1 : 0] }));
}
