import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { enterpriseScope } from './enterprise-scope.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export interface EnterpriseWithOrg {
  enterprise: EnterpriseRow;
  orgName: string;
  orgPath: string;
}

const withOrg = { enterprise: enterprises, orgName: orgs.name, orgPath: orgs.path };

/** The enterprises the actor may see: of its subtree, and only its own for an HR account. */
export function enterpriseVisible(actor: Actor): SQL {
  return and(inActorSubtree(actor, enterprises.orgId), enterpriseScope(actor, enterprises.id))!;
}

/** An enterprise the actor may see, with its org, or NOT_FOUND exactly as if it did not exist. */
export async function getEnterpriseInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<EnterpriseWithOrg> {
  const q = db
    .select(withOrg)
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(and(eq(enterprises.id, id), enterpriseVisible(actor)));
  const [row] = opts.forUpdate ? await q.for('update', { of: enterprises }) : await q;
  if (!row) throw notFound('enterprise');
  return row;
}

export interface EnterpriseFilter {
  q?: string;
  industry?: string;
  size?: string;
  pledged?: boolean;
  status?: string;
  /** The path of an org in the actor's subtree: its subtree only. */
  underPath?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export function enterpriseListWhere(actor: Actor, f: EnterpriseFilter): SQL {
  const conds: (SQL | undefined)[] = [enterpriseVisible(actor)];
  if (f.q) {
    const q = escapeLike(f.q);
    conds.push(or(ilike(enterprises.name, `%${q}%`), ilike(enterprises.uscc, `${q.toUpperCase()}%`)));
  }
  if (f.industry) conds.push(eq(enterprises.industry, f.industry));
  if (f.size) conds.push(eq(enterprises.size, f.size));
  if (f.pledged !== undefined) conds.push(eq(enterprises.priorityPledge, f.pledged));
  if (f.status) conds.push(eq(enterprises.status, f.status));
  if (f.underPath) conds.push(sql`${orgs.path} like ${f.underPath + '%'}`);
  return and(...conds)!;
}

const SORT = { name: enterprises.name, createdAt: enterprises.createdAt, uscc: enterprises.uscc };
export type EnterpriseSort = keyof typeof SORT;

export async function listEnterprises(db: DbOrTx, actor: Actor, f: EnterpriseFilter, page: { page: number; pageSize: number; sort: EnterpriseSort; order: 'asc' | 'desc' }) {
  const where = enterpriseListWhere(actor, f);
  const order = page.order === 'desc' ? desc(SORT[page.sort]) : asc(SORT[page.sort]);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(withOrg)
      .from(enterprises)
      .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
      .where(where)
      .orderBy(order, asc(enterprises.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(enterprises).innerJoin(orgs, eq(orgs.id, enterprises.orgId)).where(where),
  ]);
  return { items, total };
}

/** The codes among `codes` already on file (any org: a code is unique in the whole platform). */
export async function usccsOnFile(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ uscc: enterprises.uscc }).from(enterprises).where(inArray(enterprises.uscc, codes));
  return new Set(rows.map((r) => r.uscc));
}

/** The HR accounts of an enterprise (the caller has checked the enterprise is in scope). */
export async function listHrAccounts(db: DbOrTx, enterpriseId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active, mustChangePassword: users.mustChangePassword, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.enterpriseId, enterpriseId))
    .orderBy(asc(users.createdAt), asc(users.username));
}
