import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { households, orgs } from '../../db/schema/index.js';
import { likePrefix } from '../../platform/authz.js';

/**
 * A subtree holding at most this share of the orgs takes the per-org walk. Measured at 10,000,000
 * households over the demo tree (bench/list-households.ts, docs/operations.md): a station (2 of 271
 * orgs) walked the archive's newest-first index past 67,000 other households for its first page
 * (p50 232 ms, EXPLAIN ANALYZE 370 ms) and takes 4 ms this way; a district (23 orgs) was as fast or
 * faster on the archive-wide walk (p50 14 ms, with status and due date 13 ms; per org 12 and 38 ms).
 */
const MAX_ORG_SHARE = 0.02;
/** Index entries the per-org walks may read at most (orgs × rows each needs): bounds the deep pages. */
const MAX_ENTRIES = 100_000;

/**
 * The ids of one newest-first page (plus one, to tell whether more follow) for a small subtree, or
 * null to leave it to the archive-wide walk of `households_created_idx`.
 *
 * That walk reads the newest households of the whole archive and keeps the subtree's: for a small
 * subtree it passes over the other orgs' households first, however many were filed since the
 * subtree's own (the more so with a province's or the nation's archive). Here each org of the
 * subtree reads its own newest from `households_org_created_idx` (an index-only scan: the filtered
 * columns and the id are INCLUDEd), and the few candidates are merged. `where` is the list's full
 * condition (householdWhere), so the page holds exactly what the other walk would.
 */
export async function newestPerOrgPage(
  db: DbOrTx,
  subtreePath: string,
  where: SQL,
  page: { page: number; pageSize: number; order: 'asc' | 'desc' },
): Promise<string[] | null> {
  const offset = (page.page - 1) * page.pageSize;
  const enough = offset + page.pageSize + 1;
  const maxOrgs = Math.floor(MAX_ENTRIES / enough);
  if (maxOrgs < 1) return null;
  const prefix = likePrefix(subtreePath);
  const sized = (await db.execute(sql`
    select (select count(*)::int from (select 1 from ${orgs} where ${orgs.path} like ${prefix} limit ${maxOrgs + 1}) s) as "inSubtree",
      (select reltuples::float8 from pg_class where oid = 'orgs'::regclass) as "estimated"`)) as unknown as { rows: Array<{ inSubtree: number; estimated: number | null }> };
  const { inSubtree, estimated } = sized.rows[0];
  if (inSubtree > maxOrgs) return null;
  // The planner's row count, kept by ANALYZE; a table never analyzed (-1 or 0) is small: count it.
  let allOrgs = Number(estimated);
  if (!(allOrgs > 0)) {
    const counted = (await db.execute(sql`select count(*)::int as n from ${orgs}`)) as unknown as { rows: Array<{ n: number }> };
    allOrgs = counted.rows[0].n;
  }
  if (inSubtree > allOrgs * MAX_ORG_SHARE) return null;
  const dir = page.order === 'desc' ? sql`desc` : sql`asc`;
  const picked = (await db.execute(sql`
    select h.id from ${orgs} as subtree_org cross join lateral (
      select ${households.id} as id, ${households.createdAt} as k from ${households}
      where ${households.orgId} = subtree_org.id and ${where}
      order by ${households.createdAt} ${dir}, ${households.id} ${dir} limit ${enough}
    ) h
    where subtree_org.path like ${prefix}
    order by h.k ${dir}, h.id ${dir} limit ${page.pageSize + 1} offset ${offset}`)) as unknown as { rows: Array<{ id: string }> };
  return picked.rows.map((r) => r.id);
}
