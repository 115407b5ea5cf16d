import { and, eq } from 'drizzle-orm';
import { ObjectionInput, ResolveObjectionInput } from '../../../contracts/households.js';
import { householdObjections } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { appendHouseholdEvent } from './household-events.js';
import { applyHouseholdStep } from './run-household-step.js';
import { getHouseholdInScope } from './households.queries.js';

/** Records an objection raised during the public notice (公示异议); approval waits until it is resolved. */
export async function recordObjection({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'household.review');
  const data = ObjectionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
    if (h.status !== 'in_notice') throw conflict('status', 'objections are recorded during the public notice', { status: h.status });
    const [row] = await tx
      .insert(householdObjections)
      .values({ householdId: id, content: data.content, raisedBy: data.raisedBy ?? null, raisedAt: ctx.clock.now(), recordedBy: actor.userId })
      .returning();
    await appendHouseholdEvent(tx, ctx, id, 'objection', { details: { objectionId: row.id } });
    await audit(tx, ctx, 'household.objection', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { objectionId: row.id } });
    return { id: row.id };
  });
}

/** Resolves an objection; an upheld one sends the household back (returned) with the resolution as reason. */
export async function resolveObjection({ ctx, id, objectionId, input }: { ctx: Ctx; id: string; objectionId: string; input: unknown }) {
  const actor = await authorize(ctx, 'household.review');
  const data = ResolveObjectionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
    const [objection] = await tx
      .select()
      .from(householdObjections)
      .where(and(eq(householdObjections.id, objectionId), eq(householdObjections.householdId, id)));
    if (!objection) throw notFound('objection');
    if (objection.resolvedAt) throw conflict('already_resolved', 'this objection is already resolved');
    await tx
      .update(householdObjections)
      .set({ resolution: data.resolution, upheld: data.upheld, resolvedAt: ctx.clock.now(), resolvedBy: actor.userId })
      .where(eq(householdObjections.id, objectionId));
    await appendHouseholdEvent(tx, ctx, id, 'objection_resolved', { reason: data.resolution, details: { objectionId, upheld: data.upheld } });
    await audit(tx, ctx, 'household.resolve_objection', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { objectionId, upheld: data.upheld } });
    // An upheld objection during the notice is a return, under the return step's own rules; its reason
    // is the resolution (kept whole on the objection), within the 500 characters a reason allows.
    const reason = Array.from(data.resolution).slice(0, 500).join('');
    const status = data.upheld && h.status === 'in_notice' ? (await applyHouseholdStep(tx, ctx, h, 'return', { reason })).status : h.status;
    return { id: objectionId, upheld: data.upheld, status };
  });
}
