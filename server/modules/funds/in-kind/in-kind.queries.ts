import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { InKindIssueQuery } from '../../../../contracts/in-kind.js';
import type { DbOrTx } from '../../../db/client.js';
import { inKindIssues, orgs, paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { inActorSubtree, likePrefix } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { assertPeriodInOrder } from '../booking-dates.js';

export type InKindFilter = Omit<InKindIssueQuery, 'orgId' | 'page' | 'pageSize'> & { orgPath?: string };

/** The register's filter from its query: the period in order, and the chosen org (404 outside the subtree) as its path. */
export async function inKindFilter(db: DbOrTx, actor: Actor, query: Omit<InKindIssueQuery, 'page' | 'pageSize'>): Promise<InKindFilter> {
  const { orgId, ...rest } = query;
  assertPeriodInOrder(rest);
  const org = orgId ? await getOrgInScope(db, actor, orgId) : null;
  return { ...rest, orgPath: org?.path };
}

/** Issues in the actor's subtree (or under one org of it), of a period, an item and a status. */
function matching(actor: Actor, f: InKindFilter) {
  return and(
    inActorSubtree(actor, inKindIssues.orgId),
    f.orgPath ? sql`${orgs.path} like ${likePrefix(f.orgPath)}` : undefined,
    f.from ? gte(inKindIssues.issuedOn, f.from) : undefined,
    f.to ? lte(inKindIssues.issuedOn, f.to) : undefined,
    f.item ? eq(inKindIssues.item, f.item) : undefined,
    f.status ? eq(inKindIssues.status, f.status) : undefined,
  );
}

const issueColumns = {
  issue: inKindIssues,
  orgName: orgs.name,
  batchId: paymentBatches.id,
  batchName: paymentBatches.name,
  paymentRef: paymentLines.paymentRef,
};

function selectIssues(db: DbOrTx, actor: Actor, f: InKindFilter) {
  return db
    .select(issueColumns)
    .from(inKindIssues)
    .innerJoin(orgs, eq(orgs.id, inKindIssues.orgId))
    .leftJoin(paymentLines, eq(paymentLines.id, inKindIssues.paymentLineId))
    .leftJoin(paymentBatches, eq(paymentBatches.id, paymentLines.batchId))
    .where(matching(actor, f))
    .orderBy(desc(inKindIssues.issuedOn), desc(inKindIssues.createdAt), inKindIssues.id);
}

export type InKindIssueRow = Awaited<ReturnType<typeof selectIssues>>[number];

/** One page of the register, newest issue day first. */
export function listInKindIssues(db: DbOrTx, actor: Actor, f: InKindFilter, page: { page: number; pageSize: number }) {
  return selectIssues(db, actor, f)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

/** Every matching issue, for the export (capped by the caller's limit). */
export function allInKindIssues(db: DbOrTx, actor: Actor, f: InKindFilter, limit: number) {
  return selectIssues(db, actor, f).limit(limit);
}

/** Pieces by item and status over everything matching, and how many issues that is. */
export async function inKindTotals(db: DbOrTx, actor: Actor, f: InKindFilter) {
  const rows = await db
    .select({
      item: inKindIssues.item,
      status: inKindIssues.status,
      issues: sql<number>`count(*)`.mapWith(Number),
      quantity: sql<number>`coalesce(sum(${inKindIssues.quantity}), 0)`.mapWith(Number),
    })
    .from(inKindIssues)
    .innerJoin(orgs, eq(orgs.id, inKindIssues.orgId))
    .where(matching(actor, f))
    .groupBy(inKindIssues.item, inKindIssues.status)
    .orderBy(inKindIssues.item, inKindIssues.status);
  const byItem = new Map<string, { item: string; issued: number; returned: number }>();
  for (const r of rows) {
    const t = byItem.get(r.item) ?? { item: r.item, issued: 0, returned: 0 };
    if (r.status === 'returned') t.returned += r.quantity;
    else t.issued += r.quantity;
    byItem.set(r.item, t);
  }
  return { total: rows.reduce((n, r) => n + r.issues, 0), byItem: [...byItem.values()] };
}
