import type { DbOrTx } from '../../db/client.js';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { DuplicateIdError } from './household-id-claims.js';

/**
 * Where an actor learned that people are on file: a lookup by ID number, a filing, correction or
 * reopening refused because the person is in another open household, or an import's error report.
 */
export type DuplicateHitSource = 'lookup' | 'filing' | 'correction' | 'reopen' | 'import';

export const DUPLICATE_HIT_ACTION = 'household.duplicate_hit';

// Enough for the auditor to follow up; an import of 100,000 known people need not list every org.
const MAX_ORGS_LISTED = 100;

export interface DuplicateHit {
  /** How many ID numbers were found on file. */
  count: number;
  /** The orgs holding them (ids, never ID numbers). */
  holdingOrgIds: string[];
  /** The household being worked on, when there is one (a correction, a reopening). */
  householdId?: string;
  /** The org the answer was about (an import's target org); defaults to the actor's. */
  org?: { id: string; path: string };
}

/** One audit row per answer that told someone that people are on file, so the auditor can list them by actor. */
export async function auditDuplicateHit(db: DbOrTx, ctx: Ctx, source: DuplicateHitSource, hit: DuplicateHit): Promise<void> {
  const holdingOrgIds = [...new Set(hit.holdingOrgIds)];
  await audit(db, ctx, DUPLICATE_HIT_ACTION, {
    objectType: hit.householdId ? 'household' : undefined,
    objectId: hit.householdId ?? null,
    orgId: hit.org?.id,
    orgPath: hit.org?.path,
    details: { source, count: hit.count, holdingOrgIds: holdingOrgIds.slice(0, MAX_ORGS_LISTED), moreOrgs: Math.max(0, holdingOrgIds.length - MAX_ORGS_LISTED) },
  });
}

/**
 * Runs a verb that claims ID numbers; when it is refused because a person is on file elsewhere, the
 * hit is audited after the verb's transaction has rolled back (an entry inside it would vanish).
 */
export async function auditingDuplicateHits<T>(ctx: Ctx, source: DuplicateHitSource, run: () => Promise<T>, householdId?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DuplicateIdError) await auditDuplicateHit(ctx.db, ctx, source, { count: 1, holdingOrgIds: err.holdingOrgId ? [err.holdingOrgId] : [], householdId });
    throw err;
  }
}
