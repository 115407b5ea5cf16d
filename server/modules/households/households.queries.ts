import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  householdAid,
  householdEvents,
  householdImports,
  householdMembers,
  householdObjections,
  households,
  householdTransfers,
  householdVisits,
  orgs,
} from '../../db/schema/index.js';
import { inActorSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { formatCaseNo } from './household-record.js';
import { newestPerOrgPage } from './newest-per-org-page.js';

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;
export type HouseholdWithOrg = HouseholdRow & { orgName: string; orgPath: string };

const withOrg = { household: households, orgName: orgs.name, orgPath: orgs.path };

/**
 * Households written by an import that has not committed (still writing, awaiting a second person's
 * approval, or failed and being removed) are invisible everywhere; the import's final step makes all
 * of them visible at once by marking the import succeeded (docs/decisions/009-job-runner.md).
 */
export function householdVisible(): SQL {
  return sql`(${households.importId} is null or ${households.importId} not in (select ${householdImports.id} from ${householdImports} where ${householdImports.status} <> 'succeeded'))`;
}

/** A household in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getHouseholdInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<HouseholdWithOrg> {
  const query = db
    .select(withOrg)
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(and(eq(households.id, id), inActorSubtree(actor, households.orgId), householdVisible()));
  const [row] = opts.forUpdate ? await query.for('update', { of: households }) : await query;
  if (!row) throw notFound('household');
  return { ...row.household, orgName: row.orgName, orgPath: row.orgPath };
}

export interface HouseholdFilter {
  underOrgPath?: string;
  status?: string[];
  category?: string;
  cause?: string;
  schoolStage?: string;
  dueBy?: string;
  q?: string;
}

export function householdWhere(actor: Actor, f: HouseholdFilter): SQL {
  const conds: (SQL | undefined)[] = [inActorSubtree(actor, households.orgId), householdVisible()];
  if (f.underOrgPath) conds.push(sql`${households.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${f.underOrgPath + '%'})`);
  if (f.status?.length) conds.push(sql`${households.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.category) conds.push(eq(households.category, f.category));
  if (f.cause) conds.push(sql`${households.allCauses} @> array[${f.cause}]::text[]`);
  if (f.schoolStage) conds.push(sql`${households.memberSchoolStages} @> array[${f.schoolStage}]::text[]`);
  if (f.dueBy) conds.push(and(eq(households.status, 'archived'), sql`${households.nextVerificationDue} <= ${f.dueBy}`));
  if (f.q) {
    const escaped = f.q.replace(/[\\%_]/g, (c) => '\\' + c);
    conds.push(or(sql`${households.name} like ${escaped + '%'}`, eq(households.caseNo, f.q.toUpperCase())));
  }
  return and(...conds)!;
}

const SORT = {
  caseNo: households.caseNo,
  name: households.name,
  createdAt: households.createdAt,
  updatedAt: households.updatedAt,
  status: households.status,
  nextVerificationDue: households.nextVerificationDue,
};
export type HouseholdSort = keyof typeof SORT;

/**
 * One page of the list, without a count: it fetches one row more than the page to tell whether
 * another page follows. The count is a separate request (`countHouseholds`, GET /api/households/count)
 * that the page sends after the items and keeps per filter while paging (docs/decisions/006, "Counts
 * on request").
 */
export async function listHouseholds(
  db: DbOrTx,
  actor: Actor,
  f: HouseholdFilter,
  page: { page: number; pageSize: number; sort: HouseholdSort; order: 'asc' | 'desc' },
) {
  if (page.sort === 'createdAt' || page.sort === 'updatedAt') {
    const stamps = await pendingImportStamps(db);
    if (stamps.length) return listAroundStagedImports(db, actor, f, { ...page, sort: page.sort }, stamps);
  }
  if (page.sort === 'createdAt') {
    const ids = await newestPerOrgPage(db, f.underOrgPath ?? actor.orgPath, householdWhere(actor, f), page);
    if (ids) return pageOfIds(db, ids, page.pageSize);
  }
  // The id breaks ties in the same direction, so an index on (column, id) serves the order read
  // backwards too: an import's households share one created_at, and a mixed direction made every
  // default page sort all of them (250–340 ms at 100,000 in one import on PGlite; 11 ms now).
  const by = page.order === 'desc' ? desc : asc;
  const rows = await db
    .select(withOrg)
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(householdWhere(actor, f))
    .orderBy(by(SORT[page.sort]), by(households.id))
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize);
  const hasMore = rows.length > page.pageSize;
  return { items: rows.slice(0, page.pageSize).map((r) => ({ ...r.household, orgName: r.orgName, orgPath: r.orgPath })), hasMore };
}

