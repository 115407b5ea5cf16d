import { and, eq } from 'drizzle-orm';
import { TransferInput } from '../../../contracts/households.js';
import { householdTransfers, households, orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize, orgPathInSubtree, pathInScope } from '../../platform/authz.js';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { appendHouseholdEvent } from './household-events.js';
import { getHouseholdInScope } from './households.queries.js';

/** A rejected or closed household has left the archive: no union takes it over (households.md). */
const NOT_TRANSFERABLE = new Set(['rejected', 'closed']);

/**
 * Asks another union to take a household over (the worker moved employer or residence). The target
 * may lie outside the sender's subtree, so it is named by org id and only its name is shown back.
 */
export async function requestTransfer({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'household.transfer');
  const data = TransferInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
    if (NOT_TRANSFERABLE.has(h.status)) throw conflict('status', `a ${h.status} household cannot be transferred`, { status: h.status });
    const [to] = await tx.select().from(orgs).where(eq(orgs.id, data.toOrgId));
    if (!to || !to.active) throw notFound('org');
    if (to.id === h.orgId) throw conflict('same_org', 'the household already belongs to this org', { field: 'toOrgId' });
    const [pending] = await tx
      .select({ id: householdTransfers.id })
      .from(householdTransfers)
      .where(and(eq(householdTransfers.householdId, id), eq(householdTransfers.status, 'pending')));
    if (pending) throw conflict('transfer_pending', 'a transfer of this household is already waiting');
    const [row] = await tx
      .insert(householdTransfers)
      .values({ householdId: id, fromOrgId: h.orgId, toOrgId: to.id, status: 'pending', reason: data.reason, requestedBy: actor.userId, requestedAt: ctx.clock.now() })
      .returning();
    await appendHouseholdEvent(tx, ctx, id, 'transfer_request', { reason: data.reason, details: { toOrgName: to.name } });
    await audit(tx, ctx, 'household.transfer_request', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { transferId: row.id, toOrgId: to.id } });
    return { transferId: row.id, toOrgName: to.name };
  });
}

/**
 * The receiving side accepts or declines. On acceptance the household's org changes in the same
 * transaction, so staff of the old org lose access at once (every read filters by org subtree).
 */
export async function decideTransfer({ ctx, transferId, accept }: { ctx: Ctx; transferId: string; accept: boolean }) {
  const actor = await authorize(ctx, 'household.transfer');
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx.select().from(householdTransfers).where(eq(householdTransfers.id, transferId)).for('update');
    const [to] = t ? await tx.select().from(orgs).where(eq(orgs.id, t.toOrgId)) : [];
    if (!t || !to || !pathInScope(actor, to.path)) throw notFound('transfer');
    if (t.status !== 'pending') throw conflict('status', `the transfer is already ${t.status}`);
    if (accept) await assertStillTransferable(tx, t);
    await tx
      .update(householdTransfers)
      .set({ status: accept ? 'accepted' : 'declined', decidedBy: actor.userId, decidedAt: ctx.clock.now() })
      .where(eq(householdTransfers.id, transferId));
    if (accept) await tx.update(households).set({ orgId: to.id, updatedAt: ctx.clock.now() }).where(eq(households.id, t.householdId));
    await appendHouseholdEvent(tx, ctx, t.householdId, accept ? 'transfer_accept' : 'transfer_decline', { details: { toOrgName: to.name } });
    await audit(tx, ctx, accept ? 'household.transfer_accept' : 'household.transfer_decline', {
      objectType: 'household',
      objectId: t.householdId,
      orgId: to.id,
      orgPath: to.path,
      details: { transferId, fromOrgId: t.fromOrgId },
    });
    return { transferId, status: accept ? 'accepted' : 'declined', householdId: t.householdId };
  });
}

/**
 * The household may have changed since the request (closed, rejected): it is locked, so a close
 * running at the same moment waits for this transaction or this one sees its result.
 */
async function assertStillTransferable(tx: Tx, t: typeof householdTransfers.$inferSelect) {
  const [h] = await tx.select({ status: households.status, orgId: households.orgId }).from(households).where(eq(households.id, t.householdId)).for('update');
  if (!h) throw notFound('transfer');
  if (NOT_TRANSFERABLE.has(h.status)) throw conflict('status', `the household is ${h.status} now and cannot be transferred; decline the transfer`, { status: h.status });
  if (h.orgId !== t.fromOrgId) throw conflict('moved', 'the household no longer belongs to the org that asked for the transfer; decline the transfer');
}

/** Transfers waiting for an org in the actor's subtree to accept: the worker's name and case number only. */
export async function listIncomingTransfers({ ctx }: { ctx: Ctx }) {
  const actor = await authorize(ctx, 'household.transfer');
  const rows = await ctx.db
    .select({
      id: householdTransfers.id,
      householdId: householdTransfers.householdId,
      toOrgId: householdTransfers.toOrgId,
      toOrgName: orgs.name,
      reason: householdTransfers.reason,
      requestedAt: householdTransfers.requestedAt,
      caseNo: households.caseNo,
      name: households.name,
    })
    .from(householdTransfers)
    .innerJoin(orgs, eq(orgs.id, householdTransfers.toOrgId))
    .innerJoin(households, eq(households.id, householdTransfers.householdId))
    .where(and(eq(householdTransfers.status, 'pending'), orgPathInSubtree(actor, orgs.path)));
  return { items: rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })) };
}
