import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgs, userRoles, users } from '../../db/schema/index.js';
import { inActorSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

export type UserRow = typeof users.$inferSelect;
export interface UserWithOrg extends UserRow {
  orgName: string;
  orgPath: string;
  roles: string[];
}

async function withRolesAndOrg(db: DbOrTx, rows: UserRow[]): Promise<UserWithOrg[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roleRows = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  const orgRows = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(rows.map((r) => r.orgId))]));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  return rows.map((r) => ({
    ...r,
    orgName: orgById.get(r.orgId)?.name ?? '',
    orgPath: orgById.get(r.orgId)?.path ?? '',
    roles: roleRows.filter((x) => x.userId === r.id).map((x) => x.roleKey).sort(),
  }));
}

export async function getUserInScope(db: DbOrTx, actor: Actor, id: string): Promise<UserWithOrg> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), inActorSubtree(actor, users.orgId)));
  if (!row) throw notFound('user');
  return (await withRolesAndOrg(db, [row]))[0];
}

export interface UserListFilter {
  q?: string;
  underOrgPath?: string;
  role?: string;
  active?: boolean;
}

const SORT = { username: users.username, displayName: users.displayName, createdAt: users.createdAt };
export type UserSort = keyof typeof SORT;

export async function listUsers(
  db: DbOrTx,
  actor: Actor,
  f: UserListFilter,
  page: { page: number; pageSize: number; sort: UserSort; order: 'asc' | 'desc' },
) {
  const conds: (SQL | undefined)[] = [inActorSubtree(actor, users.orgId)];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conds.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (f.underOrgPath)
    conds.push(sql`${users.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${f.underOrgPath + '%'})`);
  if (f.role) conds.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.roleKey} = ${f.role})`);
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  const where = and(...conds);
  const order = page.order === 'desc' ? desc(SORT[page.sort]) : asc(SORT[page.sort]);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(order, asc(users.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: await withRolesAndOrg(db, rows), total };
}
