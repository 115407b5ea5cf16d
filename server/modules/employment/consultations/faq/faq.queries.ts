import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FaqDto, PublicFaqDto } from '../../../../../contracts/consultations.js';
import type { DbOrTx } from '../../../../db/client.js';
import { faqEntries, orgs } from '../../../../db/schema/index.js';
import { inActorSubtree } from '../../../../platform/authz.js';
import type { Actor } from '../../../../platform/context.js';
import { notFound } from '../../../../platform/errors.js';
import { matchQuery } from '../../../../platform/search-terms.js';

export type FaqRow = typeof faqEntries.$inferSelect;
export type FaqWithOrg = FaqRow & { orgName: string; orgPath: string };

const f = faqEntries;
const withOrg = { entry: f, orgName: orgs.name, orgPath: orgs.path };
const shape = (r: { entry: FaqRow; orgName: string; orgPath: string }): FaqWithOrg => ({ ...r.entry, orgName: r.orgName, orgPath: r.orgPath });
const searchOn = (q: string | undefined) => (q ? matchQuery(q, f.searchTerms, [f.question, f.answer]) : undefined);

export async function getFaqInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<FaqWithOrg> {
  const q = db
    .select(withOrg)
    .from(f)
    .innerJoin(orgs, eq(orgs.id, f.orgId))
    .where(and(eq(f.id, id), inActorSubtree(actor, f.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: f }) : await q;
  if (!row) throw notFound('FAQ entry');
  return shape(row);
}

/** Staff list: the entries of the actor's subtree, the latest changed first. */
export async function listFaq(db: DbOrTx, actor: Actor, filter: { q?: string; category?: string; published?: boolean }, page: { page: number; pageSize: number }) {
  const conds: Array<SQL | undefined> = [inActorSubtree(actor, f.orgId), searchOn(filter.q)];
  if (filter.category) conds.push(eq(f.category, filter.category));
  if (filter.published !== undefined) conds.push(eq(f.published, filter.published));
  return page_(db, and(...conds), page, desc(f.updatedAt));
}

/** The public list: published entries of every org, the latest changed first. */
export async function listPublishedFaq(db: DbOrTx, filter: { q?: string; category?: string }, page: { page: number; pageSize: number }) {
  const where = and(eq(f.published, true), filter.category ? eq(f.category, filter.category) : undefined, searchOn(filter.q));
  return page_(db, where, page, desc(f.updatedAt));
}

async function page_(db: DbOrTx, where: SQL | undefined, page: { page: number; pageSize: number }, order: SQL) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select(withOrg)
      .from(f)
      .innerJoin(orgs, eq(orgs.id, f.orgId))
      .where(where)
      .orderBy(order, desc(f.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(f).where(where),
  ]);
  return { items: items.map(shape), total };
}

export function presentFaq(e: FaqWithOrg): FaqDto {
  return {
    id: e.id,
    orgId: e.orgId,
    orgName: e.orgName,
    category: e.category,
    question: e.question,
    answer: e.answer,
    published: e.published,
    consultationId: e.consultationId,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentPublicFaq(e: FaqWithOrg): PublicFaqDto {
  return { id: e.id, category: e.category, question: e.question, answer: e.answer, orgName: e.orgName, updatedAt: e.updatedAt.toISOString() };
}
