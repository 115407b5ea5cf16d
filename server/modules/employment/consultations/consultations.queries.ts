import { and, asc, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { consultations, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree, likePrefix } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export type ConsultationRow = typeof consultations.$inferSelect;
export interface ConsultationWithNames extends ConsultationRow {
  orgName: string;
  orgPath: string;
  answeredByName: string | null;
  closedByName: string | null;
  createdByName: string | null;
}

const c = consultations;
const nameOf = (userId: AnyColumn) => sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${userId})`;
const withNames = {
  consultation: c,
  orgName: orgs.name,
  orgPath: orgs.path,
  answeredByName: nameOf(c.answeredBy),
  closedByName: nameOf(c.closedBy),
  createdByName: nameOf(c.createdBy),
};
type Selected = { consultation: ConsultationRow; orgName: string; orgPath: string; answeredByName: string | null; closedByName: string | null; createdByName: string | null };
const shape = ({ consultation, ...names }: Selected): ConsultationWithNames => ({ ...consultation, ...names });

/** The org types a question can be routed to from the public form: the city, its districts and counties, the industry unions. */
export const ROUTABLE_ORG_TYPES = ['city_federation', 'district_federation', 'industry_union'] as const;

/** A question routed to an org in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getConsultationInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConsultationWithNames> {
  const q = db
    .select(withNames)
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .where(and(eq(c.id, id), inActorSubtree(actor, c.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: c }) : await q;
  if (!row) throw notFound('consultation');
  return shape(row);
}

export async function getConsultationByTicket(db: DbOrTx, ticketNo: string): Promise<ConsultationWithNames | null> {
  const [row] = await db.select(withNames).from(c).innerJoin(orgs, eq(orgs.id, c.orgId)).where(eq(c.ticketNo, ticketNo));
  return row ? shape(row) : null;
}

export interface QueueFilter {
  status?: string;
  underOrgPath?: string;
  category?: string;
  channel?: string;
}

// Open questions first, the longest waiting at the top; then the others, the latest asked first.
const QUEUE_ORDER = [
  sql`case ${c.status} when 'open' then 0 when 'answered' then 1 else 2 end`,
  sql`case when ${c.status} = 'open' then extract(epoch from ${c.createdAt}) else -extract(epoch from ${c.createdAt}) end`,
  asc(c.id),
];

/** The queue of the actor's subtree (or an org's subtree in it). */
export async function listQueue(db: DbOrTx, actor: Actor, f: QueueFilter, page: { page: number; pageSize: number }) {
  const conds: Array<SQL | undefined> = [inActorSubtree(actor, c.orgId)];
  if (f.underOrgPath) conds.push(sql`${orgs.path} like ${likePrefix(f.underOrgPath)}`);
  if (f.category) conds.push(eq(c.category, f.category));
  if (f.channel) conds.push(eq(c.channel, f.channel));
  const where = and(...conds, f.status ? eq(c.status, f.status) : undefined);
  const [items, [{ total }], byStatus] = await Promise.all([
    db
      .select(withNames)
      .from(c)
      .innerJoin(orgs, eq(orgs.id, c.orgId))
      .where(where)
      .orderBy(...QUEUE_ORDER)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(c).innerJoin(orgs, eq(orgs.id, c.orgId)).where(where),
    // The tab counts: every status under the same filters but the status.
    db
      .select({ status: c.status, n: count() })
      .from(c)
      .innerJoin(orgs, eq(orgs.id, c.orgId))
      .where(and(...conds))
      .groupBy(c.status),
  ]);
  return { items: items.map(shape), total, counts: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number> };
}

/** The orgs the public form offers: active, of the routable types, the city first, then in the tree's order. */
export async function routableOrgs(db: DbOrTx) {
  return db
    .select({ id: orgs.id, name: orgs.name, nameEn: orgs.nameEn, type: orgs.type, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.active, true), inArray(orgs.type, [...ROUTABLE_ORG_TYPES])))
    .orderBy(asc(orgs.depth), sql`case ${orgs.type} when 'district_federation' then 0 else 1 end`, asc(orgs.seq));
}
