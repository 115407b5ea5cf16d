import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { funds, orgs, paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export type PaymentBatchRow = typeof paymentBatches.$inferSelect;
export type PaymentLineRow = typeof paymentLines.$inferSelect;

const batchColumns = { batch: paymentBatches, orgPath: orgs.path, orgName: orgs.name, fundName: funds.name };

/** A payment batch whose org lies in the actor's subtree, or 404. */
export async function getPaymentBatchInScope(db: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .select(batchColumns)
    .from(paymentBatches)
    .innerJoin(orgs, eq(orgs.id, paymentBatches.orgId))
    .innerJoin(funds, eq(funds.id, paymentBatches.fundId))
    .where(and(eq(paymentBatches.id, id), inActorSubtree(actor, paymentBatches.orgId)));
  const [row] = opts.lock ? await q.for('update', { of: paymentBatches }) : await q;
  if (!row) throw notFound('payment batch');
  return row;
}

export async function listPaymentBatches(db: DbOrTx, actor: Actor, f: { fundId?: string } = {}) {
  return db
    .select(batchColumns)
    .from(paymentBatches)
    .innerJoin(orgs, eq(orgs.id, paymentBatches.orgId))
    .innerJoin(funds, eq(funds.id, paymentBatches.fundId))
    .where(and(inActorSubtree(actor, paymentBatches.orgId), f.fundId ? eq(paymentBatches.fundId, f.fundId) : undefined))
    .orderBy(desc(paymentBatches.createdAt))
    .limit(500);
}

/** A batch's lines, a page at a time, with the count of each status. */
export async function listPaymentLines(db: DbOrTx, batchId: string, p: { page: number; pageSize: number; status?: string }) {
  const where = and(eq(paymentLines.batchId, batchId), p.status ? eq(paymentLines.status, p.status) : undefined);
  const [items, byStatus] = await Promise.all([
    db
      .select({ line: paymentLines, orgName: orgs.name })
      .from(paymentLines)
      .innerJoin(orgs, eq(orgs.id, paymentLines.orgId))
      .where(where)
      .orderBy(asc(paymentLines.lineNo))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db
      .select({ status: paymentLines.status, n: sql<number>`count(*)`.mapWith(Number), fen: sql<number>`coalesce(sum(${paymentLines.amountFen}), 0)`.mapWith(Number), confirmed: sql<number>`count(${paymentLines.resultAt})`.mapWith(Number) })
      .from(paymentLines)
      .where(eq(paymentLines.batchId, batchId))
      .groupBy(paymentLines.status),
  ]);
  return { items, byStatus };
}
