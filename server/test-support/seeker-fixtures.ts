import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { enterprises, jobPostings } from '../db/schema/index.js';
import { searchTermsOf } from '../platform/search-terms.js';
import type { Session, TestApp } from './test-app.js';
import { uniqueIdNumber } from './household-fixtures.js';

/**
 * Enterprises and postings written straight into their tables (their own verbs are the enterprises
 * and postings modules' business), for matching and referral tests, and a seeker's registration body.
 */

export async function insertEnterprise(t: TestApp, orgName: string, over: Partial<typeof enterprises.$inferInsert> = {}) {
  const now = t.clock.now();
  const [row] = await t.database.db
    .insert(enterprises)
    .values({
      orgId: t.orgs[orgName].id,
      name: `焦作市测试企业${crypto.randomBytes(3).toString('hex')}`,
      uscc: `91410800${crypto.randomBytes(5).toString('hex').toUpperCase()}`,
      industry: 'manufacturing',
      size: 'medium',
      regionCode: '410803',
      contactName: '张经理',
      contactPhone: '13903910001',
      createdAt: now,
      updatedAt: now,
      ...over,
    })
    .returning();
  return row;
}

export interface PostingSpec {
  title: string;
  category?: string;
  kind?: 'regular' | 'public_interest' | 'work_study';
  regionCode?: string;
  education?: string;
  salaryMinFen?: number;
  salaryMaxFen?: number;
  description?: string;
  status?: string;
  validUntil?: string;
  publishedAt?: Date;
}

/** A posting of the enterprise, published by default, with its search terms as the postings module stores them. */
export async function insertPosting(t: TestApp, enterprise: { id: string; orgId: string; name: string }, spec: PostingSpec) {
  const now = t.clock.now();
  const description = spec.description ?? `${spec.title}，持证上岗，五险一金。`;
  const status = spec.status ?? 'published';
  const [row] = await t.database.db
    .insert(jobPostings)
    .values({
      enterpriseId: enterprise.id,
      orgId: enterprise.orgId,
      title: spec.title,
      category: spec.category ?? 'skilled_trade',
      kind: spec.kind ?? 'regular',
      openings: 3,
      salaryMinFen: spec.salaryMinFen ?? 400000,
      salaryMaxFen: spec.salaryMaxFen ?? 600000,
      education: spec.education ?? 'senior',
      experience: 'none',
      regionCode: spec.regionCode ?? '410803',
      description,
      contactName: '张经理',
      contactPhone: '13903910001',
      validUntil: spec.validUntil ?? '2099-12-31',
      status,
      publishedAt: status === 'published' ? (spec.publishedAt ?? now) : null,
      dedupeKey: `${enterprise.id}:${spec.title}:${crypto.randomUUID()}`,
      searchTerms: searchTermsOf(spec.title, description, enterprise.name),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}

/** A seeker entered by hand at an org. */
export function sampleSeeker(t: TestApp, orgName: string, over: Record<string, unknown> = {}) {
  return {
    orgId: t.orgs[orgName].id,
    name: '刘振华',
    idNumber: uniqueIdNumber(1998),
    phone: '13703910002',
    education: 'college',
    major: '机电一体化',
    graduationYear: 2020,
    skills: '电焊、叉车证',
    wishedCategory: 'skilled_trade',
    wishedRegion: '410803',
    wishedSalaryFen: 450000,
    ...over,
  };
}

/** A seeker registered at the org through the API by `session` (who needs job.match there). */
export async function makeJobSeeker(t: TestApp, session: Session, orgName: string): Promise<string> {
  const res = await session.post('/api/job-seekers', sampleSeeker(t, orgName));
  if (res.statusCode !== 201) throw new Error(`job seeker fixture: ${res.body}`);
  return res.json().id;
}

/**
 * A referral (still referred) of a new seeker of the org to a posting of an enterprise of the org.
 * The posting is closed after the referral, so it is on no board and in no seeker's matches.
 */
export async function makeJobReferral(t: TestApp, session: Session, orgName: string): Promise<string> {
  const seekerId = await makeJobSeeker(t, session, orgName);
  const enterprise = await insertEnterprise(t, orgName);
  const posting = await insertPosting(t, enterprise, { title: `走查岗位${crypto.randomBytes(3).toString('hex')}` });
  const res = await session.post(`/api/job-seekers/${seekerId}/referrals`, { postingId: posting.id });
  if (res.statusCode !== 201) throw new Error(`job referral fixture: ${res.body}`);
  await t.database.db.update(jobPostings).set({ status: 'closed' }).where(eq(jobPostings.id, posting.id));
  return res.json().id;
}
