import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PolicyStatusKey } from '../../../../contracts/policies.js';
import type { DbOrTx } from '../../../db/client.js';
import { orgs, policyArticles } from '../../../db/schema/index.js';
import { inActorSubtree, likePrefix } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { matchQuery } from '../../../platform/search-terms.js';

export type PolicyArticleRow = typeof policyArticles.$inferSelect;
export type ArticleWithOrg = PolicyArticleRow & { status: PolicyStatusKey; orgName: string; orgPath: string };

const p = policyArticles;
const withOrg = { article: p, orgName: orgs.name, orgPath: orgs.path };
const shape = (r: { article: PolicyArticleRow; orgName: string; orgPath: string }): ArticleWithOrg => ({ ...r.article, status: r.article.status as PolicyStatusKey, orgName: r.orgName, orgPath: r.orgPath });

/** An article of an org in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getArticleInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ArticleWithOrg> {
  const q = db
    .select(withOrg)
    .from(p)
    .innerJoin(orgs, eq(orgs.id, p.orgId))
    .where(and(eq(p.id, id), inActorSubtree(actor, p.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: p }) : await q;
  if (!row) throw notFound('policy article');
  return shape(row);
}

/** A published article for the public, or NOT_FOUND (drafts and withdrawn articles do not exist for them). */
export async function getPublishedArticle(db: DbOrTx, id: string): Promise<ArticleWithOrg> {
  const [row] = await db
    .select(withOrg)
    .from(p)
    .innerJoin(orgs, eq(orgs.id, p.orgId))
    .where(and(eq(p.id, id), eq(p.status, 'published')));
  if (!row) throw notFound('policy article');
  return shape(row);
}

const searchOn = (q: string | undefined) => (q ? matchQuery(q, p.searchTerms, [p.title, p.summary, p.body, p.source, p.docNo]) : undefined);

export interface ArticleFilter {
  q?: string;
  category?: string;
  status?: string;
  underOrgPath?: string;
}

/** The staff list: articles of the actor's subtree (or an org's subtree in it), the latest changed first. */
export async function listArticles(db: DbOrTx, actor: Actor, f: ArticleFilter, page: { page: number; pageSize: number }) {
  const conds: Array<SQL | undefined> = [inActorSubtree(actor, p.orgId), searchOn(f.q)];
  if (f.category) conds.push(eq(p.category, f.category));
  if (f.status) conds.push(eq(p.status, f.status));
  if (f.underOrgPath) conds.push(sql`${orgs.path} like ${likePrefix(f.underOrgPath)}`);
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(withOrg)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(where)
      .orderBy(desc(p.updatedAt), desc(p.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(p).innerJoin(orgs, eq(orgs.id, p.orgId)).where(where),
  ]);
  return { items: items.map(shape), total };
}

/** The public list: published articles of every org, the newest published first. */
export async function listPublishedArticles(db: DbOrTx, f: { q?: string; category?: string }, page: { page: number; pageSize: number }) {
  const where = and(eq(p.status, 'published'), f.category ? eq(p.category, f.category) : undefined, searchOn(f.q));
  const [items, [{ total }]] = await Promise.all([
    db
      .select(withOrg)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(where)
      .orderBy(desc(p.publishedAt), desc(p.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(p).where(where),
  ]);
  return { items: items.map(shape), total };
}
