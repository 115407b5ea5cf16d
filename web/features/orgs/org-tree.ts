// Pure helpers over the flat org list from GET /api/orgs/tree.
import type { Org } from '../../shared/types.js';

export interface OrgIndex {
  rootId: string;
  byId: Map<string, Org>;
  children: Map<string, Org[]>;
}

/** Indexes the subtree; the root's parent may lie outside it, so rootId (not parentId = null) marks the root. */
export function indexOrgs(rootId: string, items: Org[]): OrgIndex {
  const byId = new Map(items.map((o) => [o.id, o]));
  const children = new Map<string, Org[]>();
  for (const org of items) {
    if (org.id === rootId || !org.parentId || !byId.has(org.parentId)) continue;
    const list = children.get(org.parentId);
    if (list) list.push(org);
    else children.set(org.parentId, [org]);
  }
  return { rootId, byId, children };
}

/** Ids from the root down to the org's parent (not the org itself). */
export function ancestorIds(index: OrgIndex, id: string): string[] {
  const out: string[] = [];
  let current = index.byId.get(id);
  while (current && current.id !== index.rootId && current.parentId && index.byId.has(current.parentId)) {
    out.unshift(current.parentId);
    current = index.byId.get(current.parentId);
  }
  return out;
}

/** The org and everything under it. */
export function subtreeIds(index: OrgIndex, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    out.add(next);
    for (const child of index.children.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase();
}

export function orgMatches(org: Org, query: string): boolean {
  if (!query) return false;
  return org.name.toLowerCase().includes(query) || org.code.toLowerCase().includes(query) || org.nameEn.toLowerCase().includes(query);
}

export interface OrgSearch {
  matches: Set<string>;
  /** Matches plus their ancestors: what a filtered tree shows. */
  visible: Set<string>;
  /** Ancestors of matches: what must be expanded to reveal them. */
  expand: Set<string>;
}

export function searchOrgs(index: OrgIndex, rawQuery: string): OrgSearch | null {
  const query = normalizeQuery(rawQuery);
  if (!query) return null;
  const matches = new Set<string>();
  const expand = new Set<string>();
  for (const org of index.byId.values()) {
    if (!orgMatches(org, query)) continue;
    matches.add(org.id);
    for (const a of ancestorIds(index, org.id)) expand.add(a);
  }
  return { matches, visible: new Set([...matches, ...expand]), expand };
}

/** Splits text around case-insensitive occurrences of query, for highlighting. */
export function splitMatches(text: string, rawQuery: string): Array<{ text: string; match: boolean }> {
  const query = normalizeQuery(rawQuery);
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const out: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  for (let at = lower.indexOf(query); at >= 0; at = lower.indexOf(query, from)) {
    if (at > from) out.push({ text: text.slice(from, at), match: false });
    out.push({ text: text.slice(at, at + query.length), match: true });
    from = at + query.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), match: false });
  return out;
}
