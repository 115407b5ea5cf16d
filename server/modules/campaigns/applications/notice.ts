import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ApplicationObjectionInput, ResolveApplicationObjectionInput, StartCampaignNoticeInput } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { applicationObjections, campaignApplications, campaignGrants } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, inActorSubtree } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { addDays, chinaDate } from '../../../platform/dates.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { appendApplicationEvent } from './application-events.js';
import { getApplicationInScope, orgTypeOf, type ApplicationWithOrg } from './applications.queries.js';
import { assertActorOrgType, assertStatus } from './applications.policy.js';
import { orgs } from '../../../db/schema/index.js';

async function noticeActor(tx: Tx, ctx: Ctx, actor: Actor, campaignId: string) {
  const campaign = await getCampaignInScope(tx, actor, campaignId, { forUpdate: true });
  assertActorOrgType(campaign.stepActors, 'notice', await orgTypeOf(tx, actor.orgId));
  return campaign;
}

/** Locks and returns the campaign's applications in the actor's subtree in one status (all, or those named). */
async function lockApplications(tx: Tx, actor: Actor, campaignId: string, status: string, ids?: string[]): Promise<ApplicationWithOrg[]> {
  const rows = await tx
    .select({ application: campaignApplications, orgName: orgs.name, orgPath: orgs.path })
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(eq(campaignApplications.campaignId, campaignId), inActorSubtree(actor, campaignApplications.orgId), eq(campaignApplications.status, status), ids ? inArray(campaignApplications.id, ids) : undefined))
    .orderBy(campaignApplications.applicationNo)
    .for('update', { of: campaignApplications });
  return rows.map((r) => ({ ...r.application, status: r.application.status as ApplicationWithOrg['status'], orgName: r.orgName, orgPath: r.orgPath }));
}

/** Publishes the city-approved applications (all in scope, or those named) for the public notice (公示). */
export async function startCampaignNotice({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.notice');
  const data = StartCampaignNoticeInput.parse(input ?? {});
  return ctx.db.transaction(async (tx) => {
    const campaign = await noticeActor(tx, ctx, actor, id);
    const apps = await lockApplications(tx, actor, campaign.id, 'city_approved', data.ids);
    if (data.ids && apps.length !== new Set(data.ids).size) throw conflict('status', 'some applications named are not city-approved applications of this campaign in your scope');
    const today = chinaDate(ctx.clock.now());
    const noticeDays = data.noticeDays ?? campaign.noticeDays;
    const noticeEndsOn = addDays(today, noticeDays - 1);
    for (const a of apps) {
      await tx.update(campaignApplications).set({ status: 'in_notice', noticeStartsOn: today, noticeEndsOn, updatedAt: ctx.clock.now(), version: sql`${campaignApplications.version} + 1` }).where(eq(campaignApplications.id, a.id));
      await appendApplicationEvent(tx, ctx, a.id, 'start_notice', { fromStatus: a.status, toStatus: 'in_notice', details: { noticeStartsOn: today, noticeEndsOn } });
      await audit(tx, ctx, 'application.start_notice', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { applicationNo: a.applicationNo, noticeEndsOn } });
    }
    return { published: apps.length, noticeStartsOn: today, noticeEndsOn };
  });
}

/**
 * After the notice: every application whose notice has ended with no objection open becomes ready for
 * payment, and its grant is written. The grant's key (campaign, student) makes a second grant for the
 * same student in the same campaign impossible, wherever it was applied for.
 */
