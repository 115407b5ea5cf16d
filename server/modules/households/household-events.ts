import type { DbOrTx } from '../../db/client.js';
import { householdEvents } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';

/** Appends one entry to a household's history (shown on its page). */
export async function appendHouseholdEvent(
  tx: DbOrTx,
  ctx: Ctx,
  householdId: string,
  action: string,
  e: { fromStatus?: string | null; toStatus?: string | null; reason?: string | null; details?: Record<string, unknown> } = {},
) {
  await tx.insert(householdEvents).values({
    householdId,
    at: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    actorOrgId: ctx.actor?.orgId ?? null,
    action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    reason: e.reason ?? null,
    details: e.details ?? {},
  });
}
