import { and, eq, inArray, sql } from 'drizzle-orm';
import { FiveClear, StepInput, type ApplicationStatus, type ApplicationStep } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { campaignApplications, campaignOrgs, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, requireActor } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict, forbidden, preconditionFailed, validation } from '../../../platform/errors.js';
import { getCampaignInScope, listParticipants, participantFor, type CampaignWithProgram } from '../campaigns.queries.js';
import { appendApplicationEvent } from './application-events.js';
import { getApplicationInScope, orgTypeOf, type ApplicationWithOrg } from './applications.queries.js';
import { assertActorOrgType, assertNotMaker, assertStatus, FORWARD, HELD_BY, PREVIOUS, permissionForStep, REJECTABLE, WITHDRAWABLE } from './applications.policy.js';
import { assertAcceptingApplications } from './campaign-window.js';

type Changes = Partial<typeof campaignApplications.$inferInsert>;

/** Runs one workflow step on one application: permission, scope, status, step actor and maker ≠ checker, then the change, history and audit. */
export async function runApplicationStep({ ctx, id, step, input }: { ctx: Ctx; id: string; step: ApplicationStep; input?: unknown }) {
  const actor = requireActor(ctx);
  const current = await getApplicationInScope(ctx.db, actor, id);
  await authorize(ctx, permissionForStep(step, current.status));
  return ctx.db.transaction(async (tx) => {
    const a = await getApplicationInScope(tx, actor, id, { forUpdate: true });
    const permission = permissionForStep(step, a.status);
    if (!actor.permissions.has(permission)) throw forbidden(permission);
    return applyApplicationStep(tx, ctx, a, step, input);
  });
}

/** The step inside the caller's transaction, on an application read in scope with a row lock (bulk approval runs it per row). */
export async function applyApplicationStep(tx: Tx, ctx: Ctx, a: ApplicationWithOrg, step: ApplicationStep, input?: unknown) {
  const actor = requireActor(ctx);
  const v = StepInput.parse(input ?? {});
  const campaign = await getCampaignInScope(tx, actor, a.campaignId);
  const today = chinaDate(ctx.clock.now());
  const actorOrgType = await orgTypeOf(tx, actor.orgId);
  let to: ApplicationStatus;
  let changes: Changes = {};
  const reason = v.reason ?? null;

  if (step === 'submit') {
    assertStatus(a.status, ['draft'], step);
    assertAcceptingApplications(campaign, today);
    const missing = FiveClear.keys.filter((k) => !a.fiveClears?.[k]?.checked);
    if (missing.length) throw preconditionFailed('five_clears_incomplete', `the five clears are not all checked: ${missing.join(', ')}`, { missing });
    to = 'submitted';
    changes = { submittedBy: actor.userId, submittedAt: ctx.clock.now(), returnReason: null };
  } else if (step === 'verify' || step === 'approve_district' || step === 'approve_city') {
    const s = FORWARD[step];
    assertStatus(a.status, [s.from], step);
    assertActorOrgType(campaign.stepActors, s.actors!, actorOrgType);
    assertNotMaker(actor, a);
    to = s.to;
    if (v.amountFen !== undefined && v.amountFen !== a.amountFen) {
      if (!v.amountReason) throw validation([{ field: 'body.amountReason', message: 'changing the amount needs a reason' }]);
      changes = { amountFen: v.amountFen, amountReason: v.amountReason };
    }
    if (step === 'approve_city') {
      const amount = changes.amountFen ?? a.amountFen;
      await assertWithinBudget(tx, campaign, a, amount);
      changes.approvedAmountFen = amount;
    }
  } else if (step === 'return' || step === 'reject') {
    assertStatus(a.status, step === 'return' ? (Object.keys(PREVIOUS) as ApplicationStatus[]) : REJECTABLE, step);
    assertActorOrgType(campaign.stepActors, HELD_BY[a.status]!.actors, actorOrgType);
    if (!reason) throw validation([{ field: 'body.reason', message: `a ${step} needs a reason` }]);
    to = step === 'return' ? PREVIOUS[a.status]! : 'rejected';
    changes = { approvedAmountFen: null, noticeStartsOn: null, noticeEndsOn: null, ...(to === 'draft' ? { returnReason: reason } : {}) };
  } else {
    assertStatus(a.status, WITHDRAWABLE, step);
    if (!reason) throw validation([{ field: 'body.reason', message: 'a withdrawal needs a reason' }]);
    to = 'withdrawn';
  }

  await tx
    .update(campaignApplications)
    .set({ ...changes, status: to, updatedAt: ctx.clock.now(), version: sql`${campaignApplications.version} + 1` })
    .where(eq(campaignApplications.id, a.id));
  const details: Record<string, unknown> = {};
  if (changes.amountFen !== undefined) Object.assign(details, { amountFen: changes.amountFen, previousAmountFen: a.amountFen, amountReason: changes.amountReason });
  if (changes.approvedAmountFen) details.approvedAmountFen = changes.approvedAmountFen;
  await appendApplicationEvent(tx, ctx, a.id, step, { fromStatus: a.status, toStatus: to, reason, details });
  await audit(tx, ctx, `application.${step}`, {
    objectType: 'application',
    objectId: a.id,
    orgId: a.orgId,
    orgPath: a.orgPath,
    details: { applicationNo: a.applicationNo, from: a.status, to, ...(reason ? { reason } : {}), ...details },
  });
  return { id: a.id, status: to };
}

/**
 * The budget of the participant whose subtree holds the application: what the city has approved there
 * plus this amount must stay within it. The participant's row is locked, so two approvals racing for
 * the last of a budget are decided one after the other.
 */
async function assertWithinBudget(tx: Tx, campaign: CampaignWithProgram, a: ApplicationWithOrg, amountFen: number) {
  const participant = participantFor(await listParticipants(tx, campaign.id), a.orgPath);
  if (!participant) throw preconditionFailed('not_participant', 'the application’s org no longer takes part in this campaign');
  await tx.select({ orgId: campaignOrgs.orgId }).from(campaignOrgs).where(and(eq(campaignOrgs.campaignId, campaign.id), eq(campaignOrgs.orgId, participant.orgId))).for('update');
  const [{ used }] = await tx
    .select({ used: sql<string>`coalesce(sum(${campaignApplications.approvedAmountFen}), 0)::bigint` })
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(
      and(
        eq(campaignApplications.campaignId, campaign.id),
        sql`${orgs.path} like ${participant.orgPath + '%'}`,
        inArray(campaignApplications.status, ['city_approved', 'in_notice', 'ready', 'paid', 'followed_up']),
      ),
    );
  const usedFen = Number(used);
  if (usedFen + amountFen > participant.budgetFen)
    throw conflict('over_budget', `${participant.orgName} has ${participant.budgetFen - usedFen} fen of its budget left`, { budgetFen: participant.budgetFen, usedFen, org: participant.orgName });
}
