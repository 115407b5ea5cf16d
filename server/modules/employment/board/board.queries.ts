import { and, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { EDUCATION_RANK, Education } from '../../../../contracts/employment.js';
import type { PublicJobsQuery } from '../../../../contracts/jobs.js';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, jobPostings } from '../../../db/schema/index.js';
import { addDays } from '../../../platform/dates.js';
import { notFound } from '../../../platform/errors.js';
import { postingMatches } from '../postings/postings.queries.js';

/**
 * The public job board's reads. Only published postings whose last day has not passed are shown: the
 * expiry sweep moves them to expired later, but the board never waits for it.
 */
const onBoard = (today: string) => and(eq(jobPostings.status, 'published'), gte(jobPostings.validUntil, today))!;
/** A deactivated enterprise's postings leave the board (and come back if it is activated again); the queries join enterprises. */
const enterpriseActive = eq(enterprises.status, 'active');

/** Postings asking for the visitor's education or less ("不限" included). */
function educationUpTo(education: keyof typeof EDUCATION_RANK): SQL {
  const rank = EDUCATION_RANK[education];
  return inArray(jobPostings.education, Education.keys.filter((k) => EDUCATION_RANK[k] <= rank));
}

export function boardWhere(today: string, f: Omit<PublicJobsQuery, 'page' | 'pageSize'>): SQL {
  return and(
    onBoard(today),
    enterpriseActive,
    f.category ? eq(jobPostings.category, f.category) : undefined,
    f.region ? eq(jobPostings.regionCode, f.region) : undefined,
    f.kind ? eq(jobPostings.kind, f.kind) : undefined,
    f.salaryMin !== undefined ? gte(jobPostings.salaryMaxFen, f.salaryMin) : undefined,
    f.education ? educationUpTo(f.education) : undefined,
    f.q ? postingMatches(f.q) : undefined,
  )!;
}

const listColumns = {
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
  validUntil: jobPostings.validUntil,
  publishedAt: jobPostings.publishedAt,
  enterpriseName: enterprises.name,
};

/**
 * The newest postings a search with words looks among first. A word found in many postings (司机,
 * 五险一金) is read fastest in the board's order, a rare one through the GIN index; the planner cannot
 * tell them apart for a word of several bigrams (it multiplies their frequencies, and 五险, 险一, 一金
 * always come together), so the search tries the newest postings first and asks the index only when
 * they do not hold the page (bench/job-board.ts).
 */
export const SEARCH_WINDOW = 2000;

function pageQuery(db: DbOrTx, from: typeof jobPostings | ReturnType<typeof newestOnBoard>, today: string, q: PublicJobsQuery) {
  return db
    .select(listColumns)
    .from(from as typeof jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(boardWhere(today, q))
    .orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize);
}

/** The newest SEARCH_WINDOW postings on the board, under the table's own name, so the conditions read them unchanged. */
function newestOnBoard(db: DbOrTx, today: string) {
  return db.select().from(jobPostings).where(onBoard(today)).orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id)).limit(SEARCH_WINDOW).as('job_postings');
}

/** One page of the board, newest first (published_at desc, id desc: the board index read backwards), without a count. */
export async function searchBoard(db: DbOrTx, today: string, q: PublicJobsQuery) {
  let rows: Awaited<ReturnType<typeof pageQuery>> | null = null;
  if (q.q) {
    const inWindow = await pageQuery(db, newestOnBoard(db, today), today, q);
    // A full page (and one more) among the newest is exactly the page: every later posting ranks after them.
    if (inWindow.length > q.pageSize) rows = inWindow;
  }
  rows ??= await pageQuery(db, jobPostings, today, q);
  return { items: rows.slice(0, q.pageSize), hasMore: rows.length > q.pageSize };
}
export type BoardItem = Awaited<ReturnType<typeof searchBoard>>['items'][number];

/** A posting on the board with its enterprise's public facts, or NOT_FOUND (not published, lapsed, or no such posting). */
export async function getBoardPosting(db: DbOrTx, today: string, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      description: jobPostings.description,
      contactName: jobPostings.contactName,
      contactPhone: jobPostings.contactPhone,
      enterpriseIndustry: enterprises.industry,
      enterpriseSize: enterprises.size,
      enterprisePledge: enterprises.priorityPledge,
    })
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(and(eq(jobPostings.id, id), onBoard(today), enterpriseActive));
  if (!row) throw notFound('job posting');
  return row;
}
export type BoardPosting = Awaited<ReturnType<typeof getBoardPosting>>;

/** The board's figures for postings published between two China dates (inclusive), whatever became of them since. */
export async function boardStats(db: DbOrTx, from: string, to: string) {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${addDays(to, 1)}T00:00:00+08:00`);
  const [row] = await db
    .select({
      enterprises: sql<number>`count(distinct ${jobPostings.enterpriseId})`.mapWith(Number),
      positions: sql<number>`count(*)`.mapWith(Number),
      openings: sql<number>`coalesce(sum(${jobPostings.openings}), 0)`.mapWith(Number),
    })
    .from(jobPostings)
    // Only an approval sets published_at, and closing or expiring keeps it: every posting ever on the board.
    .where(and(gte(jobPostings.publishedAt, start), sql`${jobPostings.publishedAt} < ${end}`));
  return { from, to, ...row };
}

/** The figures of a period are kept this long: the board's pages are cacheable for a minute anyway. */
export const STATS_FRESH_MS = 60_000;
const STATS_KEPT = 64;
const keptStats = new WeakMap<object, Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof boardStats>>> }>>();

/**
 * The period's figures as the board shows them on every load: computed at most once a minute per
 * period (they sum a month of postings, tens of milliseconds at 100,000 postings), per database.
 */
export function keptBoardStats(db: DbOrTx, now: Date, from: string, to: string) {
  let byPeriod = keptStats.get(db);
  if (!byPeriod) keptStats.set(db, (byPeriod = new Map()));
  const key = `${from}|${to}`;
  const kept = byPeriod.get(key);
  if (kept && now.getTime() - kept.at < STATS_FRESH_MS && now.getTime() >= kept.at) return kept.value;
  const value = boardStats(db, from, to);
  value.catch(() => byPeriod.delete(key));
  if (byPeriod.size >= STATS_KEPT) byPeriod.delete(byPeriod.keys().next().value!);
  byPeriod.set(key, { at: now.getTime(), value });
  return value;
}
