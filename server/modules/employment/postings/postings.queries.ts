import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { JobCategory } from '../../../../contracts/employment.js';
import type { PostingListQuery } from '../../../../contracts/jobs.js';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, jobPostings, orgs } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { matchQuery } from '../../../platform/search-terms.js';
import { enterprisesInScope, postingsInScope } from './posting-scope.js';

export type PostingRow = typeof jobPostings.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type PostingWithEnterprise = PostingRow & { enterpriseName: string; orgName: string; orgPath: string };

const withEnterprise = { posting: jobPostings, enterpriseName: enterprises.name, orgName: orgs.name, orgPath: orgs.path };
const flatten = (r: { posting: PostingRow; enterpriseName: string; orgName: string; orgPath: string }): PostingWithEnterprise => ({ ...r.posting, enterpriseName: r.enterpriseName, orgName: r.orgName, orgPath: r.orgPath });

/** The category's Chinese label as SQL, so a search's substring check sees the text its terms were made of. */
export function categoryLabelSql(column: SQL | typeof jobPostings.category = jobPostings.category): SQL {
  const cases = JobCategory.keys.map((k) => sql`when ${k} then ${JobCategory.labels[k][0]}`);
  return sql`(case ${column} ${sql.join(cases, sql` `)} else '' end)`;
}

/** A search of postings by words: their terms through the GIN index, then the words as substrings. */
export function postingMatches(q: string): SQL | undefined {
  return matchQuery(q, jobPostings.searchTerms, [jobPostings.title, enterprises.name, jobPostings.description, categoryLabelSql()]);
}

/** A posting the actor may see, or NOT_FOUND exactly as if it did not exist. */
export async function getPostingInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PostingWithEnterprise> {
  const query = db
    .select(withEnterprise)
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, jobPostings.orgId))
    .where(and(eq(jobPostings.id, id), postingsInScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update', { of: jobPostings }) : await query;
  if (!row) throw notFound('job_posting');
  return flatten(row);
}

/**
 * An active enterprise the actor may post for, with its org's path, or NOT_FOUND. Share-locked: a
 * rename or deactivation waits until the new posting is written (and sees it), or goes first.
 */
export async function getEnterpriseForPosting(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<EnterpriseRow & { orgPath: string }> {
  const [row] = await db
    .select({ enterprise: enterprises, orgPath: orgs.path })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.status, 'active'), enterprisesInScope(actor)))
    .for('share', { of: enterprises });
  if (!row) throw notFound('enterprise');
  return { ...row.enterprise, orgPath: row.orgPath };
}

export function postingListWhere(actor: Actor, f: Omit<PostingListQuery, 'page' | 'pageSize'>): SQL {
  return and(
    postingsInScope(actor),
    f.status ? eq(jobPostings.status, f.status) : undefined,
    f.enterpriseId ? eq(jobPostings.enterpriseId, f.enterpriseId) : undefined,
    f.category ? eq(jobPostings.category, f.category) : undefined,
    f.kind ? eq(jobPostings.kind, f.kind) : undefined,
    f.q ? postingMatches(f.q) : undefined,
  )!;
}

/**
 * One page of the staff list, without a count (one row more tells whether another page follows).
 * The review queue (status submitted) lists the longest waiting first; other lists the latest change first.
 */
export async function listPostings(db: DbOrTx, actor: Actor, f: PostingListQuery) {
  const order = f.status === 'submitted' ? [asc(jobPostings.submittedAt), asc(jobPostings.id)] : [desc(jobPostings.updatedAt), desc(jobPostings.id)];
  const rows = await db
    .select(withEnterprise)
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, jobPostings.orgId))
    .where(postingListWhere(actor, f))
    .orderBy(...order)
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.slice(0, f.pageSize).map(flatten), hasMore: rows.length > f.pageSize };
}

/** How many postings of the actor's scope wait for review (the queue's badge). */
export async function countAwaitingReview(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(jobPostings)
    .where(and(postingsInScope(actor), eq(jobPostings.status, 'submitted')));
  return row.n;
}
