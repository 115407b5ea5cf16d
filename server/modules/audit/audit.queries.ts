import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { orgPathInSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';

export interface AuditFilter {
  actor?: string;
  underOrgPath?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

/** Entries whose org lies in the actor's subtree; sign-in attempts for unknown names have no org and are seen by the city level only. */
export function auditWhere(actor: Actor, f: AuditFilter): SQL {
  const scope = actor.orgPath.split('/').length <= 3
    ? or(orgPathInSubtree(actor, auditLog.orgPath), sql`${auditLog.orgPath} is null`)
    : orgPathInSubtree(actor, auditLog.orgPath);
  const conds: (SQL | undefined)[] = [scope];
  if (f.actor) conds.push(ilike(auditLog.actorUsername, `%${f.actor.replace(/[\\%_]/g, (c) => '\\' + c)}%`));
  if (f.underOrgPath) conds.push(sql`${auditLog.orgPath} like ${f.underOrgPath + '%'}`);
  if (f.action) conds.push(f.action.endsWith('.') ? sql`${auditLog.action} like ${f.action + '%'}` : eq(auditLog.action, f.action));
  if (f.objectType) conds.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) conds.push(eq(auditLog.objectId, f.objectId));
  if (f.outcome) conds.push(eq(auditLog.outcome, f.outcome));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lt(auditLog.at, f.to));
  return and(...conds)!;
}

export async function searchAudit(db: DbOrTx, actor: Actor, f: AuditFilter, page: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const where = auditWhere(actor, f);
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(page.order === 'asc' ? asc(auditLog.id) : desc(auditLog.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total };
}
