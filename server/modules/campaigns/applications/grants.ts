import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { campaignApplications, campaignGrants, campaigns, householdAid, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { appendHouseholdEvent } from '../../households/household-events.js';
import { recordHouseholdAid } from '../../households/record-household-aid.js';
import { grantConfirmed } from '../lump-sum/write-lump-sum-grants.js';
import { appendApplicationEvent } from './application-events.js';

export type GrantRow = typeof campaignGrants.$inferSelect;

/**
 * The payment side's view of what is owed (待发放): grants ready for payment in the actor's subtree,
 * optionally of one campaign. The funds ledger builds its payment batches from these.
 */
export async function listReadyGrants(db: DbOrTx, actor: Actor, f: { campaignId?: string; limit?: number } = {}) {
  return db
    .select({ grant: campaignGrants, campaignName: campaigns.name, orgName: orgs.name })
    .from(campaignGrants)
    .innerJoin(campaigns, eq(campaigns.id, campaignGrants.campaignId))
    .innerJoin(orgs, eq(orgs.id, campaignGrants.orgId))
    .where(and(eq(campaignGrants.status, 'ready'), grantConfirmed(), inActorSubtree(actor, campaignGrants.orgId), f.campaignId ? eq(campaignGrants.campaignId, f.campaignId) : undefined))
    .orderBy(asc(campaignGrants.readyAt), asc(campaignGrants.id))
    .limit(f.limit ?? 10_000);
}

/**
 * Marks a grant paid, inside the payer's transaction (after its own authorization and ledger posting):
 * the grant and its application become paid, and the household's aid ledger (帮扶台账) gets the cash
 * and each in-kind item through recordHouseholdAid. A grant is paid once: a second call is a conflict.
 */
export async function markGrantPaid(tx: Tx, ctx: Ctx, p: { grantId: string; paidOn: string; paymentRef: string }) {
  const [g] = await tx.select().from(campaignGrants).where(and(eq(campaignGrants.id, p.grantId), grantConfirmed())).for('update');
  // A lump sum's grant whose batch is still being confirmed is not payable yet.
  if (!g) throw notFound('grant');
  if (g.status !== 'ready') throw conflict('already_paid', 'the grant is already paid', { grantId: g.id });
  const now = ctx.clock.now();
  await tx.update(campaignGrants).set({ status: 'paid', paidAt: now, paidOn: p.paidOn, paymentRef: p.paymentRef }).where(eq(campaignGrants.id, g.id));
  const [campaign] = await tx.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, g.campaignId));
  const [org] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, g.orgId));
  if (g.applicationId) {
    await tx
      .update(campaignApplications)
      .set({ status: 'paid', paidAt: now, paymentRef: p.paymentRef, updatedAt: now, version: sql`${campaignApplications.version} + 1` })
      .where(and(eq(campaignApplications.id, g.applicationId), eq(campaignApplications.status, 'ready')));
    await appendApplicationEvent(tx, ctx, g.applicationId, 'paid', { fromStatus: 'ready', toStatus: 'paid', details: { amountFen: g.amountFen, paidOn: p.paidOn, paymentRef: p.paymentRef } });
  }
  if (g.householdId) {
    const common = { householdId: g.householdId, program: campaign.name, aidedOn: p.paidOn, sourceModule: 'campaigns', note: g.recipientName };
    if (g.amountFen > 0) await recordHouseholdAid(tx, ctx, { ...common, aidType: 'cash', amountFen: g.amountFen, sourceRef: `grant:${g.id}` });
    for (const item of g.inKindItems) await recordHouseholdAid(tx, ctx, { ...common, aidType: 'in_kind', amountFen: 0, item: `${item.item} × ${item.quantity}`, sourceRef: `grant:${g.id}:${item.item}` });
  }
  await audit(tx, ctx, 'grant.mark_paid', { objectType: 'grant', objectId: g.id, orgId: g.orgId, orgPath: org.path, details: { amountFen: g.amountFen, paidOn: p.paidOn, paymentRef: p.paymentRef } });
  return { id: g.id, status: 'paid' as const };
}

/**
 * Undoes markGrantPaid when the bank returns the payment (the payer reverses its own ledger entry):
 * the grant and its application are ready for payment again, and the aid the payment put in the
 * household's aid ledger is taken out, with an event saying why. Inside the payer's transaction.
 */
export async function markGrantReturned(tx: Tx, ctx: Ctx, p: { grantId: string; paymentRef: string; reason: string }) {
  const [g] = await tx.select().from(campaignGrants).where(eq(campaignGrants.id, p.grantId)).for('update');
  if (!g) throw notFound('grant');
  if (g.status !== 'paid' || g.paymentRef !== p.paymentRef) throw conflict('not_paid_by_this_payment', 'the grant is not paid by this payment', { grantId: g.id });
  const now = ctx.clock.now();
  await tx.update(campaignGrants).set({ status: 'ready', paidAt: null, paidOn: null, paymentRef: null }).where(eq(campaignGrants.id, g.id));
  const [org] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, g.orgId));
  if (g.applicationId) {
    await tx
      .update(campaignApplications)
      .set({ status: 'ready', paidAt: null, paymentRef: null, updatedAt: now, version: sql`${campaignApplications.version} + 1` })
      .where(and(eq(campaignApplications.id, g.applicationId), eq(campaignApplications.status, 'paid')));
    await appendApplicationEvent(tx, ctx, g.applicationId, 'payment_returned', { fromStatus: 'paid', toStatus: 'ready', reason: p.reason, details: { amountFen: g.amountFen, paymentRef: p.paymentRef } });
  }
  if (g.householdId) {
    const removed = await tx
      .delete(householdAid)
      .where(and(eq(householdAid.householdId, g.householdId), eq(householdAid.sourceModule, 'campaigns'), sql`(${householdAid.sourceRef} = ${`grant:${g.id}`} or ${householdAid.sourceRef} like ${`grant:${g.id}:%`})`))
      .returning({ id: householdAid.id });
    if (removed.length) await appendHouseholdEvent(tx, ctx, g.householdId, 'aid_withdrawn', { reason: p.reason, details: { grantId: g.id, entries: removed.length, paymentRef: p.paymentRef } });
  }
  await audit(tx, ctx, 'grant.payment_returned', { objectType: 'grant', objectId: g.id, orgId: g.orgId, orgPath: org.path, details: { amountFen: g.amountFen, paymentRef: p.paymentRef, reason: p.reason } });
  return { id: g.id, status: 'ready' as const };
}
