import type { DbOrTx } from '../../../db/client.js';
import { applicationEvents } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';

/** Appends one entry to an application's history (shown on its page and on the printed form). */
export async function appendApplicationEvent(
  tx: DbOrTx,
  ctx: Ctx,
  applicationId: string,
  action: string,
  e: { fromStatus?: string | null; toStatus?: string | null; reason?: string | null; details?: Record<string, unknown> } = {},
) {
  await tx.insert(applicationEvents).values({
    applicationId,
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
