import { and, eq, isNull, sql } from 'drizzle-orm';
import { FollowUpInput, ReasonInput, StartNoticeInput, VisitInput } from '../../../contracts/households.js';
import { householdObjections, households, householdVisits } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { audit } from '../../platform/audit.js';
import { authorize, requireActor } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { addDays, addYears, chinaDate } from '../../platform/dates.js';
import { forbidden, preconditionFailed } from '../../platform/errors.js';
import { appendHouseholdEvent } from './household-events.js';
import { auditingDuplicateHits } from './duplicate-hits.js';
import { claimIdNumbers, releaseIdNumbers } from './household-id-claims.js';
import { householdMembers } from '../../db/schema/index.js';
import { memberClaims } from './household-record.js';
import { getHouseholdInScope, type HouseholdWithOrg } from './households.queries.js';
import { assertStepAllowed, permissionFor, STEPS, type StepName } from './households.policy.js';

type Changes = Partial<typeof households.$inferInsert>;
interface StepEffect {
  changes: Changes;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** What each step checks and writes beyond the status change. */
const EFFECTS: Record<StepName, (tx: Tx, ctx: Ctx, h: HouseholdWithOrg, input: unknown, today: string) => Promise<StepEffect>> = {
  check: async () => ({ changes: {} }),
  visit: async (tx, ctx, h, input) => {
    const v = VisitInput.parse(input);
    await tx.insert(householdVisits).values({ householdId: h.id, kind: 'home_visit', visitDate: v.visitDate, visitors: v.visitors, findings: v.findings, consentSigned: v.consentSigned, recordedBy: ctx.actor!.userId, recordedAt: ctx.clock.now() });
    return { changes: {}, details: { visitDate: v.visitDate, visitors: v.visitors } };
  },
  start_notice: async (_tx, _ctx, _h, input, today) => {
    const v = StartNoticeInput.parse(input ?? {});
    const noticeEndsOn = addDays(today, v.noticeDays - 1);
    return { changes: { noticeStartsOn: today, noticeEndsOn }, reason: v.note ?? null, details: { noticeDays: v.noticeDays, noticeEndsOn } };
  },
  approve: async (tx, _ctx, h, _input, today) => {
    if (!h.noticeEndsOn || today <= h.noticeEndsOn)
      throw preconditionFailed('notice_running', `the public notice runs until ${h.noticeEndsOn}`, { noticeEndsOn: h.noticeEndsOn });
    const [open] = await tx
      .select({ id: householdObjections.id })
      .from(householdObjections)
      .where(and(eq(householdObjections.householdId, h.id), isNull(householdObjections.resolvedAt)));
    if (open) throw preconditionFailed('objection_open', 'an objection raised during the notice is not resolved');
    return { changes: { archivedAt: new Date(`${today}T00:00:00+08:00`), lastVerifiedOn: today, nextVerificationDue: addYears(today, 1) } };
  },
  return: async (_tx, _ctx, _h, input) => ({ changes: {}, reason: ReasonInput.parse(input).reason }),
  resubmit: async (_tx, ctx) => ({ changes: { submittedBy: ctx.actor!.userId, noticeStartsOn: null, noticeEndsOn: null } }),
  reject: async (tx, _ctx, h, input) => {
    const { reason } = ReasonInput.parse(input);
    await releaseIdNumbers(tx, h.id);
    return { changes: {}, reason };
  },
  verify: async (tx, ctx, h, input, today) => {
    const v = VisitInput.parse(input);
    await tx.insert(householdVisits).values({ householdId: h.id, kind: 'verification', visitDate: v.visitDate, visitors: v.visitors, findings: v.findings, consentSigned: v.consentSigned, recordedBy: ctx.actor!.userId, recordedAt: ctx.clock.now() });
    return { changes: { lastVerifiedOn: v.visitDate, nextVerificationDue: addYears(v.visitDate > today ? today : v.visitDate, 1) }, details: { visitDate: v.visitDate } };
  },
  lift: async (_tx, ctx, _h, input) => {
    const { reason } = ReasonInput.parse(input);
    return { changes: { liftedAt: ctx.clock.now(), liftReason: reason, nextVerificationDue: null }, reason };
  },
  follow_up: async (tx, ctx, h, input) => {
    const v = FollowUpInput.parse(input);
    await tx.insert(householdVisits).values({ householdId: h.id, kind: 'follow_up', visitDate: v.contactDate, visitors: v.method, findings: v.notes, consentSigned: false, recordedBy: ctx.actor!.userId, recordedAt: ctx.clock.now() });
    return { changes: {}, details: { contactDate: v.contactDate, method: v.method } };
  },
  reopen: async (_tx, _ctx, _h, input, today) => {
    const { reason } = ReasonInput.parse(input);
    return { changes: { relapsed: true, liftedAt: null, liftReason: null, lastVerifiedOn: today, nextVerificationDue: addYears(today, 1) }, reason };
  },
  close: async (tx, _ctx, h, input) => {
    const { reason } = ReasonInput.parse(input);
    await releaseIdNumbers(tx, h.id);
    return { changes: { nextVerificationDue: null }, reason };
  },
};

/** Runs one workflow step: permission, scope, status, level and maker-checker rules, then the change, history and audit. */
export async function runHouseholdStep({ ctx, id, step, input }: { ctx: Ctx; id: string; step: StepName; input?: unknown }) {
  const actor = requireActor(ctx);
  // The permission a return needs depends on the stage, so read the household (in scope) first;
  // authorize() writes its denial outside any transaction.
  const current = await getHouseholdInScope(ctx.db, actor, id);
  await authorize(ctx, permissionFor(step, current.status));
  const run = () =>
    ctx.db.transaction(async (tx) => {
      const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
      if (!actor.permissions.has(permissionFor(step, h.status))) throw forbidden(permissionFor(step, h.status));
      return applyHouseholdStep(tx, ctx, h, step, input);
    });
  // Reopening takes the ID numbers again: refused, it tells where the person is now on file.
  return step === 'reopen' ? auditingDuplicateHits(ctx, 'reopen', run, id) : run();
}

/**
 * The step itself inside the caller's transaction, on a household read in scope with a row lock:
 * status, level and maker-checker rules, then the change, history and audit. Also used where another
 * action leads to a step (an upheld objection returns the household).
 */
export async function applyHouseholdStep(tx: Tx, ctx: Ctx, h: HouseholdWithOrg, step: StepName, input?: unknown) {
  const actor = requireActor(ctx);
  const id = h.id;
  assertStepAllowed(step, h, actor);
  const today = chinaDate(ctx.clock.now());
  const effect = await EFFECTS[step](tx, ctx, h, input, today);
  const toStatus = STEPS[step].to === 'same' ? h.status : STEPS[step].to;
  if (step === 'reopen') {
    const members = await tx.select({ idHash: householdMembers.idHash }).from(householdMembers).where(eq(householdMembers.householdId, id));
    await claimIdNumbers(tx, id, [{ hash: h.idHash, role: 'worker', field: 'idNumber' }, ...memberClaims(members)]);
  }
  await tx
    .update(households)
    .set({ ...effect.changes, status: toStatus, updatedAt: ctx.clock.now(), version: sql`${households.version} + 1` })
    .where(eq(households.id, id));
  await appendHouseholdEvent(tx, ctx, id, step, { fromStatus: h.status, toStatus, reason: effect.reason, details: effect.details });
  await audit(tx, ctx, `household.${step}`, {
    objectType: 'household',
    objectId: id,
    orgId: h.orgId,
    orgPath: h.orgPath,
    details: { caseNo: h.caseNo, from: h.status, to: toStatus, ...(effect.reason ? { reason: effect.reason } : {}) },
  });
  return { id, status: toStatus };
}
