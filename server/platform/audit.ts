import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Ctx } from './context.js';

export interface AuditEntry {
  objectType?: string;
  objectId?: string | null;
  /** The org the object belongs to; scopes who may read the entry. Defaults to the actor's org. */
  orgId?: string | null;
  orgPath?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
}

/** Writes one audit row. Call it with the verb's transaction so the entry commits with the change. */
export async function audit(db: DbOrTx, ctx: Ctx, action: string, entry: AuditEntry = {}): Promise<void> {
  await db.insert(auditLog).values({
    at: ctx.clock.now(),
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? (entry.details?.username as string | undefined) ?? null,
    actorOrgId: ctx.actor?.orgId ?? null,
    actorOrgPath: ctx.actor?.orgPath ?? null,
    orgId: entry.orgId ?? ctx.actor?.orgId ?? null,
    orgPath: entry.orgPath ?? ctx.actor?.orgPath ?? null,
    action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome ?? 'success',
    requestId: ctx.requestId,
    ip: ctx.ip ?? null,
    details: entry.details ?? {},
  });
}