/** The instants carried by households of imports not yet visible (see householdImports.stagedAt). */
async function pendingImportStamps(db: DbOrTx): Promise<Date[]> {
  const rows = await db
    .select({ at: householdImports.stagedAt })
    .from(householdImports)
    .where(and(ne(householdImports.status, 'succeeded'), isNotNull(householdImports.stagedAt)))
    .orderBy(asc(householdImports.stagedAt));
  return [...new Set(rows.map((r) => r.at!.getTime()))].map((t) => new Date(t));
}

/**
 * The page sorted by created_at or updated_at while an import is writing: every household it wrote
 * carries one instant, and an ordered walk of the index would step over all of them (100,000 rows
 * of an import, for each page) before finding the next visible one. So the walk is split into the
 * ranges between those instants, each an ordered index range scan, merged in order. A household filed
 * at exactly such an instant (the same microsecond) is left out of these two sorts until the import ends.
 */
async function listAroundStagedImports(
  db: DbOrTx,
  actor: Actor,
  f: HouseholdFilter,
  page: { page: number; pageSize: number; sort: 'createdAt' | 'updatedAt'; order: 'asc' | 'desc' },
  stamps: Date[],
) {
  const column = SORT[page.sort];
  const where = householdWhere(actor, f);
  const offset = (page.page - 1) * page.pageSize;
  const enough = offset + page.pageSize + 1;
  const dir = page.order === 'desc' ? sql`desc` : sql`asc`;
  const edges = [null, ...stamps.map((d) => d.toISOString()), null];
  const ranges = edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1];
    const conds = and(where, low ? sql`${column} > ${low}::timestamptz` : undefined, high ? sql`${column} < ${high}::timestamptz` : undefined);
    return sql`(select ${households.id} as id, ${column} as k from ${households} where ${conds} order by ${column} ${dir}, ${households.id} ${dir} limit ${enough})`;
  });
  const picked = (await db.execute(
    sql`select id from (${sql.join(ranges, sql` union all `)}) ranges order by k ${dir}, id ${dir} limit ${page.pageSize + 1} offset ${offset}`,
  )) as unknown as { rows: Array<{ id: string }> };
  return pageOfIds(db, picked.rows.map((r) => r.id), page.pageSize);
}

/** The households of a page picked as ids (up to one more than the page), read whole in that order. */
async function pageOfIds(db: DbOrTx, ids: string[], pageSize: number) {
  if (ids.length === 0) return { items: [], hasMore: false };
  const rows = await db.select(withOrg).from(households).innerJoin(orgs, eq(orgs.id, households.orgId)).where(inArray(households.id, ids));
  const byId = new Map(rows.map((r) => [r.household.id, r]));
  const ordered = ids.map((id) => byId.get(id)!).filter(Boolean);
  return { items: ordered.slice(0, pageSize).map((r) => ({ ...r.household, orgName: r.orgName, orgPath: r.orgPath })), hasMore: ordered.length > pageSize };
}

/**
 * Counting a million rows costs more than the page itself, so the count is exact up to COUNT_CAP
 * and then says "more than" (docs/decisions/006).
 */
export const COUNT_CAP = 10_000;
export async function countHouseholds(db: DbOrTx, actor: Actor, f: HouseholdFilter): Promise<{ total: number; totalIsCapped: boolean }> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`(select 1 from ${households} where ${householdWhere(actor, f)} limit ${COUNT_CAP + 1}) as capped`);
  return { total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP };
}

export async function loadHouseholdParts(db: DbOrTx, householdId: string) {
  const [members, visits, events, objections, transfers, aid] = await Promise.all([
    db.select().from(householdMembers).where(eq(householdMembers.householdId, householdId)).orderBy(asc(householdMembers.position)),
    db.select().from(householdVisits).where(eq(householdVisits.householdId, householdId)).orderBy(desc(householdVisits.visitDate)),
    db.select().from(householdEvents).where(eq(householdEvents.householdId, householdId)).orderBy(asc(householdEvents.id)),
    db.select().from(householdObjections).where(eq(householdObjections.householdId, householdId)).orderBy(asc(householdObjections.raisedAt)),
    db.select().from(householdTransfers).where(eq(householdTransfers.householdId, householdId)).orderBy(desc(householdTransfers.requestedAt)),
    db.select().from(householdAid).where(eq(householdAid.householdId, householdId)).orderBy(desc(householdAid.aidedOn)),
  ]);
  return { members, visits, events, objections, transfers, aid };
}

export async function nextCaseNo(db: DbOrTx, year: string): Promise<string> {
  const result = (await db.execute(sql`select nextval('household_case_seq')::int as seq`)) as unknown as { rows: Array<{ seq: number }> };
  const [{ seq }] = result.rows;
  return formatCaseNo(year, seq);
}
