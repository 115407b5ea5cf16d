import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgs } from '../../db/schema/index.js';
import { orgPathInSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

export type OrgRow = typeof orgs.$inferSelect;

export async function findOrgPath(db: DbOrTx, orgId: string): Promise<string | null> {
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  return row?.path ?? null;
}

/** An org the actor may see, or NOT_FOUND exactly as if it did not exist. */
export async function getOrgInScope(db: DbOrTx, actor: Actor, orgId: string): Promise<OrgRow> {
  const [row] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgPathInSubtree(actor, orgs.path)));
  if (!row) throw notFound('org');
  return row;
}

export interface OrgListFilter {
  q?: string;
  type?: string;
  parentId?: string;
  active?: boolean;
  under?: OrgRow;
}

export function orgListWhere(actor: Actor, f: OrgListFilter): SQL {
  const conds: (SQL | undefined)[] = [orgPathInSubtree(actor, orgs.path)];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conds.push(or(ilike(orgs.name, pattern), ilike(orgs.code, pattern), ilike(orgs.nameEn, pattern)));
  }
  if (f.type) conds.push(eq(orgs.type, f.type));
  if (f.parentId) conds.push(eq(orgs.parentId, f.parentId));
  if (f.active !== undefined) conds.push(eq(orgs.active, f.active));
  if (f.under) conds.push(sql`${orgs.path} like ${f.under.path + '%'}`);
  return and(...conds)!;
}

const SORT = { name: orgs.name, code: orgs.code, type: orgs.type, depth: orgs.depth, createdAt: orgs.createdAt, path: orgs.path };
export type OrgSort = keyof typeof SORT;

export async function listOrgs(
  db: DbOrTx,
  actor: Actor,
  f: OrgListFilter,
  page: { page: number; pageSize: number; sort: OrgSort; order: 'asc' | 'desc' },
) {
  const where = orgListWhere(actor, f);
  const order = page.order === 'desc' ? desc(SORT[page.sort]) : asc(SORT[page.sort]);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(orgs)
      .where(where)
      .orderBy(order, asc(orgs.seq))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(orgs).where(where),
  ]);
  return { items, total };
}

export async function listSubtree(db: DbOrTx, actor: Actor): Promise<OrgRow[]> {
  return db.select().from(orgs).where(orgPathInSubtree(actor, orgs.path)).orderBy(asc(orgs.path));
}
