import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { campaignApplications, enterprises, households, jobPostings, jobReferrals, jobSeekers, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree, pathInScope } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export type SeekerRow = typeof jobSeekers.$inferSelect;
export type SeekerWithOrg = SeekerRow & { orgName: string; orgPath: string };

const withOrg = { seeker: jobSeekers, orgName: orgs.name, orgPath: orgs.path };

/** A seeker registered at an org of the actor's subtree, or NOT_FOUND exactly as if there were none. */
export async function getSeekerInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<SeekerWithOrg> {
  const q = db
    .select(withOrg)
    .from(jobSeekers)
    .innerJoin(orgs, eq(orgs.id, jobSeekers.orgId))
    .where(and(eq(jobSeekers.id, id), inActorSubtree(actor, jobSeekers.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: jobSeekers }) : await q;
  if (!row) throw notFound('job seeker');
  return { ...row.seeker, orgName: row.orgName, orgPath: row.orgPath };
}

export interface SeekerFilter {
  status?: string;
  hardship?: boolean;
  education?: string;
  q?: string;
}

function seekerWhere(actor: Actor, f: SeekerFilter): SQL {
  const conds: (SQL | undefined)[] = [inActorSubtree(actor, jobSeekers.orgId)];
  if (f.status) conds.push(eq(jobSeekers.status, f.status));
  if (f.hardship !== undefined) conds.push(eq(jobSeekers.hardship, f.hardship));
  if (f.education) conds.push(eq(jobSeekers.education, f.education));
  if (f.q) conds.push(sql`${jobSeekers.name} like ${f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return and(...conds)!;
}

/** One page of the seekers of the actor's subtree, newest first, with the count. */
export async function listSeekers(db: DbOrTx, actor: Actor, f: SeekerFilter, page: { page: number; pageSize: number }) {
  const where = seekerWhere(actor, f);
  const rows = await db
    .select(withOrg)
    .from(jobSeekers)
    .innerJoin(orgs, eq(orgs.id, jobSeekers.orgId))
    .where(where)
    .orderBy(desc(jobSeekers.createdAt), desc(jobSeekers.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(jobSeekers).where(where);
  return { items: rows.map((r) => ({ ...r.seeker, orgName: r.orgName, orgPath: r.orgPath })), total };
}

/** The referrals of a seeker, newest first, with the posting, its enterprise and who referred. */
export async function listSeekerReferrals(db: DbOrTx, seekerId: string) {
  return db
    .select({
      referral: jobReferrals,
      postingTitle: jobPostings.title,
      postingStatus: jobPostings.status,
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      referredByName: users.displayName,
    })
    .from(jobReferrals)
    .innerJoin(jobPostings, eq(jobPostings.id, jobReferrals.postingId))
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .leftJoin(users, eq(users.id, jobReferrals.referredBy))
    .where(eq(jobReferrals.seekerId, seekerId))
    .orderBy(desc(jobReferrals.referredAt), desc(jobReferrals.id));
}
export type ReferralWithPosting = Awaited<ReturnType<typeof listSeekerReferrals>>[number];

/** The referral's state for each of these postings (a seeker's matches), or for each of these seekers (a posting's). */
export async function referralsBetween(db: DbOrTx, by: { seekerId: string; postingIds: string[] } | { postingId: string; seekerIds: string[] }) {
  const cond =
    'seekerId' in by
      ? by.postingIds.length
        ? and(eq(jobReferrals.seekerId, by.seekerId), inArray(jobReferrals.postingId, by.postingIds))
        : undefined
      : by.seekerIds.length
        ? and(eq(jobReferrals.postingId, by.postingId), inArray(jobReferrals.seekerId, by.seekerIds))
        : undefined;
  if (!cond) return [];
  return db.select({ id: jobReferrals.id, seekerId: jobReferrals.seekerId, postingId: jobReferrals.postingId, status: jobReferrals.status }).from(jobReferrals).where(cond);
}

/** Where the seeker came from: the household's case number, the application's number. */
export async function seekerSources(db: DbOrTx, s: Pick<SeekerRow, 'householdId' | 'applicationId'>) {
  const [household] = s.householdId ? await db.select({ id: households.id, caseNo: households.caseNo }).from(households).where(eq(households.id, s.householdId)) : [];
  const [application] = s.applicationId
    ? await db.select({ id: campaignApplications.id, applicationNo: campaignApplications.applicationNo }).from(campaignApplications).where(eq(campaignApplications.id, s.applicationId))
    : [];
  return { household: household ?? null, application: application ?? null };
}

/** A referral whose seeker is registered in the actor's subtree (the referral carries the seeker's org). */
export async function getReferralInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ referral: jobReferrals })
    .from(jobReferrals)
    .where(and(eq(jobReferrals.id, id), inActorSubtree(actor, jobReferrals.orgId)));
  if (!row) throw notFound('referral');
  return row.referral;
}

/** The ids of seekers holding these ID hashes (the registration form's "already registered" mark). */
export async function seekersByIdHash(db: DbOrTx, hashes: string[]) {
  if (hashes.length === 0) return new Map<string, { id: string; orgPath: string }>();
  const rows = await db
    .select({ id: jobSeekers.id, idHash: jobSeekers.idHash, orgPath: orgs.path })
    .from(jobSeekers)
    .innerJoin(orgs, eq(orgs.id, jobSeekers.orgId))
    .where(inArray(jobSeekers.idHash, hashes))
    .orderBy(asc(jobSeekers.createdAt));
  return new Map(rows.map((r) => [r.idHash, { id: r.id, orgPath: r.orgPath }]));
}

/**
 * Where the employment service placed a person (by their ID number's hash): the enterprise, the
 * posting and the first day at work, for an aided student's journey. The seeker's id only when the
 * reader may open the seeker.
 */
export async function placementOfPerson(db: DbOrTx, actor: Actor, idHash: string) {
  const [row] = await db
    .select({
      referralId: jobReferrals.id,
      seekerId: jobSeekers.id,
      seekerOrgPath: orgs.path,
      enterpriseName: enterprises.name,
      postingTitle: jobPostings.title,
      placedOn: jobReferrals.placedOn,
    })
    .from(jobSeekers)
    .innerJoin(orgs, eq(orgs.id, jobSeekers.orgId))
    .innerJoin(jobReferrals, and(eq(jobReferrals.seekerId, jobSeekers.id), eq(jobReferrals.status, 'placed')))
    .innerJoin(jobPostings, eq(jobPostings.id, jobReferrals.postingId))
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(eq(jobSeekers.idHash, idHash));
  if (!row) return null;
  const { seekerOrgPath, seekerId, referralId: _r, ...shown } = row;
  return { ...shown, placedOn: shown.placedOn!, seekerId: pathInScope(actor, seekerOrgPath) ? seekerId : null };
}
