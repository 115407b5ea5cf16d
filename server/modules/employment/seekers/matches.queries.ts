import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, jobPostings, jobSeekers, orgs } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { termsArray } from '../../../platform/search-terms.js';
import type { SeekerRow } from './seekers.queries.js';

/**
 * The candidates a ranking looks at: one query each way, bounded, ordered so the likeliest come
 * first (the wished category, the same city, the seeker's skills in the posting, a pledged
 * enterprise for a hardship seeker). The ranking itself is matching.ts.
 */
export const CANDIDATE_LIMIT = 500;

const postingColumns = {
  id: jobPostings.id,
  title: jobPostings.title,
  category: jobPostings.category,
  kind: jobPostings.kind,
  openings: jobPostings.openings,
  salaryMinFen: jobPostings.salaryMinFen,
  salaryMaxFen: jobPostings.salaryMaxFen,
  education: jobPostings.education,
  experience: jobPostings.experience,
  regionCode: jobPostings.regionCode,
  description: jobPostings.description,
  validUntil: jobPostings.validUntil,
  status: jobPostings.status,
  publishedAt: jobPostings.publishedAt,
  searchTerms: jobPostings.searchTerms,
  orgId: jobPostings.orgId,
  enterpriseId: enterprises.id,
  enterpriseName: enterprises.name,
  priorityPledge: enterprises.priorityPledge,
};

/**
 * Published postings still valid on `today` for a seeker: the likeliest 500 picked on narrow rows
 * (the scan of every live posting is the cost: ~100 ms at 100,000 on PostgreSQL), then read whole,
 * newest first (the ranking's tie-break).
 */
export async function postingCandidates(db: DbOrTx, seeker: Pick<SeekerRow, 'wishedCategory' | 'wishedRegion' | 'hardship'>, skillTerms: string[], today: string) {
  const overlap = skillTerms.length ? sql`(${jobPostings.searchTerms} && ${termsArray(skillTerms)})` : sql`false`;
  const likely = sql`(${jobPostings.category} = ${seeker.wishedCategory})::int * 4
    + (left(${jobPostings.regionCode}, 4) = ${seeker.wishedRegion.slice(0, 4)})::int * 2
    + (${jobPostings.regionCode} = ${seeker.wishedRegion})::int
    + ${overlap}::int * 2
    + (${enterprises.priorityPledge} and ${seeker.hardship})::int`;
  const picked = db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(and(eq(jobPostings.status, 'published'), gte(jobPostings.validUntil, today), eq(enterprises.status, 'active')))
    .orderBy(desc(likely), desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(CANDIDATE_LIMIT);
  return db
    .select(postingColumns)
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(inArray(jobPostings.id, picked))
    .orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id));
}
export type PostingCandidate = Awaited<ReturnType<typeof postingCandidates>>[number];

/** A posting of an enterprise of the actor's subtree (its staff page), with the enterprise's pledge. */
export async function getPostingInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(postingColumns)
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(and(eq(jobPostings.id, id), inActorSubtree(actor, jobPostings.orgId)));
  if (!row) throw notFound('job posting');
  return row;
}

/** Seekers still seeking, of the actor's subtree, for a posting, likeliest first. */
export async function seekerCandidates(db: DbOrTx, actor: Actor, posting: { category: string; regionCode: string; priorityPledge: boolean }) {
  const likely = sql`(${jobSeekers.wishedCategory} = ${posting.category})::int * 4
    + (left(${jobSeekers.wishedRegion}, 4) = ${posting.regionCode.slice(0, 4)})::int * 2
    + (${jobSeekers.hardship} and ${posting.priorityPledge})::int * 8`;
  return db
    .select({ seeker: jobSeekers, orgName: orgs.name })
    .from(jobSeekers)
    .innerJoin(orgs, eq(orgs.id, jobSeekers.orgId))
    .where(and(eq(jobSeekers.status, 'seeking'), inActorSubtree(actor, jobSeekers.orgId)))
    .orderBy(desc(likely), desc(jobSeekers.createdAt), desc(jobSeekers.id))
    .limit(CANDIDATE_LIMIT);
}
