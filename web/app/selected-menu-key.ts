/**
 * Pages routed outside their menu entry's path (App.tsx), with the entry they belong to: a receipt
 * (/donations/:id/receipt) is part of 募捐.
 */
const ROUTED_ELSEWHERE: Array<[prefix: string, entryPath: string]> = [['/donations', '/donation-drives']];

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(prefix + '/');

/** The side menu entry a page highlights: the longest entry path it lies under (/households/import-approvals is its own entry below /households), else 工作台. */
export function selectedMenuKey(pathname: string, entryPaths: readonly string[]): string {
  const owner = ROUTED_ELSEWHERE.find(([prefix, entry]) => under(pathname, prefix) && entryPaths.includes(entry));
  if (owner) return owner[1];
  const match = entryPaths.filter((p) => p !== '/' && under(pathname, p)).sort((a, b) => b.length - a.length);
  return match[0] ?? '/';
}