export async function releaseFromNotice({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'application.notice');
  return ctx.db.transaction(async (tx) => {
    const campaign = await noticeActor(tx, ctx, actor, id);
    const today = chinaDate(ctx.clock.now());
    const apps = await lockApplications(tx, actor, campaign.id, 'in_notice');
    const open = apps.length
      ? new Set((await tx.select({ id: applicationObjections.applicationId }).from(applicationObjections).where(and(inArray(applicationObjections.applicationId, apps.map((a) => a.id)), isNull(applicationObjections.resolvedAt)))).map((r) => r.id))
      : new Set<string>();
    let released = 0;
    let stillInNotice = 0;
    let heldByObjection = 0;
    const now = ctx.clock.now();
    for (const a of apps) {
      if (!a.noticeEndsOn || today <= a.noticeEndsOn) {
        stillInNotice++;
        continue;
      }
      if (open.has(a.id)) {
        heldByObjection++;
        continue;
      }
      await tx.update(campaignApplications).set({ status: 'ready', readyAt: now, updatedAt: now, version: sql`${campaignApplications.version} + 1` }).where(eq(campaignApplications.id, a.id));
      await tx.insert(campaignGrants).values({
        campaignId: campaign.id,
        recipientKey: a.studentIdHash,
        orgId: a.orgId,
        householdId: a.householdId,
        applicationId: a.id,
        recipientName: a.studentName,
        amountFen: a.approvedAmountFen ?? a.amountFen,
        inKindItems: a.inKindItems,
        status: 'ready',
        readyAt: now,
      });
      await appendApplicationEvent(tx, ctx, a.id, 'release', { fromStatus: 'in_notice', toStatus: 'ready', details: { amountFen: a.approvedAmountFen } });
      await audit(tx, ctx, 'application.release', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { applicationNo: a.applicationNo, amountFen: a.approvedAmountFen } });
      released++;
    }
    return { released, stillInNotice, heldByObjection };
  });
}

/** An objection raised during the notice; the application cannot be released while it is open. */
export async function recordApplicationObjection({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.notice');
  const data = ApplicationObjectionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getApplicationInScope(tx, actor, id, { forUpdate: true });
    assertStatus(a.status, ['in_notice'], 'object to');
    const [row] = await tx.insert(applicationObjections).values({ applicationId: a.id, content: data.content, raisedBy: data.raisedBy ?? null, raisedAt: ctx.clock.now(), recordedBy: actor.userId }).returning();
    await appendApplicationEvent(tx, ctx, a.id, 'objection', { reason: data.content });
    await audit(tx, ctx, 'application.record_objection', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { objectionId: row.id } });
    return { id: row.id };
  });
}

/** Resolving an objection: dismissed, the application waits for the notice's end; upheld, it goes back to the city for a new decision. */
export async function resolveApplicationObjection({ ctx, id, objectionId, input }: { ctx: Ctx; id: string; objectionId: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.notice');
  const data = ResolveApplicationObjectionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getApplicationInScope(tx, actor, id, { forUpdate: true });
    const [o] = await tx.select().from(applicationObjections).where(and(eq(applicationObjections.id, objectionId), eq(applicationObjections.applicationId, a.id))).for('update');
    if (!o) throw notFound('objection');
    if (o.resolvedAt) throw conflict('resolved', 'the objection is already resolved');
    await tx.update(applicationObjections).set({ resolution: data.resolution, upheld: data.upheld, resolvedAt: ctx.clock.now(), resolvedBy: actor.userId }).where(eq(applicationObjections.id, o.id));
    let status = a.status;
    if (data.upheld && a.status === 'in_notice') {
      status = 'district_approved';
      await tx
        .update(campaignApplications)
        .set({ status, approvedAmountFen: null, noticeStartsOn: null, noticeEndsOn: null, updatedAt: ctx.clock.now(), version: sql`${campaignApplications.version} + 1` })
        .where(eq(campaignApplications.id, a.id));
    }
    await appendApplicationEvent(tx, ctx, a.id, 'resolve_objection', { fromStatus: a.status, toStatus: status, reason: data.resolution, details: { upheld: data.upheld } });
    await audit(tx, ctx, 'application.resolve_objection', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { objectionId: o.id, upheld: data.upheld } });
    return { id: a.id, status };
  });
}
